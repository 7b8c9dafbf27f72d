import LightconeSimulation

/// What the parser needs to know about the session: the cluster's size and protocol.
public struct ParseContext: Sendable {
    /// Nodes in the current cluster (node names above it are errors).
    public var nodeCount: Int
    /// The current protocol's name.
    public var protocolName: String
    /// The protocols the session offers.
    public var catalog: ProtocolCatalog

    /// A context for a cluster of `nodeCount` nodes running `protocolName`.
    public init(nodeCount: Int, protocolName: String, catalog: ProtocolCatalog = ProtocolRegistry.builtIn) {
        self.nodeCount = nodeCount
        self.protocolName = protocolName
        self.catalog = catalog
    }

    /// The current protocol's entry.
    public var protocolEntry: ProtocolEntry? { catalog.entry(named: protocolName) }
}

/// Parses one line of the command language (SPEC §2) into a `Command`.
///
/// `try CommandParser.parse("partition n1 n2 | n3", context: ctx)` gives
/// `.partition([[.node(n1), .node(n2)], [.node(n3)]])`; mistakes give one-line errors with a
/// suggestion ("unknown node n7; nodes are n1..n5").
public enum CommandParser {
    /// Strips a `#` comment and surrounding blanks.
    public static func stripComment(_ line: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in line {
            if character == "#" && previous.isWhitespace { break }
            result.append(character)
            previous = character
        }
        return result.trimmingBlanks()
    }

    /// Parses a line that is not blank or a comment.
    public static func parse(_ line: String, context: ParseContext) throws(CommandError) -> Command {
        let text = stripComment(line)
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { throw CommandError("empty command") }
        let verb = words.removeFirst().lowercased()
        let rest = String(text.dropFirst(text.prefix(while: { !$0.isWhitespace }).count)).trimmingBlanks()
        var parser = ArgumentReader(verb: verb, words: words, rest: rest, context: context)
        return try parser.command()
    }
}

/// Reads a command's arguments, word by word, with errors that name the command's usage.
struct ArgumentReader {
    /// The verb, lower-cased.
    let verb: String
    /// The words not read yet.
    var words: [String]
    /// Everything after the verb as typed (for `echo`, `say`, `lesson`, `source`).
    let rest: String
    let context: ParseContext

    var usage: String {
        if let spec = CommandSpecs.spec(verb) { return spec.usage }
        let current = context.protocolEntry
        return current?.commands.first { $0.name == verb }?.usage ?? context.catalog.operationSpec(named: verb)?.usage ?? verb
    }

    func fail(_ message: String) -> CommandError { CommandError(message) }

    func usageError() -> CommandError { CommandError("usage: \(usage)") }

    mutating func next() -> String? { words.isEmpty ? nil : words.removeFirst() }

    mutating func requireWord(_ what: String) throws(CommandError) -> String {
        guard let word = next() else { throw CommandError("\(verb) needs \(what); usage: \(usage)") }
        return word
    }

    func done() throws(CommandError) {
        if let extra = words.first { throw CommandError("unexpected '\(extra)' after \(verb); usage: \(usage)") }
    }

    func node(_ word: String) throws(CommandError) -> NodeRef {
        try NodeNames.parse(word, nodeCount: context.nodeCount)
    }

    mutating func requireNode() throws(CommandError) -> NodeRef {
        try node(requireWord("a node"))
    }

    func duration(_ word: String) throws(CommandError) -> SimDuration {
        guard let value = DurationText.parse(word) else {
            throw CommandError("'\(word)' is not a duration; write it like 250ms, 2s or 1m")
        }
        return value
    }

    func count(_ word: String, what: String, range: ClosedRange<Int>) throws(CommandError) -> Int {
        guard let value = Int(word), range.contains(value) else {
            throw CommandError("\(what) must be a number \(range.lowerBound)..\(range.upperBound), not '\(word)'")
        }
        return value
    }

    /// `A->B` or `A<->B` (also with spaces around the arrow).
    mutating func link(allowBoth: Bool) throws(CommandError) -> (NodeRef, NodeRef, Bool) {
        let joined = words.joined()
        words = []
        let both = joined.contains("<->")
        let parts = joined.components(separatedByArrow: both ? "<->" : "->")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw CommandError("\(verb) needs a link like n1->n2\(allowBoth ? " or n1<->n2" : ""); usage: \(usage)")
        }
        if both && !allowBoth { throw CommandError("\(verb) takes one direction, like n1->n2") }
        let a = try node(parts[0]), b = try node(parts[1])
        if a == b { throw CommandError("a link joins two different nodes") }
        return (a, b, both)
    }

    func linkSettings(_ pairs: [String]) throws(CommandError) -> LinkSettingsChange {
        var change = LinkSettingsChange()
        guard !pairs.isEmpty else { throw CommandError("\(verb) needs settings like latency=10..50ms loss=5% dup=1%") }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CommandError("'\(pair)' is not key=value; \(verb) takes latency=, loss=, dup=") }
            switch parts[0].lowercased() {
            case "latency":
                let bounds = parts[1].components(separatedByArrow: "..")
                if bounds.count == 2 {
                    var low = bounds[0], high = bounds[1]
                    // `10..50ms`: the unit written once applies to both ends.
                    if DurationText.parse(low) == nil, let unit = Self.unit(of: high) { low += unit }
                    if DurationText.parse(high) == nil, let unit = Self.unit(of: low) { high += unit }
                    let a = try duration(low), b = try duration(high)
                    guard a <= b else { throw CommandError("latency range \(parts[1]) goes backwards") }
                    change.latency = a...b
                } else {
                    let d = try duration(parts[1])
                    change.latency = d...d
                }
            case "loss":
                guard let ppm = PercentText.parse(parts[1]) else { throw CommandError("loss must be a percentage 0%..100%, like loss=5%") }
                change.lossPPM = ppm
            case "dup", "duplicate":
                guard let ppm = PercentText.parse(parts[1]) else { throw CommandError("dup must be a percentage 0%..100%, like dup=1%") }
                change.duplicatePPM = ppm
            default:
                let hint = Suggestion.closest(to: parts[0], in: ["latency", "loss", "dup"]).map { "; did you mean \($0)?" } ?? ""
                throw CommandError("unknown setting '\(parts[0])'\(hint) (\(verb) takes latency=, loss=, dup=)")
            }
        }
        return change
    }

    static func unit(of text: String) -> String? {
        for unit in ["us", "ms", "s", "m", "h"] where text.hasSuffix(unit) {
            let number = text.dropLast(unit.count)
            if !number.isEmpty && number.allSatisfy({ $0.isNumber || $0 == "." }) { return unit }
        }
        return nil
    }

    /// Parses the words after the verb: a generic command's spec, else an operation or a
    /// command of the current protocol, else an error naming what the verb is.
    mutating func command() throws(CommandError) -> Command {
        if let spec = CommandSpecs.spec(verb) { return try spec.parse(&self) }
        let current = context.protocolEntry
        if let spec = current?.operations.first(where: { $0.name == verb }) { return try operation(spec) }
        if let command = current?.commands.first(where: { $0.name == verb }) { return try protocolCommand(command) }
        if let spec = context.catalog.operationSpec(named: verb) { return try operation(spec) }
        if let owner = context.catalog.entries.first(where: { $0.commands.contains { $0.name == verb } }) {
            throw CommandError("\(verb) is a \(owner.name) command; the cluster runs \(context.protocolName) (`new \(owner.name)` first)")
        }
        if context.catalog.plannedCommands.contains(verb) {
            throw CommandError("\(verb) belongs to a protocol that is not in this build yet; protocols are \(context.catalog.names.joined(separator: ", "))")
        }
        let known = CommandSpecs.names + context.catalog.operationNames + (current?.commands.map(\.name) ?? [])
        let hint = Suggestion.closest(to: verb, in: known).map { "did you mean \($0)? " } ?? ""
        throw CommandError("unknown command '\(verb)'; \(hint)`help` lists the commands")
    }

    /// A command of the current protocol: its own parse checks the words.
    mutating func protocolCommand(_ command: AnyProtocolCommand) throws(CommandError) -> Command {
        let arguments: [String]
        do throws(OptionError) {
            arguments = try command.parse(words, context.nodeCount)
        } catch {
            throw CommandError(error.message)
        }
        words = []
        return .protocolCommand(name: command.name, arguments: arguments, isReadOnly: command.isReadOnly)
    }

    /// `PROTOCOL [N] [key=value ...]`, the words of `new` (the node count, when given, checked).
    func clusterSpec(_ words: [String]) throws(CommandError) -> Command {
        var words = words
        guard !words.isEmpty else { throw CommandError("\(verb) needs a protocol; usage: \(usage)") }
        let name = words.removeFirst().lowercased()
        guard context.catalog.names.contains(name) || context.catalog.plannedNames.contains(name) else {
            let hint = Suggestion.closest(to: name, in: context.catalog.names).map { "did you mean \($0)? " } ?? ""
            throw CommandError("unknown protocol '\(name)'; \(hint)protocols are \(context.catalog.names.joined(separator: ", "))")
        }
        var nodeCount: Int?
        if let first = words.first, first.allSatisfy(\.isNumber) {
            words.removeFirst()
            nodeCount = try count(first, what: "the node count", range: 1...100_000)
        }
        var options: [OptionPair] = []
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw CommandError("'\(word)' is not key=value; usage: \(usage)")
            }
            options.append(OptionPair(key: parts[0].lowercased(), value: parts[1]))
        }
        return .new(protocolName: name, nodeCount: nodeCount, options: options)
    }

    mutating func messageID() throws(CommandError) -> MessageID {
        var word = try requireWord("a message id (see `messages`)")
        if word.hasPrefix("#") { word.removeFirst() }
        guard let id = MessageID(word) else { throw CommandError("'\(word)' is not a message id; `messages` lists them, e.g. \(verb) 17") }
        try done()
        return id
    }

    mutating func operation(_ spec: OperationSpec) throws(CommandError) -> Command {
        var arguments: [String] = []
        var via: NodeRef?
        while let word = next() {
            if word == "via" {
                via = try node(requireWord("a node after via"))
                try done()
            } else {
                arguments.append(word)
            }
        }
        let needed = spec.inputCount + (spec.hasKey ? 1 : 0)
        let least = needed - spec.optionalInputCount
        guard arguments.count <= needed, arguments.count >= least else {
            let count = least == needed ? "\(needed) argument\(needed == 1 ? "" : "s")"
                : "\(least) \(needed - least == 1 ? "or" : "to") \(needed) arguments"
            throw CommandError("\(verb) takes \(count); usage: \(spec.usage)")
        }
        let key = spec.hasKey ? arguments.removeFirst() : nil
        return .operation(Operation(name: spec.name, key: key, input: arguments), via: via)
    }
}

/// Parsing and listing node names.
public enum NodeNames {
    /// `n3` or `leader`, checked against the cluster's size.
    public static func parse(_ word: String, nodeCount: Int) throws(CommandError) -> NodeRef {
        if word.lowercased() == "leader" { return .leader }
        guard let id = NodeID(name: word) else {
            throw CommandError("'\(word)' is not a node; nodes are \(range(nodeCount)) (or leader)")
        }
        guard id.index < nodeCount else { throw CommandError("unknown node \(word); nodes are \(range(nodeCount))") }
        return .node(id)
    }

    /// `n1..n5`, or `n1` for one node.
    public static func range(_ nodeCount: Int) -> String { nodeCount == 1 ? "n1" : "n1..n\(nodeCount)" }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }

    func components(separatedByArrow arrow: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: arrow) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// `n1|n2` → `n1`, `|`, `n2`.
    func splitKeepingBars() -> [String] {
        var result: [String] = []
        var current = ""
        for character in self {
            if character == "|" {
                if !current.isEmpty { result.append(current); current = "" }
                result.append("|")
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
