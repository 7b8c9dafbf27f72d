import LightconeSimulation

/// Paxos's timers.
///
/// `retry` fires when a proposer's round has not reached a majority within `retry=` (it
/// starts again with a higher ballot), when its back-off ends, and, with a distinguished
/// proposer (`leader=on`, `mode=multi`), as the election timeout of a node that has not
/// heard from a leader. `heartbeat` ticks on a leader.
public enum PaxosTimer: Int, ProtocolTimer {
    case retry
    case heartbeat

    public var name: String {
        switch self {
        case .retry: return "retry"
        case .heartbeat: return "heartbeat"
        }
    }
}
