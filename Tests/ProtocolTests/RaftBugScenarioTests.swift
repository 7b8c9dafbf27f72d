import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// One scripted scenario per teaching bug: with the bug on it ends in the violation every
/// time; the same story without the bug is safe. (`commit-old-terms` is Figure 8, in
/// `RaftFigure8Tests`.)
@Suite struct RaftBugScenarioTests {
    /// n1 leads term 1 and commits `put x 1` with n2 and n3 only; then n4, cut off until
    /// now and with a shorter log, stands for election with n2 and n5.
    static func staleCandidate(bugs: [String]) throws -> Simulation<RaftNode> {
        var sim = try storyCluster(bugs: bugs)
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        try sim.partition([[n(1), n(2), n(3)], [n(4), n(5)]])
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        sim.run(for: .milliseconds(100))
        #expect(sim.history.first?.outcome == .ok)
        #expect(sim.node(1).commitIndex == 2)
        try sim.partition([[n(2), n(4), n(5)], [n(1), n(3)]])
        _ = try sim.elect(4)
        return sim
    }

    @Test func noVoteRestrictionElectsALeaderWithoutACommittedEntry() throws {
        let sim = try Self.staleCandidate(bugs: ["no-vote-restriction"])
        #expect(sim.leader == n(4))
        #expect(sim.violatedProperties == ["LeaderCompleteness"])
        #expect(sim.violations.first?.message == "n4 leads term 2 without entry 2/1, committed in term 1 (holds 2/2 instead)")
    }

    @Test func withTheVoteRestrictionTheStaleCandidateLoses() throws {
        var sim = try Self.staleCandidate(bugs: [])
        sim.run(for: .milliseconds(200))
        #expect(sim.node(4).role == "candidate")
        #expect(sim.node(2).votedFor == nil)
        #expect(sim.violations.isEmpty)
    }

    /// n1 and n2 stand in term 1 on two sides of a partition; n3 votes for n1, crashes and
    /// restarts, and moves to n2's side, where n2 asks it again (§5.1).
    static func doubleVote(bugs: [String]) throws -> Simulation<RaftNode> {
        var sim = try storyCluster(bugs: bugs)
        try sim.partition([[n(1), n(3), n(4)], [n(2), n(5)]])
        try sim.forceTimeout([n(1), n(2)])
        _ = sim.run(until: .leader(n(1)), deadline: .milliseconds(100))
        #expect(sim.node(3).votedFor == n(1))
        try sim.kill(n(3))
        try sim.restart(n(3))
        try sim.partition([[n(1), n(4)], [n(2), n(3), n(5)]])
        sim.run(for: .milliseconds(200))
        return sim
    }

    @Test func volatileVoteElectsTwoLeadersInOneTerm() throws {
        let sim = try Self.doubleVote(bugs: ["volatile-vote"])
        #expect(sim.violatedProperties == ["ElectionSafety"])
        #expect(sim.violations.first?.message == "two leaders in term 1: n1 and n2")
    }

    @Test func aDurableVoteIsNotCastTwice() throws {
        let sim = try Self.doubleVote(bugs: [])
        #expect(sim.node(3).votedFor == n(1))
        #expect(sim.node(2).role == "candidate")
        #expect(sim.violations.isEmpty)
    }

    /// n1, leader of term 1, is cut off with an uncommitted `put x stale`; n2 wins term 2 and
    /// commits its no-op at the same index. Then only n1's messages reach n3 and n4, n2
    /// crashes, and n3 stands for election.
    static func staleLeader(bugs: [String]) throws -> Simulation<RaftNode> {
        var sim = try storyCluster(bugs: bugs)
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        try sim.partition([[n(1)], [n(2), n(3), n(4)], [n(5)]])
        try sim.submit(Operation(name: "put", key: "x", input: ["stale"]), via: n(1))
        sim.run(for: .milliseconds(50))
        _ = try sim.elect(2)
        sim.run(for: .milliseconds(100))
        #expect(sim.node(3).commitIndex == 2)
        #expect(sim.logOf(1) == "1/1 2/1")
        #expect(sim.logOf(3) == "1/1 2/2")
        sim.heal()
        for (a, b) in [(1, 2), (1, 5), (2, 3), (2, 4), (2, 5)] { try sim.cut(n(a), n(b), bothWays: true) }
        for follower in [3, 4] { try sim.cut(n(follower), n(1), bothWays: false) }
        sim.run(for: .milliseconds(100))  // n1's heartbeats reach n3 and n4
        try sim.kill(n(2))
        _ = try sim.elect(3)
        return sim
    }

    @Test func noTermCheckLetsAStaleLeaderOverwriteACommittedEntry() throws {
        let sim = try Self.staleLeader(bugs: ["no-term-check"])
        #expect(sim.logOf(4).hasPrefix("1/1 2/1"))
        #expect(sim.violatedProperties == ["LeaderCompleteness"])
        #expect(sim.violations.first?.message == "n3 leads term 3 without entry 2/2, committed in term 2 (holds 2/1 instead)")
    }

    @Test func followersRejectAStaleLeader() throws {
        var sim = try Self.staleLeader(bugs: [])
        sim.run(for: .milliseconds(200))
        #expect(sim.leader == n(3))
        #expect(sim.logOf(4) == "1/1 2/2 3/3")
        #expect(sim.violations.isEmpty)
    }
}
