import LightconeSimulation

extension ByzantineNode {
    /// The event loop compiled for the Byzantine generals (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<ByzantineNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for the Byzantine generals.
    public static func runEvents(_ simulation: inout Simulation<ByzantineNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
