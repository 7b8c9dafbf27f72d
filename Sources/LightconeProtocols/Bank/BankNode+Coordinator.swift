import LightconeSimulation

/// The coordinator's side of two-phase commit (ACID mode).
extension BankNode {
    /// A client's transfer reached this node: log the transaction and send phase 1.
    mutating func begin(from: Int, to: Int, amount: Int, request: RequestID, _ ctx: inout Context<BankNode>) {
        transfersTaken += 1
        let txn = TransferID(origin: id, number: transfersTaken)
        let holders = [config.holder(of: from, nodeCount: nodeCount), config.holder(of: to, nodeCount: nodeCount)]
        let participants = Array(Set(holders)).sorted { $0.index < $1.index }
        log[txn] = CoordinatorRecord(from: from, to: to, amount: amount, participants: participants)
        ballots[txn] = Ballot(request: request, deadline: ctx.now + config.voteTimeout)
        ctx.note("\(txn) begins: \(BankConfig.name(of: from))->\(BankConfig.name(of: to)) \(amount), prepare at \(participants.map(\.description).joined(separator: " "))")
        for participant in participants {
            let halves = [Half(account: from, delta: -amount), Half(account: to, delta: amount)]
                .filter { config.holder(of: $0.account, nodeCount: nodeCount) == participant }
            ctx.send(.prepare(txn: txn, halves: halves), to: participant)
        }
        armVoteTimeout(&ctx)
    }

    /// A participant's vote: a no aborts at once; the last yes commits.
    mutating func vote(_ txn: TransferID, yes: Bool, reason: String, from participant: NodeID, _ ctx: inout Context<BankNode>) {
        guard let record = log[txn] else {
            // Forgotten after every acknowledgement, or never begun here: presumed abort.
            if yes { ctx.send(.decision(txn: txn, commit: false), to: participant) }
            return
        }
        guard record.decision == nil, var ballot = ballots[txn] else {
            // A late vote: the participant may be waiting, so tell it the decision again.
            if let decision = record.decision { ctx.send(.decision(txn: txn, commit: decision), to: participant) }
            return
        }
        guard yes else {
            decide(txn, commit: false, reason: "\(participant) votes no: \(reason)", &ctx)
            return
        }
        if !ballot.yes.contains(participant) { ballot.yes.append(participant) }
        ballots[txn] = ballot
        if record.participants.allSatisfy(ballot.yes.contains) { decide(txn, commit: true, reason: "every participant votes yes", &ctx) }
    }

    /// Logs the decision (durably, unless the no-durable-decision bug is on), then sends it
    /// to every participant and answers the client.
    mutating func decide(_ txn: TransferID, commit: Bool, reason: String, _ ctx: inout Context<BankNode>) {
        guard var record = log[txn], record.decision == nil else { return }
        record.decision = commit
        record.isDecisionDurable = !ctx.isBugOn(BankNode.noDurableDecision)
        log[txn] = record
        let ballot = ballots.removeValue(forKey: txn)
        ctx.note("\(txn) decides \(commit ? "commit" : "abort") (\(reason))" + (record.isDecisionDurable ? ", logged" : ", in memory only"))
        for participant in record.participants { ctx.send(.decision(txn: txn, commit: commit), to: participant) }
        if let request = ballot?.request {
            if commit {
                ctx.reply(request, .ok(nil))
            } else if reason.contains("insufficient funds") {
                ctx.reply(request, .checkFailed(reason))
            } else {
                ctx.reply(request, .fail(reason))
            }
        }
        ctx.setTimer(.retry, after: config.retry)
        armVoteTimeout(&ctx)
    }

    /// The vote timer: an undecided transaction past its deadline aborts.
    mutating func voteDeadlinesPassed(_ ctx: inout Context<BankNode>) {
        for txn in ballots.keys.sorted() {
            guard let ballot = ballots[txn], ballot.deadline <= ctx.now, let record = log[txn] else { continue }
            let silent = record.participants.filter { !ballot.yes.contains($0) }.map(\.description).joined(separator: " ")
            decide(txn, commit: false, reason: "vote timeout: no vote from \(silent) within \(DurationText.format(config.voteTimeout))", &ctx)
        }
        armVoteTimeout(&ctx)
    }

    /// Arms the vote timer for the earliest deadline of an undecided transaction.
    mutating func armVoteTimeout(_ ctx: inout Context<BankNode>) {
        if let next = ballots.values.map(\.deadline).min() {
            ctx.setTimer(.voteTimeout, after: max(0, next - ctx.now))
        } else {
            ctx.cancelTimer(.voteTimeout)
        }
    }

    /// A participant applied the decision; once all have, the transaction is forgotten.
    mutating func acknowledged(_ txn: TransferID, by participant: NodeID) {
        guard var record = log[txn], record.decision != nil else { return }
        if !record.acked.contains(participant) { record.acked.append(participant) }
        if record.participants.allSatisfy(record.acked.contains) { log[txn] = nil } else { log[txn] = record }
    }

    /// A participant in doubt asks: the logged decision, or abort when this node has no
    /// record (presumed abort); an undecided transaction gets its answer when decided.
    mutating func asked(_ txn: TransferID, by participant: NodeID, _ ctx: inout Context<BankNode>) {
        guard let record = log[txn] else {
            ctx.send(.decision(txn: txn, commit: false), to: participant)
            return
        }
        if let decision = record.decision { ctx.send(.decision(txn: txn, commit: decision), to: participant) }
    }

    /// The retry timer: every decision not yet acknowledged goes out again.
    mutating func resendDecisions(_ ctx: inout Context<BankNode>) {
        var pending = false
        for txn in log.keys.sorted() {
            guard let record = log[txn], let decision = record.decision else { continue }
            for participant in record.participants where !record.acked.contains(participant) {
                pending = true
                ctx.send(.decision(txn: txn, commit: decision), to: participant)
            }
        }
        if pending { ctx.setTimer(.retry, after: config.retry) }
    }

    /// After a restart: undecided transactions abort (their votes are lost), logged decisions
    /// are resent, and prepares this node is in doubt about are asked after.
    mutating func recover(_ ctx: inout Context<BankNode>) {
        for txn in log.keys.sorted() where log[txn]?.decision == nil {
            decide(txn, commit: false, reason: "the coordinator restarted undecided", &ctx)
        }
        resendDecisions(&ctx)
        // Locks of in-doubt transactions are durable; ask their coordinators.
        for txn in prepared.keys.sorted() {
            guard let record = prepared[txn] else { continue }
            ctx.note("in doubt about \(txn): asks \(record.coordinator)")
            ctx.send(.ask(txn: txn), to: record.coordinator)
        }
    }
}
