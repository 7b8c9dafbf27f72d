import Testing
@testable import LightconeSimulation
@testable import LightconeProtocols
import LightconeCheckers

/// One test per rule of Multi-Paxos ("Paxos Made Simple" §3) as Lightcone implements it, on
/// a 5-node cluster with 10 ms links and the live monitors on. Each fails when its rule is
/// taken out (`skip-promise-value` takes out the re-proposal on purpose).
@Suite struct PaxosMultiRuleTests {
    func b(_ round: Int, _ node: Int) -> Ballot { Ballot(round: round, node: n(node)) }

    func multiCluster(seed: UInt64 = 1, bugs: [String] = []) throws -> Simulation<PaxosNode> {
        var sim = try Simulation<PaxosNode>(nodeCount: 5, seed: seed, options: [("mode", "multi")])
        sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
        PaxosChecker.configure(&sim)
        for bug in bugs { try sim.enableBug(bug) }
        return sim
    }

    /// Fires node `number`'s election timeout and runs until it leads.
    func elect(_ number: Int, _ sim: inout Simulation<PaxosNode>) throws {
        try sim.forceTimeout([n(number)])
        let outcome = sim.run(until: .leader(n(number)), deadline: sim.now + .milliseconds(200))
        try #require(outcome?.holds == true)
    }

    func submit(_ words: String, via node: Int, _ sim: inout Simulation<PaxosNode>) throws {
        let parts = words.split(separator: " ").map(String.init)
        _ = try sim.submit(Operation(name: parts[0], key: parts[1], input: Array(parts.dropFirst(2))), via: n(node))
    }

    func sentTexts(_ sim: Simulation<PaxosNode>, containing text: String) -> [String] {
        sim.traceLines(from: 0, notableOnly: false, node: nil).filter { $0.contains("->") && $0.contains(text) }
    }

    /// What node `number` accepted for `slot`, as `ballot value`.
    func slot(_ slot: Int, on number: Int, _ sim: Simulation<PaxosNode>) -> String {
        sim.node(number).multi.proposal(at: slot).map { "\($0.ballot) \($0.value)" } ?? "-"
    }

    // MARK: Phase 1 once, phase 2 per slot

    /// A leader runs phase 1 once for all slots, from the first it has not learned; then
    /// commands need no more prepares.
    @Test func aLeaderRunsPhase1OnceFromItsFirstUnchosenSlot() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        for value in 1...3 {
            try submit("put k \(value)", via: 1, &sim)
            sim.run(for: .milliseconds(50))
        }
        sim.run(for: .seconds(1))
        #expect(sentTexts(sim, containing: "Prepare").count == 4)   // one to each peer
        #expect(sentTexts(sim, containing: "Prepare").allSatisfy { $0.hasSuffix("Prepare 1.n1 from=#1") })
        #expect(sim.node(2).multi.learnedThrough == 3)
        try sim.kill(n(1))
        try sim.forceTimeout([n(2)])
        let prepares = sim.messagesInFlight.filter { $0.label.hasPrefix("P ") }
        #expect(prepares.map(\.text) == Array(repeating: "Prepare 2.n2 from=#4", count: 4))
        #expect(sim.violations.isEmpty)
    }

    /// Phase 2 per slot: each command gets the leader's next slot in its ballot, and is
    /// chosen one round trip later (accept, accepted), with no phase 1.
    @Test func aLeaderRunsPhase2PerSlot() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        sim.run(for: .milliseconds(100))
        try submit("put a 1", via: 1, &sim)
        try submit("put b 2", via: 1, &sim)
        sim.run(for: .milliseconds(1))   // the requests reach n1
        let accepts = sim.messagesInFlight.filter { $0.to == n(2) && $0.label.hasPrefix("A ") }
        #expect(accepts.map(\.text) == ["Accept 1.n1 #1 [put a 1] chosen=0", "Accept 1.n1 #2 [put b 2] chosen=0"])
        #expect(slot(1, on: 1, sim) == "1.n1 put a 1")
        #expect(slot(2, on: 1, sim) == "1.n1 put b 2")
        sim.run(for: .milliseconds(19))
        #expect(sim.history.map(\.outcome) == [.ok, .ok])
        #expect(sim.history.map { ($0.completeTime ?? 0) - $0.invokeTime } == [.milliseconds(20), .milliseconds(20)])
        #expect(sentTexts(sim, containing: "Prepare").count == 4)
    }

    /// At most two Accepts with values are in flight to one follower (`window`); the slots
    /// that wait go out together with the first reply.
    @Test func atMostTwoAcceptsAreInFlightToAFollowerAndTheRestGoAsABatch() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        sim.run(for: .milliseconds(100))
        for value in 1...4 { try submit("put k\(value) \(value)", via: 1, &sim) }
        sim.run(for: .milliseconds(1))
        let toN2 = { (sim: Simulation<PaxosNode>) in sim.messagesInFlight.filter { $0.to == n(2) && $0.label.hasPrefix("A ") }.map(\.text) }
        #expect(toN2(sim) == ["Accept 1.n1 #1 [put k1 1] chosen=0", "Accept 1.n1 #2 [put k2 2] chosen=0"])
        sim.run(for: .milliseconds(19))   // n2's reply for slot 1 is back at n1
        let batch = toN2(sim)
        #expect(batch.count == 1 && batch[0].hasPrefix("Accept 1.n1 #3..#4 [put k3 3, put k4 4]"), "\(batch)")
        sim.run(for: .milliseconds(20))
        #expect(sim.history.map(\.outcome) == [.ok, .ok, .ok, .ok])
    }

    // MARK: Heartbeats and elections

    /// The leader's heartbeats keep the followers from running phase 1: ten seconds later
    /// the same leader leads the same ballot, and nobody prepared again.
    @Test func heartbeatsKeepFollowersFromRunningPhase1() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        sim.run(for: .seconds(10))
        #expect(sim.leader == n(1))
        #expect(sim.nodes.allSatisfy { $0.promised == b(1, 1) })
        #expect(sentTexts(sim, containing: "Prepare").count == 4)
    }

    /// A follower that hears no heartbeat for its election timeout (150-300 ms, drawn at
    /// random) runs phase 1 with a ballot above the leader's.
    @Test func aFollowerThatMissesHeartbeatsRunsPhase1WithAHigherBallot() throws {
        var delays: [SimDuration] = []
        for seed in UInt64(1)...8 {
            var sim = try multiCluster(seed: seed)
            try elect(1, &sim)
            sim.run(for: .milliseconds(100))
            try sim.isolate(n(1))
            let isolatedAt = sim.now
            var candidate: PaxosNode?
            for _ in 0..<10_000 where candidate == nil {
                guard sim.step(1) == 1 else { break }
                candidate = sim.nodes.first { $0.multi.isCandidate }
            }
            let node = try #require(candidate, "seed \(seed)")
            let delay = sim.now - isolatedAt
            // The last heartbeat reached it at most 50 ms before the isolation (or 10 ms after).
            #expect(delay >= .milliseconds(100) && delay <= .milliseconds(310), "seed \(seed): \(delay)")
            #expect(node.ballot > b(1, 1), "seed \(seed)")
            #expect(node.id != n(1))
            delays.append(delay)
        }
        #expect(Set(delays).count > 4)   // randomized, so that one candidate usually runs alone
    }

    // MARK: A new leader

    /// A value accepted by a minority (n1, n2) is reported in n2's promise; the new leader
    /// proposes it again in its own ballot, and it is chosen. With `skip-promise-value` the
    /// leader proposes a no-op instead.
    @Test func aNewLeaderReProposesTheValuesReportedInPromises() throws {
        for bugs in [[], ["skip-promise-value"]] {
            var sim = try multiCluster(bugs: bugs)
            try elect(1, &sim)
            sim.run(for: .milliseconds(100))
            for peer in 3...5 { try sim.cut(n(1), n(peer), bothWays: false) }
            try submit("put b 2", via: 1, &sim)
            sim.run(for: .milliseconds(15))
            #expect(slot(1, on: 2, sim) == "1.n1 put b 2")
            try sim.kill(n(1))
            sim.heal()
            try elect(3, &sim)
            sim.run(for: .milliseconds(100))
            if bugs.isEmpty {
                #expect(slot(1, on: 3, sim) == "2.n3 put b 2")
                #expect(sim.node(4).multi.store["b"] == "2")
            } else {
                #expect(slot(1, on: 3, sim) == "2.n3 noop")
                #expect(sim.node(4).multi.store["b"] == nil)
            }
        }
    }

    /// Issue 10's story: slot 2 reached nobody but n1, slot 3 reached n2. The new leader n3
    /// re-proposes slot 3, fills the hole at slot 2 with a no-op, and only then takes new
    /// commands (slot 4).
    @Test func aNewLeaderFillsHolesWithNoOpsBeforeNewCommands() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        try submit("put a 1", via: 1, &sim)
        sim.run(for: .milliseconds(100))
        for peer in 3...5 { try sim.cut(n(1), n(peer), bothWays: false) }
        try sim.hold(n(1), n(2))
        try submit("put b 2", via: 1, &sim)
        sim.run(for: .milliseconds(5))
        let slot2 = try #require(sim.messagesInFlight.first { $0.to == n(2) && $0.text.contains("#2 [put b 2]") })
        try sim.dropMessage(slot2.id)
        try submit("put c 3", via: 1, &sim)
        sim.run(for: .milliseconds(5))
        _ = try sim.release(n(1), n(2))
        sim.run(for: .milliseconds(30))
        #expect(slot(2, on: 2, sim) == "-")
        #expect(slot(3, on: 2, sim) == "1.n1 put c 3")
        try sim.kill(n(1))
        sim.heal()
        try elect(3, &sim)
        try submit("put d 4", via: 3, &sim)
        sim.run(for: .milliseconds(1))
        #expect(slot(2, on: 3, sim) == "2.n3 noop")
        #expect(slot(3, on: 3, sim) == "2.n3 put c 3")
        #expect(slot(4, on: 3, sim) == "2.n3 put d 4")
        sim.run(for: .milliseconds(200))
        #expect(sim.node(3).multi.learnedThrough == 4)
        #expect(sim.node(3).multi.store["b"] == nil)
        #expect(sim.node(3).multi.store["c"] == "3")
        #expect(sim.node(3).multi.store["d"] == "4")
        #expect(sim.violations.isEmpty)
    }

    // MARK: Learning and applying

    /// A follower learns the leader's chosen prefix only as far as it holds the leader's
    /// values without a gap, and applies the learned slots in slot order.
    @Test func chosenSlotsAreAppliedInOrder() throws {
        var follower = PaxosHarness(id: 2)
        let leader = b(1, 1)
        let x1 = PaxosValue.command(.put(key: "x", value: "1"), origin: n(1), serial: 1)
        let x2 = PaxosValue.command(.put(key: "x", value: "2"), origin: n(1), serial: 2)
        follower.receive(.accept(leader, from: 2, values: [x2], chosen: 0), from: 1)
        follower.receive(.accept(leader, from: 3, values: [], chosen: 2), from: 1)
        #expect(follower.node.multi.learnedThrough == 0)   // slot 1 is missing
        #expect(follower.node.multi.applied == 0)
        #expect(follower.node.multi.store["x"] == nil)
        follower.receive(.accept(leader, from: 1, values: [x1], chosen: 2), from: 1)
        #expect(follower.node.multi.learnedThrough == 2)
        #expect(follower.node.multi.applied == 2)
        #expect(follower.node.multi.store["x"] == "2")      // put x 1, then put x 2
    }

    /// `committed N`: N slots are chosen and applied on a majority of the nodes that are up
    /// (the leader alone is not enough; followers apply when the chosen prefix reaches them).
    @Test func committedCountsSlotsAppliedOnAMajority() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        sim.run(for: .milliseconds(100))
        try submit("put a 1", via: 1, &sim)
        sim.run(for: .milliseconds(20))
        #expect(sim.node(1).multi.applied == 1)
        #expect(!sim.holds(PaxosNode.committed(1)))
        sim.run(for: .milliseconds(60))   // the next heartbeat carries chosen=1
        #expect(sim.holds(PaxosNode.committed(1)))
        #expect(!sim.holds(PaxosNode.committed(2)))
        for peer in 3...5 { try sim.kill(n(peer)) }
        #expect(!sim.holds(PaxosNode.committed(1)))   // n1 and n2 are not a majority of 5
    }

    /// Reads go through the log: a `get` takes a slot and is answered when it is applied,
    /// so a leader cut off from the majority cannot answer a stale value.
    @Test func readsGoThroughTheLog() throws {
        var sim = try multiCluster()
        try elect(1, &sim)
        try submit("put x 1", via: 1, &sim)
        sim.run(for: .milliseconds(100))
        try sim.isolate(n(1))
        try elect(2, &sim)
        try submit("put x 2", via: 2, &sim)
        sim.run(for: .milliseconds(50))
        #expect(sim.history[1].outcome == .ok)
        try submit("get x", via: 2, &sim)
        #expect(sim.history[2].outcome == .pending)
        sim.run(for: .milliseconds(20))
        #expect(sim.history[2].outcome == .ok)
        #expect(sim.history[2].output == "2")
        #expect(slot(3, on: 2, sim) == "2.n2 get x")   // #2 is put x 2
        #expect(sim.node(1).multi.isLeader)          // it has not heard of 2.n2
        try submit("get x", via: 1, &sim)
        sim.run(for: .seconds(2))
        #expect(sim.history[3].outcome == .unknown)   // never chosen: no answer, and not x=1
        #expect(sim.violations.isEmpty)
    }
}

/// One PaxosNode driven by hand: messages in, recorded effects out.
struct PaxosHarness {
    var node: PaxosNode
    var effects: [Effect<PaxosNode>] = []
    var now: SimTime = 0
    var rng = SeededGenerator(seed: 7)

    init(id: Int, nodeCount: Int = 5, options: [(key: String, value: String)] = [("mode", "multi")]) {
        let config = (try? PaxosConfig.parse(options, nodeCount: nodeCount)) ?? PaxosConfig()
        node = PaxosNode(id: n(id), nodeCount: nodeCount, config: config)
    }

    mutating func receive(_ message: PaxosMessage, from sender: Int) {
        var ctx = Context<PaxosNode>(now: now, id: node.id, nodeCount: node.nodeCount, rng: rng, bugs: 0, effects: [])
        node.receive(message, from: n(sender), &ctx)
        rng = ctx.rng
        effects = ctx.effects
    }
}
