import LightconeProtocols
import LightconeSimulation

/// The two generals' checker: agreement (both attack, or neither) once both have acted at
/// dawn. No chain of acknowledgements guarantees it, so the monitor reports the disaster as
/// it happens: that is the lesson, not a bug.
public enum TwoGeneralsChecker: ProtocolChecker {
    public static let properties = ["agreement"]

    public static func configure(_ simulation: inout Simulation<TwoGeneralsNode>) {
        simulation.monitor = TwoGeneralsMonitor()
    }

    public static func check(_ simulation: Simulation<TwoGeneralsNode>) -> CheckReport {
        if let violation = TwoGeneralsMonitor.violation(in: simulation.nodes) { return .violation(violation) }
        let decisions = simulation.nodes.map(\.decision)
        guard let a = decisions[0], let b = decisions[1] else {
            return CheckReport(lines: ["check: ok (agreement not decided yet: the generals act at dawn)"])
        }
        return CheckReport(lines: ["check: ok (agreement: \(a == .attack && b == .attack ? "both attack" : "neither attacks"))"])
    }
}

/// Watches for the disaster: both generals have acted, and only one attacked.
public struct TwoGeneralsMonitor: SafetyMonitor {
    public init() {}

    public mutating func observe(_ id: NodeID, in nodes: [TwoGeneralsNode], now: SimTime) -> Violation? {
        TwoGeneralsMonitor.violation(in: nodes)
    }

    /// `agreement: n2 attacks alone, n1 stays home`, or nil.
    static func violation(in nodes: [TwoGeneralsNode]) -> Violation? {
        guard nodes.count == 2, let a = nodes[0].decision, let b = nodes[1].decision, a != b else { return nil }
        let (alone, home) = a == .attack ? ("n1", "n2") : ("n2", "n1")
        let missing = nodes[a == .attack ? 1 : 0].awaited.map { " (\(TwoGeneralsMessage.label($0)) never reached \(home))" } ?? ""
        return Violation(property: "agreement", message: "\(alone) attacks alone, \(home) stays home\(missing)")
    }
}
