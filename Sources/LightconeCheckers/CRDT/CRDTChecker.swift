import LightconeProtocols
import LightconeSimulation

/// The CRDT checker. `check` tests the merge laws on the replicas as they are (merge must be
/// commutative, associative and idempotent, or replicas that saw the same updates can
/// differ), then that no acknowledged update is lost: the join of every replica — the state
/// they all converge to once messages drain — must hold exactly what the history says.
public enum CRDTChecker: ProtocolChecker {
    public static let properties = ["merge-laws", "lost-update"]

    public static func check(_ simulation: Simulation<CRDTNode>) -> CheckReport {
        let bugs = CRDTBugs(rawValue: simulation.bugs)
        let replicas = simulation.nodes.map(\.replica)
        let isLattice = CRDTType.conflictFree.contains(simulation.config.type)
        if isLattice, let broken = MergeLaws.firstViolation(in: replicas, bugs: bugs) {
            return .violation(Violation(property: "merge-laws", message: broken))
        }
        let join = MergeLaws.join(replicas)
        let expectation = UpdateHistory(simulation.history, type: simulation.config.type, nodeCount: simulation.nodeCount)
        let convergence = CRDTNode.convergence(in: simulation.state)
        let state = convergence.holds ? "converged to \(join.valueText)" : "not converged yet (\(convergence.actual))"
        if let lost = expectation.lostUpdate(in: join) {
            return .violation(Violation(property: "lost-update", message: lost), details: [state])
        }
        let laws = isLattice ? "merge is commutative, associative and idempotent on the \(replicas.count) replica\(replicas.count == 1 ? "" : "s")"
            : "a three-way merge is not a CRDT: merge laws not checked"
        return CheckReport(lines: ["check: ok (\(([laws, expectation.summary(of: join), state] + expectation.dropped(in: join)).joined(separator: "; ")))"])
    }
}
