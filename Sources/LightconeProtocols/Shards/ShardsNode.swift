import LightconeSimulation

/// A sharded search service (Fox & Brewer 1999): `records` records split into one shard per
/// node, shard i on node i and the next `replicas − 1` nodes of the ring. A `query` fans out
/// from its node to every shard (one replica each, the next replica after `shard-timeout`)
/// and, at the `deadline`, either answers with what arrived (`policy=degrade`: yield kept,
/// harvest lost) or fails unless every shard answered (`policy=strict`: harvest kept, yield
/// lost). An answer with every shard comes at once.
///
/// The records are the node's data and never change; the running queries are volatile.
public struct ShardsNode: ProtocolNode {
    public typealias Message = ShardsMessage
    public typealias Timer = ShardsTimer
    public typealias Config = ShardsConfig

    public static let name = "shards"
    public static let summary = "sharded queries that degrade or refuse: harvest and yield (Fox & Brewer)"
    public static let defaultNodeCount = 4
    public static let nodeCounts = 1...1_000
    public static let options = [
        OptionSpec("replicas", "N", "copies of each shard, on the next nodes of the ring (default 1)"),
        OptionSpec("policy", "degrade|strict", "answer with what arrived by the deadline, or fail unless every shard answered (default degrade)"),
        OptionSpec("records", "N", "records in the data set, split evenly over the shards (default 100)"),
        OptionSpec("shard-timeout", "DURATION", "wait for one replica before asking the next (default 50ms)"),
        OptionSpec("deadline", "DURATION", "when a query answers or fails with shards missing (default 200ms)"),
    ]
    public static let operations = [
        OperationSpec(name: "query", hasKey: false, inputCount: 0, usage: "query [via NODE]",
                      summary: "fan out to every shard; answers with the records that arrived (harvest) or fails (strict)",
                      example: "query via n2"),
    ]
    public static let meters = [HarvestYield.harvestMeter, HarvestYield.yieldMeter]
    public static let messageLabels = [
        MessageLabelSpec("fetch", "the query's node asks one replica of a shard for its records"),
        MessageLabelSpec("recs", "the shard's answer: how many records it holds"),
    ]

    public static func readMeters(in cluster: ClusterState<ShardsNode>) -> [MeterReading] {
        [HarvestYield.harvestReading(cluster.history, reflected: ShardsNode.reflected), HarvestYield.yieldReading(cluster.history)]
    }

    /// The (records, of records) an answered query's output `75/100 records ...` reflects.
    static func reflected(_ entry: HistoryEntry) -> (part: Int, whole: Int)? {
        guard let output = entry.output, let fraction = output.split(separator: " ").first else { return nil }
        let parts = fraction.split(separator: "/")
        guard parts.count == 2, let part = Int(parts[0]), let whole = Int(parts[1]) else { return nil }
        return (part, whole)
    }

    public let id: NodeID
    let nodeCount: Int
    public let config: ShardsConfig
    /// The queries this node fanned out and has not answered yet (volatile).
    var running: [QueryID: RunningQuery] = [:]
    /// How many queries this node has started (kept across restarts, so ids stay unique).
    var queriesStarted = 0

    /// One query in progress at its node.
    struct RunningQuery: Sendable {
        var request: RequestID
        var startedAt: SimTime
        /// Records per shard, nil while the shard has not answered.
        var answers: [Int?]
        /// How many of each shard's replicas have been asked.
        var asked: [Int]
    }

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> ShardsConfig {
        try ShardsConfig.make(nodeCount: nodeCount, options: options)
    }

    public init(id: NodeID, nodeCount: Int, config: ShardsConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
    }

    /// The shards this node holds (0-based), in order.
    public var shardsHeld: [Int] {
        (0..<nodeCount).filter { config.holders(ofShard: $0, nodeCount: nodeCount).contains(id) }
    }

    public mutating func start(_ ctx: inout Context<ShardsNode>) {}

    public mutating func crash() { running = [:] }

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<ShardsNode>) {
        guard operation.name == "query" else {
            ctx.reply(request, .fail("shards only knows query"))
            return
        }
        queriesStarted += 1
        let query = QueryID(origin: id, number: queriesStarted)
        var state = RunningQuery(request: request, startedAt: ctx.now, answers: Array(repeating: nil, count: nodeCount),
                                 asked: Array(repeating: 0, count: nodeCount))
        // Fan out: one replica of every shard (this node's own copy first, when it has one).
        for shard in 0..<nodeCount {
            state.asked[shard] = 1
            ctx.send(.fetch(query: query, shard: shard), to: replicaOrder(shard)[0])
        }
        running[query] = state
        armWake(&ctx)
    }

    /// The replicas of `shard` in the order a query from this node asks them: its own copy
    /// first, then the ring order from the shard's home.
    func replicaOrder(_ shard: Int) -> [NodeID] {
        let holders = config.holders(ofShard: shard, nodeCount: nodeCount)
        guard let own = holders.firstIndex(of: id) else { return holders }
        return [id] + holders.enumerated().filter { $0.offset != own }.map(\.element)
    }

    public mutating func receive(_ message: ShardsMessage, from sender: NodeID, _ ctx: inout Context<ShardsNode>) {
        switch message {
        case .fetch(let query, let shard):
            guard shardsHeld.contains(shard) else { return }
            ctx.send(.records(query: query, shard: shard, records: config.records(inShard: shard, of: nodeCount)), to: sender)
        case .records(let query, let shard, let records):
            guard var state = running[query], shard < state.answers.count, state.answers[shard] == nil else { return }
            state.answers[shard] = records
            running[query] = state
            if !state.answers.contains(where: { $0 == nil }) { finish(query, &ctx) }
        }
    }

    public mutating func timerFired(_ timer: ShardsTimer, _ ctx: inout Context<ShardsNode>) {
        for query in running.keys.sorted(by: { $0.number < $1.number }) {
            guard var state = running[query] else { continue }
            if ctx.now >= state.startedAt + config.deadline {
                finish(query, &ctx)
                continue
            }
            // Every shard-timeout, a shard still silent is asked at its next replica.
            let round = Int((ctx.now - state.startedAt) / config.shardTimeout)
            for shard in 0..<nodeCount where state.answers[shard] == nil {
                let order = replicaOrder(shard)
                while state.asked[shard] <= round && state.asked[shard] < order.count {
                    ctx.send(.fetch(query: query, shard: shard), to: order[state.asked[shard]])
                    state.asked[shard] += 1
                }
            }
            running[query] = state
        }
        armWake(&ctx)
    }

    /// Answers (or, strictly, fails) `query` with what arrived, and forgets it.
    mutating func finish(_ query: QueryID, _ ctx: inout Context<ShardsNode>) {
        guard let state = running.removeValue(forKey: query) else { return }
        let missing = state.answers.indices.filter { state.answers[$0] == nil }.map { "s\($0 + 1)" }
        let got = state.answers.compactMap { $0 }.reduce(0, +)
        if missing.isEmpty {
            ctx.reply(state.request, .ok("\(got)/\(config.records) records"))
        } else if config.policy == .strict {
            ctx.reply(state.request, .fail("strict: shard \(missing.joined(separator: ",")) did not answer"))
        } else {
            ctx.reply(state.request, .ok("\(got)/\(config.records) records, missing \(missing.joined(separator: ","))"))
        }
        armWake(&ctx)
    }

    /// Arms the wake timer for the next moment a running query must act, or disarms it.
    mutating func armWake(_ ctx: inout Context<ShardsNode>) {
        var next: SimTime?
        for state in running.values {
            var due = state.startedAt + config.deadline
            let hasReplicasLeft = state.answers.indices.contains { state.answers[$0] == nil && state.asked[$0] < config.replicas }
            if hasReplicasLeft {
                let rounds = (ctx.now - state.startedAt) / config.shardTimeout + 1
                due = min(due, state.startedAt + rounds * config.shardTimeout)
            }
            next = min(next ?? due, due)
        }
        if let next { ctx.setTimer(.wake, after: max(0, next - ctx.now)) } else { ctx.cancelTimer(.wake) }
    }

    // MARK: - Observation

    public var role: String { "node" }

    public var summaryLines: [String] {
        let held = shardsHeld.map { "s\($0 + 1)" }.joined(separator: ",")
        var lines = ["shard \(held)"]
        if !running.isEmpty { lines.append("\(running.count) quer\(running.count == 1 ? "y" : "ies") out") }
        return lines
    }

    public func inspect() -> [String] {
        var lines = shardsHeld.map { "shard s\($0 + 1): \(config.records(inShard: $0, of: nodeCount)) records" }
        lines.append("policy \(config.policy.rawValue), replicas \(config.replicas), shard-timeout \(DurationText.format(config.shardTimeout)), deadline \(DurationText.format(config.deadline))")
        for query in running.keys.sorted(by: { $0.number < $1.number }) {
            guard let state = running[query] else { continue }
            let arrived = state.answers.indices.filter { state.answers[$0] != nil }.map { "s\($0 + 1)" }
            lines.append("\(query): arrived \(arrived.isEmpty ? "none" : arrived.joined(separator: ",")) of \(nodeCount)")
        }
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        [("shards", .array(shardsHeld.map { .string("s\($0 + 1)") })), ("queries", .int(running.count))]
    }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<ShardsNode>) -> ConditionOutcome? { nil }

    public static func randomOperation(config: ShardsConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        Operation(name: "query")
    }
}
