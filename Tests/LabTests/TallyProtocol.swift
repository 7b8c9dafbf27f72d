import LightconeCheckers
import LightconeLab
import LightconeSimulation

/// A minimal protocol added on top of the build, in the tests only, to show that a protocol
/// brings its own commands, conditions, roles and checker without touching the lab: every
/// node keeps a tally; `mark NODE` (a node command) raises it by one, `tallies` (a read-only
/// command) lists them; conditions `tally N on NODE` and `no marks`; role `counter`.
struct TallyNode: ProtocolNode {
    enum Message: ProtocolMessage {
        case marked(Int)
        var label: String { "M" }
        var traceText: String { if case .marked(let n) = self { return "Marked tally=\(n)" }; return "" }
        var isReply: Bool { false }
    }
    enum Timer: Int, ProtocolTimer {
        case unused
        var name: String { "unused" }
    }

    static let name = "tally"
    static let summary = "a tally per node (tests only)"
    static let defaultNodeCount = 3
    static let nodeCounts = 1...9
    static let options: [OptionSpec] = []
    static let operations: [OperationSpec] = []
    static let roles = [RoleSpec("counter", .passive)]
    static let messageLabels = [MessageLabelSpec("M", "a node tells its peers its new tally")]

    static var conditions: [ConditionForm] {
        [
            ConditionForm("tally", syntax: "tally N on NODE", summary: "NODE's tally is N") { words throws(OptionError) in
                guard words.count == 3, Int(words[0]) != nil, words[1] == "on" else { throw OptionError("should read: tally N on NODE") }
                return [words[0], try ProtocolCommandWords.node(words[2], nodeCount: 9)]
            },
            ConditionForm("no marks", syntax: "no marks", summary: "no node has been marked") { words throws(OptionError) in
                guard words.isEmpty else { throw OptionError("should read: no marks") }
                return []
            },
        ]
    }

    static var commands: [ProtocolCommand<TallyNode>] {
        [
            .toNode("mark", usage: "mark NODE", summary: "Raise the node's tally by one.", example: "mark n1"),
            ProtocolCommand("tallies", usage: "tallies", summary: "Every node's tally.", example: "tallies", isReadOnly: true,
                parse: { words, _ throws(OptionError) in
                    guard words.isEmpty else { throw OptionError("tallies takes nothing") }
                    return []
                },
                perform: { _, simulation throws(SimulationError) in
                    ["tallies: " + simulation.nodes.map { String($0.tally) }.joined(separator: " ")]
                }),
        ]
    }

    struct Config: Sendable {}

    static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> Config {
        if let first = options.first { throw OptionError("tally takes no options, not \(first.key)=") }
        return Config()
    }

    var tally = 0
    init(id: NodeID, nodeCount: Int, config: Config) {}
    mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<TallyNode>) {
        guard name == "mark" else { return }
        tally += 1
        ctx.sendToPeers(.marked(tally))
        ctx.note("tally \(tally)")
    }
    mutating func start(_ ctx: inout Context<TallyNode>) {}
    mutating func receive(_ message: Message, from sender: NodeID, _ ctx: inout Context<TallyNode>) {}
    mutating func timerFired(_ timer: Timer, _ ctx: inout Context<TallyNode>) {}
    mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<TallyNode>) {}
    mutating func crash() {}
    var role: String { "counter" }
    var summaryLines: [String] { ["tally \(tally)"] }
    func inspect() -> [String] { ["tally \(tally)"] }
    static func evaluate(_ condition: Condition, in cluster: ClusterState<TallyNode>) -> ConditionOutcome? {
        guard case .protocolCondition(let keyword, let args) = condition else { return nil }
        switch keyword {
        case "tally":
            guard let n = Int(args[0]), let id = NodeID(name: args[1]), id.index < cluster.nodes.count else { return nil }
            let tally = cluster.nodes[id.index].tally
            return ConditionOutcome(holds: tally == n, actual: "\(id)'s tally is \(tally)")
        case "no marks":
            let total = cluster.nodes.map(\.tally).reduce(0, +)
            return ConditionOutcome(holds: total == 0, actual: "\(total) marks")
        default: return nil
        }
    }
}

/// The tally protocol's checker: nothing to find.
enum TallyChecker: ProtocolChecker {
    typealias Node = TallyNode
    static func check(_ simulation: Simulation<TallyNode>) -> CheckReport { CheckReport(lines: ["check: ok (tallies only grow)"]) }
}

extension SessionOptions {
    /// Options whose catalog has the tally protocol beside the build's.
    static var withTally: SessionOptions {
        var options = SessionOptions()
        options.protocols = ProtocolRegistry.builtIn.adding(ProtocolRegistry.entry(TallyNode.self, checker: TallyChecker.self))
        options.startCommand = "new tally 3"
        return options
    }
}
