import LightconeSimulation

extension ShardsNode {
    /// The event loop compiled for shards (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<ShardsNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for shards.
    public static func runEvents(_ simulation: inout Simulation<ShardsNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
