import LightconeProtocols
import LightconeSimulation

/// The shards checker: there is no safety property to break (a degraded answer is a choice,
/// not a bug), so `check` reports harvest and yield over the last window of queries, as
/// Fox & Brewer measure them.
public enum ShardsChecker: ProtocolChecker {
    public static func check(_ simulation: Simulation<ShardsNode>) -> CheckReport {
        let finished = simulation.history.filter { $0.outcome != .pending }
        let window = min(finished.count, HarvestYield.window)
        let readings = ShardsNode.readMeters(in: simulation.state)
        let text = readings.map { "\($0.name) \($0.text)" }.joined(separator: ", ")
        let policy = simulation.config.policy.rawValue
        return CheckReport(lines: ["check: ok (\(text) over the last \(window) quer\(window == 1 ? "y" : "ies"); policy=\(policy) replicas=\(simulation.config.replicas))"])
    }
}
