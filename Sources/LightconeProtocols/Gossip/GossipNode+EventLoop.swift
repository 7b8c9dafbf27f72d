import LightconeSimulation

extension GossipNode {
    /// The event loop compiled for gossip (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<GossipNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for gossip.
    public static func runEvents(_ simulation: inout Simulation<GossipNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
