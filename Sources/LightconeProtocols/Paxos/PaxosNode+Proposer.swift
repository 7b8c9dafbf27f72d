import LightconeSimulation

/// The proposer of Basic Paxos (§2.2), with §2.4's rules for progress: a proposer abandons
/// a round when it learns of a higher ballot, and starts again with a higher one, at once
/// (`backoff=off`: two proposers can duel forever) or after a random back-off.
extension PaxosNode {
    /// `propose VALUE`: a proposer takes the value (if it has none yet) and starts a round;
    /// it answers every waiting client with the value chosen once it learns it.
    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<PaxosNode>) {
        beginEvent()
        if config.mode == .multi {
            multiClientRequest(operation, request: request, &ctx)
            return
        }
        guard operation.name == "propose", let text = operation.input.first else {
            ctx.reply(request, .fail("paxos mode=basic knows propose VALUE (put, get and cas need mode=multi)"))
            return
        }
        let proposed = PaxosValue.plain(text)
        proposedInEvent.append(proposed)
        if let learned {
            ctx.reply(request, .ok(learned.description))
            return
        }
        guard config.isProposer(id) else {
            ctx.reply(request, .redirect(config.proposers?.first))
            return
        }
        if config.leader && !isLeader {
            // Only the distinguished proposer proposes (§2.4); the others forward to it.
            if let leaderId, leaderId != id {
                ctx.reply(request, .redirect(leaderId))
            } else {
                // No leader known yet: wait for one, and propose the value if it is us.
                waiting.append(request)
                if value == nil { value = proposed }
            }
            return
        }
        waiting.append(request)
        if value == nil {
            value = proposed
        }
        switch phase {
        case .idle:
            if isLeader { startPhase2(&ctx) } else { startRound(&ctx) }
        case .preparing, .accepting, .backingOff:
            break
        }
    }

    /// Phase 1a: a ballot higher than any seen, sent to every acceptor.
    mutating func startRound(_ ctx: inout Context<PaxosNode>) {
        let round = max(highestRound, promised.round, accepted?.ballot.round ?? 0) + 1
        highestRound = round
        ballot = Ballot(round: round, node: id)
        phase = .preparing
        promisedBy = 0
        highestReported = nil
        proposing = nil
        ctx.note("prepares \(ballot)" + (value.map { " to propose \($0)" } ?? ""))
        ctx.setTimer(.retry, after: config.retry)
        broadcast(.prepare(ballot, from: 0), &ctx)
    }

    /// Phase 1b arrives: with promises from a majority, phase 2 starts (or, for a
    /// distinguished proposer without a value yet, leadership).
    mutating func receivePromise(_ b: Ballot, reported: Proposal<PaxosValue>?, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        guard phase == .preparing, b == ballot else { return }
        promisedBy |= PaxosNode.bit(sender)
        if let reported, reported.ballot > (highestReported?.ballot ?? .zero) { highestReported = reported }
        guard PaxosNode.count(promisedBy) >= majority else { return }
        if config.leader && !isLeader { becomeLeader(&ctx) }
        startPhase2(&ctx)
    }

    /// Phase 2a: propose the value of the highest-ballot proposal the promises reported, or
    /// the proposer's own if none did (P2c). With `skip-promise-value` the own value wins.
    mutating func startPhase2(_ ctx: inout Context<PaxosNode>) {
        let chosenValue: PaxosValue
        var why = ""
        if let reported = highestReported?.value, !(ctx.isBugOn(Bug.skipPromiseValue) && value != nil) {
            chosenValue = reported
            if reported != value { why = " (reported by a promise)" }
        } else if let value {
            chosenValue = value
        } else {
            phase = .idle  // a leader with nothing to propose yet
            return
        }
        phase = .accepting
        proposing = chosenValue
        ctx.note("sends accept \(ballot) \(chosenValue)\(why)")
        ctx.setTimer(.retry, after: config.retry)
        broadcast(.accept(ballot, from: 0, values: [chosenValue], chosen: 0), &ctx)
    }

    /// An acceptor promised a higher ballot than ours.
    mutating func receiveNack(_ b: Ballot, promised higher: Ballot, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if higher.round > highestRound { highestRound = higher.round }
        guard b == ballot, phase == .preparing || phase == .accepting else { return }
        abandon("\(sender) promised \(higher)", &ctx)
    }

    /// This node saw ballot `b` of another proposer; if it is higher than the round this
    /// proposer is running, the round is lost (§2.4: "a proposer should abandon a proposal
    /// if some proposer has begun trying to issue a higher-numbered one").
    mutating func sawBallot(_ b: Ballot, _ ctx: inout Context<PaxosNode>) {
        if b.round > highestRound { highestRound = b.round }
        if isLeader && b > ballot {
            stepDown("saw \(b)", &ctx)
            return
        }
        guard b > ballot, phase == .preparing || phase == .accepting else { return }
        abandon("saw \(b)", &ctx)
    }

    /// The round is lost: start again with a higher ballot, now or after a back-off; a
    /// candidate for leader waits for the next election timeout instead.
    mutating func abandon(_ reason: String, _ ctx: inout Context<PaxosNode>) {
        if config.leader {
            if isLeader {
                stepDown(reason, &ctx)
            } else {
                phase = .idle
                ctx.note("gives up \(ballot) (\(reason))")
                resetElectionTimer(&ctx)
            }
        } else if config.backoff {
            phase = .backingOff
            let delay = ctx.random(in: config.retry...(2 * config.retry))
            ctx.note("gives up \(ballot) (\(reason)); backs off \(DurationText.format(delay))")
            ctx.setTimer(.retry, after: delay)
        } else {
            ctx.note("gives up \(ballot) (\(reason))")
            startRound(&ctx)
        }
    }

    /// The retry timer: a round without a majority within `retry` starts again; a back-off
    /// ends; with a distinguished proposer, a node that heard no leader campaigns.
    mutating func retryTimerFired(_ ctx: inout Context<PaxosNode>) {
        switch phase {
        case .preparing, .accepting:
            if isLeader {
                ctx.note("no majority for \(ballot) within \(DurationText.format(config.retry))")
                startRound(&ctx)
            } else {
                abandon("no majority within \(DurationText.format(config.retry))", &ctx)
            }
        case .backingOff:
            startRound(&ctx)
        case .idle:
            if config.leader && config.isProposer(id) && !isLeader {
                startRound(&ctx)
            } else if !isLeader {
                ctx.note(learned != nil ? "has learned \(learned!); nothing to propose" : "has nothing to propose")
            }
        }
    }
}
