import LightconeSimulation

/// Knowing one's quorum: the rule that makes `kv-cp` refuse at once instead of hanging.
///
/// A node vouches for a quorum while it has heard from a majority (itself included)
/// within one election timeout (the shortest, `electionMin`):
/// - a leader counts the replies of its current term (Raft's `lastHeard`); when a heartbeat
///   finds it has heard from no majority for that long it steps down (etcd's CheckQuorum,
///   ZooKeeper's leader abandoning a lost quorum of followers);
/// - a follower counts its leader's majority: it vouches while it heard from the leader of
///   its term within one election timeout, because a leader that lost its majority steps down;
/// - a candidate vouches for nothing.
/// So a node cut off from a majority learns it within one election timeout (two for a
/// follower of a leader cut off with it), and from then on refuses with
/// `unavailable: no quorum`.
extension RaftNode {
    /// Whether this server has heard from a majority (itself included) within `window` before `now`.
    public func vouchesForQuorum(now: SimTime, window: SimDuration) -> Bool {
        switch raftRole {
        case .leader:
            return heardFromMajority(now: now, window: window)
        case .follower:
            guard leaderId != nil, let contact = leaderContact else { return false }
            return contact >= now - window
        case .candidate:
            return false
        }
    }

    /// Leaders: whether replies of the current term came from a majority within `window`.
    func heardFromMajority(now: SimTime, window: SimDuration) -> Bool {
        guard raftRole == .leader, lastHeard.count == nodeCount else { return false }
        let since = now - window
        let heard = (0..<nodeCount).count(where: { $0 == id.index || lastHeard[$0] >= since })
        return heard >= majority
    }

    /// Leaders: step down to follower in the current term (CheckQuorum).
    mutating func stepDownForLostQuorum(_ ctx: inout Context<RaftNode>) {
        becomeFollower(term: currentTerm, &ctx)
    }
}
