import LightconeSimulation

/// The learner of Basic Paxos (§2.3): it learns a value once a majority of acceptors have
/// accepted it in one ballot.
extension PaxosNode {
    /// Counts acceptor `sender`'s acceptance of `value` in ballot `b`; learns `value` when a
    /// majority accepted that ballot.
    mutating func receiveAccepted(_ b: Ballot, value: PaxosValue, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        if b.round > highestRound { highestRound = b.round }
        guard learned == nil else { return }
        var acceptance = acceptances[b] ?? Acceptance(value: value, acceptors: 0)
        acceptance.acceptors |= PaxosNode.bit(sender)
        acceptances[b] = acceptance
        if PaxosNode.count(acceptance.acceptors) >= majority { learn(value, &ctx) }
    }

    /// Learns the chosen value: a proposer stops proposing, and waiting clients hear it.
    mutating func learn(_ value: PaxosValue, _ ctx: inout Context<PaxosNode>) {
        learned = value
        learnedInEvent = 0...0
        acceptances = [:]
        ctx.note("learned \(value)")
        if phase != .idle {
            phase = .idle
            if !isLeader { ctx.cancelTimer(.retry) }
        }
        for request in waiting { ctx.reply(request, .ok(value.description)) }
        waiting = []
    }
}
