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

    var total = 0
    init(id: NodeID, nodeCount: Int, config: Config) {}
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
