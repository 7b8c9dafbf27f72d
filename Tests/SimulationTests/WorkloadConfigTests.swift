import LightconeSimulation
import Testing

/// A minimal test protocol: each node keeps a counter that `add N` raises; its config says
/// which step the load uses, so a workload must see the config.
struct CounterNode: ProtocolNode {
    enum Message: ProtocolMessage {
        case none
        var label: String { "-" }
        var traceText: String { "none" }
        var isReply: Bool { false }
    }
    enum Timer: Int, ProtocolTimer {
        case unused
        var name: String { "unused" }
    }
    struct Config: Sendable { var step = 1 }

    static let name = "counter"
    static let summary = "a counter per node (tests only)"
    static let defaultNodeCount = 3
    static let nodeCounts = 1...10
    static let options = [OptionSpec("step", "N", "what load adds each time (default 1)")]
    static let operations = [OperationSpec(name: "add", hasKey: false, inputCount: 1, usage: "add N", summary: "adds N")]

    static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> Config {
        var config = Config()
        for (key, value) in options {
            guard key == "step", let step = Int(value) else { throw OptionError("counter takes step=N") }
            config.step = step
        }
        return config
    }

    static var commands: [ProtocolCommand<CounterNode>] {
        [.toNode("bump", usage: "bump NODE", summary: "adds one to the node's counter", example: "bump n1")]
    }

    var total = 0
    init(id: NodeID, nodeCount: Int, config: Config) {}
    mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<CounterNode>) {
        guard name == "bump" else { return }
        total += 1
        ctx.sendToPeers(.none)
        ctx.note("total \(total)")
    }
    mutating func start(_ ctx: inout Context<CounterNode>) {}
    mutating func receive(_ message: Message, from sender: NodeID, _ ctx: inout Context<CounterNode>) {}
    mutating func timerFired(_ timer: Timer, _ ctx: inout Context<CounterNode>) {}
    mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<CounterNode>) {
        total += Int(operation.input.first ?? "") ?? 0
        ctx.reply(request, .ok(String(total)))
    }
    mutating func crash() {}
    var role: String { "node" }
    var summaryLines: [String] { ["total \(total)"] }
    func inspect() -> [String] { ["total \(total)"] }
    static func evaluate(_ condition: Condition, in cluster: ClusterState<CounterNode>) -> ConditionOutcome? { nil }
    static func randomOperation(config: Config, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        Operation(name: "add", input: [String(config.step)])
    }
}

@Suite struct WorkloadConfigTests {
    @Test("load draws its operations seeing the protocol's config")
    func loadSeesTheConfig() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 2, seed: 1, options: [(key: "step", value: "7")])
        try sim.startLoad(LoadSpec(rate: 20, duration: .seconds(1)))
        sim.run(to: sim.now + .seconds(2))
        #expect(!sim.history.isEmpty)
        #expect(sim.history.allSatisfy { $0.operation.input == ["7"] })
    }
}

/// The entry point for commands that change nodes: delivered to the node's state machine
/// as an event of its own, not as a client request.
@Suite struct NodeCommandTests {
    @Test("a node command is parsed early, runs now on the node, is traced, and stays out of history")
    func bump() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 3, seed: 1, options: [])
        let bump = try #require(sim.protocolCommands.first { $0.name == "bump" })
        #expect(throws: OptionError("unknown node n7; nodes are n1..n3")) { try bump.parse(["n7"], 3) }
        #expect(throws: OptionError("bump needs a node; usage: bump NODE")) { try bump.parse([], 3) }
        let words = try bump.parse(["n2"], 3)
        let before = sim.now
        _ = try sim.performProtocolCommand("bump", arguments: words)
        #expect(sim.nodes[1].total == 1)
        #expect(sim.now == before)
        #expect(sim.history.isEmpty)
        let lines = sim.traceLines(from: 0, notableOnly: false, node: NodeID(index: 1))
        #expect(lines.contains("t=0ms n2 command bump"))
        #expect(lines.contains("t=0ms n2 total 1"))
        #expect(lines.contains { $0.contains("n2->n1 none") })
        try sim.kill(NodeID(index: 1))
        #expect(throws: SimulationError("n2 is down; restart it first")) { try sim.performProtocolCommand("bump", arguments: words) }
    }

}
