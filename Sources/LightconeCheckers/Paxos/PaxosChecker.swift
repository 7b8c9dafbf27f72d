import LightconeProtocols
import LightconeSimulation

/// Paxos's checker: the live monitor (Agreement, Validity and Promise after every event)
/// and `check`, which reports them and, in `mode=multi`, the linearizability of the client
/// history (reads go through the log).
public enum PaxosChecker: ProtocolChecker {
    public static let properties = ["Agreement", "Validity", "Promise", "linearizability"]

    public static func configure(_ simulation: inout Simulation<PaxosNode>) {
        simulation.monitor = PaxosSafetyMonitor()
        if simulation.config.mode == .multi {
            simulation.conditionHook = { condition, state in LinearizabilityChecker.outcome(condition, history: state.history) }
        }
    }

    public static func check(_ simulation: Simulation<PaxosNode>) -> CheckReport {
        let properties = "Agreement, Validity and Promise held after every event"
        guard simulation.config.mode == .multi else {
            let learned = simulation.nodes.compactMap(\.learned).first
            let what = learned.map { "; \($0) learned" } ?? "; nothing learned yet"
            return CheckReport(lines: ["check: ok (\(properties)\(what))"])
        }
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
