import LightconeSimulation

extension BankNode {
    /// The event loop compiled for bank (the lab's calls through `any ClusterModel` land here).
    public static func runEvents(_ simulation: inout Simulation<BankNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for bank.
    public static func runEvents(_ simulation: inout Simulation<BankNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
