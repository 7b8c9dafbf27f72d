import LightconeCheckers
import LightconeProtocols
import LightconeSimulation
import Testing

/// A test protocol (tests only) that embeds a `RaftNode` as a part and serves `put`, `get`
/// and `cas` through it: its messages wrap Raft's, its timers are Raft's under its own names.
struct ReplicatedStoreNode: ProtocolNode {
    enum Message: ProtocolMessage {
        case raft(RaftMessage)
        var inner: RaftMessage { switch self { case .raft(let message): message } }
        var label: String { inner.label }
        var traceText: String { "raft " + inner.traceText }
        var isReply: Bool { inner.isReply }
    }
    enum Timer: Int, ProtocolTimer {
        case raftElection, raftHeartbeat
        init(_ timer: RaftTimer) { self = timer == .election ? .raftElection : .raftHeartbeat }
        var raft: RaftTimer { self == .raftElection ? .election : .heartbeat }
        var name: String { "raft-" + raft.name }
    }
    typealias Config = RaftConfig

    static let name = "replicated-store"
    static let summary = "a store that replicates through an embedded Raft group (tests only)"
    static let defaultNodeCount = 3
    static let nodeCounts = 1...9
    static let options: [OptionSpec] = []
    static var operations: [OperationSpec] { RaftNode.operations }
    static let hasLeaders = true
    static var roles: [RoleSpec] { RaftNode.roles }

    static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> RaftConfig {
        try RaftNode.makeConfig(nodeCount: nodeCount, options: options)
    }

    var raft: RaftNode
    init(id: NodeID, nodeCount: Int, config: RaftConfig) { raft = RaftNode(id: id, nodeCount: nodeCount, config: config) }

    mutating func start(_ ctx: inout Context<Self>) {
        ctx.embed(&raft, message: Message.raft, timer: Timer.init) { raft, inner in raft.start(&inner) }
    }
    mutating func receive(_ message: Message, from sender: NodeID, _ ctx: inout Context<Self>) {
        let inner = message.inner
        ctx.embed(&raft, message: Message.raft, timer: Timer.init) { raft, context in raft.receive(inner, from: sender, &context) }
    }
    mutating func timerFired(_ timer: Timer, _ ctx: inout Context<Self>) {
        ctx.embed(&raft, message: Message.raft, timer: Timer.init) { raft, context in raft.timerFired(timer.raft, &context) }
    }
    mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<Self>) {
        ctx.embed(&raft, message: Message.raft, timer: Timer.init) { raft, context in
            raft.clientRequest(operation, request: request, &context)
        }
    }
    mutating func crash() { raft.crash() }

    var role: String { raft.role }
    var leaderTerm: Int? { raft.leaderTerm }
    var epoch: Int? { raft.epoch }
    var summaryLines: [String] { raft.summaryLines }
    func inspect() -> [String] { raft.inspect() }
    static func evaluate(_ condition: Condition, in cluster: ClusterState<Self>) -> ConditionOutcome? { nil }
    static func randomOperation(config: RaftConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        RaftNode.randomOperation(config: config, keys: keys, using: &rng)
    }
}

@Suite("Composition: a protocol embedding RaftNode")
struct EmbeddedRaftTests {
    @Test("the embedded group elects a leader and serves put and get; the trace shows Raft's labels")
    func servesThroughRaft() throws {
        var sim = try Simulation<ReplicatedStoreNode>(nodeCount: 3, seed: 1, options: [])
        _ = sim.run(until: .leader(nil), deadline: .seconds(5))
        #expect(sim.leader != nil)
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: nil)
        sim.run(to: sim.now + .seconds(1))
        try sim.submit(Operation(name: "get", key: "x"), via: nil)
        sim.run(to: sim.now + .seconds(1))
        #expect(sim.history.map(\.outcome) == [.ok, .ok])
        #expect(sim.history.last?.output == "1")
        let lines = sim.traceLines(from: 0, notableOnly: false, node: nil)
        #expect(lines.contains { $0.contains(" raft AppendEntries ") })
        #expect(lines.contains { $0.contains("timer raft-election") })
    }

    @Test("linearizable under chaos and load", arguments: 1...8)
    func linearizableUnderChaos(seed: UInt64) throws {
        var sim = try Simulation<ReplicatedStoreNode>(nodeCount: 5, seed: seed, options: [])
        try sim.startLoad(LoadSpec(rate: 30, duration: .seconds(8), clients: 4, keys: 2))
        try sim.startChaos(for: .seconds(8), faults: .all)
        sim.run(to: .seconds(10))
        #expect(sim.history.count > 50)
        #expect(LinearizabilityChecker.check(sim.history).isLinearizable, "seed \(seed)")
    }
}
