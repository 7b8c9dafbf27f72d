import LightconeSimulation

/// One Raft server (Ongaro & Ousterhout 2014, Figure 2) running a replicated key-value store.
///
/// The state carries the paper's names. `currentTerm`, `votedFor` and `log` are durable: they
/// survive `kill`/`restart`. Everything else (`commitIndex`, `lastApplied`, the applied
/// state machine, `nextIndex`/`matchIndex`, votes, the known leader, waiting clients) is
/// volatile; a restarted node rebuilds its state machine by applying its log again once a
/// leader tells it what is committed.
///
/// The rules live in extensions named after Figure 2's columns:
/// `RaftNode+Election.swift` (RequestVote, candidates), `RaftNode+Replication.swift`
/// (AppendEntries, leaders, commitIndex) and `RaftNode+Client.swift` (client requests).
///
/// ```
/// new raft 5 election=150..300ms heartbeat=50ms batch=64
/// timeout n1
/// run until leader n1
/// put x 1
/// ```
public struct RaftNode: ProtocolNode {
    public typealias Message = RaftMessage
    public typealias Timer = RaftTimer
    public typealias Config = RaftConfig

    /// The three roles of §5.1.
    public enum Role: String, Sendable {
        case follower, candidate, leader
    }

    /// The teaching bugs, by their index in `bugs` (their bit in `Context.bugs`).
    public enum Bug {
        /// Commit entries of earlier terms by counting replicas (Figure 8).
        public static let commitOldTerms = 0
        /// Grant votes without the up-to-date check of §5.4.1.
        public static let noVoteRestriction = 1
        /// Lose votedFor on restart, so a node can vote twice in one term.
        public static let volatileVote = 2
        /// Accept AppendEntries from leaders of older terms.
        public static let noTermCheck = 3
    }

    public static let name = "raft"
    public static let summary = "consensus: leader election and log replication (Ongaro & Ousterhout 2014)"
    public static let defaultNodeCount = 5
    public static let nodeCounts = 1...64
    public static let options = [
        OptionSpec("election", "MIN..MAX", "randomized election timeout range (default 150..300ms)"),
        OptionSpec("heartbeat", "DURATION", "leader heartbeat and RequestVote resend interval (default 50ms)"),
        OptionSpec("batch", "N", "most entries per AppendEntries (default 64)"),
    ]
    public static let operations = [
        OperationSpec(name: "put", hasKey: true, inputCount: 1, usage: "put KEY VALUE [via NODE]",
                      summary: "set KEY to VALUE through the leader's log", example: "put x 1 via n2"),
        OperationSpec(name: "get", hasKey: true, inputCount: 0, usage: "get KEY [via NODE]",
                      summary: "read KEY; the read goes through the log, so it is linearizable", example: "get x"),
        OperationSpec(name: "cas", hasKey: true, inputCount: 2, usage: "cas KEY OLD NEW [via NODE]",
                      summary: "set KEY to NEW if it is OLD; fails (and changes nothing) otherwise", example: "cas x 1 2"),
    ]
    public static let bugs = [
        BugSpec("commit-old-terms", "a leader commits entries of earlier terms by counting replicas (Figure 8)"),
        BugSpec("no-vote-restriction", "voters grant votes to candidates whose logs are less up-to-date (§5.4.1)"),
        BugSpec("volatile-vote", "votedFor is lost on restart, so a node can vote twice in one term"),
        BugSpec("no-term-check", "followers accept AppendEntries from leaders of older terms"),
    ]
    public static var forcedTimeout: RaftTimer? { .election }
    public static let hasLeaders = true
    public static let roles = [RoleSpec("follower", .following), RoleSpec("candidate", .campaigning), RoleSpec("leader", .leading)]

    /// This server.
    public let id: NodeID
    let nodeCount: Int
    /// The cluster's settings.
    public let config: RaftConfig

    // MARK: Persistent state on all servers

    /// The latest term this server has seen (0 at first, increases monotonically).
    public internal(set) var currentTerm = 0
    /// The candidate that received this server's vote in currentTerm, if any.
    public internal(set) var votedFor: NodeID?
    /// The log entries.
    public internal(set) var log = RaftLog()

    // MARK: Volatile state on all servers

    /// The highest log index known to be committed.
    public internal(set) var commitIndex = 0
    /// The highest log index applied to the state machine.
    public internal(set) var lastApplied = 0
    /// The state machine: the key-value store after applying `log[1...lastApplied]`.
    public internal(set) var store = KeyValueStore()
    /// Follower, candidate or leader.
    public internal(set) var raftRole = Role.follower
    /// The leader of currentTerm, once heard from (followers redirect clients to it).
    public internal(set) var leaderId: NodeID?
    /// When the leader of currentTerm was last heard from (for `available NODE`).
    var leaderContact: SimTime?
    /// When the election timer was last armed and when it fires (for the view's timer bar).
    var electionTimer: (armedAt: SimTime, deadline: SimTime)?

    // MARK: Volatile state on candidates

    /// Who granted this candidate its vote in currentTerm, by node index.
    var votesGranted: [Bool] = []
    /// Who answered this candidate's RequestVote in currentTerm (§5.1: the others get it again).
    var votesAnswered: [Bool] = []

    // MARK: Volatile state on leaders

    /// For each server, the index of the next log entry to send to it.
    public internal(set) var nextIndex: [Int] = []
    /// For each server, the highest log entry known to be replicated on it.
    public internal(set) var matchIndex: [Int] = []
    /// For each server, when a reply of currentTerm last came from it (candidates and leaders).
    var lastHeard: [SimTime] = []
    /// For each server, when an AppendEntries was last sent to it (heartbeats go to idle ones).
    var lastSent: [SimTime] = []
    /// For each server, whether an AppendEntries carrying entries awaits its reply; new client
    /// entries then wait for that reply (or the next heartbeat) instead of a message each.
    var awaitingReply: [Bool] = []
    /// Client requests waiting for their entry to be applied, in index order.
    var waitingClients: [(index: Int, request: RequestID)] = []

    public init(id: NodeID, nodeCount: Int, config: RaftConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
    }

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> RaftConfig {
        try RaftConfig.parse(options)
    }

    /// The smallest number of servers that is a majority.
    var majority: Int { nodeCount / 2 + 1 }

    // MARK: - Events

    public mutating func start(_ ctx: inout Context<RaftNode>) {
        log.beginEvent()
        if ctx.isBugOn(Bug.volatileVote) { votedFor = nil }
        raftRole = .follower
        resetElectionTimer(&ctx)
    }

    public mutating func receive(_ message: RaftMessage, from sender: NodeID, _ ctx: inout Context<RaftNode>) {
        log.beginEvent()
        // All servers: if an RPC request or response contains term T > currentTerm, set
        // currentTerm = T and convert to follower.
        if message.term > currentTerm { becomeFollower(term: message.term, &ctx) }
        switch message {
        case .requestVote(let request): handleRequestVote(request, &ctx)
        case .requestVoteReply(let reply): handleRequestVoteReply(reply, from: sender, &ctx)
        case .appendEntries(let request): handleAppendEntries(request, &ctx)
        case .appendEntriesReply(let reply): handleAppendEntriesReply(reply, from: sender, &ctx)
        }
    }

    public mutating func timerFired(_ timer: RaftTimer, _ ctx: inout Context<RaftNode>) {
        log.beginEvent()
        switch (timer, raftRole) {
        case (.election, .leader):
            // Leaders have no election timeout; only `timeout NODE` can fire it on a leader.
            ctx.note("is leader at term \(currentTerm); ignores the election timeout")
        case (.election, .follower), (.election, .candidate):
            // Followers: election timeout without hearing from a leader or granting a vote.
            // Candidates: election timeout elapses: start a new election.
            startElection(&ctx)
        case (.heartbeat, .leader):
            sendHeartbeats(&ctx)
            ctx.setTimer(.heartbeat, after: config.heartbeat)
        case (.heartbeat, .candidate):
            resendRequestVotes(&ctx)
            ctx.setTimer(.heartbeat, after: config.heartbeat)
        case (.heartbeat, .follower):
            break
        }
    }

    public mutating func crash() {
        // Durable: currentTerm, votedFor, log. Everything else is forgotten.
        raftRole = .follower
        commitIndex = 0
        lastApplied = 0
        store = KeyValueStore()
        leaderId = nil
        leaderContact = nil
        electionTimer = nil
        forgetCandidateAndLeaderState()
    }

    // MARK: - Role changes

    /// Steps down to follower; a higher `term` also clears votedFor. Waiting clients get no
    /// answer: their requests may still be committed by a later leader, so their result is unknown.
    mutating func becomeFollower(term: Int, _ ctx: inout Context<RaftNode>) {
        let wasLeader = raftRole == .leader
        if term > currentTerm {
            currentTerm = term
            votedFor = nil
            leaderId = nil
            leaderContact = nil
        }
        let changed = raftRole != .follower || wasLeader
        raftRole = .follower
        forgetCandidateAndLeaderState()
        if changed { ctx.cancelTimer(.heartbeat) }
        // A leader has no election timer running; a deposed one needs it again.
        if wasLeader { resetElectionTimer(&ctx) }
        ctx.note("became follower at term \(currentTerm)")
    }

    mutating func forgetCandidateAndLeaderState() {
        votesGranted = []
        votesAnswered = []
        nextIndex = []
        matchIndex = []
        lastHeard = []
        lastSent = []
        awaitingReply = []
        waitingClients = []
    }

    /// Arms the election timer with a fresh random timeout (§5.2).
    mutating func resetElectionTimer(_ ctx: inout Context<RaftNode>) {
        let timeout = ctx.random(in: config.electionMin...config.electionMax)
        ctx.setTimer(.election, after: timeout)
        electionTimer = (ctx.now, ctx.now + timeout)
    }

    // MARK: - All servers: applying committed entries

    /// All servers: if commitIndex > lastApplied, increment lastApplied and apply
    /// log[lastApplied] to the state machine. A leader answers the client that asked for it.
    mutating func applyCommitted(_ ctx: inout Context<RaftNode>) {
        // (Only a teaching bug can truncate the log below commitIndex; never apply past its end.)
        while lastApplied < min(commitIndex, log.lastIndex) {
            lastApplied += 1
            guard let waiting = waitingClients.first, waiting.index <= lastApplied else {
                // Nobody here waits for this entry: apply it without composing an answer.
                store.update(log[lastApplied].command)
                continue
            }
            let reply = store.apply(log[lastApplied].command)
            while let first = waitingClients.first, first.index <= lastApplied {
                waitingClients.removeFirst()
                if first.index == lastApplied { ctx.reply(first.request, reply) }
            }
        }
    }
}
