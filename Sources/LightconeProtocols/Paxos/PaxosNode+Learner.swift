import LightconeSimulation

/// The learners of Basic Paxos (§2.3): every acceptor announces each acceptance to every
/// learner, and a learner learns a value once a majority of acceptors accepted it in one
/// ballot.
///
/// Learning answers the clients waiting at the node. It does not end the node's proposer:
/// as in the paper, a proposer's job ends when a majority accepted a ballot of its own, so a
/// proposer that was beaten and learned the winner's value still finishes with a round of
/// its own, in which the promises make it propose the chosen value again ("chosen stays
/// chosen"; with `skip-promise-value` this is where a second value gets chosen).
extension PaxosNode {
    /// Counts acceptor `sender`'s acceptance of `value` in ballot `b`: a majority in one
    /// ballot makes the learner learn `value`, and ends the proposer's round if it is its own.
    mutating func receiveAccepted(_ b: Ballot, value: PaxosValue, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if b.round > highestRound { highestRound = b.round }
        let isOwnRound = b == ballot && phase == .accepting
        guard learned == nil || isOwnRound else { return }
        var acceptance = acceptances[b] ?? Acceptance(value: value, acceptors: 0)
        acceptance.acceptors |= PaxosNode.bit(sender)
        acceptances[b] = acceptance
        guard PaxosNode.count(acceptance.acceptors) >= majority else { return }
        if learned == nil {
            learn(value, &ctx)
        } else if isOwnRound {
            ctx.note("ballot \(b) accepted by a majority: done proposing")
        }
        if isOwnRound { finishRound(&ctx) }
    }

    /// Learns the chosen value; waiting clients hear it.
    mutating func learn(_ value: PaxosValue, _ ctx: inout Context<PaxosNode>) {
        learned = value
        learnedInEvent = 0...0
        ctx.note("learned \(value)")
        for request in waiting { ctx.reply(request, .ok(value.description)) }
        waiting = []
    }

    /// A majority accepted this proposer's ballot: its proposal is chosen; it stops.
    mutating func finishRound(_ ctx: inout Context<PaxosNode>) {
        phase = .idle
        acceptances = [:]
        if !isLeader { ctx.cancelTimer(.retry) }
    }
}
