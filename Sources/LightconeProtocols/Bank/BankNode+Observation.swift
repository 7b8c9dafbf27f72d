import LightconeSimulation

/// What the lab shows of a bank: totals, meters, conditions, the node boxes.
extension BankNode {
    /// Whether this node voted yes on a transaction and waits for its decision.
    public var isInDoubt: Bool { !prepared.isEmpty }

    public var role: String { isInDoubt ? "in-doubt" : "node" }

    /// The accounts this node shows: those it holds (acid) or all (base).
    var shownAccounts: [Int] {
        (0..<config.accounts).filter { config.mode == .base || config.holder(of: $0, nodeCount: nodeCount) == id }
    }

    public var summaryLines: [String] {
        var lines = [shownAccounts.map { "\(BankConfig.name(of: $0))=\(balances[$0])" }.joined(separator: " ")]
        switch config.mode {
        case .acid:
            for txn in prepared.keys.sorted() {
                let held = locks.filter { $0.value == txn }.keys.sorted().map { BankConfig.name(of: $0) }
                lines.append("IN DOUBT \(txn)" + (held.isEmpty ? "" : " locks " + held.joined(separator: ",")))
            }
            if !waiting.isEmpty { lines.append("\(waiting.count) waiting for locks") }
            let open = log.values.filter { $0.decision == nil }.count
            if open > 0 { lines.append("coordinating \(open)") }
        case .base:
            let unsent = Set(outbox.flatMap { $0 }.map(\.id)).count
            if unsent > 0 { lines.append("\(unsent) to propagate") }
        }
        return lines
    }

    public func inspect() -> [String] {
        var lines = ["mode \(config.mode.rawValue); " + shownAccounts.map { "\(BankConfig.name(of: $0))=\(balances[$0])" }.joined(separator: " ")]
        switch config.mode {
        case .acid:
            for txn in log.keys.sorted() {
                guard let record = log[txn] else { continue }
                let state = record.decision.map { $0 ? "commit" : "abort" } ?? "undecided"
                lines.append("coordinator \(txn): \(BankConfig.name(of: record.from))->\(BankConfig.name(of: record.to)) \(record.amount), \(state)"
                             + (record.decision != nil ? ", acked by \(record.acked.isEmpty ? "none" : record.acked.map(\.description).joined(separator: " "))" : ""))
            }
            for txn in prepared.keys.sorted() {
                guard let record = prepared[txn] else { continue }
                lines.append("in doubt \(txn): \(record.halves.map(\.description).joined(separator: " ")), asks \(record.coordinator)")
            }
            for (account, txn) in locks.sorted(by: { $0.key < $1.key }) { lines.append("lock \(BankConfig.name(of: account)) held by \(txn)") }
            for entry in waiting { lines.append("waiting \(entry.txn): \(entry.halves.map(\.description).joined(separator: " "))") }
            lines.append("\(outcomes.count) transactions finished here")
        case .base:
            lines.append("seen " + seen.enumerated().map { "n\($0.offset + 1):\($0.element)" }.joined(separator: " "))
            lines.append("took \(accepted.count) transfers")
            for peer in 0..<nodeCount where !outbox[peer].isEmpty {
                lines.append("to propagate to n\(peer + 1): \(outbox[peer].map(\.id.description).joined(separator: ","))")
            }
        }
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("balances", .object(shownAccounts.map { (BankConfig.name(of: $0), .int(balances[$0])) }))]
        if config.mode == .acid {
            fields.append(("in_doubt", .array(prepared.keys.sorted().map { .string($0.description) })))
            fields.append(("locks", .object(locks.sorted(by: { $0.key < $1.key }).map { (BankConfig.name(of: $0.key), .string($0.value.description)) })))
        } else {
            fields.append(("seen", .array(seen.map { .int($0) })))
        }
        return fields
    }

    /// The sum of every balance as the committed state holds it (ACID): what the accounts
    /// hold, plus the halves of committed transactions not yet applied where they are prepared.
    /// A transaction is committed once its coordinator logged commit or a participant applied it.
    public static func committedTotal(_ nodes: [BankNode]) -> Int {
        var total = 0
        for node in nodes { total += node.balances.reduce(0, +) }
        for node in nodes {
            for (txn, record) in node.prepared where isCommitted(txn, in: nodes) {
                total += record.halves.reduce(0) { $0 + $1.delta }
            }
        }
        return total
    }

    /// Whether `txn` is committed anywhere: logged so by its coordinator, or applied by a participant.
    public static func isCommitted(_ txn: TransferID, in nodes: [BankNode]) -> Bool {
        if txn.origin.index < nodes.count, nodes[txn.origin.index].log[txn]?.decision == true { return true }
        return nodes.contains { $0.outcomes[txn] == true }
    }

    /// BASE: each account's balance once every transfer taken anywhere is merged.
    public static func mergedBalances(_ nodes: [BankNode]) -> [Int] {
        guard let first = nodes.first else { return [] }
        var merged = Array(repeating: first.config.balance, count: first.config.accounts)
        for node in nodes { for account in merged.indices { merged[account] += node.acceptedDelta[account] } }
        return merged
    }

    /// The accounts below 0: committed (acid) or merged (base).
    public static func overdrawn(_ nodes: [BankNode]) -> [(account: Int, balance: Int)] {
        guard let first = nodes.first else { return [] }
        let balances: [Int]
        switch first.config.mode {
        case .acid:
            balances = (0..<first.config.accounts).map { nodes[first.config.holder(of: $0, nodeCount: nodes.count).index].balances[$0] }
        case .base:
            balances = mergedBalances(nodes)
        }
        return balances.enumerated().filter { $0.element < 0 }.map { ($0.offset, $0.element) }
    }

    /// Participants in doubt: (node, transaction) pairs voted yes and undecided there.
    public static func inDoubtCount(_ nodes: [BankNode]) -> Int { nodes.reduce(0) { $0 + $1.prepared.count } }

    public static func readMeters(in cluster: ClusterState<BankNode>) -> [MeterReading] {
        [MeterReading("in-doubt", millionths: Int64(inDoubtCount(cluster.nodes)) * 1_000_000),
         MeterReading("overdrafts", millionths: Int64(overdrawn(cluster.nodes).count) * 1_000_000),
         HarvestYield.yieldReading(cluster.history)]
    }

    /// Whether every up replica agrees (base), or nothing is in flight (acid: no transaction
    /// undecided, in doubt, waiting or unacknowledged).
    static func convergence(in cluster: ClusterState<BankNode>) -> ConditionOutcome {
        let up = cluster.ids.filter { cluster.isUp($0) }
        guard let first = up.first else { return ConditionOutcome(holds: true, actual: "no node is up") }
        switch cluster.nodes[first.index].config.mode {
        case .base:
            let reference = cluster.nodes[first.index]
            let differ = up.filter { cluster.nodes[$0.index].seen != reference.seen || cluster.nodes[$0.index].balances != reference.balances }
            if differ.isEmpty { return ConditionOutcome(holds: true, actual: "every up replica holds the same balances") }
            return ConditionOutcome(holds: false, actual: "\(differ.map(\.description).joined(separator: " ")) \(differ.count == 1 ? "differs" : "differ") from \(first)")
        case .acid:
            let busy = cluster.ids.filter { let n = cluster.nodes[$0.index]; return !n.log.isEmpty || !n.prepared.isEmpty || !n.waiting.isEmpty }
            if busy.isEmpty { return ConditionOutcome(holds: true, actual: "no transaction in flight") }
            return ConditionOutcome(holds: false, actual: "transactions in flight at \(busy.map(\.description).joined(separator: " "))")
        }
    }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<BankNode>) -> ConditionOutcome? {
        switch condition {
        case .converged:
            return convergence(in: cluster)
        case .protocolCondition("balance-total", let arguments):
            guard let expected = arguments.first.flatMap({ Int($0) }), let first = cluster.nodes.first else { return nil }
            switch first.config.mode {
            case .acid:
                let total = committedTotal(cluster.nodes)
                return ConditionOutcome(holds: total == expected, actual: "the balances add up to \(total)")
            case .base:
                let converged = convergence(in: cluster)
                guard converged.holds, let up = cluster.ids.first(where: { cluster.isUp($0) }) else {
                    return ConditionOutcome(holds: false, actual: "not converged yet: \(converged.actual)")
                }
                let total = cluster.nodes[up.index].balances.reduce(0, +)
                return ConditionOutcome(holds: total == expected, actual: "the converged balances add up to \(total)")
            }
        case .protocolCondition("in-doubt", let arguments):
            guard let expected = arguments.first.flatMap({ Int($0) }) else { return nil }
            let count = inDoubtCount(cluster.nodes)
            return ConditionOutcome(holds: count == expected, actual: "\(count) participant\(count == 1 ? "" : "s") in doubt")
        default:
            return nil
        }
    }
}
