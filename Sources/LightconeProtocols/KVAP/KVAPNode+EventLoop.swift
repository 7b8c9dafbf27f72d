import LightconeSimulation

extension KVAPNode {
    /// The event loop compiled for kv-ap (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<KVAPNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for kv-ap.
    public static func runEvents(_ simulation: inout Simulation<KVAPNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
