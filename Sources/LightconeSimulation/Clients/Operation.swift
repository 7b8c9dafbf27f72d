/// A client operation of any protocol: `put x 1`, `get x`, `cas x 1 2`, `broadcast hi`,
/// `transfer a b 10`. One shape for every protocol, so that `history`, `load` and the
/// checkers are written once.
public struct Operation: Sendable, Hashable, CustomStringConvertible {
    /// The verb, as typed: `put`, `get`, `cas`, `broadcast`, `propose`, ...
    public var name: String
    /// The key it addresses, when the protocol has keys.
    public var key: String?
    /// Its arguments after the key: the value of a put, old and new of a cas.
    public var input: [String]

    /// An operation `name key input...`.
    public init(name: String, key: String? = nil, input: [String] = []) {
        self.name = name
        self.key = key
        self.input = input
    }

    /// As typed: `put x 1`.
    public var description: String {
        ([name] + (key.map { [$0] } ?? []) + input).joined(separator: " ")
    }
}

/// What a node answers a client.
public enum ClientReply: Sendable, Hashable {
    /// Done; the output of a read, or nil.
    case ok(String?)
    /// Definitely not done, and nothing was observed (no leader, a node down or refusing).
    case fail(String)
    /// The operation ran against the state and its condition did not hold (a `cas` whose
    /// compare failed): nothing changed, and the failure is an observation of the state, as
    /// Jepsen's `:fail :cas` is. The client sees `fail` with the reason.
    case checkFailed(String)
    /// Not here: try that node (or nil: "I know no leader", which the client treats as a failure).
    case redirect(NodeID?)
}

/// Identifies one client request while it is outstanding.
public typealias RequestID = UInt64

/// How an operation in the history ended.
public enum OperationOutcome: String, Sendable, Hashable {
    /// Still waiting for a reply.
    case pending
    /// Took effect; `output` holds what it returned.
    case ok
    /// Did not take effect.
    case fail
    /// Timed out: it may or may not have taken effect.
    case unknown
}

/// One client operation in the history: what was asked, when, and how it ended.
public struct HistoryEntry: Sendable, Hashable {
    /// The client that issued it, `c1`, `c2`, ...
    public var client: Int
    /// The node the client started at (its `via`).
    public var node: NodeID
    /// The operation.
    public var operation: Operation
    /// When it was invoked.
    public var invokeTime: SimTime
    /// When it completed (nil while pending, and for unknown outcomes).
    public var completeTime: SimTime?
    /// How it ended.
    public var outcome: OperationOutcome
    /// What it returned (a read's value) or why it failed.
    public var output: String?
    /// For a `fail`: true when the operation ran and its condition did not hold, so the
    /// failure says what the state was (a `cas` whose compare failed: the value was not the
    /// expected one); false when it never ran (no leader, node down, refused).
    public var isObservation = false

    /// A new pending entry.
    public init(client: Int, node: NodeID, operation: Operation, invokeTime: SimTime) {
        self.client = client
        self.node = node
        self.operation = operation
        self.invokeTime = invokeTime
        self.outcome = .pending
    }
}
