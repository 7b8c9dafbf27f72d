import LightconeSimulation

/// What replicas exchange: state-based anti-entropy, the whole state at once.
public enum CRDTMessage: ProtocolMessage, Equatable {
    /// "Here is my whole state; merge it into yours."
    case state(CRDTReplica)
    /// `type=text`, client to server: "I have your entries up to `base`; here is my batch (if any)."
    case submit(base: Int, batch: TextBatch?)
    /// `type=text`, server to client: its entries from index `from` on.
    case entries(from: Int, [TextBatch])

    public var label: String {
        switch self {
        case .state: return "state"
        case .submit: return "submit"
        case .entries: return "ops"
        }
    }

    public var traceText: String {
        switch self {
        case .state(let replica): return "State \(replica.type.rawValue) \(replica.description)"
        case .submit(let base, let batch):
            return "Submit base=\(base)" + (batch.map { " batch=\($0.origin)#\($0.seq) [" + $0.ops.map(\.description).joined(separator: " ") + "]" } ?? "")
        case .entries(let from, let entries):
            return "Ops from=\(from) [" + entries.map { "\($0.origin)#\($0.seq):\($0.ops.count)" }.joined(separator: " ") + "]"
        }
    }

    public var isReply: Bool {
        if case .entries = self { return true }
        return false
    }
}

/// The CRDT replica's one timer: its next anti-entropy exchange.
public enum CRDTTimer: Int, ProtocolTimer {
    case sync
    public var name: String { "sync" }
}
