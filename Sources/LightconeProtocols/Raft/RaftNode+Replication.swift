import LightconeSimulation

/// Log replication (§5.3, §5.4.2): AppendEntries, its receiver, and the leader's commitIndex.
extension RaftNode {
    /// Leaders: append an entry of currentTerm to the own log. (A one-server cluster is its
    /// own majority: the caller then advances commitIndex at once.)
    mutating func appendToOwnLog(_ command: RaftCommand, _ ctx: inout Context<RaftNode>) {
        log.append(RaftEntry(term: currentTerm, command: command))
    }

    /// Leaders: if last log index >= nextIndex for a follower, send AppendEntries with log
    /// entries starting at nextIndex (at most `batch`); otherwise an empty one (a heartbeat).
    mutating func sendAppendEntries(to peer: NodeID, _ ctx: inout Context<RaftNode>) {
        let next = min(nextIndex[peer.index], log.lastIndex + 1)
        let prevLogIndex = next - 1
        let entries = log.entries(from: next, limit: config.batch)
        let request = AppendEntries(term: currentTerm, leaderId: id, prevLogIndex: prevLogIndex,
                                    prevLogTerm: log.term(at: prevLogIndex) ?? 0, entries: entries,
                                    leaderCommit: commitIndex)
        lastSent[peer.index] = ctx.now
        if !entries.isEmpty { awaitingReply[peer.index] = true }
        ctx.send(.appendEntries(request), to: peer)
    }

    /// Leaders: new entries go out at once to every follower not already waiting on a reply
    /// (those get them with the reply or the next heartbeat).
    mutating func replicateNewEntries(_ ctx: inout Context<RaftNode>) {
        for index in 0..<nodeCount where index != id.index && !awaitingReply[index] {
            sendAppendEntries(to: NodeID(index: index), &ctx)
        }
    }

    /// Leaders: send AppendEntries to each follower idle for a heartbeat interval, to
    /// prevent election timeouts (§5.2).
    mutating func sendHeartbeats(_ ctx: inout Context<RaftNode>) {
        for index in 0..<nodeCount where index != id.index && ctx.now - lastSent[index] >= config.heartbeat {
            sendAppendEntries(to: NodeID(index: index), &ctx)
        }
    }

    /// AppendEntries receiver (currentTerm is already at least the leader's term, unless
    /// the request is stale):
    /// 1. Reply false if term < currentTerm.
    /// 2. Reply false if the log does not contain an entry at prevLogIndex whose term matches prevLogTerm.
    /// 3. If an existing entry conflicts with a new one (same index, different terms),
    ///    delete the existing entry and all that follow it.
    /// 4. Append any new entries not already in the log.
    /// 5. If leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry).
    mutating func handleAppendEntries(_ request: AppendEntries, _ ctx: inout Context<RaftNode>) {
        if request.term < currentTerm && !ctx.isBugOn(Bug.noTermCheck) {
            reply(success: false, matchIndex: log.lastIndex, to: request.leaderId, &ctx)
            return
        }
        // Candidates: if AppendEntries is received from the new leader, convert to follower.
        if raftRole != .follower { becomeFollower(term: currentTerm, &ctx) }
        leaderId = request.leaderId
        leaderContact = ctx.now
        // Followers: hearing from the current leader resets the election timeout.
        resetElectionTimer(&ctx)

        guard let term = log.term(at: request.prevLogIndex), term == request.prevLogTerm else {
            reply(success: false, matchIndex: log.lastIndex, to: request.leaderId, &ctx)
            return
        }
        var index = request.prevLogIndex
        for entry in request.entries {
            index += 1
            if let existing = log.term(at: index) {
                if existing == entry.term { continue }
                log.truncate(from: index)
            }
            log.append(entry)
        }
        let lastNewEntry = request.prevLogIndex + request.entries.count
        if request.leaderCommit > commitIndex {
            commitIndex = max(commitIndex, min(request.leaderCommit, lastNewEntry))
            applyCommitted(&ctx)
        }
        reply(success: true, matchIndex: lastNewEntry, to: request.leaderId, &ctx)
    }

    mutating func reply(success: Bool, matchIndex: Int, to leader: NodeID, _ ctx: inout Context<RaftNode>) {
        ctx.send(.appendEntriesReply(AppendEntriesReply(term: currentTerm, success: success, matchIndex: matchIndex)), to: leader)
    }

    /// Leaders: if successful, update nextIndex and matchIndex for the follower; if
    /// AppendEntries fails because of log inconsistency, decrement nextIndex and retry.
    mutating func handleAppendEntriesReply(_ reply: AppendEntriesReply, from peer: NodeID, _ ctx: inout Context<RaftNode>) {
        guard raftRole == .leader, reply.term == currentTerm else { return }
        let p = peer.index
        lastHeard[p] = ctx.now
        awaitingReply[p] = false
        if reply.success {
            nextIndex[p] = max(nextIndex[p], reply.matchIndex + 1)
            if reply.matchIndex > matchIndex[p] {
                matchIndex[p] = reply.matchIndex
                advanceCommitIndex(&ctx)
            }
            if nextIndex[p] <= log.lastIndex { sendAppendEntries(to: peer, &ctx) }
        } else {
            // Back off by one, or straight below the follower's last entry when its log is
            // shorter; never below what it is known to match.
            let backedOff = min(nextIndex[p] - 1, reply.matchIndex + 1)
            nextIndex[p] = max(matchIndex[p] + 1, backedOff)
            sendAppendEntries(to: peer, &ctx)
        }
    }

    /// Leaders: if there exists an N such that N > commitIndex, a majority of
    /// matchIndex[i] >= N, and log[N].term == currentTerm: set commitIndex = N (§5.3, §5.4.2).
    /// Entries of earlier terms are committed only indirectly, by a later entry of the
    /// current term (Figure 8) — unless the `commit-old-terms` bug is on.
    mutating func advanceCommitIndex(_ ctx: inout Context<RaftNode>) {
        // The largest N stored on a majority: the largest matchIndex that at least a
        // majority of servers (the leader counting its own last index) have reached.
        // (Quadratic in the cluster size, which is small, and free of allocation.)
        var n = 0
        for candidate in 0..<nodeCount {
            let value = candidate == id.index ? log.lastIndex : matchIndex[candidate]
            guard value > n, value > commitIndex else { continue }
            var count = 0
            for other in 0..<nodeCount where (other == id.index ? log.lastIndex : matchIndex[other]) >= value { count += 1 }
            if count >= majority { n = value }
        }
        guard n > commitIndex, let term = log.term(at: n) else { return }
        guard term == currentTerm || ctx.isBugOn(Bug.commitOldTerms) else { return }
        commitIndex = n
        ctx.note("committed \(n) (term \(term))")
        applyCommitted(&ctx)
    }
}
