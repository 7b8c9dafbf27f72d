/// What a node may do while it handles one event: read the time, draw random numbers,
/// and record effects (sends, timers, client replies, narrated state changes) that the
/// simulation carries out after the handler returns.
public struct Context<Node: ProtocolNode> {
    /// The current simulated time.
    public let now: SimTime
    /// The node handling the event.
    public let id: NodeID
    /// How many nodes the cluster has.
    public let nodeCount: Int
    /// The simulation's generator, lent for this event.
    public var rng: SeededGenerator
    /// Teaching bugs switched on, one bit per index of `Node.bugs`.
    public let bugs: UInt64
    /// Whether the trace keeps records; when it does not, `note` skips building its text.
    public let isTracing: Bool
    /// The effects recorded so far, in order. (An array: `append` moves each effect in, where
    /// a deque's `append` copied it, through the generic value witnesses; the simulation moves
    /// each out again as it carries it out.)
    @usableFromInline var recorded: [Effect<Node>]

    @usableFromInline
    init(now: SimTime, id: NodeID, nodeCount: Int, rng: SeededGenerator, bugs: UInt64, isTracing: Bool = true, recorded: [Effect<Node>]) {
        self.now = now
        self.id = id
        self.nodeCount = nodeCount
        self.rng = rng
        self.bugs = bugs
        self.isTracing = isTracing
        self.recorded = recorded
    }

    /// A context that starts with `effects` recorded (for driving a node by hand in tests).
    init(now: SimTime, id: NodeID, nodeCount: Int, rng: SeededGenerator, bugs: UInt64, isTracing: Bool = true, effects: [Effect<Node>]) {
        self.init(now: now, id: id, nodeCount: nodeCount, rng: rng, bugs: bugs, isTracing: isTracing, recorded: effects)
    }

    /// The effects recorded so far, in order.
    var effects: [Effect<Node>] { recorded }

    /// Every other node, in id order.
    public var peers: [NodeID] {
        (0..<nodeCount).compactMap { $0 == id.index ? nil : NodeID(index: $0) }
    }

    /// True when teaching bug number `index` (its place in `Node.bugs`) is on.
    @inlinable public func isBugOn(_ index: Int) -> Bool { bugs & (1 << UInt64(index)) != 0 }

    /// Sends `message` to `node` through the network.
    @inlinable public mutating func send(_ message: Node.Message, to node: NodeID) {
        recorded.append(.send(node, message))
    }

    /// Sends `message` to every other node, in id order.
    @inlinable public mutating func sendToPeers(_ message: Node.Message) {
        for index in 0..<nodeCount where index != id.index { recorded.append(.send(NodeID(index: index), message)) }
    }

    /// Arms `timer` to fire `delay` from now, replacing any earlier arming of it.
    @inlinable public mutating func setTimer(_ timer: Node.Timer, after delay: SimDuration) {
        recorded.append(.setTimer(timer, delay))
    }

    /// Disarms `timer`.
    @inlinable public mutating func cancelTimer(_ timer: Node.Timer) { recorded.append(.cancelTimer(timer)) }

    /// Answers client request `request`.
    @inlinable public mutating func reply(_ request: RequestID, _ reply: ClientReply) { recorded.append(.reply(request, reply)) }

    /// Narrates a state change, e.g. `became leader at term 2`; shown in the log and the plain
    /// REPL. The text is built only while the trace keeps records (a note shows nowhere else).
    @inlinable public mutating func note(_ text: @autoclosure () -> String) {
        if isTracing { recorded.append(.note(text())) }
    }

    /// A uniform random duration in `range`.
    public mutating func random(in range: ClosedRange<SimDuration>) -> SimDuration { rng.uniform(in: range) }
}

/// An effect recorded by a node's handler.
public enum Effect<Node: ProtocolNode>: Sendable {
    case send(NodeID, Node.Message)
    case setTimer(Node.Timer, SimDuration)
    case cancelTimer(Node.Timer)
    case reply(RequestID, ClientReply)
    case note(String)
}
