import LightconeSimulation

extension CRDTNode {
    /// The event loop compiled for crdt (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<CRDTNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for crdt.
    public static func runEvents(_ simulation: inout Simulation<CRDTNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
