import LightconeSimulation

/// The protocols a session offers: the build's (`ProtocolRegistry.builtIn`), or those a test
/// adds beside them. The parser, help, completion and `new` look protocols up here.
public struct ProtocolCatalog: Sendable {
    /// The entries, in the order `help new` lists them.
    public var entries: [ProtocolEntry]

    /// A catalog of these entries.
    public init(_ entries: [ProtocolEntry]) { self.entries = entries }

    /// This catalog with `entry` added (replacing one of the same name).
    public func adding(_ entry: ProtocolEntry) -> ProtocolCatalog {
        ProtocolCatalog(entries.filter { $0.name != entry.name } + [entry])
    }

    /// Protocols of SPEC §4 that later issues bring.
    public var plannedNames: [String] {
        ["raft", "paxos", "twogenerals", "byzantine", "kv-cp", "kv-ap", "bank", "shards", "crdt", "clocks"]
            .filter { name in !entries.contains { $0.name == name } }
    }

    /// Commands of protocols that later issues bring.
    var plannedCommands: [String] {
        ["put", "get", "cas", "propose", "order", "transfer", "query", "trials", "byzantine", "resolve", "event", "send", "hb", "cone"]
            .filter { name in !operationNames.contains(name) && !commandNames.contains(name) }
    }

    /// The names typed after `new`.
    public var names: [String] { entries.map(\.name) }

    /// The protocol called `name`.
    public func entry(named name: String) -> ProtocolEntry? { entries.first { $0.name == name } }

    /// The operation verbs of every protocol.
    public var operationNames: [String] {
        var names: [String] = []
        for entry in entries { for op in entry.operations where !names.contains(op.name) { names.append(op.name) } }
        return names
    }

    /// The names of every protocol command.
    public var commandNames: [String] {
        var names: [String] = []
        for entry in entries { for command in entry.commands where !names.contains(command.name) { names.append(command.name) } }
        return names
    }

    /// The operation spec for a verb, from whichever protocol has it.
    func operationSpec(named verb: String) -> OperationSpec? {
        for entry in entries { if let spec = entry.operations.first(where: { $0.name == verb }) { return spec } }
        return nil
    }
}
