import LightconeSimulation

/// A message of `kv-ap`. `ref` numbers a coordination on its coordinator.
public enum KVAPMessage: ProtocolMessage {
    /// Liveness: a node pings its peers every 100 ms; a peer silent for 300 ms is unreachable.
    case ping
    /// The node a client reached hands the request to the key's coordinator.
    case forward(RequestID, Operation)
    /// The coordinator asks a replica to store versions; `hint` names the owner a fallback stores them for.
    case replicate(ref: Int, key: String, Siblings, hint: NodeID?)
    /// A replica has stored them.
    case replicated(ref: Int)
    /// The coordinator asks a replica for its versions of `key`.
    case read(ref: Int, key: String)
    /// A replica's versions of `key`.
    case readReply(ref: Int, key: String, Siblings)
    /// Read repair: the versions a read found, for a replica that lacked some of them.
    case repair(key: String, Siblings)
    /// Hinted handoff: a fallback hands an owner the keys it took for it.
    case handoff([HandedKey])
    /// The owner has them; the fallback may forget them.
    case handoffAck([HandedKey])
    /// Anti-entropy: a replica's versions of the keys it shares with the receiver.
    case exchange([HandedKey])
    /// The receiver's versions of the shared keys where the sender lacked something.
    case exchangeReply([HandedKey])
    /// A message of the strongly consistent group (`consistent=BUCKET`).
    case consistent(KVCPMessage)

    public var label: String {
        switch self {
        case .ping: "ping"
        case .forward: "fwd"
        case .replicate: "put"
        case .replicated: "put✓"
        case .read: "get"
        case .readReply: "get✓"
        case .repair: "repair"
        case .handoff: "hint"
        case .handoffAck: "hint✓"
        case .exchange: "AAE"
        case .exchangeReply: "AAE✓"
        case .consistent(let inner): inner.label
        }
    }

    public var traceText: String {
        switch self {
        case .ping: "Ping"
        case .forward(let request, let operation): "Forward #\(request) \(operation)"
        case .replicate(let ref, let key, let siblings, let hint):
            "Replicate ref=\(ref) \(key)=\(siblings.description)" + (hint.map { " hint=\($0)" } ?? "")
        case .replicated(let ref): "Replicated ref=\(ref)"
        case .read(let ref, let key): "Read ref=\(ref) \(key)"
        case .readReply(let ref, let key, let siblings): "ReadReply ref=\(ref) \(key)=\(siblings.isEmpty ? "none" : siblings.description)"
        case .repair(let key, let siblings): "ReadRepair \(key)=\(siblings.description)"
        case .handoff(let keys): "Handoff " + HandedKey.text(keys)
        case .handoffAck(let keys): "HandoffAck " + HandedKey.text(keys)
        case .exchange(let keys): "Exchange " + HandedKey.text(keys)
        case .exchangeReply(let keys): "ExchangeReply " + HandedKey.text(keys)
        case .consistent(let inner): "consistent " + inner.traceText
        }
    }

    public var isReply: Bool {
        switch self {
        case .replicated, .readReply, .handoffAck, .exchangeReply: true
        case .consistent(let inner): inner.isReply
        default: false
        }
    }

    /// What the labels mean, for `help kv-ap`.
    public static let labels = [
        MessageLabelSpec("ping", "a node tells a peer it is alive (every 100ms)"),
        MessageLabelSpec("fwd", "a request handed to the first reachable node of the key's preference list"),
        MessageLabelSpec("put", "the coordinator asks a replica (or a fallback, with a hint) to store a version"),
        MessageLabelSpec("put✓", "a replica stored it"),
        MessageLabelSpec("get", "the coordinator asks a replica for its versions"),
        MessageLabelSpec("get✓", "a replica's versions"),
        MessageLabelSpec("repair", "read repair: versions a read found, for a replica that lacked them"),
        MessageLabelSpec("hint", "hinted handoff: a fallback hands an owner what it took for it"),
        MessageLabelSpec("hint✓", "the owner has them"),
        MessageLabelSpec("AAE", "anti-entropy: a replica's versions of the keys it shares with the receiver"),
        MessageLabelSpec("AAE✓", "the receiver's versions where the sender lacked something"),
    ] + RaftNode.messageLabels
}

/// One key and its versions, as handoff and anti-entropy carry them.
public struct HandedKey: Sendable, Hashable {
    /// The key.
    public var key: String
    /// Its versions.
    public var siblings: Siblings

    /// A key and its versions.
    public init(_ key: String, _ siblings: Siblings) {
        self.key = key
        self.siblings = siblings
    }

    /// `x=1 [n1:1] y=2 [n2:1]`, at most a few keys by name.
    static func text(_ keys: [HandedKey]) -> String {
        let named = keys.prefix(4).map { "\($0.key)=\($0.siblings.description)" }.joined(separator: " ")
        return keys.count > 4 ? named + " (+\(keys.count - 4) keys)" : named
    }
}

/// The timers of `kv-ap`.
public enum KVAPTimer: Int, ProtocolTimer {
    /// Ping the peers, offer hinted data back, forget stale coordinations.
    case ping
    /// Exchange keys with their other replicas.
    case antiEntropy
    /// The strongly consistent group's election timer.
    case consistentElection
    /// The strongly consistent group's heartbeat timer.
    case consistentHeartbeat

    /// The kv-ap timer for a timer of the consistent group.
    public init(_ timer: KVCPTimer) { self = timer == .election ? .consistentElection : .consistentHeartbeat }
    /// The consistent group's timer it stands for, if it is one.
    public var consistent: KVCPTimer? {
        switch self {
        case .consistentElection: .election
        case .consistentHeartbeat: .heartbeat
        default: nil
        }
    }
    public var name: String {
        switch self {
        case .ping: "ping"
        case .antiEntropy: "anti-entropy"
        case .consistentElection: "consistent-election"
        case .consistentHeartbeat: "consistent-heartbeat"
        }
    }
}
