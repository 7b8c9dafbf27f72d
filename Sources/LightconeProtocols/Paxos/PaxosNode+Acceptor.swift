import LightconeSimulation

/// The acceptor of Basic Paxos (§2.2, §2.3).
extension PaxosNode {
    /// Phase 1b: if `ballot` is at least every ballot promised so far, promise it and report
    /// the highest-ballot proposal accepted (P1a); else say which ballot was promised.
    /// A proposer that learns of a higher ballot this way abandons its own round (§2.4).
    mutating func receivePrepare(_ b: Ballot, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if b >= promised {
            if b > promised {
                promised = b
                promisedInEvent = b
                ctx.note("promised \(b)" + (accepted.map { ", reporting \($0.ballot):\($0.value)" } ?? ""))
                // Give the candidate time to lead before campaigning itself (as a Raft vote does).
                if config.leader && sender != id && !isLeader && phase == .idle && config.isProposer(id) {
                    resetElectionTimer(&ctx)
                }
            }
            deliver(.promise(b, accepted: accepted.map { [SlotProposal(slot: 0, proposal: $0)] } ?? []), to: sender, &ctx)
        } else {
            ctx.note("rejects prepare \(b) (promised \(promised))")
            deliver(.nack(b, promised: promised), to: sender, &ctx)
        }
        if sender != id { sawBallot(b, &ctx) }
    }

    /// Phase 2b: accept unless a higher ballot was promised (with `accept-any-ballot`, accept
    /// anyway), and announce the acceptance to every learner.
    mutating func receiveAccept(_ b: Ballot, value: PaxosValue, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        guard b >= promised || ctx.isBugOn(Bug.acceptAnyBallot) else {
            ctx.note("rejects accept \(b) (promised \(promised))")
            deliver(.nack(b, promised: promised), to: sender, &ctx)
            return
        }
        if b > promised { promised = b }
        let proposal = Proposal(ballot: b, value: value)
        if accepted != proposal {
            accepted = proposal
            acceptedEver.append(proposal)
            acceptedInEvent = (b, 0, 0)
            ctx.note("accepted \(b) \(value)")
        }
        broadcast(.accepted(b, value: value), &ctx)
        if sender != id { sawBallot(b, &ctx) }
    }
}
