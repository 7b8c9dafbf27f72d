import LightconeSimulation

/// The RequestVote RPC (Figure 2), sent by candidates to gather votes.
public struct RequestVote: Sendable, Equatable {
    /// The candidate's term.
    public var term: Int
    /// The candidate requesting the vote.
    public var candidateId: NodeID
    /// The index of the candidate's last log entry.
    public var lastLogIndex: Int
    /// The term of the candidate's last log entry.
    public var lastLogTerm: Int

    /// A RequestVote.
    public init(term: Int, candidateId: NodeID, lastLogIndex: Int, lastLogTerm: Int) {
        self.term = term
        self.candidateId = candidateId
        self.lastLogIndex = lastLogIndex
        self.lastLogTerm = lastLogTerm
    }
}

/// The answer to RequestVote.
public struct RequestVoteReply: Sendable, Equatable {
    /// The voter's currentTerm, for the candidate to update itself.
    public var term: Int
    /// True means the candidate received the vote.
    public var voteGranted: Bool

    /// A reply to RequestVote.
    public init(term: Int, voteGranted: Bool) {
        self.term = term
        self.voteGranted = voteGranted
    }
}

/// The AppendEntries RPC (Figure 2), sent by leaders to replicate entries and as heartbeat.
public struct AppendEntries: Sendable, Equatable {
    /// The leader's term.
    public var term: Int
    /// So that followers can redirect clients.
    public var leaderId: NodeID
    /// The index of the log entry immediately preceding the new ones.
    public var prevLogIndex: Int
    /// The term of the entry at prevLogIndex.
    public var prevLogTerm: Int
    /// The entries to store (empty for a heartbeat), at most `batch` of them.
    public var entries: [RaftEntry]
    /// The leader's commitIndex.
    public var leaderCommit: Int

    /// An AppendEntries.
    public init(term: Int, leaderId: NodeID, prevLogIndex: Int, prevLogTerm: Int, entries: [RaftEntry], leaderCommit: Int) {
        self.term = term
        self.leaderId = leaderId
        self.prevLogIndex = prevLogIndex
        self.prevLogTerm = prevLogTerm
        self.entries = entries
        self.leaderCommit = leaderCommit
    }
}

/// The answer to AppendEntries.
public struct AppendEntriesReply: Sendable, Equatable {
    /// The follower's currentTerm, for the leader to update itself.
    public var term: Int
    /// True if the follower contained an entry matching prevLogIndex and prevLogTerm.
    public var success: Bool
    /// On success, prevLogIndex + the number of entries sent: what the follower now
    /// matches. On failure, the index of the follower's last entry, so that the leader's
    /// back-off need not step below it one index at a time.
    public var matchIndex: Int

    /// A reply to AppendEntries.
    public init(term: Int, success: Bool, matchIndex: Int) {
        self.term = term
        self.success = success
        self.matchIndex = matchIndex
    }
}

/// What Raft nodes exchange: the two RPCs of Figure 2 and their replies.
public enum RaftMessage: ProtocolMessage, Equatable {
    case requestVote(RequestVote)
    case requestVoteReply(RequestVoteReply)
    case appendEntries(AppendEntries)
    case appendEntriesReply(AppendEntriesReply)

    /// The term every message carries (Figure 2: any RPC with a higher term makes the receiver a follower).
    public var term: Int {
        switch self {
        case .requestVote(let m): return m.term
        case .requestVoteReply(let m): return m.term
        case .appendEntries(let m): return m.term
        case .appendEntriesReply(let m): return m.term
        }
    }

    public var label: String {
        switch self {
        case .requestVote: return "RV"
        case .requestVoteReply(let m): return m.voteGranted ? "RV✓" : "RV✗"
        case .appendEntries: return "AE"
        case .appendEntriesReply(let m): return m.success ? "AE✓" : "AE✗"
        }
    }

    /// `AppendEntries term=2 prev=3/1 entries=[4/2] commit=3`: positions are written
    /// `index/term` everywhere (messages, log tails, inspect).
    public var traceText: String {
        switch self {
        case .requestVote(let m):
            return "RequestVote term=\(m.term) last=\(m.lastLogIndex)/\(m.lastLogTerm)"
        case .requestVoteReply(let m):
            return "RequestVoteReply term=\(m.term) \(m.voteGranted ? "granted" : "refused")"
        case .appendEntries(let m):
            return "AppendEntries term=\(m.term) prev=\(m.prevLogIndex)/\(m.prevLogTerm) entries=[\(RaftMessage.describe(m.entries, after: m.prevLogIndex))] commit=\(m.leaderCommit)"
        case .appendEntriesReply(let m):
            return m.success ? "AppendEntriesReply term=\(m.term) success match=\(m.matchIndex)"
                : "AppendEntriesReply term=\(m.term) failure last=\(m.matchIndex)"
        }
    }

    public var isReply: Bool {
        switch self {
        case .requestVote, .appendEntries: return false
        case .requestVoteReply, .appendEntriesReply: return true
        }
    }

    /// `4/2 5/2`, or `4/2..67/3` for more than three entries.
    static func describe(_ entries: [RaftEntry], after prevLogIndex: Int) -> String {
        guard let first = entries.first, let last = entries.last else { return "" }
        if entries.count > 3 {
            return "\(prevLogIndex + 1)/\(first.term)..\(prevLogIndex + entries.count)/\(last.term)"
        }
        return entries.enumerated().map { "\(prevLogIndex + 1 + $0.offset)/\($0.element.term)" }.joined(separator: " ")
    }
}

extension RaftNode {
    /// What the labels of `RaftMessage.label` mean, for `help raft`.
    public static var messageLabels: [MessageLabelSpec] {
        [
            MessageLabelSpec("RV", "RequestVote: a candidate asks for a vote (its term and last log position)"),
            MessageLabelSpec("RV✓", "RequestVote reply: vote granted"),
            MessageLabelSpec("RV✗", "RequestVote reply: vote refused"),
            MessageLabelSpec("AE", "AppendEntries: the leader's entries and commit index (a heartbeat when empty)"),
            MessageLabelSpec("AE✓", "AppendEntries reply: success (the follower's log matches up to matchIndex)"),
            MessageLabelSpec("AE✗", "AppendEntries reply: failure (term too old, or the logs differ at prev)"),
        ]
    }
}
