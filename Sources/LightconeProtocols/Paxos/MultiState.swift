import LightconeSimulation

/// A Multi-Paxos node's log and leader state (§3): one Paxos instance per log slot, with
/// one promised ballot covering them all (`PaxosNode.promised`).
///
/// Durable: `accepted` (the acceptor's proposal per slot), the learned prefix (a chosen value
/// stays chosen) and the serial counter. Volatile: the applied state machine (rebuilt from the
/// learned prefix on restart) and everything a leader or candidate keeps.
public struct MultiState: Sendable {
    // MARK: Acceptor (durable)

    /// `accepted[s]`: what the acceptor accepted for slot `s` (index 0 is unused).
    public internal(set) var accepted: [Proposal<PaxosValue>?] = [nil]

    // MARK: Learner (durable prefix) and state machine (volatile)

    /// `learned[s - 1]`: the chosen value of slot `s`, for slots 1...`learned.count`.
    public internal(set) var learned: [PaxosValue] = []
    /// How many learned slots are applied to `store`.
    public internal(set) var applied = 0
    /// The replicated state machine.
    public internal(set) var store = KeyValueStore()
    /// The next serial for a client command this node takes (durable, so tags never repeat).
    var serial = 0

    // MARK: Leader and candidate (volatile)

    /// True while this node believes it leads (phase 1 of its ballot succeeded).
    public internal(set) var isLeader = false
    /// True while phase 1 of its ballot runs.
    public internal(set) var isCandidate = false
    /// The leader this node follows, once heard from.
    public internal(set) var leaderId: NodeID?
    /// The first slot of the current phase 1 (the first slot this node had not learned).
    public internal(set) var prepareFrom = 1
    /// The acceptors that promised, one bit per node.
    var promisedBy: UInt64 = 0
    /// Per slot, the highest-ballot proposal the promises reported.
    var reported: [Int: Proposal<PaxosValue>] = [:]
    /// The last slot the leader has proposed.
    public internal(set) var lastProposed = 0
    /// Per slot from `votesBase`, the acceptors known to hold the leader's value in its ballot.
    var votes: [UInt64] = []
    /// The slot `votes[0]` counts.
    var votesBase = 1
    /// Per node, the next slot to send it.
    var nextSlot: [Int] = []
    /// Per node, the learned prefix it last reported.
    var learnedBy: [Int] = []
    /// Per node, its learned prefix at the previous heartbeat tick (to see it stall).
    var learnedAtTick: [Int] = []
    /// Per node, when a reply last added to the votes.
    var lastProgress: [SimTime] = []
    /// Per node, when the leader last sent it an Accept (a heartbeat is due only after a
    /// heartbeat interval without one, as in Raft).
    var lastSent: [SimTime] = []
    /// Per node, the Accepts with values sent to it and not yet answered. At most
    /// `PaxosConfig.window` go out at once; later slots wait for a reply and go in one batch.
    var inFlight: [Int] = []
    /// Clients waiting for their command's slot to be applied: (slot, serial, request).
    var waitingClients: [(slot: Int, serial: Int, request: RequestID)] = []

    /// An empty log.
    public init() {}

    /// The number of learned slots.
    public var learnedThrough: Int { learned.count }

    /// The last slot this acceptor accepted anything for.
    public var lastAccepted: Int { accepted.count - 1 }

    /// What the acceptor accepted for `slot`, if anything.
    public func proposal(at slot: Int) -> Proposal<PaxosValue>? {
        slot >= 1 && slot < accepted.count ? accepted[slot] : nil
    }

    /// The learned value of `slot`, if learned.
    public func learnedValue(at slot: Int) -> PaxosValue? {
        slot >= 1 && slot <= learned.count ? learned[slot - 1] : nil
    }

    /// The first learned slot whose value prints as `text`.
    func learnedSlot(of text: String) -> Int? {
        learned.firstIndex { $0.description == text }.map { $0 + 1 }
    }

    /// Records an acceptance for `slot`, growing the log with empty slots as needed.
    mutating func accept(_ proposal: Proposal<PaxosValue>, at slot: Int) {
        while accepted.count <= slot { accepted.append(nil) }
        accepted[slot] = proposal
    }

    /// Forgets the leader and candidate state.
    mutating func forgetLeadership() {
        isLeader = false
        isCandidate = false
        promisedBy = 0
        reported = [:]
        votes = []
        votesBase = 1
        nextSlot = []
        learnedBy = []
        learnedAtTick = []
        lastProgress = []
        lastSent = []
        inFlight = []
        waitingClients = []
    }
}
