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
        if case .text(let server) = replicas.first {
            return checkText(server: server, replicas: replicas, simulation: simulation)
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

    /// `type=text`: once no copy has edits pending, the server's history holds every
    /// acknowledged edit of every node, and every up copy reads what the history replays to.
    static func checkText(server: TextDocument, replicas: [CRDTReplica], simulation: Simulation<CRDTNode>) -> CheckReport {
        let expectation = UpdateHistory(simulation.history, type: .text, nodeCount: simulation.nodeCount)
        let lead = "operational transform through n1, not a CvRDT: merge laws not checked"
        let pending = replicas.indices.filter { if case .text(let copy) = replicas[$0], !copy.isDrained { return true } else { return false } }
        guard pending.isEmpty else {
            return CheckReport(lines: ["check: ok (\(lead); not drained yet: edits pending on " + pending.map { "n\($0 + 1)" }.joined(separator: " ") + ")"])
        }
        var taken = Array(repeating: 0, count: simulation.nodeCount)
        for entry in server.history where entry.origin.index < taken.count { taken[entry.origin.index] += entry.ops.count }
        if let index = taken.indices.first(where: { taken[$0] != expectation.textOps[$0] }) {
            return .violation(Violation(property: "lost-update",
                message: "n\(index + 1) took \(expectation.textOps[index]) acknowledged character edits but the server's history holds \(taken[index])"))
        }
        var replayed: [Character] = []
        for entry in server.history { for op in entry.ops { op.apply(to: &replayed) } }
        let convergence = CRDTNode.convergence(in: simulation.state)
        if convergence.holds, String(replayed) != server.string {
            return .violation(Violation(property: "lost-update", message: "the server reads \"\(server.string)\" but its history replays to \"\(String(replayed))\""))
        }
        let state = convergence.holds ? "converged to \"\(server.string)\"" : "not converged yet (\(convergence.actual))"
        return CheckReport(lines: ["check: ok (\(lead); the server's history holds all \(expectation.summary(of: replicas[0])); \(state))"])
    }
}
