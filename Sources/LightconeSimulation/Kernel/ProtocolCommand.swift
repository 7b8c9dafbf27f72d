/// What one argument of a protocol command is, for completion and help (the Lab maps each
/// kind to the words it suggests).
public enum ProtocolArgumentKind: Sendable, Hashable {
    /// A node name, `n1`..`nN` or `leader`.
    case node
    /// One or more node names.
    case nodes
    /// A whole number.
    case count
    /// A key of the protocol's store.
    case key
    /// Free text (a value, a decision).
    case text
    /// One of these literal words.
    case words([String])
    /// `key=value` pairs with these keys (written `key=`).
    case options([String])
}

/// A line of `help PROTOCOL`: what a message label in the view and the trace means.
public struct MessageLabelSpec: Sendable, Hashable {
    /// The label as the view shows it, e.g. `AE✓`.
    public var label: String
    /// What it means, e.g. `AppendEntries reply: success`.
    public var meaning: String

    /// A label and its meaning.
    public init(_ label: String, _ meaning: String) {
        self.label = label
        self.meaning = meaning
    }
}

/// A command a protocol brings (`event NODE`, `trials N`, `hb E1 E2`): its help, how its words
/// are checked when the line is parsed, and what it does to the cluster.
///
/// A command that changes a node delivers itself to the node's state machine with
/// `Simulation.deliverCommand(_:arguments:to:)` (see `ProtocolCommand.toNode`); one that only
/// looks (`isReadOnly`) reads the simulation and returns lines. Commands that change something
/// are journaled and replayed by `rewind`.
///
/// ```swift
/// static var commands: [ProtocolCommand<Self>] {
///     [.toNode("bump", usage: "bump NODE", summary: "Add one to the node's counter.", example: "bump n1")]
/// }
/// ```
public struct ProtocolCommand<Node: ProtocolNode>: Sendable {
    /// Its help and how its words are checked: what the parser, `help` and completion see.
    public var erased: AnyProtocolCommand
    /// Carries the command out on the simulation (words as `parse` returned them); returns
    /// the lines to print. Throws, changing nothing, when it cannot.
    public var perform: @Sendable (_ words: [String], _ simulation: inout Simulation<Node>) throws(SimulationError) -> [String]

    /// The words completion offers after `typed` (the words after the verb, each typed in
    /// full), seeing the simulation now (`hb` offers the events that exist); nil: completion
    /// goes by `arguments`.
    public var complete: (@Sendable (_ typed: [String], _ simulation: Simulation<Node>) -> [String])?

    /// The verb, e.g. `event`.
    public var name: String { erased.name }

    /// A command with its own parse and perform (and, if given, its own completion).
    public init(
        _ name: String, usage: String, summary: String, example: String,
        arguments: [ProtocolArgumentKind] = [], isReadOnly: Bool = false,
        parse: @escaping @Sendable (_ words: [String], _ nodeCount: Int) throws(OptionError) -> [String],
        perform: @escaping @Sendable (_ words: [String], _ simulation: inout Simulation<Node>) throws(SimulationError) -> [String],
        complete: (@Sendable (_ typed: [String], _ simulation: Simulation<Node>) -> [String])? = nil
    ) {
        erased = AnyProtocolCommand(name: name, usage: usage, summary: summary, example: example,
                                    arguments: arguments, isReadOnly: isReadOnly, parse: parse)
        self.perform = perform
        self.complete = complete
    }

    /// A command that changes one node: `NAME NODE [WORD ...]`. The first word names the node
    /// (`leader` resolves when it runs); the rest are checked by `parseRest`. Performing it
    /// delivers `name` with the rest of the words to that node's `command(_:arguments:_:)`
    /// at the current instant.
    public static func toNode(
        _ name: String, usage: String, summary: String, example: String,
        arguments: [ProtocolArgumentKind] = [.node],
        parseRest: @escaping @Sendable (_ words: [String]) throws(OptionError) -> [String] = { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("unexpected '\(words[0])'") }
            return words
        }
    ) -> ProtocolCommand {
        ProtocolCommand(name, usage: usage, summary: summary, example: example, arguments: arguments,
            parse: { words, nodeCount throws(OptionError) in
                guard let first = words.first else { throw OptionError("\(name) needs a node; usage: \(usage)") }
                let node = try ProtocolCommandWords.node(first, nodeCount: nodeCount)
                let rest: [String]
                do throws(OptionError) {
                    rest = try parseRest(Array(words.dropFirst()))
                } catch {
                    throw OptionError("\(error.message); usage: \(usage)")
                }
                return [node] + rest
            },
            perform: { words, simulation throws(SimulationError) in
                guard let first = words.first else { throw SimulationError("\(name) needs a node; usage: \(usage)") }
                let id = try ProtocolCommandWords.resolve(first, in: simulation)
                try simulation.deliverCommand(name, arguments: Array(words.dropFirst()), to: id)
                return []
            })
    }
}

/// A protocol command without its node type: what the parser, `help` and completion need.
public struct AnyProtocolCommand: Sendable {
    /// The verb.
    public var name: String
    /// Usage, e.g. `event NODE`.
    public var usage: String
    /// One line of help.
    public var summary: String
    /// A line that parses.
    public var example: String
    /// The arguments in order (the last one repeats when it is `.nodes` or `.options`).
    public var arguments: [ProtocolArgumentKind]
    /// True when the command only looks (it is not journaled for `rewind`).
    public var isReadOnly: Bool
    /// Checks and normalises the words after the verb (see `ProtocolCommand.parse`).
    public var parse: @Sendable (_ words: [String], _ nodeCount: Int) throws(OptionError) -> [String]
}

/// Helpers for the words of protocol commands.
public enum ProtocolCommandWords {
    /// `n3` or `leader`, checked against the cluster's size (the messages match the generic
    /// commands').
    public static func node(_ word: String, nodeCount: Int) throws(OptionError) -> String {
        if word.lowercased() == "leader" { return "leader" }
        let range = nodeCount == 1 ? "n1" : "n1..n\(nodeCount)"
        guard let id = NodeID(name: word) else { throw OptionError("'\(word)' is not a node; nodes are \(range) (or leader)") }
        guard id.index < nodeCount else { throw OptionError("unknown node \(word); nodes are \(range)") }
        return id.description
    }

    /// `n1`..`nN` (at most the first 200), the processes completion offers; no `leader`.
    public static func nodeNames(_ nodeCount: Int) -> [String] {
        (1...max(1, min(nodeCount, 200))).map { "n\($0)" }
    }

    /// The node a checked word names, now.
    public static func resolve<Node: ProtocolNode>(_ word: String, in simulation: Simulation<Node>) throws(SimulationError) -> NodeID {
        if word == "leader" {
            guard let leader = simulation.leader else { throw SimulationError("there is no leader now; `nodes` shows every node's role") }
            return leader
        }
        guard let id = NodeID(name: word), id.index < simulation.nodeCount else { throw SimulationError("unknown node \(word)") }
        return id
    }
}

extension Simulation {
    /// Delivers command `name` to node `id`'s state machine as an event of its own, at the
    /// current instant: the node's `command(_:arguments:_:)` runs now, its effects (sends,
    /// timers, notes) are carried out like any handler's, and the trace records it. It does
    /// not go through a client and is not part of `history`. A down or paused node refuses it,
    /// changing nothing.
    public mutating func deliverCommand(_ name: String, arguments: [String], to id: NodeID) throws(SimulationError) {
        guard id.index >= 0, id.index < nodeCount else { throw SimulationError("unknown node \(id)") }
        switch lives[id.index] {
        case .down: throw SimulationError("\(id) is down; restart it first")
        case .paused: throw SimulationError("\(id) is paused; resume it first")
        case .up: break
        }
        trace.append(now, .command(id, ([name] + arguments).joined(separator: " ")))
        eventsHandled += 1
        handle(id) { node, ctx in node.command(name, arguments: arguments, &ctx) }
    }

    /// Performs protocol command `name` (words as its `parse` returned them); the lines to print.
    public mutating func performProtocolCommand(_ name: String, arguments: [String]) throws(SimulationError) -> [String] {
        guard let command = Node.commands.first(where: { $0.name == name }) else {
            throw SimulationError("\(name) is not a \(Node.name) command")
        }
        return try command.perform(arguments, &self)
    }

    public func protocolCompletions(_ name: String, typed: [String]) -> [String]? {
        Node.commands.first { $0.name == name }?.complete?(typed, self)
    }
}
