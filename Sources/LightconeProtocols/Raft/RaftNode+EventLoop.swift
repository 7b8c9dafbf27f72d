import LightconeSimulation

extension RaftNode {
    /// The event loop compiled for Raft (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<RaftNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for Raft.
    public static func runEvents(_ simulation: inout Simulation<RaftNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
