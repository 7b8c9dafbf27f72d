import LightconeSimulation

/// A message of `kv-cp`: the embedded Raft group's, wrapped (the trace reads `raft AppendEntries ...`).
public enum KVCPMessage: ProtocolMessage {
    /// A message of the Raft group the store replicates through.
    case raft(RaftMessage)

    /// The Raft message inside.
    public var inner: RaftMessage { switch self { case .raft(let message): message } }
    public var label: String { inner.label }
    public var traceText: String { "raft " + inner.traceText }
    public var isReply: Bool { inner.isReply }
}

/// The timers of `kv-cp`: the embedded Raft node's, under their own names.
public enum KVCPTimer: Int, ProtocolTimer {
    /// Raft's election timer.
    case election
    /// Raft's heartbeat timer; on a leader it also checks the quorum.
    case heartbeat

    /// The kv-cp timer for a Raft timer.
    public init(_ timer: RaftTimer) { self = timer == .election ? .election : .heartbeat }
    /// The Raft timer it stands for.
    public var raft: RaftTimer { self == .election ? .election : .heartbeat }
    public var name: String { raft.name }
}
