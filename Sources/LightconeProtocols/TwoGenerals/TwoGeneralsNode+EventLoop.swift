import LightconeSimulation

extension TwoGeneralsNode {
    /// The event loop compiled for the two generals (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<TwoGeneralsNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for the two generals.
    public static func runEvents(_ simulation: inout Simulation<TwoGeneralsNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
