import LightconeSimulation

/// The help text, read from the command specs and the protocols' declarations, so it says
/// exactly what the parser accepts.
public enum CommandHelp {
    /// Every name `help NAME` knows: the generic commands, every protocol's operations and
    /// commands in this build.
    public static func names(in catalog: ProtocolCatalog) -> [String] {
        var names = CommandSpecs.names
        for name in catalog.operationNames + catalog.commandNames where !names.contains(name) { names.append(name) }
        return names
    }

    /// The text of `help` (no topic): commands by group, then the current protocol's commands
    /// and the conditions it understands.
    /// `conditions` replaces the list of condition forms (the session passes those that apply
    /// to its protocol).
    public static func overview(protocolName: String, catalog: ProtocolCatalog, conditions: [String]? = nil) -> [String] {
        var lines = ["Commands (help NAME for details and an example):"]
        var groups: [String] = []
        for spec in CommandSpecs.all where !groups.contains(spec.group) { groups.append(spec.group) }
        for group in groups {
            var names = CommandSpecs.all.filter { $0.group == group }.map(\.name)
            if group == "Clients" { names = catalog.operationNames + names }
            lines.append("  " + group.padding(12) + names.joined(separator: " "))
        }
        let current = catalog.entry(named: protocolName)
        if let current, !current.commands.isEmpty {
            lines.append("  " + current.name.padding(12) + current.commands.map(\.name).joined(separator: " "))
        }
        lines.append("Conditions (expect, run until, lesson goals): " + (conditions ?? ConditionParser.forms(of: current)).joined(separator: ", "))
        lines.append("Nodes are n1..nN; `leader` names the current leader. Durations: 250ms, 2s, 1m. `#` starts a comment.")
        return lines
    }

    /// The text of `help NAME` for a command, an operation or a protocol command; nil if none.
    /// An operation or command that several protocols declare (`order`: twogenerals and
    /// byzantine) is the current protocol's; when the current one has none, each protocol's
    /// is listed under its name.
    public static func lines(for name: String, catalog: ProtocolCatalog, current: String? = nil) -> [String]? {
        if let spec = CommandSpecs.spec(name) {
            return ["usage: \(spec.usage)", spec.summary, "example: \(spec.example)"]
        }
        let currentEntry = current.flatMap { catalog.entry(named: $0) }
        if let entry = currentEntry, let op = entry.operations.first(where: { $0.name == name }) {
            return ["usage: \(op.usage)", op.helpSummary, "example: \(op.example)"]
        }
        if let entry = currentEntry, let command = entry.commands.first(where: { $0.name == name }) {
            return ["usage: \(command.usage)", "\(command.summary) (\(entry.name))", "example: \(command.example)"]
        }
        var declared: [(protocolName: String, lines: [String])] = []
        for entry in catalog.entries {
            if let op = entry.operations.first(where: { $0.name == name }) {
                declared.append((entry.name, ["usage: \(op.usage)", op.helpSummary, "example: \(op.example)"]))
            } else if let command = entry.commands.first(where: { $0.name == name }) {
                declared.append((entry.name, ["usage: \(command.usage)", "\(command.summary) (\(entry.name))", "example: \(command.example)"]))
            }
        }
        guard declared.count > 1 else { return declared.first?.lines }
        // The protocols agree on one usage (`put` in raft, kv-cp, kv-ap): say it once.
        if Set(declared.map(\.lines)).count == 1 { return declared[0].lines }
        var lines = ["\(name) belongs to " + declared.map(\.protocolName).joined(separator: ", ") + ":"]
        for item in declared {
            lines.append("\(item.protocolName):")
            lines += item.lines.map { "  " + $0 }
        }
        return lines
    }
}

extension OperationSpec {
    /// The help of a client operation: what it does, and how its client behaves.
    var helpSummary: String {
        let first = summary.prefix(1).uppercased() + summary.dropFirst()
        return first.hasSuffix(".") ? first : first + "."
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
