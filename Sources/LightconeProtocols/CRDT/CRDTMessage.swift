import LightconeSimulation

/// What replicas exchange: state-based anti-entropy, the whole state at once.
public enum CRDTMessage: ProtocolMessage, Equatable {
    /// "Here is my whole state; merge it into yours."
    case state(CRDTReplica)

    public var label: String { "state" }

    public var traceText: String {
        switch self {
        case .state(let replica): return "State \(replica.type.rawValue) \(replica.description)"
        }
    }

    public var isReply: Bool { false }
}

/// The CRDT replica's one timer: its next anti-entropy exchange.
public enum CRDTTimer: Int, ProtocolTimer {
    case sync
    public var name: String { "sync" }
}
