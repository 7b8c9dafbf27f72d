import LightconeProtocols
import LightconeSimulation

/// `kv-cp`'s checker: Raft's safety monitor on the embedded group, the `linearizable` /
/// `not linearizable` conditions, and `check`, which adds the history's linearizability and
/// who was refused (a CP store is unavailable in the minority, never wrong).
public enum KVCPChecker: ProtocolChecker {
    public static let properties = ["ElectionSafety", "LeaderAppendOnly", "LogMatching", "LeaderCompleteness",
                                    "StateMachineSafety", "linearizability"]

    public static func configure(_ simulation: inout Simulation<KVCPNode>) {
        simulation.monitor = KVCPSafetyMonitor()
        simulation.conditionHook = { condition, state in LinearizabilityChecker.outcome(condition, history: state.history) }
    }

    public static func check(_ simulation: Simulation<KVCPNode>) -> CheckReport {
        let (summary, violation) = StoreHistoryReport.linearizability(simulation.history)
        if let violation { return violation }
        return CheckReport(lines: ["check: ok (Raft's five safety properties held after every event; \(summary))"])
    }
}
