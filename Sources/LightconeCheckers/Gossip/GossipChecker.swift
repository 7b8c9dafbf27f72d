import LightconeProtocols
import LightconeSimulation

/// Gossip's checker: there is no safety property to break, so `check` reports convergence
/// (every up node knows the same values).
public enum GossipChecker: ProtocolChecker {
    public static func check(_ simulation: Simulation<GossipNode>) -> CheckReport {
        let outcome = simulation.evaluate(.converged)
        let values = Set(simulation.nodes.flatMap(\.known)).count
        if outcome?.holds == true {
            return CheckReport(lines: ["check: ok (converged: every up node knows the same \(values) value\(values == 1 ? "" : "s"))"])
        }
        return CheckReport(lines: ["check: ok (no safety property to break; not converged yet: \(outcome?.actual ?? "?"))"])
    }
}
