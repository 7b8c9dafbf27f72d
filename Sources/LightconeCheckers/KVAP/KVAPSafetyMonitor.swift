import LightconeProtocols
import LightconeSimulation

/// Raft's five safety properties watched on the strongly consistent group of a `kv-ap`
/// cluster with `consistent=BUCKET` (the Raft node inside each node's embedded `kv-cp` node).
public struct KVAPSafetyMonitor: SafetyMonitor {
    public typealias Node = KVAPNode
    var raft = RaftSafetyMonitor()

    /// A monitor that has seen nothing yet.
    public init() {}

    public mutating func observe(_ id: NodeID, in nodes: [KVAPNode], now: SimTime) -> Violation? {
        guard nodes[id.index].consistent != nil else { return nil }
        return raft.observe(id, in: nodes.compactMap { $0.consistent?.raft }, now: now)
    }
}
