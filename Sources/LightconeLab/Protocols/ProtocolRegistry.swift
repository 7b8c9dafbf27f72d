import LightconeCheckers
import LightconeProtocols
import LightconeSimulation

/// One protocol as the lab offers it: how to build a cluster, and what `check` runs.
public struct ProtocolEntry: Sendable {
    public var name: String
    public var summary: String
    public var defaultNodeCount: Int
    public var options: [OptionSpec]
    public var operations: [OperationSpec]
    public var bugs: [BugSpec]
    /// Builds a cluster (with its live monitors) from a node count, seed and options.
    public var make: @Sendable (Int, UInt64, [OptionPair]) throws(OptionError) -> any ClusterModel
    /// The checker that fits the protocol: lines to print, and a violation if one was found.
    public var check: @Sendable (any ClusterModel) -> CheckReport
}

/// What `check` found.
public struct CheckReport: Sendable {
    /// The verdict line and its details, e.g. `check: ok (5 properties hold, linearizable)`.
    public var lines: [String]
    /// The violation found, if any.
    public var violation: Violation?

    public init(lines: [String], violation: Violation? = nil) {
        self.lines = lines
        self.violation = violation
    }
}

/// The protocols in this build.
public enum ProtocolRegistry {
    /// Builds an entry for a protocol type; `configure` sets monitors and hooks on a new cluster.
    public static func entry<Node: ProtocolNode>(
        _ type: Node.Type,
        configure: @escaping @Sendable (inout Simulation<Node>) -> Void = { _ in },
        check: @escaping @Sendable (Simulation<Node>) -> CheckReport
    ) -> ProtocolEntry {
        ProtocolEntry(
            name: Node.name, summary: Node.summary, defaultNodeCount: Node.defaultNodeCount,
            options: Node.options, operations: Node.operations, bugs: Node.bugs,
            make: { (count, seed, options) throws(OptionError) -> any ClusterModel in
                var simulation = try Simulation<Node>(nodeCount: count, seed: seed,
                                                      options: options.map { (key: $0.key, value: $0.value) })
                configure(&simulation)
                return simulation
            },
            check: { cluster in
                guard let simulation = cluster as? Simulation<Node> else { return CheckReport(lines: ["check: no checker"]) }
                if let first = simulation.violations.first {
                    return CheckReport(lines: ["check: VIOLATION \(first.property): \(first.message)"], violation: first)
                }
                return check(simulation)
            })
    }

    /// Every protocol in this build, in the order `help new` lists them.
    public static let entries: [ProtocolEntry] = [
        entry(RaftNode.self, configure: { sim in
            sim.monitor = RaftSafetyMonitor()
            sim.conditionHook = { condition, state in linearizabilityOutcome(condition, history: state.history) }
        }, check: { sim in
            let properties = "ElectionSafety, LeaderAppendOnly, LogMatching, LeaderCompleteness and StateMachineSafety held after every event"
            let count = sim.history.count
            switch LinearizabilityChecker.check(sim.history) {
            case .linearizable:
                return CheckReport(lines: ["check: ok (\(properties); linearizable, \(count) operation\(count == 1 ? "" : "s"))"])
            case .unknown(let reason):
                return CheckReport(lines: ["check: ok (\(properties); linearizability unknown: \(reason))"])
            case .notLinearizable(let key, let explanation):
                let violation = Violation(property: "linearizability", message: "not linearizable on key \(key)")
                return CheckReport(lines: ["check: VIOLATION \(violation.property): \(violation.message)"] + explanation.map { "  " + $0 },
                                   violation: violation)
            }
        }),
        entry(GossipNode.self, check: { sim in
            let outcome = sim.evaluate(.converged)
            let values = Set(sim.nodes.flatMap(\.known)).count
            if outcome?.holds == true {
                return CheckReport(lines: ["check: ok (converged: every up node knows the same \(values) value\(values == 1 ? "" : "s"))"])
            }
            return CheckReport(lines: ["check: ok (no safety property to break; not converged yet: \(outcome?.actual ?? "?"))"])
        }),
    ]

    /// Protocols of SPEC §4 that later issues bring.
    public static let plannedNames = ["raft", "paxos", "twogenerals", "byzantine", "kv-cp", "kv-ap", "bank", "shards", "crdt", "clocks"]
        .filter { name in !entries.contains { $0.name == name } }

    /// Commands of protocols that later issues bring.
    static let plannedCommands = ["put", "get", "cas", "propose", "order", "transfer", "query", "edit", "trials", "byzantine", "resolve", "event", "send", "hb", "cone"]
        .filter { name in !operationNames.contains(name) }

    /// The names typed after `new`.
    public static var names: [String] { entries.map(\.name) }

    /// The protocol called `name`.
    public static func entry(named name: String) -> ProtocolEntry? { entries.first { $0.name == name } }

    /// The operation verbs of every protocol.
    public static var operationNames: [String] {
        var names: [String] = []
        for entry in entries { for op in entry.operations where !names.contains(op.name) { names.append(op.name) } }
        return names
    }

    /// The operation spec for a verb, from whichever protocol has it.
    static func operationSpec(named verb: String) -> OperationSpec? {
        for entry in entries { if let spec = entry.operations.first(where: { $0.name == verb }) { return spec } }
        return nil
    }
}

/// Answers `linearizable` and `not linearizable` for a key-value history.
func linearizabilityOutcome(_ condition: Condition, history: [HistoryEntry]) -> ConditionOutcome? {
    let wantsLinearizable: Bool
    switch condition {
    case .linearizable: wantsLinearizable = true
    case .notLinearizable: wantsLinearizable = false
    default: return nil
    }
    let verdict = LinearizabilityChecker.check(history)
    let actual: String
    switch verdict {
    case .linearizable: actual = "the history is linearizable"
    case .notLinearizable(let key, _): actual = "the history is not linearizable on key \(key)"
    case .unknown(let reason): actual = "linearizability unknown: \(reason)"
    }
    return ConditionOutcome(holds: wantsLinearizable ? verdict.isLinearizable : verdict.isViolation, actual: actual)
}
