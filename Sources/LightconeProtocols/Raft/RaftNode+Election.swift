import LightconeSimulation

/// Leader election (§5.2, §5.4.1): candidates, RequestVote and its receiver.
extension RaftNode {
    /// Candidates: on conversion to candidate, start an election: increment currentTerm,
    /// vote for self, reset the election timer, send RequestVote RPCs to all other servers.
    mutating func startElection(_ ctx: inout Context<RaftNode>) {
        currentTerm += 1
        raftRole = .candidate
        votedFor = id
        leaderId = nil
        leaderContact = nil
        forgetCandidateAndLeaderState()
        votesGranted = Array(repeating: false, count: nodeCount)
        votesAnswered = Array(repeating: false, count: nodeCount)
        lastHeard = Array(repeating: .min, count: nodeCount)
        votesGranted[id.index] = true
        votesAnswered[id.index] = true
        ctx.note("became candidate at term \(currentTerm)")
        resetElectionTimer(&ctx)
        if votesGranted.count(where: { $0 }) >= majority {
            becomeLeader(&ctx)
            return
        }
        ctx.setTimer(.heartbeat, after: config.heartbeat)
        ctx.sendToPeers(.requestVote(requestVote))
    }

    /// The RequestVote this candidate sends in currentTerm.
    var requestVote: RequestVote {
        RequestVote(term: currentTerm, candidateId: id, lastLogIndex: log.lastIndex, lastLogTerm: log.lastTerm)
    }

    /// §5.1: servers retry RPCs if they do not receive a response in a timely manner; a
    /// candidate sends RequestVote again to every peer that has not answered.
    mutating func resendRequestVotes(_ ctx: inout Context<RaftNode>) {
        for index in 0..<nodeCount where !votesAnswered[index] {
            ctx.send(.requestVote(requestVote), to: NodeID(index: index))
        }
    }

    /// RequestVote receiver (currentTerm is already at least the candidate's term):
    /// 1. Reply false if term < currentTerm.
    /// 2. If votedFor is null or candidateId, and the candidate's log is at least as
    ///    up-to-date as the receiver's log, grant the vote.
    mutating func handleRequestVote(_ request: RequestVote, _ ctx: inout Context<RaftNode>) {
        var voteGranted = false
        if request.term < currentTerm {
            voteGranted = false
        } else if votedFor == nil || votedFor == request.candidateId {
            let isUpToDate = log.isAtMostAsUpToDate(asLastIndex: request.lastLogIndex, lastTerm: request.lastLogTerm)
            voteGranted = isUpToDate || ctx.isBugOn(Bug.noVoteRestriction)
        }
        if voteGranted {
            if votedFor == nil { ctx.note("voted for \(request.candidateId) at term \(currentTerm)") }
            votedFor = request.candidateId
            // Followers: granting a vote resets the election timeout.
            resetElectionTimer(&ctx)
        }
        ctx.send(.requestVoteReply(RequestVoteReply(term: currentTerm, voteGranted: voteGranted)), to: request.candidateId)
    }

    /// Candidates: if votes are received from a majority of servers, become leader.
    mutating func handleRequestVoteReply(_ reply: RequestVoteReply, from voter: NodeID, _ ctx: inout Context<RaftNode>) {
        guard raftRole == .candidate, reply.term == currentTerm else { return }
        votesAnswered[voter.index] = true
        lastHeard[voter.index] = ctx.now
        guard reply.voteGranted, !votesGranted[voter.index] else { return }
        votesGranted[voter.index] = true
        if votesGranted.count(where: { $0 }) >= majority { becomeLeader(&ctx) }
    }

    /// Leaders: upon election, append a no-op entry of the new term (§8) and send
    /// AppendEntries to each server (carrying the no-op; the heartbeats of Figure 2 follow
    /// during idle periods).
    mutating func becomeLeader(_ ctx: inout Context<RaftNode>) {
        raftRole = .leader
        leaderId = id
        leaderContact = ctx.now
        votesGranted = []
        votesAnswered = []
        if lastHeard.count != nodeCount { lastHeard = Array(repeating: .min, count: nodeCount) }
        lastHeard[id.index] = ctx.now
        nextIndex = Array(repeating: log.lastIndex + 1, count: nodeCount)
        matchIndex = Array(repeating: 0, count: nodeCount)
        lastSent = Array(repeating: .min, count: nodeCount)
        awaitingReply = Array(repeating: false, count: nodeCount)
        waitingClients = []
        ctx.cancelTimer(.election)
        ctx.note("became leader at term \(currentTerm)")
        appendToOwnLog(.noop, &ctx)
        if nodeCount == 1 { advanceCommitIndex(&ctx) }
        for peer in ctx.peers { sendAppendEntries(to: peer, &ctx) }
        ctx.setTimer(.heartbeat, after: config.heartbeat)
    }
}
