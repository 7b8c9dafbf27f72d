import LightconeSimulation

extension KVCPNode {
    /// The event loop compiled for kv-cp (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<KVCPNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for kv-cp.
    public static func runEvents(_ simulation: inout Simulation<KVCPNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
