@testable import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation

/// Builds and runs Byzantine battles for the tests.
enum ByzantineTestSupport {
    /// `new byzantine N options`, `order ORDER` via n1, run until every general is done (through
    /// any violation the monitor reports).
    static func battle(_ n: Int, _ options: [(String, String)] = [], order: String = "attack", seed: UInt64 = 1,
                       until end: SimTime = .seconds(2)) throws -> Simulation<ByzantineNode> {
        var sim = try Simulation<ByzantineNode>(nodeCount: n, seed: seed, options: options.map { (key: $0.0, value: $0.1) })
        ByzantineChecker.configure(&sim)
        try sim.submit(Operation(name: "order", input: [order]), via: NodeID(index: 0))
        finish(&sim, at: end)
        return sim
    }

    /// Runs to `end`, carrying on past violations.
    static func finish(_ sim: inout Simulation<ByzantineNode>, at end: SimTime) {
        for _ in 0..<20 where !sim.run(to: end) {}
    }

    /// The loyal lieutenants' decisions, by name.
    static func decisions(_ sim: Simulation<ByzantineNode>) -> [String: ByzantineOrder] {
        var result: [String: ByzantineOrder] = [:]
        for node in sim.nodes where !node.isCommander && !node.isTraitor { if let d = node.decision { result[node.id.description] = d } }
        return result
    }

    /// Every message sent so far, from the trace.
    static func sent(_ sim: Simulation<ByzantineNode>) -> [(from: NodeID, to: NodeID, message: ByzantineMessage)] {
        sim.trace.records(from: 0).compactMap { record in
            if case .send(let envelope) = record.event, case .message(let message) = envelope.payload { return (envelope.from, envelope.to, message) }
            return nil
        }
    }
}
