import LightconeSimulation

/// What one argument of a command is: what completion suggests there and how help reads it.
public enum ArgumentKind: Sendable, Hashable {
    /// A node name, `n1`..`nN` or `leader`.
    case node
    /// Node names, repeated (`timeout n1 n2`, `partition n1 n2 | n3`).
    case nodes
    /// A link, `A->B` (or `A<->B` where allowed).
    case link
    /// A simulated duration, `250ms`, `2s`.
    case duration
    /// A whole number.
    case count
    /// A message id from `messages`.
    case messageID
    /// Free text to the end of the line.
    case text
    /// A file name.
    case file
    /// A protocol of this build.
    case protocolName
    /// The `key=` options of the protocol being created (`new raft 5 batch=`).
    case protocolOptions
    /// A teaching bug of the current protocol.
    case bugName
    /// A lesson name.
    case lesson
    /// A command or protocol name, for `help`.
    case helpTopic
    /// A condition (SPEC §3), to the end of the line.
    case condition
    /// One of these literal words (flags, `key=` settings); repeats when it is the last kind.
    case words([String])
    /// Any of these kinds at the same place (`bug off` or `bug raft ...`).
    case either([ArgumentKind])
    /// A protocol command's argument, as its protocol declared it.
    case protocolArgument(ProtocolArgumentKind)

    /// True when the kind also covers the words after it (the last kind of a command repeats).
    var repeats: Bool {
        switch self {
        case .nodes, .words, .condition, .text, .protocolOptions: return true
        case .either(let kinds): return kinds.contains { $0.repeats }
        case .protocolArgument(let kind):
            switch kind {
            case .nodes, .options, .text: return true
            default: return false
            }
        default: return false
        }
    }
}

/// One command of the language (SPEC §2): its name, help, argument kinds and parse, in one
/// value, so `help`, `help NAME`, completion, the parser and `check-lessons` read the same
/// thing and cannot drift apart. The session carries out the `Command` a spec parses to.
///
/// ```swift
/// CommandSpec("Faults", "kill", usage: "kill NODE", summary: "Crash a node.", example: "kill leader",
///             arguments: [.node]) { reader throws(CommandError) in
///     let node = try reader.requireNode(); try reader.done(); return .kill(node)
/// }
/// ```
public struct CommandSpec: Sendable {
    /// The group `help` lists it under (`Faults`).
    public var group: String
    /// The verb.
    public var name: String
    /// Other verbs that mean the same (`exit` for `quit`).
    public var aliases: [String]
    /// Usage, e.g. `kill NODE`.
    public var usage: String
    /// One or two sentences of help.
    public var summary: String
    /// A line that parses (tests check that it does).
    public var example: String
    /// The arguments in order, for completion.
    public var arguments: [ArgumentKind]
    /// Reads the words after the verb.
    var parse: @Sendable (inout ArgumentReader) throws(CommandError) -> Command

    /// A command spec.
    init(_ group: String, _ name: String, aliases: [String] = [], usage: String, summary: String, example: String,
         arguments: [ArgumentKind] = [],
         parse: @escaping @Sendable (inout ArgumentReader) throws(CommandError) -> Command) {
        self.group = group
        self.name = name
        self.aliases = aliases
        self.usage = usage
        self.summary = summary
        self.example = example
        self.arguments = arguments
        self.parse = parse
    }

    /// A command that takes no arguments.
    static func bare(_ group: String, _ name: String, aliases: [String] = [], summary: String, _ command: Command) -> CommandSpec {
        CommandSpec(group, name, aliases: aliases, usage: name, summary: summary, example: name) { reader throws(CommandError) in
            try reader.done()
            return command
        }
    }

    /// The kind of the argument at `index` (0 is the first word after the verb), if any.
    func argument(at index: Int) -> ArgumentKind? {
        if index < arguments.count { return arguments[index] }
        if let last = arguments.last, last.repeats { return last }
        return nil
    }
}

/// Every generic command of the language, in the order `help` lists them; protocol
/// operations and protocol commands come from the current protocol.
public enum CommandSpecs {
    /// The generic commands.
    public static let all: [CommandSpec] = cluster + faults + time + clients + observation + lessons + meta + demo

    /// The spec of `verb` (or of a verb it is an alias of).
    public static func spec(_ verb: String) -> CommandSpec? {
        all.first { $0.name == verb || $0.aliases.contains(verb) }
    }

    /// Every generic command name.
    public static let names: [String] = all.map(\.name)
}
