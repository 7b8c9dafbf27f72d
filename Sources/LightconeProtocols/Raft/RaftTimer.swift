import LightconeSimulation

/// Raft's timers.
///
/// `election` fires when a follower or candidate has heard nothing from a leader for a
/// randomized election timeout (§5.2); `timeout NODE` fires it at once. `heartbeat` ticks on
/// leaders (AppendEntries during idle periods) and on candidates (RequestVote resent to
/// peers that have not answered, §5.1).
public enum RaftTimer: Int, ProtocolTimer {
    case election
    case heartbeat

    public var name: String {
        switch self {
        case .election: return "election"
        case .heartbeat: return "heartbeat"
        }
    }
}
