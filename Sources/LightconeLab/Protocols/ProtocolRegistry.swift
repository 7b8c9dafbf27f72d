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
    /// The roles its nodes can be in, each with its kind.
    public var roles: [RoleSpec]
    /// The meters it publishes (the protocol's and its checker's).
    public var meters: [MeterSpec]
    /// The safety properties its checker can find violated.
    public var properties: [String]
    /// The conditions it brings (`committed N`).
    public var conditions: [ConditionForm]
    /// What its message labels mean (`AE✓`).
    public var messageLabels: [MessageLabelSpec]
    /// The commands it brings (`trials N`, `event NODE`): help, completion and parse.
    public var commands: [AnyProtocolCommand]
    /// Builds a cluster (with its live monitors) from a node count, seed and options.
    public var make: @Sendable (Int, UInt64, [OptionPair]) throws(OptionError) -> any ClusterModel
    /// The checker that fits the protocol: lines to print, and a violation if one was found.
    public var check: @Sendable (any ClusterModel) -> CheckReport
}

/// The protocols in this build.
public enum ProtocolRegistry {
    /// The entry of a protocol and its checker (`Sources/LightconeCheckers/<Protocol>/`).
    public static func entry<Checker: ProtocolChecker>(_ type: Checker.Node.Type, checker: Checker.Type) -> ProtocolEntry {
        typealias Node = Checker.Node
        return ProtocolEntry(
            name: Node.name, summary: Node.summary, defaultNodeCount: Node.defaultNodeCount,
            options: Node.options, operations: Node.operations, bugs: Node.bugs, roles: Node.roles,
            meters: Node.meters + Checker.meters, properties: Checker.properties, conditions: Node.conditions,
            messageLabels: Node.messageLabels, commands: Node.commands.map(\.erased),
            make: { (count, seed, options) throws(OptionError) -> any ClusterModel in
                var simulation = try Simulation<Node>(nodeCount: count, seed: seed,
                                                      options: options.map { (key: $0.key, value: $0.value) })
                Checker.configure(&simulation)
                return simulation
            },
            check: { cluster in
                guard let simulation = cluster as? Simulation<Node> else { return CheckReport(lines: ["check: no checker"]) }
                if let first = simulation.violations.first { return .violation(first) }
                return Checker.check(simulation)
            })
    }

    /// Every protocol in this build, in the order `help new` lists them.
    public static let entries: [ProtocolEntry] = [
        entry(RaftNode.self, checker: RaftChecker.self),
        entry(GossipNode.self, checker: GossipChecker.self),
        entry(KVCPNode.self, checker: KVCPChecker.self),
        entry(KVAPNode.self, checker: KVAPChecker.self),
        entry(TwoGeneralsNode.self, checker: TwoGeneralsChecker.self),
        entry(ByzantineNode.self, checker: ByzantineChecker.self),
        entry(PaxosNode.self, checker: PaxosChecker.self),
        entry(BankNode.self, checker: BankChecker.self),
        entry(ShardsNode.self, checker: ShardsChecker.self),
        entry(CRDTNode.self, checker: CRDTChecker.self),
        entry(ClocksNode.self, checker: ClocksChecker.self),
    ]

    /// The protocols of this build as a catalog (what sessions use unless told otherwise).
    public static let builtIn = ProtocolCatalog(entries)

    /// The names typed after `new`.
    public static var names: [String] { builtIn.names }

    /// The protocol called `name`.
    public static func entry(named name: String) -> ProtocolEntry? { builtIn.entry(named: name) }
}
