import LightconeProtocols
import LightconeSimulation

/// `kv-ap`'s checker: `check` gives the history's linearizability (an AP store is not
/// linearizable across a partition, and a read of siblings returns a value nobody wrote
/// alone), the keys of a consistent bucket on their own (they must be), lost writes
/// under `resolve=lww`, and whether the replicas have converged.
public enum KVAPChecker: ProtocolChecker {
    public static let properties = ["linearizability", "consistent-linearizability", "lost-writes", "ElectionSafety",
                                    "LeaderAppendOnly", "LogMatching", "LeaderCompleteness", "StateMachineSafety"]

    /// Raft's monitor goes on the consistent group when there is one.
    public static func configure(_ simulation: inout Simulation<KVAPNode>) {
        if simulation.config.consistentBucket != nil { simulation.monitor = KVAPSafetyMonitor() }
        simulation.conditionHook = { condition, state in LinearizabilityChecker.outcome(condition, history: state.history) }
    }

    public static func check(_ simulation: Simulation<KVAPNode>) -> CheckReport {
        let config = simulation.config
        let history = simulation.history
        let convergence = KVAPNode.convergence(in: simulation.state)
        let converged = convergence.holds ? "converged" : "not converged: \(convergence.actual)"
        let lost = KVAPNode.lostWrites(in: simulation.nodes)
        let lostLine = lost.isEmpty ? "no lost writes" : "\(lost.count) lost write\(lost.count == 1 ? "" : "s"): "
            + lost.prefix(4).map { "put \($0.key) \($0.value) [\($0.writer):\($0.counter)]" }.joined(separator: ", ")
        var extra: [String] = []
        if config.consistentBucket != nil {
            let bucket = history.filter { $0.operation.key.map(config.isConsistent) ?? false }
            let (summary, violation) = StoreHistoryReport.linearizability(bucket)
            if let violation {
                return CheckReport.violation(Violation(property: "consistent-linearizability",
                                                       message: "the consistent bucket is not linearizable: " + (violation.violation?.message ?? "")),
                                             details: violation.lines.dropFirst().map { String($0.dropFirst(2)) })
            }
            extra.append("consistent bucket \(config.consistentBucket ?? ""): \(summary)")
        }
        let eventual = history.filter { !($0.operation.key.map(config.isConsistent) ?? false) }
        let (summary, violation) = StoreHistoryReport.linearizability(eventual)
        if let violation {
            return CheckReport(lines: violation.lines + (extra + [converged, lostLine]).map { "  " + $0 }, violation: violation.violation)
        }
        if !lost.isEmpty {
            return CheckReport.violation(Violation(property: "lost-writes", message: lostLine), details: extra + [summary, converged])
        }
        return CheckReport(lines: ["check: ok (\(([summary] + extra + [converged, lostLine]).joined(separator: "; ")))"])
    }
}
