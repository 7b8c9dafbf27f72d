import LightconeSimulation

/// A ZooKeeper-like store (`new kv-cp [N] [reads=leader|local]`, default 3 nodes): every
/// write goes through a majority, and a node that cannot reach one refuses at once.
///
/// It is composed from the Raft node (`Context.embed`), not a consensus of its own: each
/// node embeds a `RaftNode`, whose log orders every `put`, `cas` and (with `reads=leader`)
/// `get`. On top of Raft it adds one rule, the quorum check of `KVCPNode+Quorum.swift`: a
/// node that has heard from no majority for one election timeout answers
/// `unavailable: no quorum` — definitely not applied — instead of letting the client time
/// out. A request accepted and then cut off from the majority stays unknown, as in Raft.
///
/// ```
/// new kv-cp 3
/// run until leader
/// partition n1 | n2 n3
/// run 1s
/// put x 1 via n1      # c1 fail put x 1 -> unavailable: no quorum
/// ```
public struct KVCPNode: ProtocolNode {
    public typealias Message = KVCPMessage
    public typealias Timer = KVCPTimer
    public typealias Config = KVCPConfig

    public static let name = "kv-cp"
    public static let summary = "a ZooKeeper-like store: writes through a majority (Raft); the minority refuses"
    public static let defaultNodeCount = 3
    public static let nodeCounts = 1...64
    public static let options = [
        OptionSpec("reads", "leader|local", "leader: reads through the leader's log, linearizable (default); local: the node answers from its own state, can be stale"),
    ] + RaftNode.options
    public static let operations = [
        OperationSpec(name: "put", hasKey: true, inputCount: 1, usage: "put KEY VALUE [via NODE]",
                      summary: "set KEY to VALUE through the leader and a majority; refused without a quorum", example: "put x 1 via n2"),
        OperationSpec(name: "get", hasKey: true, inputCount: 0, usage: "get KEY [via NODE]",
                      summary: "read KEY (reads=leader: through the log; reads=local: NODE's own state)", example: "get x via n3"),
        OperationSpec(name: "cas", hasKey: true, inputCount: 2, usage: "cas KEY OLD NEW [via NODE]",
                      summary: "set KEY to NEW if it is OLD, through the leader and a majority", example: "cas x 1 2"),
    ]
    public static var forcedTimeout: KVCPTimer? { .election }
    public static let hasLeaders = true
    public static var roles: [RoleSpec] { RaftNode.roles }
    public static var conditions: [ConditionForm] { RaftNode.conditions }
    public static var messageLabels: [MessageLabelSpec] { RaftNode.messageLabels }
    public static let meters = [HarvestYield.yieldMeter]

    /// The reason a refused request gives.
    public static let noQuorum = "unavailable: no quorum"

    /// This node.
    public let id: NodeID
    /// The cluster's settings.
    public let config: KVCPConfig
    /// The embedded Raft node the store replicates through.
    public internal(set) var raft: RaftNode
    /// Whether the node vouched for a quorum after its latest event (what the view shows;
    /// a request is judged at its own instant).
    public internal(set) var hadQuorum = false

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> KVCPConfig {
        try KVCPConfig.parse(options)
    }

    public init(id: NodeID, nodeCount: Int, config: KVCPConfig) {
        self.id = id
        self.config = config
        raft = RaftNode(id: id, nodeCount: nodeCount, config: config.raft)
    }

    /// One election timeout: how long a node goes without hearing from a majority before
    /// it knows it has lost its quorum.
    public var quorumWindow: SimDuration { config.raft.electionMin }

    /// Whether this node vouches for a quorum at `now`.
    public func hasQuorum(at now: SimTime) -> Bool { raft.vouchesForQuorum(now: now, window: quorumWindow) }

    // MARK: - Events

    /// Called as the node starts handling an event, also one that does not reach Raft (a
    /// refusal, a local read): the embedded log has written nothing in it yet, so that Raft's
    /// safety monitor looks only at what this event changed.
    public mutating func beginEvent() { raft.log.beginEvent() }

    public mutating func start(_ ctx: inout Context<KVCPNode>) {
        beginEvent()
        ctx.embed(&raft, message: KVCPMessage.raft, timer: KVCPTimer.init) { raft, inner in raft.start(&inner) }
        hadQuorum = hasQuorum(at: ctx.now)
    }

    public mutating func receive(_ message: KVCPMessage, from sender: NodeID, _ ctx: inout Context<KVCPNode>) {
        beginEvent()
        let inner = message.inner
        ctx.embed(&raft, message: KVCPMessage.raft, timer: KVCPTimer.init) { raft, context in raft.receive(inner, from: sender, &context) }
        hadQuorum = hasQuorum(at: ctx.now)
    }

    public mutating func timerFired(_ timer: KVCPTimer, _ ctx: inout Context<KVCPNode>) {
        beginEvent()
        // Leaders: a heartbeat that finds no majority heard from for one election timeout steps down.
        if timer == .heartbeat, raft.raftRole == .leader, !raft.heardFromMajority(now: ctx.now, window: quorumWindow) {
            ctx.note("heard from no majority for \(DurationText.format(quorumWindow)); steps down")
            ctx.embed(&raft, message: KVCPMessage.raft, timer: KVCPTimer.init) { raft, context in raft.stepDownForLostQuorum(&context) }
        } else {
            ctx.embed(&raft, message: KVCPMessage.raft, timer: KVCPTimer.init) { raft, context in raft.timerFired(timer.raft, &context) }
        }
        hadQuorum = hasQuorum(at: ctx.now)
    }

    /// Refuses at once without a quorum; with `reads=local` answers a `get` from this node's
    /// own applied state; otherwise hands the request to Raft (a follower redirects to its leader).
    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<KVCPNode>) {
        beginEvent()
        guard let command = RaftCommand(operation) else {
            ctx.reply(request, .fail("kv-cp knows put KEY VALUE, get KEY and cas KEY OLD NEW"))
            return
        }
        hadQuorum = hasQuorum(at: ctx.now)
        guard hadQuorum else {
            ctx.note("⊘ no quorum: refuses \(operation)")
            ctx.reply(request, .fail(KVCPNode.noQuorum))
            return
        }
        if config.reads == .local, case .get(let key) = command {
            ctx.reply(request, .ok(raft.store[key]))
            return
        }
        ctx.embed(&raft, message: KVCPMessage.raft, timer: KVCPTimer.init) { raft, context in
            raft.clientRequest(operation, request: request, &context)
        }
    }

    public mutating func crash() {
        raft.crash()
        hadQuorum = false
    }

    public static func randomOperation(config: KVCPConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        RaftNode.randomOperation(config: config.raft, keys: keys, using: &rng)
    }
}
