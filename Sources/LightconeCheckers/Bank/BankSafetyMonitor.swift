import LightconeProtocols
import LightconeSimulation

/// The bank's live monitor, after every event. ACID: **Atomicity** (a transaction committed at
/// one participant is not aborted at another), **Conservation** (the committed balances add
/// up to the opening total at every instant) and **NoOverdraft** (no committed balance below
/// 0, the bank's consistency rule). BASE: Conservation on every replica (each applies whole
/// transfers); its overdrafts are anomalies the mode allows, reported by `check`.
///
/// Constant work per event: the outcomes a node logged since the monitor last looked, the
/// balances, and the (few) transactions prepared and undecided.
public struct BankSafetyMonitor: SafetyMonitor {
    /// How far into each node's outcome log the monitor has read.
    var cursors: [Int]
    let total: Int
    let mode: BankConfig.Mode

    /// A monitor for a bank of `nodeCount` nodes whose balances add up to `total`.
    public init(nodeCount: Int, config: BankConfig) {
        cursors = Array(repeating: 0, count: nodeCount)
        total = config.total
        mode = config.mode
    }

    public mutating func observe(_ id: NodeID, in nodes: [BankNode], now: SimTime) -> Violation? {
        let node = nodes[id.index]
        switch mode {
        case .base:
            let replica = node.balances.reduce(0, +)
            guard replica != total else { return nil }
            return Violation(property: "Conservation", message: "\(id)'s replica adds up to \(replica), not \(total)")
        case .acid:
            var found: Violation?
            while cursors[id.index] < node.outcomeLog.count {
                let txn = node.outcomeLog[cursors[id.index]]
                cursors[id.index] += 1
                guard found == nil, let committed = node.outcomes[txn] else { continue }
                for other in nodes where other.id != id {
                    if let theirs = other.outcomes[txn], theirs != committed {
                        let (yes, no) = committed ? (id, other.id) : (other.id, id)
                        found = Violation(property: "Atomicity", message: "\(txn) committed at \(yes) but aborted at \(no): one half of the transfer applied")
                    }
                }
            }
            if let found { return found }
            let committed = BankNode.committedTotal(nodes)
            if committed != total {
                let verb = committed > total ? "appeared" : "vanished"
                return Violation(property: "Conservation", message: "the committed balances add up to \(committed), not \(total): \(abs(committed - total)) \(verb)")
            }
            for account in node.balances.indices where node.balances[account] < 0 {
                return Violation(property: "NoOverdraft", message: "\(BankConfig.name(of: account)) is \(node.balances[account]) at \(id)")
            }
            return nil
        }
    }
}
