import LightconeSimulation

/// A node as a command names it: `n3`, or `leader` (resolved when the command runs).
public enum NodeRef: Sendable, Hashable, CustomStringConvertible {
    case node(NodeID)
    case leader

    public var description: String {
        switch self {
        case .node(let id): return id.description
        case .leader: return "leader"
        }
    }
}

/// A condition as typed: like `Condition`, but its nodes may still say `leader`.
public struct ConditionSpec: Sendable, Hashable, CustomStringConvertible {
    /// The text as typed (normalised spacing), for messages.
    public var text: String
    /// Builds the condition once `leader` is known; nil when it names `leader` and there is none.
    var make: @Sendable (NodeID?) -> Condition?

    public static func == (lhs: ConditionSpec, rhs: ConditionSpec) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
    public var description: String { text }

    /// The condition with `leader` resolved to `currentLeader`; nil if it names a missing leader.
    public func resolve(leader currentLeader: NodeID?) -> Condition? { make(currentLeader) }
}

/// What `export` writes.
public enum ExportKind: String, Sendable, Hashable {
    case timeline, screen
}

/// A `key=value` option of `new`.
public struct OptionPair: Sendable, Hashable {
    public var key: String
    public var value: String
}

/// One parsed command of the language shared by the REPL, scripts and lessons (SPEC §2).
public enum Command: Sendable, Equatable {
    // Cluster
    case new(protocolName: String, nodeCount: Int?, options: [OptionPair])
    /// `compare SPEC vs SPEC`: two `new` commands, one per side.
    indirect case compare(Command, Command)
    case status(json: Bool)
    case inspect(NodeRef)
    case nodes
    // Faults
    case partition([[NodeRef]])
    case isolate(NodeRef)
    case heal
    case cut(NodeRef, NodeRef, bothWays: Bool)
    case kill(NodeRef)
    case restart(NodeRef)
    case pause(NodeRef?)
    case resume(NodeRef)
    case net(LinkSettingsChange)
    case link(NodeRef, NodeRef, LinkSettingsChange)
    case hold(NodeRef, NodeRef)
    case release(NodeRef, NodeRef)
    case messages
    case drop(MessageID)
    case deliver(MessageID)
    case timeout([NodeRef])
    case chaos(SimDuration, ChaosFaults)
    case bug(protocolName: String, name: String)
    case bugOff
    case bugs
    // Time
    case step(Int)
    case run(SimDuration)
    case runUntil(ConditionSpec, within: SimDuration)
    case time
    case seed(UInt64)
    case rewind(SimDuration)
    case play
    case speed(Int)
    // Clients and workloads
    case operation(Operation, via: NodeRef?)
    case load(LoadSpec)
    case history(json: Bool, script: Bool)
    case check
    // Observation
    case log(NodeRef?, Int)
    case timeline
    case echo(String)
    case expect(ConditionSpec)
    // Lessons
    case lessons
    case lesson(String)
    case next, back, hint, goal, leave
    // Meta
    case help(String?)
    case source(String)
    /// `export timeline FILE.svg`, `export screen FILE.svg|FILE.txt`, with `--force` to overwrite.
    case export(ExportKind, path: String, force: Bool)
    /// `record FILE.cast` (nil path: `record stop`).
    case record(path: String?, force: Bool)
    case theme(String)
    case quit
    // Demo scripts (`lightcone present`)
    case say(String)
    case note(String)
    case wait
    // The current protocol's own commands (`trials 100`, `event n1`), as its parse returned them
    case protocolCommand(name: String, arguments: [String], isReadOnly: Bool)

    /// True for commands that only look (they are not journaled for `rewind`).
    var isReadOnly: Bool {
        switch self {
        case .status, .inspect, .nodes, .messages, .bugs, .time, .history, .log, .timeline, .echo, .expect,
             .help, .lessons, .hint, .goal, .play, .speed, .theme, .quit, .pause(nil), .export, .record,
             .say, .note, .wait:
            return true
        case .protocolCommand(_, _, let isReadOnly):
            return isReadOnly
        default:
            return false
        }
    }
}
