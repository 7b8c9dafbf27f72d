import LightconeProtocols
import LightconeSimulation

/// The bank's checker: the live monitor (Atomicity, Conservation, NoOverdraft after every
/// event), and `check`, which in BASE mode merges every transfer and reports the anomalies
/// the mode allows: overdrafts, and transfers accepted on stale funds.
public enum BankChecker: ProtocolChecker {
    public static let properties = ["Atomicity", "Conservation", "NoOverdraft"]

    public static func configure(_ simulation: inout Simulation<BankNode>) {
        simulation.monitor = BankSafetyMonitor(nodeCount: simulation.nodeCount, config: simulation.config)
    }

    public static func check(_ simulation: Simulation<BankNode>) -> CheckReport {
        let nodes = simulation.nodes
        let config = simulation.config
        switch config.mode {
        case .acid:
            var committed = Set<TransferID>(), aborted = Set<TransferID>()
            for node in nodes {
                for (txn, outcome) in node.outcomes { if outcome { committed.insert(txn) } else { aborted.insert(txn) } }
            }
            if let split = committed.intersection(aborted).sorted().first {
                return .violation(Violation(property: "Atomicity", message: "\(split) committed at one participant and aborted at another"))
            }
            let total = BankNode.committedTotal(nodes)
            guard total == config.total else {
                return .violation(Violation(property: "Conservation", message: "the committed balances add up to \(total), not \(config.total)"))
            }
            if let (account, balance) = BankNode.overdrawn(nodes).first {
                return .violation(Violation(property: "NoOverdraft", message: "\(BankConfig.name(of: account)) is \(balance)"))
            }
            let inDoubt = BankNode.inDoubtCount(nodes)
            return CheckReport(lines: ["check: ok (Atomicity, Conservation and NoOverdraft held after every event; \(committed.count) committed, \(aborted.subtracting(committed).count) aborted, total \(total)"
                                       + (inDoubt > 0 ? ", \(inDoubt) in doubt" : "") + ")"])
        case .base:
            let stale = staleTransfers(nodes)
            let converged = simulation.evaluate(.converged)?.holds == true
            let staleText = stale.isEmpty ? "no transfer accepted on stale funds"
                : "\(stale.count) accepted on stale funds: " + stale.map(\.description).joined(separator: ", ")
            let overdrawn = BankNode.overdrawn(nodes)
            let state = converged ? "converged" : "not converged yet"
            if !overdrawn.isEmpty {
                let accounts = overdrawn.map { "\(BankConfig.name(of: $0.account)) is \($0.balance)" }.joined(separator: ", ")
                return .violation(Violation(property: "NoOverdraft", message: "\(accounts) once every transfer is merged"),
                                  details: ["BASE took both sides of a conflict: \(staleText)", "replicas \(state); every replica adds up to \(config.total)"])
            }
            return CheckReport(lines: ["check: ok (Conservation held on every replica; replicas \(state); no overdraft once merged; \(staleText))"])
        }
    }

    /// BASE transfers that debited an account while another debit of it, taken elsewhere,
    /// was unseen — each took funds the other had already spent.
    static func staleTransfers(_ nodes: [BankNode]) -> [Transfer] {
        let all = nodes.flatMap(\.accepted)
        func saw(_ a: BankNode.AcceptedTransfer, _ b: BankNode.AcceptedTransfer) -> Bool {
            a.seen[b.transfer.id.origin.index] >= b.transfer.id.number
        }
        var stale: [Transfer] = []
        for a in all {
            let conflict = all.contains { b in
                b.transfer.from == a.transfer.from && b.transfer.id.origin != a.transfer.id.origin && !saw(a, b) && !saw(b, a)
            }
            if conflict { stale.append(a.transfer) }
        }
        return stale.sorted { $0.id < $1.id }
    }
}
