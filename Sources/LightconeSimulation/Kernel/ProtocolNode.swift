/// A message of some protocol, as the trace and the view show it.
public protocol ProtocolMessage: Sendable {
    /// A short label for the view, e.g. `AE`, `RV✓`, `gossip`. At most about 6 cells.
    var label: String { get }
    /// The trace text, e.g. `AppendEntries term=2 prev=1/3 entries=[2/4] commit=3`.
    var traceText: String { get }
    /// True for answers (acks, votes, replies), which the view colours differently.
    var isReply: Bool { get }
    /// True for a message that carries nothing new (an empty gossip push): the view draws it
    /// faintly, without its label. Default false.
    var isQuiet: Bool { get }
}

extension ProtocolMessage {
    public var isQuiet: Bool { false }
}

/// The timers of a protocol: an `Int` enum whose raw values are `0..<allCases.count`.
///
/// `enum RaftTimer: Int, ProtocolTimer { case election, heartbeat }`
public protocol ProtocolTimer: Sendable, Hashable, CaseIterable, RawRepresentable where RawValue == Int {
    /// The name shown in the trace, e.g. `election`.
    var name: String { get }
}

/// One `key=value` option of `new PROTOCOL N key=value`, for help text and error messages.
public struct OptionSpec: Sendable {
    /// The key, e.g. `batch`.
    public var name: String
    /// What the value looks like, e.g. `N` or `150..300ms`.
    public var valueSyntax: String
    /// One line: what it does and its default.
    public var summary: String

    /// An option description.
    public init(_ name: String, _ valueSyntax: String, _ summary: String) {
        self.name = name
        self.valueSyntax = valueSyntax
        self.summary = summary
    }
}

/// A client operation a protocol offers (`put KEY VALUE`), for the parser and for help.
public struct OperationSpec: Sendable {
    /// The verb, e.g. `put`.
    public var name: String
    /// Whether the first argument is a key.
    public var hasKey: Bool
    /// How many arguments follow the key (or the verb when there is no key).
    public var inputCount: Int
    /// How many of those arguments, counted from the last, may be left out (`inc [N]`: 1).
    public var optionalInputCount: Int
    /// Usage, e.g. `put KEY VALUE [via NODE]`.
    public var usage: String
    /// One line of help.
    public var summary: String
    /// A line that parses, for `help NAME`, e.g. `put x 1 via n2` (every protocol in the build gives one; a test checks).
    public var example: String

    /// An operation description.
    public init(name: String, hasKey: Bool, inputCount: Int, optionalInputCount: Int = 0, usage: String, summary: String, example: String = "") {
        self.name = name
        self.hasKey = hasKey
        self.inputCount = inputCount
        self.optionalInputCount = min(max(optionalInputCount, 0), inputCount)
        self.usage = usage
        self.summary = summary
        self.example = example
    }
}

/// A teaching bug: one rule of the paper switched off (`bug raft commit-old-terms`).
public struct BugSpec: Sendable {
    /// The name typed after `bug PROTOCOL`.
    public var name: String
    /// One line: which rule it switches off and what can go wrong.
    public var summary: String

    /// A bug description.
    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// A bad `key=value` option or node count for `new`; the message is shown as is.
public struct OptionError: Error, Sendable, Equatable {
    /// One line saying what is wrong and what would be right.
    public var message: String
    /// An error with that message.
    public init(_ message: String) { self.message = message }
}

/// A protocol: the state machine of one node, plus what the lab needs to know about it.
///
/// In the style of etcd's raft: no I/O, no clock, no randomness of its own. The simulation
/// calls one handler per event and applies the effects the handler recorded in its
/// `Context` (sends, timers, client replies, narrated state changes).
///
/// ```swift
/// mutating func receive(_ message: Message, from sender: NodeID, _ ctx: inout Context<Self>) {
///     if case .ping = message { ctx.send(.pong, to: sender) }
/// }
/// ```
///
/// `kill` calls `crash()`, which forgets the volatile state and keeps the durable state
/// (each protocol decides which is which); `restart` then calls `start` again.
public protocol ProtocolNode: Sendable {
    /// The messages nodes exchange.
    associatedtype Message: ProtocolMessage
    /// The node's timers; each can be armed once at a time.
    associatedtype Timer: ProtocolTimer
    /// Settings from `new PROTOCOL N key=value ...`, shared by all nodes.
    associatedtype Config: Sendable

    /// The name typed after `new`, e.g. `raft`.
    static var name: String { get }
    /// One line for `help new` and the lesson list.
    static var summary: String { get }
    /// Nodes when `new PROTOCOL` gives no count.
    static var defaultNodeCount: Int { get }
    /// The node counts this protocol accepts.
    static var nodeCounts: ClosedRange<Int> { get }
    /// The `key=value` options of `new`.
    static var options: [OptionSpec] { get }
    /// The client operations (`put`, `get`, `broadcast`, ...).
    static var operations: [OperationSpec] { get }
    /// The teaching bugs; a bug's index in this list is its bit in `Context.bugs`.
    static var bugs: [BugSpec] { get }
    /// The timer `timeout NODE` fires at once (an election or retry timer), if any.
    static var forcedTimeout: Timer? { get }
    /// True when nodes elect a leader (so `leader` and `no leader` apply).
    static var hasLeaders: Bool { get }
    /// Every role a node can be in, each with its kind; `role` is always one of these names.
    static var roles: [RoleSpec] { get }
    /// The conditions this protocol brings (answered in `evaluate`).
    static var conditions: [ConditionForm] { get }
    /// The meters this protocol publishes (its checker may add more).
    static var meters: [MeterSpec] { get }
    /// The protocol's meters now, in the order of `meters`.
    static func readMeters(in cluster: ClusterState<Self>) -> [MeterReading]

    /// The link settings a new cluster starts with (`new` resets to them); default
    /// `LinkSettings.defaults`. A protocol whose fault is part of its story (the two generals'
    /// lossy valley, `loss=30%`) sets them from its options.
    static func linkSettings(config: Config) -> LinkSettings

    /// Builds the shared settings from `key=value` options, or says what is wrong.
    static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> Config

    /// A fresh node.
    init(id: NodeID, nodeCount: Int, config: Config)

    /// Called when the cluster is created and after every restart.
    mutating func start(_ ctx: inout Context<Self>)
    /// A message arrives from `sender`.
    mutating func receive(_ message: Message, from sender: NodeID, _ ctx: inout Context<Self>)
    /// An armed timer fires.
    mutating func timerFired(_ timer: Timer, _ ctx: inout Context<Self>)
    /// A client asks this node to perform `operation`; answer with `ctx.reply(request, ...)`.
    mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<Self>)
    /// The node crashes: forget volatile state, keep durable state.
    mutating func crash()

    /// The node's role: one of the names in `roles` (`leader`, `follower`, `node`).
    var role: String { get }
    /// The kind of this node's role now; default the declared kind of `role`. A protocol whose
    /// nodes differ within one role answers per node (a traitorous lieutenant is `.faulty`).
    var roleKind: RoleKind { get }
    /// The term or ballot this node leads in, when it believes it leads; else nil.
    var leaderTerm: Int? { get }
    /// The term, ballot or round to show on the node's box, if the protocol has one.
    var epoch: Int? { get }
    /// A few short lines for the node's box in the view (log tail, known values), and for
    /// `nodes`, which joins them.
    var summaryLines: [String] { get }
    /// The node's log for the view, when the protocol keeps one (Raft, Multi-Paxos); default
    /// nil. A protocol that answers it puts its log tail first in `summaryLines`: the view
    /// draws the entries in place of that line.
    var logObservation: LogObservation? { get }
    /// The timer the view shows running out on the node's box (Raft's election timeout), when
    /// armed; default nil.
    var countdown: Countdown? { get }
    /// The lines of the node's box in the view when they must be shorter than `summaryLines`
    /// (the box is 10 columns wide at 80x24); default `summaryLines`.
    var boxLines: [String] { get }
    /// The detail shown by `inspect NODE`.
    func inspect() -> [String]
    /// Protocol fields added to this node in `status --json`.
    var statusFields: [(String, JSONValue)] { get }

    /// Answers a protocol condition (`committed 3`, `delivered x everywhere`), or nil when it
    /// does not apply to this protocol. Generic ones (`up`, `leader`, ...) are answered before.
    static func evaluate(_ condition: Condition, in cluster: ClusterState<Self>) -> ConditionOutcome?

    /// One random operation for `load`, over keys `k1`..`kK`, seeing the protocol's settings
    /// (a bank's accounts, a CRDT's type); nil if the protocol has none.
    static func randomOperation(config: Config, keys: Int, using rng: inout SeededGenerator) -> Operation?

    /// The commands this protocol brings (`event NODE`, `trials N`); default none.
    static var commands: [ProtocolCommand<Self>] { get }
    /// What the labels of this protocol's messages mean, for `help PROTOCOL`; default none.
    static var messageLabels: [MessageLabelSpec] { get }
    /// A protocol command delivered to this node (see `Simulation.deliverCommand`), as an
    /// event of its own at the current instant; default: nothing happens.
    mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<Self>)
    /// The marks the view draws on node boxes now (at most one a node; nodes without one are
    /// left out), seeing the whole cluster and its history: `⚠ stale x=1` at the node that
    /// answered a stale read, or a light cone for `focus`, the words a protocol command stored
    /// in `Simulation.markFocus` (`cone n2:3` stores `["n2:3"]`; empty when none). Asked at
    /// every snapshot, so the marks follow the cluster as it runs; default none.
    static func marks(focus: [String], in cluster: ClusterState<Self>) -> [NodeID: NodeMark]

    /// Runs the simulation's events up to `time`. The lab holds a cluster without knowing its
    /// protocol, so its calls reach the generic, unspecialised loop; a protocol that writes
    /// `{ simulation.eventLoop(to: time) }` here gets the loop compiled for itself (3x faster).
    static func runEvents(_ simulation: inout Simulation<Self>, to time: SimTime) -> Bool
    /// Runs until `condition` holds or `deadline`; like `runEvents(_:to:)`, write
    /// `{ simulation.eventLoop(until: condition, deadline: deadline) }`.
    static func runEvents(_ simulation: inout Simulation<Self>, until condition: Condition, deadline: SimTime) -> ConditionOutcome?
}

extension ProtocolNode {
    public static var forcedTimeout: Timer? { nil }
    public static var hasLeaders: Bool { false }
    public static var roles: [RoleSpec] { [RoleSpec("node", .passive)] }
    public static var meters: [MeterSpec] { [] }
    public static var conditions: [ConditionForm] { [] }
    public static func readMeters(in cluster: ClusterState<Self>) -> [MeterReading] { [] }
    public static var bugs: [BugSpec] { [] }
    public static func linkSettings(config: Config) -> LinkSettings { .defaults }
    public var leaderTerm: Int? { nil }
    public var roleKind: RoleKind { Self.roleKind(of: role) }
    public var epoch: Int? { nil }
    public var logObservation: LogObservation? { nil }
    public var countdown: Countdown? { nil }
    public var statusFields: [(String, JSONValue)] { [] }
    public var boxLines: [String] { summaryLines }
    public static func randomOperation(config: Config, keys: Int, using rng: inout SeededGenerator) -> Operation? { nil }
    public static var commands: [ProtocolCommand<Self>] { [] }
    public static var messageLabels: [MessageLabelSpec] { [] }
    public mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<Self>) {}
    public static func marks(focus: [String], in cluster: ClusterState<Self>) -> [NodeID: NodeMark] { [:] }
    public static func runEvents(_ simulation: inout Simulation<Self>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }
    public static func runEvents(_ simulation: inout Simulation<Self>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}

/// A read-only view of the cluster for conditions and checkers.
public struct ClusterState<Node: ProtocolNode> {
    /// Every node, in id order, up or not (a down node holds only its durable state).
    public let nodes: [Node]
    /// Whether each node is up, down or paused, in id order.
    public let lives: [NodeLife]
    /// The current simulated time.
    public let now: SimTime
    /// Every client operation so far.
    public let history: [HistoryEntry]

    /// The ids of all nodes, in order.
    public var ids: [NodeID] { (0..<nodes.count).map(NodeID.init(index:)) }
    /// True when the node is up (running or paused).
    public func isUp(_ id: NodeID) -> Bool { lives[id.index] != .down }
}

/// Whether a node runs, is crashed, or is frozen.
public enum NodeLife: String, Sendable {
    /// Running.
    case up
    /// Crashed by `kill`; only durable state survives.
    case down
    /// Frozen by `pause` (a GC pause): its timers and inbound messages wait.
    case paused
}
