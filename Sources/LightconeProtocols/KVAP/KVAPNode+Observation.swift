import LightconeSimulation

/// What the view, `status`, `inspect`, the meters, the conditions and `lost-writes` see of a `kv-ap` node.
extension KVAPNode {
    public var role: String { "replica" }
    public var leaderTerm: Int? { consistent?.leaderTerm }

    /// The keys it holds with their versions (siblings joined with `|`), then the hints it keeps.
    public var summaryLines: [String] {
        var lines = [store.isEmpty ? "no keys" : store.keys.map { "\($0)=\(store[$0].readValue ?? "")" }.joined(separator: " ")]
        if !hinted.isEmpty {
            lines.append("hints " + hinted.keys.sorted().map { "\($0):\(hinted[$0]?.keys.count ?? 0)" }.joined(separator: " "))
        }
        if let consistent { lines.append("consistent: " + consistent.role + (consistent.hadQuorum ? "" : " ⊘")) }
        return lines
    }

    public func inspect() -> [String] {
        var lines = ["n=\(config.n) r=\(config.r) w=\(config.w) resolve=\(config.resolve.rawValue) anti-entropy="
                     + (config.antiEntropy.map { DurationText.format($0) } ?? "off") + (config.consistentBucket.map { " consistent=\($0)" } ?? ""),
                     "writes coordinated \(writes)"]
        lines.append(store.isEmpty ? "keys: none" : "keys:")
        for key in store.keys.prefix(20) { lines.append("  \(key): \(store[key].description)") }
        if store.keys.count > 20 { lines.append("  (\(store.keys.count - 20) more)") }
        for owner in hinted.keys.sorted() {
            guard let held = hinted[owner] else { continue }
            lines.append("hinted for \(owner): " + held.keys.map { "\($0)=\(held[$0].description)" }.joined(separator: ", "))
        }
        if let consistent { lines += consistent.inspect().map { "consistent group: " + $0 } }
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("keys", .object(store.keys.map { key in (key, .array(store[key].versions.map { .string($0.value) })) })),
            ("hints", .object(hinted.keys.sorted().map { owner in
                (owner.description, .array((hinted[owner]?.keys ?? []).map { .string($0) }))
            })),
        ]
        if let consistent { fields.append(("consistent", .object(consistent.statusFields))) }
        return fields
    }

    // MARK: - Conditions

    /// `siblings KEY N`.
    public static let conditions = [
        ConditionForm("siblings", syntax: "siblings KEY N",
                      summary: "the versions KEY's up replicas hold, merged, have exactly N values (what a read of all would return)") { words throws(OptionError) in
            guard words.count == 2 else { throw OptionError("condition 'siblings \(words.joined(separator: " "))' should read: siblings KEY N") }
            guard let count = Int(words[1]), count >= 0 else { throw OptionError("siblings takes a key and a number, like: siblings x 2") }
            return [words[0], String(count)]
        },
    ]

    /// The condition `siblings KEY N`.
    public static func siblings(_ key: String, _ count: Int) -> Condition { .protocolCondition("siblings", [key, String(count)]) }

    /// What a read of every up replica of `key` would return: their versions merged.
    public static func replicaUnion(_ key: String, in cluster: ClusterState<KVAPNode>) -> Siblings {
        guard let config = cluster.nodes.first?.config else { return Siblings() }
        var union = Siblings()
        for node in config.ring.preferenceList(for: key, n: config.n) where cluster.isUp(node) {
            union.merge(cluster.nodes[node.index].store[key])
        }
        if config.resolve == .lww { _ = union.resolveLastWriteWins() }
        return union
    }

    /// Answers `siblings KEY N`, `converged`, `value KEY VALUE on NODE`, `available NODE` and `unavailable NODE`.
    public static func evaluate(_ condition: Condition, in cluster: ClusterState<KVAPNode>) -> ConditionOutcome? {
        switch condition {
        case .protocolCondition("siblings", let arguments):
            guard arguments.count == 2, let count = Int(arguments[1]) else { return nil }
            let union = replicaUnion(arguments[0], in: cluster)
            let values = union.readValue.map { $0.split(separator: "|").count } ?? 0
            return ConditionOutcome(holds: values == count,
                                    actual: "\(arguments[0])'s up replicas hold " + (union.readValue.map { "\(values) value\(values == 1 ? "" : "s"): \($0)" } ?? "nothing"))
        case .converged:
            return convergence(in: cluster)
        case .value(let key, let value, let node):
            guard node.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no \(node)") }
            guard cluster.isUp(node) else { return ConditionOutcome(holds: false, actual: "\(node) is down") }
            let actual = cluster.nodes[node.index].held(key).readValue
            return ConditionOutcome(holds: actual == value, actual: actual.map { "\(node) has \(key)=\($0)" } ?? "\(node) has no \(key)")
        case .available(let node):
            let (isAvailable, why) = availability(of: node, in: cluster)
            return ConditionOutcome(holds: isAvailable, actual: why)
        case .unavailable(let node):
            let (isAvailable, why) = availability(of: node, in: cluster)
            return ConditionOutcome(holds: !isAvailable, actual: why)
        default:
            return nil
        }
    }

    /// `converged`: for every key any up node holds (as a replica or a fallback), every up
    /// replica of it holds exactly the merge of all those copies, and no hint waits for an up owner.
    public static func convergence(in cluster: ClusterState<KVAPNode>) -> ConditionOutcome {
        guard let config = cluster.nodes.first?.config else { return ConditionOutcome(holds: true, actual: "no nodes") }
        var keys: [String] = []
        for id in cluster.ids where cluster.isUp(id) {
            let node = cluster.nodes[id.index]
            keys += node.store.keys
            for owner in node.hinted.keys.sorted() {
                if cluster.isUp(owner) { return ConditionOutcome(holds: false, actual: "\(id) still holds hints for \(owner)") }
                keys += node.hinted[owner]?.keys ?? []
            }
        }
        for key in Set(keys).sorted() {
            var everything = Siblings()
            for id in cluster.ids where cluster.isUp(id) { everything.merge(cluster.nodes[id.index].held(key)) }
            if config.resolve == .lww { _ = everything.resolveLastWriteWins() }
            for replica in config.ring.preferenceList(for: key, n: config.n) where cluster.isUp(replica) {
                let theirs = cluster.nodes[replica.index].store[key]
                if theirs != everything {
                    return ConditionOutcome(holds: false, actual: "\(replica) has \(key)=\(theirs.readValue ?? "nothing"), the replicas together \(everything.readValue ?? "nothing")")
                }
            }
        }
        return ConditionOutcome(holds: true, actual: "every up replica holds the same versions of \(Set(keys).count) key\(Set(keys).count == 1 ? "" : "s")")
    }

    /// Whether a client beside `node` would be served now: it runs, and reaches at least
    /// max(r, w) nodes (sloppy quorum: any reachable nodes count).
    static func availability(of node: NodeID, in cluster: ClusterState<KVAPNode>) -> (Bool, String) {
        guard node.index < cluster.nodes.count else { return (false, "there is no \(node)") }
        guard cluster.lives[node.index] == .up else { return (false, "\(node) is \(cluster.lives[node.index].rawValue)") }
        let server = cluster.nodes[node.index]
        let reachable = cluster.ids.filter { server.isReachable($0, now: cluster.now) }.count
        let needed = max(server.config.r, server.config.w)
        let reach = "\(node) reaches \(reachable) node\(reachable == 1 ? "" : "s")"
        return reachable >= min(needed, server.config.n) ? (true, "\(node) is available: \(reach)") : (false, "\(node) is unavailable: \(reach), r=\(server.config.r) w=\(server.config.w)")
    }

    // MARK: - Meters and lost writes

    /// Every acknowledged write that no node holds any more (no version's clock covers it).
    public static func lostWrites(in nodes: [KVAPNode]) -> [AcknowledgedWrite] {
        var lost: [AcknowledgedWrite] = []
        for node in nodes {
            for write in node.acknowledged where !nodes.contains(where: {
                $0.held(write.key).covers(writer: write.writer, counter: write.counter)
            }) {
                lost.append(write)
            }
        }
        return lost.sorted { ($0.time, $0.writer, $0.counter) < ($1.time, $1.writer, $1.counter) }
    }

    /// `⚠ stale x=1` at the node whose latest read returned an older value than one already acknowledged.
    public static func marks(focus: [String], in cluster: ClusterState<Self>) -> [NodeID: NodeMark] {
        StaleRead.marks(in: cluster.history, now: cluster.now)
    }

    public static func readMeters(in cluster: ClusterState<KVAPNode>) -> [MeterReading] {
        [MeterReading("lost-writes", millionths: Int64(lostWrites(in: cluster.nodes).count) * 1_000_000), HarvestYield.yieldReading(cluster.history)]
    }

    public static var commands: [ProtocolCommand<KVAPNode>] {
        [
            ProtocolCommand("ring", usage: "ring KEY", summary: "KEY's preference list (its n replicas, clockwise from its hash) and its fallbacks.",
                            example: "ring x", arguments: [.key], isReadOnly: true,
                            parse: { words, _ throws(OptionError) in
                                guard words.count == 1 else { throw OptionError("ring takes one key, like: ring x") }
                                return words
                            },
                            perform: { words, simulation throws(SimulationError) in
                                let key = words.first ?? ""
                                let order = simulation.config.ring.order(for: key)
                                let n = simulation.config.n
                                let fallbacks = order.dropFirst(n).map(\.description).joined(separator: " ")
                                return ["ring \(key): replicas " + order.prefix(n).map(\.description).joined(separator: " ")
                                        + (fallbacks.isEmpty ? "" : "; fallbacks " + fallbacks)]
                            }),
            ProtocolCommand("lost-writes", usage: "lost-writes", summary: "List the acknowledged writes no replica holds any more (resolve=lww).",
                            example: "lost-writes", isReadOnly: true,
                            parse: { words, _ throws(OptionError) in
                                guard words.isEmpty else { throw OptionError("lost-writes takes nothing") }
                                return []
                            },
                            perform: { _, simulation throws(SimulationError) in
                                let lost = lostWrites(in: simulation.nodes)
                                guard !lost.isEmpty else { return ["lost-writes: none"] }
                                return ["lost-writes: \(lost.count)"] + lost.map {
                                    "  put \($0.key) \($0.value) coordinated by \($0.writer) [\($0.writer):\($0.counter)], acknowledged at \(DurationText.format($0.time))"
                                }
                            }),
        ]
    }
}
