import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// The Followers, Candidates and Leaders rules of Figure 2 (and §5.1, §8), on a simulated
/// cluster. Each test fails if its rule is removed.
@Suite struct RaftRuleTests {
    // MARK: Followers

    @Test func followersTimeOutWithoutALeaderAndStandForElection() throws {
        var sim = try Simulation<RaftNode>(nodeCount: 5, seed: 3)
        let outcome = sim.run(until: .leader(nil), deadline: .milliseconds(400))
        #expect(outcome?.holds == true)
        #expect(sim.now >= .milliseconds(150))  // not before the shortest election timeout
    }

    @Test func heartbeatsKeepFollowersFromStandingForElection() throws {
        var sim = try Simulation<RaftNode>(nodeCount: 5, seed: 3)
        sim.monitor = RaftSafetyMonitor()
        _ = sim.run(until: .leader(nil), deadline: .seconds(1))
        let leader = try #require(sim.leader)
        let term = sim.nodes[leader.index].currentTerm
        sim.run(for: .seconds(10))
        #expect(sim.leader == leader)
        #expect(sim.nodes.allSatisfy { $0.currentTerm == term })
    }

    // MARK: Candidates

    @Test func aNewCandidateIncrementsItsTermVotesForItselfAndAsksEveryone() throws {
        var sim = try storyCluster()
        try sim.forceTimeout([n(1)])
        #expect(sim.node(1).role == "candidate")
        #expect(sim.node(1).currentTerm == 1)
        #expect(sim.node(1).votedFor == n(1))
        let asks = sim.messagesInFlight.filter { $0.label == "RV" }
        #expect(asks.map(\.to) == [n(2), n(3), n(4), n(5)])
        #expect(asks.allSatisfy { $0.text == "RequestVote term=1 last=0/0" })
    }

    @Test func aCandidateWinsWithAMajorityAndOnlyWithOne() throws {
        var sim = try storyCluster()
        try sim.partition([[n(1), n(2)], [n(3), n(4), n(5)]])
        try sim.forceTimeout([n(1)])
        sim.run(for: .milliseconds(45))
        #expect(sim.node(1).role == "candidate")  // 2 votes of 5
        try sim.partition([[n(1), n(2), n(3)], [n(4), n(5)]])
        sim.run(for: .milliseconds(100))
        #expect(sim.node(1).role == "leader")  // 3 votes of 5
        #expect(sim.node(1).currentTerm == 1)
    }

    @Test func aCandidateResendsRequestVoteToPeersThatHaveNotAnswered() throws {
        // §5.1: the requests to n3..n5 die at the partition; after it heals, the resend at the
        // next heartbeat tick wins the election in the same term.
        var sim = try storyCluster()
        try sim.partition([[n(1), n(2)], [n(3), n(4), n(5)]])
        try sim.forceTimeout([n(1)])
        sim.run(for: .milliseconds(45))
        sim.heal()
        sim.run(for: .milliseconds(100))
        #expect(sim.node(1).role == "leader")
        #expect(sim.node(1).currentTerm == 1)
        let resent = sim.traceLines(from: 0, notableOnly: false, node: n(1)).filter { $0.contains("n1->n3 RequestVote") }
        #expect(resent.count >= 2)
        #expect(!sim.traceLines(from: 0, notableOnly: false, node: n(1)).contains { $0.contains("n1->n2 RequestVote") && $0.contains("t=50ms") })
    }

    @Test func aCandidateStartsANewElectionWhenItsTimeoutElapses() throws {
        var sim = try Simulation<RaftNode>(nodeCount: 5, seed: 1)
        try sim.isolate(n(1))
        try sim.forceTimeout([n(1)])
        sim.run(for: .seconds(1))
        #expect(sim.node(1).role == "candidate")
        #expect(sim.node(1).currentTerm >= 4)  // at most 300 ms per election
    }

    // MARK: Leaders

    @Test func aNewLeaderAppendsANoOpAndSendsItToEveryServer() throws {
        var sim = try storyCluster()
        _ = try sim.elect(1)
        #expect(sim.node(1).log.entries == [RaftEntry(term: 1, command: .noop)])
        let sent = sim.messagesInFlight.filter { $0.label == "AE" }
        #expect(sent.map(\.to) == [n(2), n(3), n(4), n(5)])
        #expect(sent.allSatisfy { $0.text == "AppendEntries term=1 prev=0/0 entries=[1/1] commit=0" })
        sim.run(for: .milliseconds(30))
        #expect(sim.node(1).commitIndex == 1)  // the no-op commits at once
    }

    @Test func aLeaderSendsHeartbeatsDuringIdlePeriods() throws {
        var sim = try storyCluster()
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(500))
        let heartbeats = sim.traceLines(from: 0, notableOnly: false, node: n(2))
            .filter { $0.contains("n1->n2 AppendEntries") && $0.contains("entries=[]") }
        #expect(heartbeats.count >= 9)  // every 50 ms
    }

    @Test func heartbeatRepliesUpdateMatchIndex() throws {
        // After a restart, n1's matchIndex knows nothing; a success reply to an empty
        // AppendEntries still proves the follower matches up to prevLogIndex.
        var sim = try storyCluster()
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        try sim.kill(n(1))
        try sim.restart(n(1))
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        #expect(sim.node(1).matchIndex[1...] == [2, 2, 2, 2])
        #expect(sim.node(1).nextIndex[1...] == [3, 3, 3, 3])
    }

    @Test func aLeaderBacksOffNextIndexOneEntryAtATimeOnConflicts() throws {
        // Figure 8 (d): n5 finds where n2's log agrees with its own, one index at a time.
        var sim = try RaftFigure8Tests.playToC(bugs: [])
        let start = sim.traceCount
        try RaftFigure8Tests.playD(&sim)
        sim.run(for: .milliseconds(200))
        let toN2 = sim.traceLines(from: start, notableOnly: false, node: n(2)).filter { $0.contains("n5->n2 AppendEntries") }
        #expect(toN2.prefix(2).map { $0.split(separator: " ").dropFirst(3).joined(separator: " ") } == [
            "AppendEntries term=5 prev=2/3 entries=[3/5] commit=0",
            "AppendEntries term=5 prev=1/1 entries=[2/3] commit=0",
        ])
        #expect(sim.logOf(2) == "1/1 2/3 3/5")
    }

    @Test func aLeaderCommitsOnlyEntriesOfItsOwnTermByCounting() throws {
        let sim = try RaftFigure8Tests.playToC(bugs: [])
        #expect(sim.node(1).matchIndex[1...] == [3, 2, 0, 0])  // 2/2 is on n1, n2, n3
        #expect(sim.node(1).commitIndex == 0)
    }

    @Test func aLeaderAnswersAClientOnlyAfterApplyingItsEntry() throws {
        var sim = try storyCluster()
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        let appended = sim.step(until: { $0.node(1).log.lastIndex == 2 })
        #expect(appended)
        #expect(sim.history[0].outcome == .pending)
        sim.run(for: .milliseconds(15))
        #expect(sim.history[0].outcome == .pending)  // replicated, not yet committed
        sim.run(for: .milliseconds(30))
        #expect(sim.history[0].outcome == .ok)
        #expect(sim.node(1).lastApplied == 2)
    }

    @Test func aDeposedLeaderLeavesItsClientsWithoutAnAnswer() throws {
        var sim = try storyCluster()
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        try sim.isolate(n(1))
        try sim.submit(Operation(name: "put", key: "x", input: ["lost"]), via: n(1))
        sim.run(for: .milliseconds(100))
        _ = try sim.elect(2)
        sim.heal()
        sim.run(for: .seconds(2))
        #expect(sim.node(1).role == "follower")
        #expect(sim.history[0].outcome == .unknown)
        #expect(sim.node(1).store["x"] == nil)
    }
}
