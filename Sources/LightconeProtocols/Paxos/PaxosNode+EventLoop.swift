import LightconeSimulation

extension PaxosNode {
    /// The event loop compiled for Paxos (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<PaxosNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for Paxos.
    public static func runEvents(_ simulation: inout Simulation<PaxosNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
