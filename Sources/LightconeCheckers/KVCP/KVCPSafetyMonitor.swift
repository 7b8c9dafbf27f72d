import LightconeProtocols
import LightconeSimulation

/// Raft's five safety properties watched on the Raft nodes `kv-cp` embeds.
public struct KVCPSafetyMonitor: SafetyMonitor {
    public typealias Node = KVCPNode
    var raft = RaftSafetyMonitor()

    /// A monitor that has seen nothing yet.
    public init() {}

    public mutating func observe(_ id: NodeID, in nodes: [KVCPNode], now: SimTime) -> Violation? {
        raft.observe(id, in: nodes.map(\.raft), now: now)
    }
}
