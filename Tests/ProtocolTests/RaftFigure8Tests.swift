import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// Figure 8 of the Raft paper, played step by step with `batch=1` (one entry per
/// AppendEntries, as in RaftScope) on a 5-node cluster with 10 ms links, steered with
/// `timeout`, `cut`, `kill` and `restart`. S1..S5 of the paper are n1..n5.
///
/// Index 1 (term 1) is everywhere first: n5 leads term 1 and its no-op is committed.
/// (a) n1 leads term 2; its no-op, index 2 of term 2, reaches only n2.
/// (b) n1 crashes; n5 wins term 3 with n3 and n4 (n2 refuses: its log is more up-to-date),
///     appends index 2 of term 3, and crashes before sending it anywhere.
/// (c) n1 restarts and wins term 4 (term 3 is taken), appends its no-op 3/4, and copies 2/2
///     to n3 by the nextIndex back-off. Index 2 is now on n1, n2, n3 — a majority — but it is
///     not committed: only an entry of the current term commits by counting, and 3/4 is on
///     n1 and n2 only (n3's copy is cut off in flight).
/// (d) n1 crashes; n5 wins term 5 with n3 and n4 (n2 refuses: it holds the term-4 no-op) and
///     overwrites index 2 everywhere with its 2/3 — allowed, because 2/2 was never committed.
/// (e) Had n1 got 3/4 to a majority first, index 2 and 3 would be committed, and n5 could
///     never win again.
///
/// The paper's figure has S5 win with S2, S3 and S4. Here n2 refuses in (d), because n1 can
/// learn that n2 holds index 2 only from n2's answer to an AppendEntries that also carries
/// the no-op 3/4 (nextIndex starts after the leader's last entry, and n2 matches at once).
@Suite struct RaftFigure8Tests {
    /// The cluster after (c): n1 leads term 4 and has sent 2/2 to n3, but not 3/4.
    static func playToC(bugs: [String]) throws -> Simulation<RaftNode> {
        var sim = try storyCluster(options: [("batch", "1")], bugs: bugs)
        let ok1 = try sim.elect(5)
        #expect(ok1)
        sim.run(for: .milliseconds(100))
        for node in 1...5 { #expect(sim.logOf(node) == "1/1") }
        #expect(sim.node(5).commitIndex == 1)

        // (a) n1 leads term 2; its no-op 2/2 reaches n2 only.
        let ok2 = try sim.elect(1)
        #expect(ok2)
        #expect(sim.node(1).currentTerm == 2)
        for other in 3...5 { try sim.cut(n(1), n(other), bothWays: false) }
        sim.run(for: .milliseconds(100))
        #expect(sim.logOf(1) == "1/1 2/2")
        #expect(sim.logOf(2) == "1/1 2/2")
        for other in 3...5 { #expect(sim.logOf(other) == "1/1") }
        #expect(sim.node(1).commitIndex == 1)

        // (b) n1 crashes; n5 wins term 3 with n3 and n4; n2 refuses.
        try sim.crashThenHeal(1)
        let ok3 = try sim.elect(5)
        #expect(ok3)
        #expect(sim.node(5).currentTerm == 3)
        #expect(sim.node(2).currentTerm == 3 && sim.node(2).votedFor == nil)
        #expect(sim.node(3).votedFor == n(5) && sim.node(4).votedFor == n(5))
        for other in 1...4 { try sim.cut(n(5), n(other), bothWays: false) }
        sim.run(for: .milliseconds(50))
        #expect(sim.logOf(5) == "1/1 2/3")
        try sim.crashThenHeal(5)

        // (c) n1 restarts; term 3 is taken (n3 and n4 voted for n5), so it wins term 4.
        try sim.restart(n(1))
        let ok4 = try sim.elect(1, within: .milliseconds(50))
        #expect(ok4 == false)
        let ok5 = try sim.elect(1)
        #expect(ok5)
        #expect(sim.node(1).currentTerm == 4)
        try sim.cut(n(1), n(4), bothWays: false)
        // n3 rejects prev=2/2, the leader backs off to nextIndex 2 and sends 2/2 ...
        let ok6 = sim.step(until: { $0.node(1).matchIndex[2] == 2 })
        #expect(ok6)
        // ... and 3/4 right behind it, which is cut off in flight.
        try sim.cut(n(1), n(3), bothWays: false)
        sim.run(for: .milliseconds(100))
        #expect(sim.logOf(1) == "1/1 2/2 3/4")
        #expect(sim.logOf(2) == "1/1 2/2 3/4")
        #expect(sim.logOf(3) == "1/1 2/2")
        #expect(sim.logOf(4) == "1/1")
        return sim
    }

    /// (d): n1 crashes, n5 restarts and wins term 5 with n3 and n4.
    static func playD(_ sim: inout Simulation<RaftNode>) throws {
        try sim.crashThenHeal(1)
        try sim.restart(n(5))
        #expect(try sim.elect(5, within: .milliseconds(50)) == false)  // term 4 is taken
        let ok7 = try sim.elect(5)
        #expect(ok7)
        #expect(sim.node(5).currentTerm == 5)
        #expect(sim.node(2).votedFor == nil)  // n2 holds 3/4 and refuses
    }

    @Test func indexTwoIsNotCommittedByCountingAndMayBeOverwritten() throws {
        var sim = try Self.playToC(bugs: [])
        // (c) 2/2 is on a majority, but not committed: log[2].term is 2, not currentTerm 4.
        // (n1's commitIndex is volatile: since its restart it has committed nothing at all.)
        #expect(sim.node(1).commitIndex == 0)
        try Self.playD(&sim)
        sim.run(for: .milliseconds(300))
        // (d) n5 overwrites index 2 with 2/3 and commits it with its own no-op 3/5.
        for node in 2...5 { #expect(sim.logOf(node) == "1/1 2/3 3/5") }
        #expect(sim.node(5).commitIndex == 3)
        #expect(sim.violations.isEmpty)
    }

    @Test func withCommitOldTermsTheMonitorsCatchTheOverwrite() throws {
        var sim = try Self.playToC(bugs: ["commit-old-terms"])
        // (c) the bug commits 2/2 by counting n1, n2, n3.
        #expect(sim.node(1).commitIndex == 2)
        #expect(sim.violations.isEmpty)
        try Self.playD(&sim)
        // (d) n5 leads term 5 without the committed 2/2 ...
        #expect(sim.violatedProperties == ["LeaderCompleteness"])
        #expect(sim.violations.first?.message == "n5 leads term 5 without entry 2/2, committed in term 4 (holds 2/3 instead)")
        // ... and once it overwrites index 2 and applies 2/3, State Machine Safety breaks too.
        for _ in 0..<5 { sim.run(for: .milliseconds(100)) }
        #expect(sim.violatedProperties.contains("StateMachineSafety"))
        #expect(sim.logOf(3) == "1/1 2/3 3/5")
    }

    @Test func onceAnEntryOfTheLeadersTermIsOnAMajorityTheOldLeaderCannotWin() throws {
        var sim = try Self.playToC(bugs: [])
        // (e) instead of crashing, n1 gets 3/4 to n3 and n4: 3/4, and with it 2/2, commit.
        sim.heal()
        sim.run(for: .milliseconds(200))
        #expect(sim.node(1).commitIndex == 3)
        for node in 1...4 { #expect(sim.logOf(node) == "1/1 2/2 3/4") }
        try sim.kill(n(1))
        try sim.restart(n(5))
        for _ in 0..<3 {
            let ok8 = try sim.elect(5, within: .milliseconds(100))
            #expect(ok8 == false)
        }
        #expect(sim.node(5).role == "candidate")
        #expect(sim.violations.isEmpty)
    }
}

extension Simulation where Node == RaftNode {
    /// Crashes node `number`, lets what it already sent die at the cuts (one latency), then
    /// heals every cut.
    mutating func crashThenHeal(_ number: Int) throws {
        try kill(n(number))
        run(for: .milliseconds(15))
        heal()
    }
}
