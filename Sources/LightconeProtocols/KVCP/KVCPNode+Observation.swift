import LightconeSimulation

/// What the view, `status`, `inspect`, the meters and the conditions see of a `kv-cp` node.
extension KVCPNode {
    public var role: String { raft.role }
    public var leaderTerm: Int? { raft.leaderTerm }
    public var epoch: Int? { raft.epoch }

    /// Raft's lines, after `⊘ no quorum` while the node refuses.
    public var summaryLines: [String] {
        (hadQuorum ? [] : ["⊘ no quorum"]) + ["state " + (raft.store.values.isEmpty ? "empty" : raft.store.description)] + raft.summaryLines
    }

    public func inspect() -> [String] {
        ["quorum: " + (hadQuorum ? "yes" : "no (refuses requests: \(KVCPNode.noQuorum))") + ", reads=\(config.reads.rawValue)"] + raft.inspect()
    }

    public var statusFields: [(String, JSONValue)] {
        [("quorum", .bool(hadQuorum)), ("reads", .string(config.reads.rawValue))] + raft.statusFields
    }

    /// `⚠ stale x=1` at the node whose latest read returned an older value than one already acknowledged.
    public static func marks(focus: [String], in cluster: ClusterState<Self>) -> [NodeID: NodeMark] {
        StaleRead.marks(in: cluster.history, now: cluster.now)
    }

    public static func readMeters(in cluster: ClusterState<KVCPNode>) -> [MeterReading] { [HarvestYield.yieldReading(cluster.history)] }

    /// Answers `committed N`, `value KEY VALUE on NODE`, `converged`, `available NODE` and
    /// `unavailable NODE` (whether NODE would serve a request now, by its own quorum rule).
    public static func evaluate(_ condition: Condition, in cluster: ClusterState<KVCPNode>) -> ConditionOutcome? {
        switch condition {
        case .protocolCondition("committed", let arguments):
            let count = arguments.first.flatMap { Int($0) } ?? 0
            let up = cluster.ids.filter { cluster.isUp($0) }
            guard let best = up.max(by: { cluster.nodes[$0.index].raft.commitIndex < cluster.nodes[$1.index].raft.commitIndex }) else {
                return ConditionOutcome(holds: false, actual: "every node is down")
            }
            let commit = cluster.nodes[best.index].raft.commitIndex
            return ConditionOutcome(holds: commit >= count, actual: "highest commitIndex is \(commit) (\(best))")
        case .value(let key, let value, let node):
            guard node.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no \(node)") }
            guard cluster.isUp(node) else { return ConditionOutcome(holds: false, actual: "\(node) is down") }
            let actual = cluster.nodes[node.index].raft.store[key]
            return ConditionOutcome(holds: actual == value, actual: actual.map { "\(node) has \(key)=\($0)" } ?? "\(node) has no \(key)")
        case .converged:
            let up = cluster.ids.filter { cluster.isUp($0) }
            guard let first = up.first else { return ConditionOutcome(holds: true, actual: "every node is down") }
            let reference = cluster.nodes[first.index].raft
            let differ = up.filter {
                cluster.nodes[$0.index].raft.lastApplied != reference.lastApplied || cluster.nodes[$0.index].raft.store != reference.store
            }
            let applied = up.map { "\($0)=\(cluster.nodes[$0.index].raft.lastApplied)" }.joined(separator: " ")
            return ConditionOutcome(holds: differ.isEmpty, actual: differ.isEmpty ? "every up node applied \(reference.lastApplied) entries"
                                        : "applied entries differ: \(applied)")
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

    /// Whether a client beside `node` would be served now: NODE runs and vouches for a quorum.
    static func availability(of node: NodeID, in cluster: ClusterState<KVCPNode>) -> (Bool, String) {
        guard node.index < cluster.nodes.count else { return (false, "there is no \(node)") }
        guard cluster.lives[node.index] == .up else { return (false, "\(node) is \(cluster.lives[node.index].rawValue)") }
        let server = cluster.nodes[node.index]
        guard server.hasQuorum(at: cluster.now) else {
            return (false, "\(node) is unavailable: it has heard from no majority for \(DurationText.format(server.quorumWindow))")
        }
        if server.raft.raftRole == .leader { return (true, "\(node) is available: it leads with a majority") }
        return (true, "\(node) is available through leader \(server.raft.leaderId?.description ?? "?")")
    }
}
