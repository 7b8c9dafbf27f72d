import LightconeSimulation

/// One Paxos node (Lamport, "Paxos Made Simple", 2001): proposer, acceptor and learner at
/// once (unless `proposers=` names the proposers; every node is an acceptor and a learner).
///
/// `mode=basic` runs the single-decree synod of §2; `mode=multi` runs §3's replicated log
/// with a distinguished leader (see `PaxosNode+Multi.swift`).
///
/// Durable across `kill`/`restart`: the acceptor's promised ballot and accepted proposal
/// (per slot in Multi-Paxos), and in Basic Paxos the learned value. Volatile: everything a
/// proposer or leader is doing, the learner's counts, and in Multi-Paxos what was learned
/// and applied (a leader teaches it again).
///
/// The rules live in extensions named after the roles: `PaxosNode+Acceptor.swift`,
/// `PaxosNode+Proposer.swift`, `PaxosNode+Learner.swift`, `PaxosNode+Leader.swift`.
///
/// ```
/// new paxos 5
/// propose x via n1
/// propose y via n2
/// run until learned x on n3
/// ```
public struct PaxosNode: ProtocolNode {
    public typealias Message = PaxosMessage
    public typealias Timer = PaxosTimer
    public typealias Config = PaxosConfig

    /// The teaching bugs, by their index in `bugs` (their bit in `Context.bugs`).
    public enum Bug {
        /// Phase 2 proposes the proposer's own value even when a promise reported one (§2.2, P2c).
        public static let skipPromiseValue = 0
        /// The promised ballot is volatile: lost on restart (§2.3: it must be remembered).
        public static let forgetPromise = 1
        /// Acceptors accept without checking their promise (P1a).
        public static let acceptAnyBallot = 2
    }

    /// What a proposer is doing in Basic Paxos.
    public enum Phase: String, Sendable {
        /// Not proposing.
        case idle
        /// Phase 1: prepare sent, collecting promises.
        case preparing
        /// Phase 2: accept sent, waiting to learn the value.
        case accepting
        /// Lost a round; waits a random back-off before the next.
        case backingOff = "backing off"
    }

    public static let name = "paxos"
    public static let summary = "consensus: Basic Paxos and Multi-Paxos (Lamport, Paxos Made Simple, 2001)"
    public static let defaultNodeCount = 5
    public static let nodeCounts = 1...63
    public static let options = [
        OptionSpec("mode", "basic|multi", "one value (the synod, §2) or a replicated log (§3) (default basic)"),
        OptionSpec("proposers", "n1,n2", "the nodes that may propose (default every node)"),
        OptionSpec("retry", "DURATION", "a proposer without a majority this long starts again (default 100ms)"),
        OptionSpec("backoff", "on|off", "a beaten proposer waits a random 1-2x retry first (default on)"),
        OptionSpec("leader", "on|off", "elect a distinguished proposer; only it proposes (default off; on in mode=multi)"),
    ]
    public static let operations = [
        OperationSpec(name: "propose", hasKey: false, inputCount: 1, usage: "propose VALUE [via NODE]",
                      summary: "ask a proposer (default n1) to get VALUE chosen; answers the value chosen", example: "propose x via n2"),
        OperationSpec(name: "put", hasKey: true, inputCount: 1, usage: "put KEY VALUE [via NODE]",
                      summary: "mode=multi: set KEY to VALUE through the leader's log", example: "put x 1"),
        OperationSpec(name: "get", hasKey: true, inputCount: 0, usage: "get KEY [via NODE]",
                      summary: "mode=multi: read KEY through the log, so it is linearizable", example: "get x"),
        OperationSpec(name: "cas", hasKey: true, inputCount: 2, usage: "cas KEY OLD NEW [via NODE]",
                      summary: "mode=multi: set KEY to NEW if it is OLD; fails (and changes nothing) otherwise", example: "cas x 1 2"),
    ]
    public static let bugs = [
        BugSpec("skip-promise-value", "a proposer proposes its own value even when a promise reported an accepted one"),
        BugSpec("forget-promise", "promises are volatile: an acceptor forgets its promised ballot on restart"),
        BugSpec("accept-any-ballot", "an acceptor accepts without checking the ballot it promised"),
    ]
    public static var forcedTimeout: PaxosTimer? { .retry }
    public static let hasLeaders = true
    public static let roles = [RoleSpec("proposer", .campaigning), RoleSpec("leader", .leading),
                               RoleSpec("acceptor", .following), RoleSpec("learner", .passive)]
    public static let meters = [
        MeterSpec("round", "the highest ballot round any acceptor has promised (it climbs in a duel)"),
    ]

    /// This node.
    public let id: NodeID
    let nodeCount: Int
    /// The cluster's settings.
    public let config: PaxosConfig

    // MARK: Acceptor (durable)

    /// The highest ballot this acceptor has promised (answered a prepare for).
    public internal(set) var promised = Ballot.zero
    /// Basic Paxos: the proposal this acceptor accepted last (in the highest ballot).
    public internal(set) var accepted: Proposal<PaxosValue>?
    /// Basic Paxos: every proposal this acceptor ever accepted, oldest first. Nothing in the
    /// protocol reads it: it answers `chosen VALUE` ("a majority accepted it in one ballot").
    public internal(set) var acceptedEver: [Proposal<PaxosValue>] = []

    // MARK: Learner

    /// Basic Paxos: the value this learner learned (durable: a chosen value stays chosen).
    public internal(set) var learned: PaxosValue?
    /// Basic Paxos: per ballot, the value and the acceptors known to have accepted it.
    var acceptances: [Ballot: Acceptance] = [:]

    // MARK: Proposer (volatile)

    /// What the proposer is doing.
    public internal(set) var phase = Phase.idle
    /// The ballot of the current (or last) round.
    public internal(set) var ballot = Ballot.zero
    /// The value a client asked this proposer to get chosen.
    public internal(set) var value: PaxosValue?
    /// The value sent in phase 2 of the current round.
    public internal(set) var proposing: PaxosValue?
    /// The acceptors that promised the current ballot, one bit per node index.
    var promisedBy: UInt64 = 0
    /// The highest-ballot proposal the promises of the current round reported.
    public internal(set) var highestReported: Proposal<PaxosValue>?
    /// The highest round this node has seen in any ballot (its next is higher).
    var highestRound = 0
    /// Clients waiting to hear the chosen value.
    var waiting: [RequestID] = []

    // MARK: Distinguished proposer (volatile)

    /// True while this node believes it is the leader: its ballot's phase 1 succeeded and it
    /// has seen no higher ballot.
    public internal(set) var isLeader = false
    /// The leader this node last heard from.
    public internal(set) var leaderId: NodeID?
    /// The ballot of that leader.
    var leaderBallot = Ballot.zero

    // MARK: Multi-Paxos

    /// The replicated log's state (`mode=multi`).
    public internal(set) var multi = MultiState()

    // MARK: What changed in the current event (for the live monitors)

    /// The ballot and slots accepted while handling the current event, if any.
    public internal(set) var acceptedInEvent: (ballot: Ballot, from: Int, through: Int)?
    /// The slots learned while handling the current event, if any (0...0 in Basic Paxos).
    public internal(set) var learnedInEvent: ClosedRange<Int>?
    /// The values clients proposed to this node during the current event.
    public internal(set) var proposedInEvent: [PaxosValue] = []
    /// The lowest ballot promised during the current event.
    public internal(set) var promisedInEvent: Ballot?

    /// The acceptors known to have accepted one ballot's value.
    struct Acceptance: Sendable {
        var value: PaxosValue
        var acceptors: UInt64
    }

    public init(id: NodeID, nodeCount: Int, config: PaxosConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
    }

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> PaxosConfig {
        try PaxosConfig.parse(options, nodeCount: nodeCount)
    }

    /// The smallest number of acceptors that is a majority (every node is an acceptor).
    var majority: Int { nodeCount / 2 + 1 }

    /// Forgets what the previous event changed.
    mutating func beginEvent() {
        acceptedInEvent = nil
        learnedInEvent = nil
        promisedInEvent = nil
        if !proposedInEvent.isEmpty { proposedInEvent = [] }
    }

    // MARK: - Events

    public mutating func start(_ ctx: inout Context<PaxosNode>) {
        beginEvent()
        forgetPromiseIfBuggy(ctx)
        if config.mode == .multi {
            multiStart(&ctx)
        } else if config.leader && config.isProposer(id) {
            resetElectionTimer(&ctx)
        }
    }

    public mutating func receive(_ message: PaxosMessage, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        beginEvent()
        handle(message, from: sender, &ctx)
    }

    /// Handles a message from another node, or one this node sent itself (its proposer
    /// talking to its own acceptor and learner, which needs no network).
    mutating func handle(_ message: PaxosMessage, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if config.mode == .multi {
            multiHandle(message, from: sender, &ctx)
            return
        }
        switch message {
        case .prepare(let b, _): receivePrepare(b, from: sender, &ctx)
        case .promise(let b, let reported): receivePromise(b, reported: reported.first?.proposal, from: sender, &ctx)
        case .nack(let b, let promised): receiveNack(b, promised: promised, from: sender, &ctx)
        case .accept(let b, _, let values, _):
            if let value = values.first { receiveAccept(b, value: value, from: sender, &ctx) }
        case .accepted(let b, let value): receiveAccepted(b, value: value, from: sender, &ctx)
        case .heartbeat(let b): receiveHeartbeat(b, from: sender, &ctx)
        case .acceptedSlots: break
        }
    }

    public mutating func timerFired(_ timer: PaxosTimer, _ ctx: inout Context<PaxosNode>) {
        beginEvent()
        if config.mode == .multi {
            multiTimerFired(timer, &ctx)
            return
        }
        switch timer {
        case .retry: retryTimerFired(&ctx)
        case .heartbeat: heartbeatTimerFired(&ctx)
        }
    }

    public mutating func crash() {
        // Durable: promised, accepted (and learned in Basic Paxos). The rest is forgotten.
        if config.mode == .multi {
            multiCrash()
        }
        phase = .idle
        ballot = .zero
        value = nil
        proposing = nil
        promisedBy = 0
        highestReported = nil
        highestRound = 0
        waiting = []
        acceptances = [:]
        isLeader = false
        leaderId = nil
        leaderBallot = .zero
    }

    /// Crash with the teaching bugs in effect: `forget-promise` loses the promised ballot.
    /// (The kernel's `crash()` knows no bugs, so restart applies it in `start`.)
    mutating func forgetPromiseIfBuggy(_ ctx: Context<PaxosNode>) {
        if ctx.isBugOn(Bug.forgetPromise) { promised = .zero }
    }

    // MARK: - Sending

    /// Sends `message` to `node`; to itself it is handled at once, without the network.
    mutating func deliver(_ message: PaxosMessage, to node: NodeID, _ ctx: inout Context<PaxosNode>) {
        if node == id { handle(message, from: id, &ctx) } else { ctx.send(message, to: node) }
    }

    /// Sends `message` to every other node in id order, then handles it itself.
    mutating func broadcast(_ message: PaxosMessage, _ ctx: inout Context<PaxosNode>) {
        ctx.sendToPeers(message)
        handle(message, from: id, &ctx)
    }

    /// Arms the retry timer with a random election timeout (a leader is awaited).
    mutating func resetElectionTimer(_ ctx: inout Context<PaxosNode>) {
        ctx.setTimer(.retry, after: ctx.random(in: config.electionMin...config.electionMax))
    }

    /// The number of bits set.
    static func count(_ mask: UInt64) -> Int { mask.nonzeroBitCount }
    /// The bit of `node`.
    static func bit(_ node: NodeID) -> UInt64 { 1 << UInt64(node.index) }
}
