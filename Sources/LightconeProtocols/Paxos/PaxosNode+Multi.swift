import LightconeSimulation

/// Multi-Paxos (§3): a leader runs phase 1 once for every slot from the first it has not
/// learned, re-proposes the values the promises reported, fills the holes with no-ops, and
/// then runs only phase 2, one slot per client command. Followers that miss the leader's
/// heartbeats for an election timeout run phase 1 with a higher ballot. Chosen slots are
/// learned in order and applied to a key-value store.
extension PaxosNode {
    mutating func multiStart(_ ctx: inout Context<PaxosNode>) {
        // The learned prefix is durable; the state machine is rebuilt from it.
        applyLearned(&ctx)
        resetElectionTimer(&ctx)
    }

    mutating func multiCrash() {
        multi.applied = 0
        multi.store = KeyValueStore()
        multi.leaderId = nil
        multi.forgetLeadership()
    }

    var multiRole: String {
        if multi.isLeader { return "leader" }
        if multi.isCandidate { return "proposer" }
        return "acceptor"
    }

    mutating func multiHandle(_ message: PaxosMessage, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        switch message {
        case .prepare(let b, let from): multiReceivePrepare(b, from: from, sender: sender, &ctx)
        case .promise(let b, let reported): multiReceivePromise(b, reported: reported, from: sender, &ctx)
        case .nack(let b, let higher):
            if higher.round > highestRound { highestRound = higher.round }
            if b == ballot && (multi.isLeader || multi.isCandidate) && higher > ballot {
                multiStepDown("\(sender) promised \(higher)", &ctx)
            }
        case .accept(let b, let from, let values, let chosen):
            multiReceiveAccept(b, from: from, values: values, chosen: chosen, sender: sender, &ctx)
        case .acceptedSlots(let b, let from, let through, let learnedThrough):
            multiReceiveAccepted(b, from: from, through: through, learned: learnedThrough, sender: sender, &ctx)
        case .accepted, .heartbeat:
            break
        }
    }

    mutating func multiTimerFired(_ timer: PaxosTimer, _ ctx: inout Context<PaxosNode>) {
        switch timer {
        case .retry:
            if multi.isLeader {
                ctx.note("is leader with \(ballot); ignores the election timeout")
            } else {
                multiCampaign(&ctx)
            }
        case .heartbeat:
            guard multi.isLeader else { return }
            multiTick(&ctx)
            ctx.setTimer(.heartbeat, after: config.heartbeat)
        }
    }

    // MARK: - Phase 1, once per leader

    /// No leader heard for an election timeout: phase 1 with a higher ballot for every slot
    /// from the first this node has not learned.
    mutating func multiCampaign(_ ctx: inout Context<PaxosNode>) {
        let round = max(highestRound, promised.round) + 1
        highestRound = round
        ballot = Ballot(round: round, node: id)
        multi.forgetLeadership()
        multi.isCandidate = true
        multi.leaderId = nil
        multi.prepareFrom = multi.learnedThrough + 1
        ctx.note("prepares \(ballot) for slots from #\(multi.prepareFrom)")
        resetElectionTimer(&ctx)
        broadcast(.prepare(ballot, from: multi.prepareFrom), &ctx)
    }

    /// Phase 1b: promise `b` for every slot, reporting what was accepted from slot `from` on.
    mutating func multiReceivePrepare(_ b: Ballot, from: Int, sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if b.round > highestRound { highestRound = b.round }
        guard b >= promised else {
            deliver(.nack(b, promised: promised), to: sender, &ctx)
            return
        }
        if b > promised {
            promised = b
            promisedInEvent = b
            ctx.note("promised \(b)")
            // Give the candidate time to lead before campaigning itself (as a Raft vote does).
            if sender != id && !multi.isLeader && !multi.isCandidate { resetElectionTimer(&ctx) }
        }
        if sender != id && (multi.isLeader || multi.isCandidate) && b > ballot {
            multiStepDown("saw \(b)", &ctx)
        }
        var reports: [SlotProposal] = []
        if from >= 1 && from <= multi.lastAccepted {
            for slot in from...multi.lastAccepted {
                if let proposal = multi.accepted[slot] { reports.append(SlotProposal(slot: slot, proposal: proposal)) }
            }
        }
        deliver(.promise(b, accepted: reports), to: sender, &ctx)
    }

    mutating func multiReceivePromise(_ b: Ballot, reported: [SlotProposal], from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        guard multi.isCandidate, b == ballot else { return }
        multi.promisedBy |= PaxosNode.bit(sender)
        for report in reported where report.slot >= multi.prepareFrom {
            if let known = multi.reported[report.slot], known.ballot >= report.proposal.ballot { continue }
            multi.reported[report.slot] = report.proposal
        }
        if PaxosNode.count(multi.promisedBy) >= majority { multiBecomeLeader(&ctx) }
    }

    /// Phase 1 succeeded: re-propose every reported value, fill the holes with no-ops, and
    /// from now on run phase 2 only.
    mutating func multiBecomeLeader(_ ctx: inout Context<PaxosNode>) {
        multi.isCandidate = false
        multi.isLeader = true
        multi.leaderId = id
        let start = multi.prepareFrom
        let last = max(start - 1, multi.reported.keys.max() ?? 0)
        multi.votesBase = start
        multi.votes = []
        multi.lastProposed = start - 1
        var reproposed = 0, holes: [Int] = []
        if last >= start {
            for slot in start...last {
                let value: PaxosValue
                if let report = multi.reported[slot], !ctx.isBugOn(Bug.skipPromiseValue) {
                    value = report.value
                    reproposed += 1
                } else {
                    value = .noop
                    holes.append(slot)
                }
                proposeInOwnLog(value, &ctx)
            }
        }
        multi.reported = [:]
        multi.nextSlot = Array(repeating: start, count: nodeCount)
        multi.learnedBy = Array(repeating: 0, count: nodeCount)
        multi.learnedAtTick = Array(repeating: -1, count: nodeCount)
        multi.lastProgress = Array(repeating: ctx.now, count: nodeCount)
        multi.lastSent = Array(repeating: ctx.now, count: nodeCount)
        multi.inFlight = Array(repeating: 0, count: nodeCount)
        var text = "leads with \(ballot) from slot #\(start)"
        if reproposed > 0 { text += "; re-proposes \(reproposed) reported value\(reproposed == 1 ? "" : "s")" }
        if !holes.isEmpty { text += "; fills hole\(holes.count == 1 ? "" : "s") " + holes.map { "#\($0)" }.joined(separator: " ") + " with noop" }
        ctx.note(text)
        ctx.cancelTimer(.retry)
        if nodeCount == 1 { advanceChosen(&ctx) }
        for peer in ctx.peers { replicate(to: peer, &ctx) }
        ctx.setTimer(.heartbeat, after: config.heartbeat)
    }

    /// A leader or candidate saw a higher ballot: it follows again.
    mutating func multiStepDown(_ reason: String, _ ctx: inout Context<PaxosNode>) {
        let wasLeader = multi.isLeader
        multi.forgetLeadership()
        if multi.leaderId == id { multi.leaderId = nil }
        ctx.note((wasLeader ? "stops leading \(ballot)" : "gives up \(ballot)") + " (\(reason))")
        ctx.cancelTimer(.heartbeat)
        resetElectionTimer(&ctx)
    }

    // MARK: - Phase 2, per slot

    /// The leader puts `value` in its next slot, accepting it itself in its ballot.
    mutating func proposeInOwnLog(_ value: PaxosValue, _ ctx: inout Context<PaxosNode>) {
        multi.lastProposed += 1
        let slot = multi.lastProposed
        multi.accept(Proposal(ballot: ballot, value: value), at: slot)
        markAccepted(ballot, slot...slot)
        while multi.votes.count <= slot - multi.votesBase { multi.votes.append(0) }
        multi.votes[slot - multi.votesBase] |= PaxosNode.bit(id)
    }

    /// Sends `node` the next slots it lacks, at most `batch` of them, with the chosen prefix;
    /// a heartbeat when it has them all.
    mutating func replicate(to node: NodeID, _ ctx: inout Context<PaxosNode>) {
        let from = multi.nextSlot[node.index]
        let through = min(multi.lastProposed, from + config.batch - 1)
        var values: [PaxosValue] = []
        if through >= from {
            values.reserveCapacity(through - from + 1)
            for slot in from...through {
                // A slot before this leader's phase 1 was learned: send the chosen value.
                if let learned = multi.learnedValue(at: slot), slot < multi.votesBase || multi.proposal(at: slot)?.ballot != ballot {
                    values.append(learned)
                } else if let proposal = multi.proposal(at: slot) {
                    values.append(proposal.value)
                } else {
                    values.append(.noop)
                }
            }
            multi.nextSlot[node.index] = through + 1
            multi.inFlight[node.index] += 1
        }
        multi.lastSent[node.index] = ctx.now
        ctx.send(.accept(ballot, from: from, values: values, chosen: multi.learnedThrough), to: node)
    }

    /// The leader's tick: resend what seems lost, then send each follower what it lacks, or
    /// a heartbeat if it was sent nothing for a heartbeat interval (under load the Accepts
    /// are the heartbeats).
    mutating func multiTick(_ ctx: inout Context<PaxosNode>) {
        let firstOpen = multi.learnedThrough + 1
        for index in 0..<ctx.nodeCount where index != id.index {
            let peer = NodeID(index: index)
            let learned = multi.learnedBy[index]
            if learned < multi.learnedThrough && learned == multi.learnedAtTick[index] {
                // Its learned prefix stalls behind ours: it lacks values of our ballot.
                multi.nextSlot[index] = min(multi.nextSlot[index], learned + 1)
                multi.inFlight[index] = 0
            } else if firstOpen <= multi.lastProposed, firstOpen >= multi.votesBase,
                      multi.votes[firstOpen - multi.votesBase] & PaxosNode.bit(peer) == 0,
                      ctx.now - multi.lastProgress[index] >= 2 * config.heartbeat {
                // The first open slot lacks its acceptance and it has said nothing new for a while.
                multi.nextSlot[index] = min(multi.nextSlot[index], firstOpen)
                multi.inFlight[index] = 0
            }
            multi.learnedAtTick[index] = learned
            if multi.nextSlot[index] <= multi.lastProposed || ctx.now - multi.lastSent[index] >= config.heartbeat {
                replicate(to: peer, &ctx)
            }
        }
    }

    /// Phase 2b on an acceptor: accept the slots unless a higher ballot was promised, follow
    /// the leader, and learn the slots of the chosen prefix that hold the leader's values.
    mutating func multiReceiveAccept(_ b: Ballot, from: Int, values: [PaxosValue], chosen: Int, sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if b.round > highestRound { highestRound = b.round }
        guard b >= promised || ctx.isBugOn(Bug.acceptAnyBallot) else {
            ctx.send(.nack(b, promised: promised), to: sender)
            return
        }
        if b > promised { promised = b }
        if (multi.isLeader || multi.isCandidate) && b > ballot { multiStepDown("saw \(b)", &ctx) }
        if !multi.isLeader {
            if multi.leaderId != sender { ctx.note("follows leader \(sender) (\(b))") }
            multi.leaderId = sender
            ballot = max(ballot, b)
            resetElectionTimer(&ctx)
        }
        if !values.isEmpty {
            for (offset, value) in values.enumerated() { multi.accept(Proposal(ballot: b, value: value), at: from + offset) }
            markAccepted(b, from...(from + values.count - 1))
        }
        learnChosen(through: chosen, ballot: b, &ctx)
        ctx.send(.acceptedSlots(b, from: from, through: from + values.count - 1, learned: multi.learnedThrough), to: sender)
    }

    /// The leader counts acceptances per slot; a slot accepted by a majority in its ballot is
    /// chosen. A follower that has more to get gets its next slots.
    mutating func multiReceiveAccepted(_ b: Ballot, from: Int, through: Int, learned: Int, sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        guard multi.isLeader, b == ballot else { return }
        let index = sender.index
        if learned > multi.learnedBy[index] { multi.learnedBy[index] = learned }
        if through >= from && multi.inFlight[index] > 0 { multi.inFlight[index] -= 1 }
        let first = max(from, multi.votesBase)
        if through >= first {
            let bit = PaxosNode.bit(sender)
            for slot in first...min(through, multi.lastProposed) {
                let position = slot - multi.votesBase
                while multi.votes.count <= position { multi.votes.append(0) }
                multi.votes[position] |= bit
            }
            multi.lastProgress[index] = ctx.now
            advanceChosen(&ctx)
        }
        if multi.nextSlot[index] <= multi.lastProposed { replicate(to: sender, &ctx) }
    }

    /// Marks `slots` as accepted in `b` during this event (for the monitors).
    mutating func markAccepted(_ b: Ballot, _ slots: ClosedRange<Int>) {
        if let previous = acceptedInEvent, previous.ballot == b {
            acceptedInEvent = (b, min(previous.from, slots.lowerBound), max(previous.through, slots.upperBound))
        } else {
            acceptedInEvent = (b, slots.lowerBound, slots.upperBound)
        }
    }

    /// The leader: advances the chosen prefix over slots a majority accepted, learns and
    /// applies them, and answers the clients waiting for them.
    mutating func advanceChosen(_ ctx: inout Context<PaxosNode>) {
        let before = multi.learnedThrough
        while multi.learnedThrough < multi.lastProposed {
            let slot = multi.learnedThrough + 1
            let index = slot - multi.votesBase
            guard index >= 0, index < multi.votes.count, PaxosNode.count(multi.votes[index]) >= majority,
                  let proposal = multi.proposal(at: slot) else { break }
            multi.learned.append(proposal.value)
        }
        guard multi.learnedThrough > before else { return }
        // Drop the counts of chosen slots.
        let drop = multi.learnedThrough + 1 - multi.votesBase
        if drop >= 256 || drop == multi.votes.count {
            multi.votes.removeFirst(min(drop, multi.votes.count))
            multi.votesBase += drop
        }
        learnedInEvent = (before + 1)...multi.learnedThrough
        ctx.note(multi.learnedThrough == before + 1 ? "chose #\(multi.learnedThrough)" : "chose #\(before + 1)..#\(multi.learnedThrough)")
        applyLearned(&ctx)
    }

    /// A follower learns the slots up to `chosen` that hold ballot `b`'s values.
    mutating func learnChosen(through chosen: Int, ballot b: Ballot, _ ctx: inout Context<PaxosNode>) {
        let before = multi.learnedThrough
        while multi.learnedThrough < chosen, let proposal = multi.proposal(at: multi.learnedThrough + 1), proposal.ballot == b {
            multi.learned.append(proposal.value)
        }
        guard multi.learnedThrough > before else { return }
        learnedInEvent = (before + 1)...multi.learnedThrough
        applyLearned(&ctx)
    }

    /// Applies the learned slots in order; the leader answers the clients waiting for them.
    mutating func applyLearned(_ ctx: inout Context<PaxosNode>) {
        while multi.applied < multi.learnedThrough {
            multi.applied += 1
            let slot = multi.applied
            let value = multi.learned[slot - 1]
            guard let waiting = multi.waitingClients.first, waiting.slot <= slot else {
                multi.store.update(value.command)
                continue
            }
            let reply = multi.store.apply(value.command)
            while let first = multi.waitingClients.first, first.slot <= slot {
                multi.waitingClients.removeFirst()
                if first.slot == slot, case .command(_, let origin, let serial) = value, origin == id, serial == first.serial {
                    ctx.reply(first.request, reply)
                }
            }
        }
    }

    // MARK: - Clients

    /// The leader puts a command in its next slot; the others redirect to the leader they
    /// follow. The answer comes when the slot is applied.
    mutating func multiClientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<PaxosNode>) {
        guard let command = RaftCommand(operation) else {
            ctx.reply(request, .fail("paxos mode=multi knows put KEY VALUE, get KEY and cas KEY OLD NEW"))
            return
        }
        guard multi.isLeader else {
            ctx.reply(request, .redirect(multi.leaderId == id ? nil : multi.leaderId))
            return
        }
        multi.serial += 1
        let value = PaxosValue.command(command, origin: id, serial: multi.serial)
        proposedInEvent.append(value)
        proposeInOwnLog(value, &ctx)
        multi.waitingClients.append((slot: multi.lastProposed, serial: multi.serial, request: request))
        if nodeCount == 1 { advanceChosen(&ctx) }
        // The peers in id order, without building `ctx.peers` (an array) for every command.
        for index in 0..<ctx.nodeCount where index != id.index && multi.nextSlot[index] == multi.lastProposed && multi.inFlight[index] < config.window {
            replicate(to: NodeID(index: index), &ctx)
        }
    }
}
