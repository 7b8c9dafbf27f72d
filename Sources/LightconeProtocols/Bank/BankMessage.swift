import LightconeSimulation

/// Identifies a transfer: the node that took it (its coordinator, in ACID mode) and that
/// node's count, written `t3.1`.
public struct TransferID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The node that took the transfer.
    public var origin: NodeID
    /// Its number at that node, from 1.
    public var number: Int

    /// A transfer id.
    public init(origin: NodeID, number: Int) {
        self.origin = origin
        self.number = number
    }

    public var description: String { "t\(origin.index + 1).\(number)" }
    public static func < (a: TransferID, b: TransferID) -> Bool { (a.origin.index, a.number) < (b.origin.index, b.number) }
}

/// One half of a transfer at one account: a debit (negative) or a credit (positive).
public struct Half: Sendable, Hashable, CustomStringConvertible {
    /// The account index.
    public var account: Int
    /// What the transfer adds to it.
    public var delta: Int

    public var description: String { "\(BankConfig.name(of: account))\(delta < 0 ? "" : "+")\(delta)" }
}

/// A transfer as BASE replicas exchange it.
public struct Transfer: Sendable, Hashable, CustomStringConvertible {
    /// Its id (origin and number).
    public var id: TransferID
    /// The account debited.
    public var from: Int
    /// The account credited.
    public var to: Int
    /// How much moves.
    public var amount: Int

    public var description: String { "\(id) \(BankConfig.name(of: from))->\(BankConfig.name(of: to)) \(amount)" }
}

/// What bank nodes exchange: two-phase commit (Gray 1978) in ACID mode, propagation of
/// transfers in BASE mode, and reads of an account held elsewhere.
public enum BankMessage: ProtocolMessage, Equatable {
    /// Phase 1: "lock these accounts, check the funds, and vote on `txn`."
    case prepare(txn: TransferID, halves: [Half])
    /// A participant's vote; a no says why.
    case vote(txn: TransferID, yes: Bool, reason: String)
    /// Phase 2: the coordinator's logged decision.
    case decision(txn: TransferID, commit: Bool)
    /// "I have applied (or dropped) `txn`": the coordinator may forget it.
    case ack(txn: TransferID)
    /// A restarted participant in doubt asks its coordinator for the decision.
    case ask(txn: TransferID)
    /// "What is account `account`'s balance?" (for a client's `balance` at another node).
    case read(account: Int, request: RequestID)
    /// The holder's committed balance.
    case readReply(account: Int, request: RequestID, balance: Int)
    /// BASE: every transfer the sender took that the receiver has not acknowledged, in order.
    case propagate([Transfer])
    /// BASE: "I have applied your transfers up to number `upTo`."
    case applied(upTo: Int)

    public var label: String {
        switch self {
        case .prepare: return "prep"
        case .vote(_, let yes, _): return yes ? "yes" : "no"
        case .decision(_, let commit): return commit ? "commit" : "abort"
        case .ack: return "ack"
        case .ask: return "ask"
        case .read: return "read"
        case .readReply: return "bal"
        case .propagate: return "xfer"
        case .applied: return "xfer✓"
        }
    }

    public var traceText: String {
        switch self {
        case .prepare(let txn, let halves): return "Prepare \(txn) " + halves.map(\.description).joined(separator: " ")
        case .vote(let txn, let yes, let reason): return "Vote \(txn) " + (yes ? "yes" : "no (\(reason))")
        case .decision(let txn, let commit): return (commit ? "Commit " : "Abort ") + txn.description
        case .ack(let txn): return "Ack \(txn)"
        case .ask(let txn): return "Ask \(txn)"
        case .read(let account, let request): return "Read \(BankConfig.name(of: account)) r\(request)"
        case .readReply(let account, let request, let balance): return "Balance \(BankConfig.name(of: account))=\(balance) r\(request)"
        case .propagate(let transfers): return "Propagate [" + transfers.map(\.description).joined(separator: ", ") + "]"
        case .applied(let upTo): return "Applied up to \(upTo)"
        }
    }

    public var isReply: Bool {
        switch self {
        case .vote, .ack, .readReply, .applied: return true
        default: return false
        }
    }
}

/// The bank's timers.
public enum BankTimer: Int, ProtocolTimer {
    /// A coordinator's earliest vote deadline.
    case voteTimeout
    /// A prepare waiting for a lock gives up.
    case lockWait
    /// Resend unacknowledged decisions (ACID) or transfers (BASE).
    case retry

    public var name: String {
        switch self {
        case .voteTimeout: return "vote-timeout"
        case .lockWait: return "lock-wait"
        case .retry: return "retry"
        }
    }
}
