import LightconeSimulation

/// The distinguished proposer of Basic Paxos (`leader=on`, §2.4): a proposer that heard no
/// leader for an election timeout runs phase 1; once a majority promised, it leads, tells
/// the others with heartbeats, and is the only one to propose; the others forward to it.
extension PaxosNode {
    /// Phase 1 of this node's ballot succeeded: it leads.
    mutating func becomeLeader(_ ctx: inout Context<PaxosNode>) {
        isLeader = true
        leaderId = id
        leaderBallot = ballot
        ctx.note("leads with \(ballot)")
        ctx.cancelTimer(.retry)
        sendHeartbeats(&ctx)
        ctx.setTimer(.heartbeat, after: config.heartbeat)
    }

    /// A higher ballot exists: this node no longer leads.
    mutating func stepDown(_ reason: String, _ ctx: inout Context<PaxosNode>) {
        isLeader = false
        if leaderId == id { leaderId = nil }
        if phase != .idle { phase = .idle }
        ctx.note("stops leading \(ballot) (\(reason))")
        ctx.cancelTimer(.heartbeat)
        resetElectionTimer(&ctx)
    }

    mutating func sendHeartbeats(_ ctx: inout Context<PaxosNode>) {
        for peer in ctx.peers { ctx.send(.heartbeat(ballot), to: peer) }
    }

    mutating func heartbeatTimerFired(_ ctx: inout Context<PaxosNode>) {
        guard isLeader else { return }
        sendHeartbeats(&ctx)
        ctx.setTimer(.heartbeat, after: config.heartbeat)
    }

    /// A leader's heartbeat: follow it, wait another election timeout, and forward waiting
    /// clients to it.
    mutating func receiveHeartbeat(_ b: Ballot, from sender: NodeID, _ ctx: inout Context<PaxosNode>) {
        // A deposed leader's heartbeat (below a promise) is not followed.
        guard b >= leaderBallot, b >= promised else { return }
        sawBallot(b, &ctx)
        guard !isLeader else { return }
        if leaderId != sender { ctx.note("follows leader \(sender) (\(b))") }
        leaderBallot = b
        leaderId = sender
        if phase != .idle { phase = .idle }
        if config.isProposer(id) { resetElectionTimer(&ctx) }
        for request in waiting { ctx.reply(request, .redirect(sender)) }
        waiting = []
    }
}
