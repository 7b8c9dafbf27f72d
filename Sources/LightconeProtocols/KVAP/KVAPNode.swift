import LightconeSimulation

/// A Riak/Dynamo-like store (`new kv-ap [N] [n=3] [r=2] [w=2]`, default 5 nodes): it accepts
/// writes on both sides of a partition and reconciles them later.
///
/// DeCandia et al., *Dynamo* (2007), as Riak runs it:
/// - keys hash onto a consistent-hash ring (`Ring`); a key's preference list is the first
///   `n` nodes clockwise. The node a request reaches forwards it to the first node of the
///   ring order for the key that it can reach, which coordinates (`KVAPNode+Coordination.swift`);
/// - a write's vector clock descends from every version its coordinator holds for the key
///   (actor = coordinator); concurrent writes are kept as siblings, and `get` returns all of
///   them (`1|2`); `resolve=lww` keeps only the latest by timestamp instead;
/// - sloppy quorum: the write goes to the first `n` reachable nodes on the ring, a fallback
///   taking a hint for each unreachable owner and handing the data back when it can reach
///   it (`KVAPNode+Replication.swift`); `w` acks answer a write, `r` replies a read;
/// - read repair after a read, anti-entropy between replicas every `anti-entropy=1s`;
/// - `consistent=BUCKET`: keys `BUCKET/...` go through a strongly consistent group, the
///   `kv-cp` node embedded (Riak 2's strong consistency), beside the eventually consistent keys.
///
/// Reachability is what a node hears: every node pings its peers every 100 ms, and a peer
/// silent for 300 ms is taken to be unreachable. The stores, hints and write counter are
/// durable; reachability and coordinations in progress are lost in a crash.
public struct KVAPNode: ProtocolNode {
    public typealias Message = KVAPMessage
    public typealias Timer = KVAPTimer
    public typealias Config = KVAPConfig

    public static let name = "kv-ap"
    public static let summary = "a Riak/Dynamo-like store: sloppy quorums, vector clocks, siblings, hinted handoff"
    public static let defaultNodeCount = 5
    public static let nodeCounts = 1...64
    public static let options = [
        OptionSpec("n", "N", "replicas per key: the preference list's length (default 3)"),
        OptionSpec("r", "N", "replies a read waits for (default 2)"),
        OptionSpec("w", "N", "acknowledgements a write waits for (default 2)"),
        OptionSpec("anti-entropy", "DURATION|off", "how often replicas exchange their keys (default 1s)"),
        OptionSpec("resolve", "siblings|lww", "keep concurrent writes as siblings (default), or the last by timestamp"),
        OptionSpec("consistent", "BUCKET", "keys BUCKET/... go through a strongly consistent group (Riak 2)"),
    ]
    public static let operations = [
        OperationSpec(name: "put", hasKey: true, inputCount: 1, usage: "put KEY VALUE [via NODE]",
                      summary: "write KEY; the version descends from what its coordinator holds", example: "put x 1 via n2"),
        OperationSpec(name: "get", hasKey: true, inputCount: 0, usage: "get KEY [via NODE]",
                      summary: "read KEY from r replicas; siblings come back joined: 1|2", example: "get x via n3"),
        OperationSpec(name: "cas", hasKey: true, inputCount: 2, usage: "cas KEY OLD NEW [via NODE]",
                      summary: "set KEY to NEW if it is OLD; only for keys of the consistent bucket", example: "cas accounts/a 1 2"),
    ]
    public static let roles = [RoleSpec("replica", .passive)]
    public static var messageLabels: [MessageLabelSpec] { KVAPMessage.labels }
    public static let meters = [
        MeterSpec("lost-writes", "acknowledged writes that no replica holds any more (resolve=lww drops concurrent ones)"),
        HarvestYield.yieldMeter,
    ]

    /// This node.
    public let id: NodeID
    let nodeCount: Int
    /// The cluster's settings.
    public let config: KVAPConfig

    // MARK: Durable state

    /// The keys this node is a replica of, with their versions.
    public internal(set) var store = VersionStore()
    /// Data this node took as a fallback, by the owner it holds it for (hinted handoff).
    public internal(set) var hinted: [NodeID: VersionStore] = [:]
    /// How many writes this node has coordinated: its counter in the clocks it writes.
    public internal(set) var writes = 0
    /// The writes this node acknowledged (kept with `resolve=lww`, for the `lost-writes` meter).
    public internal(set) var acknowledged: [AcknowledgedWrite] = []
    /// The strongly consistent group's node, with `consistent=BUCKET`.
    public internal(set) var consistent: KVCPNode?

    // MARK: Volatile state

    /// When each peer was last heard from.
    var lastHeard: [SimTime]
    /// Reads and writes this node coordinates, by ref.
    var coordinations: [Int: Coordination] = [:]
    /// The next coordination's ref.
    var nextRef = 1
    /// When hinted data was last offered to each owner.
    var handoffOffered: [NodeID: SimTime] = [:]

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> KVAPConfig {
        try KVAPConfig.parse(nodeCount: nodeCount, options)
    }

    public init(id: NodeID, nodeCount: Int, config: KVAPConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
        lastHeard = Array(repeating: 0, count: nodeCount)
        if config.consistentBucket != nil { consistent = KVCPNode(id: id, nodeCount: nodeCount, config: KVCPConfig()) }
    }

    // MARK: - Events

    public mutating func start(_ ctx: inout Context<KVAPNode>) {
        consistent?.beginEvent()
        // Peers are presumed reachable until they have been silent for `suspectAfter`.
        lastHeard = Array(repeating: ctx.now, count: nodeCount)
        ctx.setTimer(.ping, after: ctx.random(in: 1...config.ping))
        if let period = config.antiEntropy { ctx.setTimer(.antiEntropy, after: ctx.random(in: period / 2...period)) }
        embedConsistent(&ctx) { node, inner in node.start(&inner) }
    }

    public mutating func receive(_ message: KVAPMessage, from sender: NodeID, _ ctx: inout Context<KVAPNode>) {
        consistent?.beginEvent()
        lastHeard[sender.index] = ctx.now
        switch message {
        case .ping: break
        case .forward(let request, let operation): coordinate(operation, request: request, &ctx)
        case .replicate(let ref, let key, let siblings, let hint): handleReplicate(ref: ref, key: key, siblings, hint: hint, from: sender, &ctx)
        case .replicated(let ref): handleReplicated(ref: ref, from: sender, &ctx)
        case .read(let ref, let key): ctx.send(.readReply(ref: ref, key: key, held(key)), to: sender)
        case .readReply(let ref, _, let siblings): handleReadReply(ref: ref, siblings, from: sender, &ctx)
        case .repair(let key, let siblings): merge(key, siblings, because: "read repair", &ctx)
        case .handoff(let keys): handleHandoff(keys, from: sender, &ctx)
        case .handoffAck(let keys): handleHandoffAck(keys, from: sender, &ctx)
        case .exchange(let keys): handleExchange(keys, from: sender, &ctx)
        case .exchangeReply(let keys): for handed in keys { merge(handed.key, handed.siblings, because: "anti-entropy from \(sender)", &ctx) }
        case .consistent(let inner): embedConsistent(&ctx) { node, context in node.receive(inner, from: sender, &context) }
        }
    }

    public mutating func timerFired(_ timer: KVAPTimer, _ ctx: inout Context<KVAPNode>) {
        consistent?.beginEvent()
        switch timer {
        case .ping:
            ctx.sendToPeers(.ping)
            offerHints(&ctx)
            forgetStaleCoordinations(now: ctx.now)
            ctx.setTimer(.ping, after: config.ping)
        case .antiEntropy:
            exchangeWithReplicas(&ctx)
            if let period = config.antiEntropy { ctx.setTimer(.antiEntropy, after: period) }
        case .consistentElection, .consistentHeartbeat:
            guard let inner = timer.consistent else { return }
            embedConsistent(&ctx) { node, context in node.timerFired(inner, &context) }
        }
    }

    /// A key of the consistent bucket goes to the consistent group; any other is handed to
    /// the first node of its ring order this node can reach, which coordinates it.
    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<KVAPNode>) {
        consistent?.beginEvent()
        guard let key = operation.key else {
            ctx.reply(request, .fail("kv-ap knows put KEY VALUE and get KEY"))
            return
        }
        if config.isConsistent(key) {
            embedConsistent(&ctx) { node, context in node.clientRequest(operation, request: request, &context) }
            return
        }
        let coordinator = config.ring.order(for: key).first { isReachable($0, now: ctx.now) } ?? id
        if coordinator == id {
            coordinate(operation, request: request, &ctx)
        } else {
            ctx.send(.forward(request, operation), to: coordinator)
        }
    }

    public mutating func crash() {
        coordinations = [:]
        handoffOffered = [:]
        consistent?.crash()
    }

    // MARK: - Parts

    /// Whether this node takes `peer` to be reachable now: itself, or heard from within `suspectAfter`.
    public func isReachable(_ peer: NodeID, now: SimTime) -> Bool {
        peer == id || lastHeard[peer.index] >= now - config.suspectAfter
    }

    /// Every version this node holds for `key`, as a replica or as a fallback.
    public func held(_ key: String) -> Siblings {
        var siblings = store[key]
        for owner in hinted.keys.sorted() { siblings.merge(hinted[owner]?[key] ?? Siblings()) }
        return siblings
    }

    /// Runs a handler of the consistent group's node, if there is one.
    mutating func embedConsistent(_ ctx: inout Context<KVAPNode>, _ handler: (inout KVCPNode, inout Context<KVCPNode>) -> Void) {
        guard var part = consistent else { return }
        ctx.embed(&part, message: KVAPMessage.consistent, timer: KVAPTimer.init, note: { "consistent: " + $0 }, handler)
        consistent = part
    }

    /// A random `put` or `get` over keys `k1`..`kK`; with `consistent=BUCKET` half of them
    /// address `BUCKET/k1`..`BUCKET/kK` instead, where a `cas` may come too.
    public static func randomOperation(config: KVAPConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        var key = "k\(1 + rng.index(below: max(1, keys)))"
        let value = { (rng: inout SeededGenerator) in String(1 + rng.index(below: 9)) }
        if let bucket = config.consistentBucket, rng.index(below: 2) == 0 {
            key = bucket + "/" + key
            if rng.index(below: 5) == 0 { return Operation(name: "cas", key: key, input: [value(&rng), value(&rng)]) }
        }
        if rng.index(below: 2) == 0 { return Operation(name: "put", key: key, input: [value(&rng)]) }
        return Operation(name: "get", key: key)
    }
}

/// A write a node acknowledged: what `lost-writes` looks for among the replicas.
public struct AcknowledgedWrite: Sendable, Hashable {
    /// The key written.
    public var key: String
    /// The value written.
    public var value: String
    /// The coordinator and its counter: the write's dot.
    public var writer: NodeID
    /// The coordinator's counter for it.
    public var counter: Int
    /// When it was acknowledged.
    public var time: SimTime
}

/// A read or write in progress on its coordinator.
struct Coordination: Sendable {
    let request: RequestID
    let key: String
    let isWrite: Bool
    /// `w` or `r`.
    let needed: Int
    /// Where it went, each with the owner a fallback stands in for.
    let targets: [(node: NodeID, hint: NodeID?)]
    let started: SimTime
    /// The write's version.
    var version: Version?
    /// Who has answered (a read: with what, updated when repaired).
    var answers: [(node: NodeID, siblings: Siblings)] = []
    /// A read: the merge of every answer so far.
    var merged = Siblings()
    var hasReplied = false
}
