import LightconeSimulation

/// The participant's side of two-phase commit (ACID mode): locks, funds, votes, in doubt.
extension BankNode {
    /// Phase 1: lock the accounts (or wait for them), check the funds, vote.
    mutating func prepare(_ txn: TransferID, halves: [Half], coordinator: NodeID, _ ctx: inout Context<BankNode>) {
        guard outcomes[txn] == nil, prepared[txn] == nil, !waiting.contains(where: { $0.txn == txn }) else { return }
        if let busy = halves.first(where: { locks[$0.account] != nil && locks[$0.account] != txn }) {
            let holder = locks[busy.account].map(\.description) ?? "?"
            ctx.note("\(txn) waits: \(BankConfig.name(of: busy.account)) is locked by \(holder)")
            waiting.append(WaitingPrepare(txn: txn, coordinator: coordinator, halves: halves, deadline: ctx.now + config.voteTimeout))
            armLockWait(&ctx)
            return
        }
        if let short = halves.first(where: { $0.delta < 0 && balances[$0.account] + $0.delta < 0 }) {
            let reason = "insufficient funds: \(BankConfig.name(of: short.account)) has \(balances[short.account]), needs \(-short.delta)"
            finish(txn, commit: false, halves: [], &ctx)
            ctx.send(.vote(txn: txn, yes: false, reason: reason), to: coordinator)
            return
        }
        prepared[txn] = PreparedRecord(coordinator: coordinator, halves: halves)
        if ctx.isBugOn(BankNode.unlockBeforeDecision) {
            ctx.note("\(txn) prepared, votes yes and unlocks \(halves.map { BankConfig.name(of: $0.account) }.joined(separator: " ")) at once")
        } else {
            for half in halves { locks[half.account] = txn }
            ctx.note("\(txn) prepared: locks \(halves.map { BankConfig.name(of: $0.account) }.joined(separator: " ")), votes yes, in doubt")
        }
        ctx.send(.vote(txn: txn, yes: true, reason: ""), to: coordinator)
    }

    /// Phase 2 at a participant: apply (or drop) the prepared halves, unlock, acknowledge.
    mutating func hear(_ txn: TransferID, commit: Bool, from coordinator: NodeID, _ ctx: inout Context<BankNode>) {
        if let record = prepared.removeValue(forKey: txn) {
            finish(txn, commit: commit, halves: record.halves, &ctx)
        } else if let index = waiting.firstIndex(where: { $0.txn == txn }) {
            waiting.remove(at: index)
            finish(txn, commit: false, halves: [], &ctx)
        } else if !commit {
            // An abort ahead of its prepare (a held link): a prepare arriving later is ignored.
            finish(txn, commit: false, halves: [], &ctx)
        }
        ctx.send(.ack(txn: txn), to: coordinator)
        admitWaiting(&ctx)
    }

    /// Records how `txn` ended here, applies its halves when it committed, releases its locks.
    mutating func finish(_ txn: TransferID, commit: Bool, halves: [Half], _ ctx: inout Context<BankNode>) {
        guard outcomes[txn] == nil else { return }
        outcomes[txn] = commit
        outcomeLog.append(txn)
        if commit {
            for half in halves { balances[half.account] += half.delta }
            ctx.note("\(txn) commits: " + halves.map { "\(BankConfig.name(of: $0.account))=\(balances[$0.account])" }.joined(separator: " "))
        } else if !halves.isEmpty {
            ctx.note("\(txn) aborts")
        }
        for (account, holder) in locks where holder == txn { locks[account] = nil }
    }

    /// Prepares waiting for locks that are now free go ahead, oldest first.
    mutating func admitWaiting(_ ctx: inout Context<BankNode>) {
        var index = 0
        while index < waiting.count {
            let entry = waiting[index]
            if entry.halves.allSatisfy({ locks[$0.account] == nil }) {
                waiting.remove(at: index)
                prepare(entry.txn, halves: entry.halves, coordinator: entry.coordinator, &ctx)
            } else {
                index += 1
            }
        }
        armLockWait(&ctx)
    }

    /// The lock-wait timer: a prepare that waited `vote-timeout` for a lock votes no.
    mutating func lockWaitsPassed(_ ctx: inout Context<BankNode>) {
        let expired = waiting.filter { $0.deadline <= ctx.now }
        waiting.removeAll { $0.deadline <= ctx.now }
        for entry in expired {
            let account = entry.halves.first { locks[$0.account] != nil }.map { BankConfig.name(of: $0.account) } ?? "an account"
            finish(entry.txn, commit: false, halves: [], &ctx)
            ctx.send(.vote(txn: entry.txn, yes: false, reason: "\(account) stayed locked"), to: entry.coordinator)
        }
        armLockWait(&ctx)
    }

    mutating func armLockWait(_ ctx: inout Context<BankNode>) {
        if let next = waiting.map(\.deadline).min() {
            ctx.setTimer(.lockWait, after: max(0, next - ctx.now))
        } else {
            ctx.cancelTimer(.lockWait)
        }
    }
}
