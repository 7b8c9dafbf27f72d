import LightconeSimulation

/// Epidemic broadcast in periodic rounds: every round each node pushes what it knows to
/// `fanout` random peers, and a peer that knows more pulls the difference back. A value
/// reaches every node that can be reached, also after a partition heals.
///
/// The set of known values is durable (it survives `kill`); the round schedule is not.
public struct GossipNode: ProtocolNode {
    public typealias Message = GossipMessage
    public typealias Timer = GossipTimer
    public typealias Config = GossipConfig

    public static let name = "gossip"
    public static let summary = "epidemic broadcast: push-pull rounds with random peers"
    public static let defaultNodeCount = 5
    public static let nodeCounts = 1...100_000
    public static let options = [
        OptionSpec("fanout", "N", "peers contacted per round (default 3)"),
        OptionSpec("round", "DURATION", "time between a node's rounds (default 100ms)"),
        OptionSpec("mode", "push-pull|push", "push: only nodes that know something push, nobody pulls back (default push-pull)"),
    ]
    public static let operations = [
        OperationSpec(name: "broadcast", hasKey: false, inputCount: 1, usage: "broadcast VALUE via NODE",
                      summary: "NODE learns VALUE and starts spreading it at once", example: "broadcast hi via n1"),
    ]
    public static var forcedTimeout: GossipTimer? { .round }
    public static let conditions = [
        ConditionForm("delivered", syntax: "delivered VALUE everywhere", summary: "every up node knows VALUE") { words throws(OptionError) in
            guard words.count == 2, words[1].lowercased() == "everywhere" else {
                throw OptionError("condition 'delivered \(words.joined(separator: " "))' should read: delivered VALUE everywhere")
            }
            return [words[0]]
        },
    ]

    /// The condition `delivered VALUE everywhere`.
    public static func delivered(_ value: String) -> Condition { .protocolCondition("delivered", [value]) }
    public static let meters = [MeterSpec("coverage", "the fraction of (up node, value) pairs known, of every value any node knows")]

    public static func readMeters(in cluster: ClusterState<GossipNode>) -> [MeterReading] {
        var everything = Set<String>()
        var known = 0, upCount = 0
        for index in cluster.nodes.indices where cluster.lives[index] != .down {
            upCount += 1
            known += cluster.nodes[index].known.count
        }
        for node in cluster.nodes { everything.formUnion(node.known) }
        // A broadcast a client has sent, and no node refused, counts before anyone learns it.
        for entry in cluster.history where entry.operation.name == "broadcast" && entry.outcome != .fail {
            everything.formUnion(entry.operation.input.prefix(1))
        }
        return [MeterReading("coverage", fraction: known, of: upCount * everything.count)]
    }

    public let id: NodeID
    let nodeCount: Int
    let config: GossipConfig
    /// Every value this node has learned, sorted (durable).
    public private(set) var known: [String] = []
    /// Whether it learned something since its previous round (volatile; the view draws a
    /// push without news faintly).
    var hasNews = false

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> GossipConfig {
        var config = GossipConfig()
        for (key, value) in options {
            switch key {
            case "fanout":
                guard let n = Int(value), n >= 1, n <= 64 else { throw OptionError("fanout must be a number 1..64, not \(value)") }
                config.fanout = n
            case "round":
                guard let d = DurationText.parse(value), d >= 1_000 else { throw OptionError("round must be a duration of at least 1ms, like 100ms") }
                config.round = d
            case "mode":
                guard value == "push" || value == "push-pull" else { throw OptionError("mode must be push-pull or push, not \(value)") }
                config.pushOnly = value == "push"
            default:
                throw OptionError("unknown option \(key) for gossip; options are fanout=N round=DURATION mode=push-pull|push")
            }
        }
        return config
    }

    public init(id: NodeID, nodeCount: Int, config: GossipConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
    }

    public mutating func start(_ ctx: inout Context<GossipNode>) {
        // Stagger the first round so that nodes do not gossip in lockstep.
        ctx.setTimer(.round, after: ctx.random(in: 1...config.round))
    }

    public mutating func timerFired(_ timer: GossipTimer, _ ctx: inout Context<GossipNode>) {
        if !config.pushOnly || !known.isEmpty { pushToRandomPeers(&ctx) }
        hasNews = false
        ctx.setTimer(.round, after: config.round)
    }

    public mutating func receive(_ message: GossipMessage, from sender: NodeID, _ ctx: inout Context<GossipNode>) {
        switch message {
        case .push(let theirs, _):
            learn(theirs, &ctx)
            if config.pushOnly { return }
            let missing = GossipNode.difference(known, minus: theirs)
            if !missing.isEmpty { ctx.send(.pull(missing), to: sender) }
        case .pull(let values):
            learn(values, &ctx)
        }
    }

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<GossipNode>) {
        guard operation.name == "broadcast", let value = operation.input.first else {
            ctx.reply(request, .fail("gossip only knows broadcast"))
            return
        }
        learn([value], &ctx)
        ctx.reply(request, .ok(nil))
        pushToRandomPeers(&ctx)
    }

    public mutating func crash() {}

    mutating func learn(_ values: [String], _ ctx: inout Context<GossipNode>) {
        guard !values.isEmpty else { return }
        let before = known.count
        known = GossipNode.union(known, values)
        guard known.count != before else { return }
        hasNews = true
        // The note stays short under load: past a few values it gives the count.
        let known = self.known
        ctx.note(known.count <= GossipNode.valuesNamed ? "knows \(known.joined(separator: ", "))" : "knows \(known.count) values")
    }

    /// The most values a `knows` note lists by name.
    static let valuesNamed = 12

    mutating func pushToRandomPeers(_ ctx: inout Context<GossipNode>) {
        guard nodeCount > 1 else { return }
        let count = min(config.fanout, nodeCount - 1)
        let message = GossipMessage.push(known, news: hasNews)
        // The fan-out draw picks `count` distinct peers on the stack (no array per round);
        // the draws, and so the generator's state, are those of the array it replaced.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { chosen in
            var taken = 0
            while taken < count {
                var peer = ctx.rng.index(below: nodeCount - 1)
                if peer >= id.index { peer += 1 }
                if !chosen[..<taken].contains(peer) {
                    chosen[taken] = peer
                    taken += 1
                }
            }
            for peer in chosen[..<taken] { ctx.send(message, to: NodeID(index: peer)) }
        }
    }

    /// The sorted union of sorted `a` and `b` (`b` sorted or not): a merge, linear in both.
    /// When nothing is new it returns `a` itself, and when `a` is empty and `b` is a sorted
    /// set it returns `b` itself: a value spreading through the cluster is then one shared
    /// buffer, and comparing two nodes' values is an identity check, not a string compare.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        if b.isEmpty || a == b { return a }
        if a.isEmpty { return isStrictlySorted(b) ? b : deduplicated(b.sorted()) }
        let b = isSorted(b) ? b : b.sorted()
        if contains(a, allOf: b) { return a }
        var result: [String] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let next: String
            if j == b.count || (i < a.count && a[i] <= b[j]) { next = a[i]; i += 1 } else { next = b[j]; j += 1 }
            if result.last != next { result.append(next) }
        }
        return result
    }

    /// Whether sorted `a` holds every value of sorted `b`: a merge that allocates nothing.
    static func contains(_ a: [String], allOf b: [String]) -> Bool {
        var i = 0
        for value in b {
            while i < a.count && a[i] < value { i += 1 }
            if i == a.count || a[i] != value { return false }
        }
        return true
    }

    /// Values of sorted `a` not in sorted `b`: a merge, linear in both.
    static func difference(_ a: [String], minus b: [String]) -> [String] {
        if a.isEmpty { return [] }
        if b.isEmpty || a == b { return b.isEmpty ? a : [] }
        var result: [String] = []
        var j = 0
        for value in a {
            while j < b.count && b[j] < value { j += 1 }
            if j == b.count || b[j] != value { result.append(value) }
        }
        return result
    }

    /// Whether this node knows `value` (a binary search of the sorted values).
    public func knows(_ value: String) -> Bool {
        var low = 0, high = known.count
        while low < high {
            let middle = (low + high) / 2
            if known[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < known.count && known[low] == value
    }

    static func isSorted(_ values: [String]) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// Sorted without duplicates.
    static func isStrictlySorted(_ values: [String]) -> Bool {
        zip(values, values.dropFirst()).allSatisfy { $0 < $1 }
    }

    static func deduplicated(_ sorted: [String]) -> [String] {
        var result: [String] = []
        for value in sorted where result.last != value { result.append(value) }
        return result
    }

    // MARK: - Observation

    public var role: String { "node" }
    public var summaryLines: [String] { known.isEmpty ? ["knows nothing"] : ["knows " + known.joined(separator: ", ")] }
    public func inspect() -> [String] {
        ["known values (\(known.count)): " + (known.isEmpty ? "none" : known.joined(separator: ", ")),
         "fanout \(config.fanout), a round every \(DurationText.format(config.round))"]
    }
    public var statusFields: [(String, JSONValue)] { [("known", .array(known.map { .string($0) }))] }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<GossipNode>) -> ConditionOutcome? {
        switch condition {
        case .protocolCondition("delivered", let arguments):
            let value = arguments.first ?? ""
            // This runs after many events: stop at the ninth node without the value.
            var missing: [String] = []
            for index in 0..<cluster.nodes.count where cluster.lives[index] != .down && !cluster.nodes[index].knows(value) {
                if missing.count == 8 {
                    return ConditionOutcome(holds: false, actual: "\(value) missing on " + missing.joined(separator: " ") + " and more")
                }
                missing.append("n\(index + 1)")
            }
            if missing.isEmpty { return ConditionOutcome(holds: true, actual: "every up node has \(value)") }
            return ConditionOutcome(holds: false, actual: "\(value) missing on " + missing.joined(separator: " "))
        case .converged:
            let up = cluster.ids.filter { cluster.isUp($0) }
            let first = up.first.map { cluster.nodes[$0.index].known } ?? []
            let differ = up.filter { cluster.nodes[$0.index].known != first }
            return ConditionOutcome(holds: differ.isEmpty, actual: differ.isEmpty ? "every up node knows the same" : "\(differ.count) nodes differ from \(up.first!)")
        default:
            return nil
        }
    }

    public static func randomOperation(config: GossipConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        Operation(name: "broadcast", input: ["v\(rng.uniform(below: 1_000))"])
    }
}
