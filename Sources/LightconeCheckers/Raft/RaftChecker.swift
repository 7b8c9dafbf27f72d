import LightconeProtocols
import LightconeSimulation

/// Raft's checker: the live safety monitor (the five properties of Figure 3 after every
/// event), `linearizable` / `not linearizable` conditions, and `check`, which adds the
/// linearizability of the client history.
public enum RaftChecker: ProtocolChecker {
    public static let properties = ["ElectionSafety", "LeaderAppendOnly", "LogMatching", "LeaderCompleteness",
                                    "StateMachineSafety", "linearizability"]

    public static func configure(_ simulation: inout Simulation<RaftNode>) {
        simulation.monitor = RaftSafetyMonitor()
        simulation.conditionHook = { condition, state in LinearizabilityChecker.outcome(condition, history: state.history) }
    }

    public static func check(_ simulation: Simulation<RaftNode>) -> CheckReport {
        let properties = "ElectionSafety, LeaderAppendOnly, LogMatching, LeaderCompleteness and StateMachineSafety held after every event"
        let count = simulation.history.count
        switch LinearizabilityChecker.check(simulation.history) {
        case .linearizable:
            return CheckReport(lines: ["check: ok (\(properties); linearizable, \(count) operation\(count == 1 ? "" : "s"))"])
        case .unknown(let reason):
            return CheckReport(lines: ["check: ok (\(properties); linearizability unknown: \(reason))"])
        case .notLinearizable(let key, let explanation, let timeline):
            return .violation(Violation(property: "linearizability", message: "not linearizable on key \(key)"),
                              details: explanation + LinearizabilityChecker.timelineLines(timeline))
        }
    }
}
