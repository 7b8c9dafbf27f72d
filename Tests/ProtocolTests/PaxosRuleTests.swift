import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// One test per rule of "Paxos Made Simple" §2 as Lightcone implements it; each fails when
/// its rule is taken out (the teaching bugs take three of them out on purpose).
@Suite struct PaxosRuleTests {
    func b(_ round: Int, _ node: Int) -> Ballot { Ballot(round: round, node: n(node)) }
    func propose(_ value: String, via node: Int, _ sim: inout Simulation<PaxosNode>) throws {
        _ = try sim.submit(Operation(name: "propose", input: [value]), via: n(node))
    }

    /// Ballots are (round, node), ordered by round then node, printed `3.n2`.
    @Test func ballotsOrderByRoundThenNode() {
        #expect(b(1, 2) > b(1, 1))
        #expect(b(2, 1) > b(1, 5))
        #expect(b(3, 2).description == "3.n2")
        #expect(Ballot.zero < b(1, 1))
        #expect(b(2, 1).ordinal > b(1, 5).ordinal)
    }

    /// P1a: an acceptor answers a prepare only if it has promised no higher ballot; a lower
    /// prepare gets a nack carrying the promise.
    @Test func acceptorNeverPromisesBelowItsPromise() throws {
        var sim = try paxosCluster(3)
        try propose("y", via: 2, &sim)      // prepare 1.n2 reaches n3 at 10 ms
        sim.run(for: .milliseconds(5))
        try propose("x", via: 1, &sim)      // prepare 1.n1 (lower) reaches n3 at 15 ms
        sim.run(for: .milliseconds(11))
        #expect(sim.node(3).promised == b(1, 2))
        #expect(sim.violations.isEmpty)
    }

    /// P2c: phase 2 proposes the value of the highest-ballot proposal the promises reported,
    /// so a chosen value stays chosen (the story, with three acceptors).
    @Test func proposerProposesTheReportedValue() throws {
        var sim = try chosenStaysChosenStory(bugs: [])
        #expect(sim.node(2).accepted == Proposal(ballot: b(2, 2), value: .plain("x")))
        #expect(sim.holds(PaxosNode.learned("x", on: n(3))))
        #expect(sim.holds(PaxosNode.chosen("x")))
        #expect(!sim.holds(PaxosNode.chosen("y")))
        #expect(sim.violations.isEmpty)
        sim.run(for: .seconds(1))
        #expect(sim.holds(PaxosNode.agreement))
    }

    /// skip-promise-value: the proposer sends its own y; y is chosen beside x and the
    /// Agreement monitor fires — every time (seeds 1..20).
    @Test func skipPromiseValueBreaksAgreementEveryTime() throws {
        for seed in UInt64(1)...20 {
            let sim = try chosenStaysChosenStory(bugs: ["skip-promise-value"], seed: seed)
            #expect(sim.violatedProperties == ["Agreement"], "seed \(seed)")
        }
    }

    /// `new paxos 3`, n3 down: x is chosen by n1 and n2 in 1.n1 (n2 never hears n1's Accepted,
    /// so it has not learned); then n1 dies, n3 comes back, and n2 proposes y.
    func chosenStaysChosenStory(bugs: [String], seed: UInt64 = 1) throws -> Simulation<PaxosNode> {
        var sim = try Simulation<PaxosNode>(nodeCount: 3, seed: seed)
        sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
        PaxosChecker.configure(&sim)
        for bug in bugs { try sim.enableBug(bug) }
        try sim.kill(n(3))
        try propose("x", via: 1, &sim)
        sim.run(for: .milliseconds(25))
        let toN2 = sim.messagesInFlight.first { $0.to == n(2) && $0.text.hasPrefix("Accepted") }
        try sim.dropMessage(try #require(toN2).id)
        sim.run(for: .milliseconds(50))
        #expect(sim.holds(PaxosNode.chosen("x")))
        #expect(sim.node(2).learned == nil)
        try sim.kill(n(1))
        try sim.restart(n(3))
        try propose("y", via: 2, &sim)
        sim.run(for: .milliseconds(100))
        return sim
    }

    /// §2.4 with `backoff=off`: two proposers that restart at once when they see a higher
    /// ballot duel forever; nothing is chosen and the ballots strictly increase.
    @Test func withoutBackoffTwoProposersDuelForever() throws {
        var sim = try duel(backoff: false)
        var last = sim.node(1).promised
        for _ in 0..<10 {
            sim.run(for: .milliseconds(200))
            #expect(sim.node(3).promised > last)
            last = sim.node(3).promised
        }
        #expect(!sim.holds(PaxosNode.chosen("x")) && !sim.holds(PaxosNode.chosen("y")))
        #expect(sim.nodes.allSatisfy { $0.learned == nil })
        #expect(sim.violations.isEmpty)
    }

    /// The acceptor rejects an accept below its promise (what ends each round of the duel);
    /// with accept-any-ballot it accepts, and the Promise monitor fires at the first one.
    @Test func acceptAnyBallotBreaksPromiseInTheDuel() throws {
        var sim = try duel(backoff: false, bugs: ["accept-any-ballot"])
        sim.run(for: .milliseconds(500))
        #expect(sim.violatedProperties.first == "Promise")
    }

    /// With the back-off the duel ends: a value is chosen and every learner learns it.
    @Test func withBackoffTheDuelEnds() throws {
        var sim = try duel(backoff: true)
        sim.run(for: .seconds(5))
        #expect(sim.nodes.allSatisfy { $0.learned != nil })
        #expect(sim.holds(PaxosNode.agreement))
        #expect(sim.violations.isEmpty)
    }

    /// P prepares at 0, Q at 150 ms, 100 ms links and 150 ms between them, retry=1s.
    func duel(backoff: Bool, bugs: [String] = []) throws -> Simulation<PaxosNode> {
        var sim = try paxosCluster(5, options: [("backoff", backoff ? "on" : "off"), ("retry", "1s")], bugs: bugs)
        sim.setNetwork(LinkSettingsChange(latency: .milliseconds(100) ... .milliseconds(100)))
        try sim.setLink(n(1), n(2), LinkSettingsChange(latency: .milliseconds(150) ... .milliseconds(150)))
        try propose("x", via: 1, &sim)
        sim.run(for: .milliseconds(150))
        try propose("y", via: 2, &sim)
        return sim
    }

    /// A proposer's next ballot is higher than any it has seen.
    @Test func nextBallotIsAboveEverySeenBallot() throws {
        var sim = try paxosCluster(3, options: [("backoff", "off")])
        try propose("x", via: 1, &sim)
        sim.run(for: .seconds(1))
        try propose("y", via: 3, &sim)   // learned already: answered at once
        #expect(sim.node(3).phase == .idle)
        #expect(sim.node(1).ballot == b(1, 1))
        var sim2 = try paxosCluster(3, options: [("backoff", "off")])
        try propose("x", via: 1, &sim2)
        sim2.run(for: .milliseconds(5))
        try propose("y", via: 2, &sim2)  // n2 has seen nothing yet: 1.n2 beats 1.n1
        sim2.run(for: .milliseconds(12))
        #expect(sim2.node(1).ballot.round == 2)  // n1 saw 1.n2 and went above it
    }

    /// Promised ballot and accepted proposal are durable across kill/restart; what the
    /// proposer was doing is not.
    @Test func promiseAndAcceptanceSurviveARestart() throws {
        var sim = try paxosCluster(3)
        try propose("x", via: 1, &sim)
        sim.run(for: .milliseconds(100))
        try sim.kill(n(2))
        try sim.restart(n(2))
        #expect(sim.node(2).promised == b(1, 1))
        #expect(sim.node(2).accepted == Proposal(ballot: b(1, 1), value: .plain("x")))
        try sim.kill(n(1))
        try sim.restart(n(1))
        #expect(sim.node(1).phase == .idle && sim.node(1).value == nil)
        #expect(sim.violations.isEmpty)
    }

    /// forget-promise: the promised ballot is lost on restart; the Promise monitor fires.
    @Test func forgetPromiseLosesThePromise() throws {
        var sim = try paxosCluster(3, bugs: ["forget-promise"])
        try propose("x", via: 1, &sim)
        sim.run(for: .milliseconds(100))
        try sim.kill(n(2))
        try sim.restart(n(2))
        #expect(sim.node(2).promised == .zero)
        #expect(sim.violatedProperties == ["Promise"])
    }

    /// With `leader=on` only the distinguished proposer proposes; it is chosen in one round
    /// (phase 2 only), and the others forward to it.
    @Test func distinguishedProposerChoosesInOneRound() throws {
        var sim = try paxosCluster(5, options: [("leader", "on")])
        let leader = sim.run(until: .leader(nil), deadline: .seconds(2))
        #expect(leader?.holds == true)
        let id = try #require(sim.leader)
        let ballot = sim.nodes[id.index].ballot
        let other = NodeID(index: (id.index + 1) % 5)
        _ = try sim.submit(Operation(name: "propose", input: ["x"]), via: other)
        _ = try sim.submit(Operation(name: "propose", input: ["y"]), via: id)
        sim.run(for: .milliseconds(100))   // one accept and its answers: 2 x 10 ms each way
        #expect(sim.nodes[id.index].ballot == ballot)
        #expect(sim.nodes.allSatisfy { $0.learned == .plain("y") })
        #expect(sim.history.allSatisfy { $0.outcome == .ok && $0.output == "y" })
        #expect(sim.nodes.enumerated().allSatisfy { $0.offset == id.index || $0.element.phase == .idle })
    }

    /// `proposers=n1,n2`: the others are acceptors and learners; a client at n3 is sent to n1.
    @Test func onlyNamedProposersPropose() throws {
        var sim = try paxosCluster(5, options: [("proposers", "n1,n2")])
        try propose("x", via: 3, &sim)
        sim.run(for: .milliseconds(200))
        #expect(sim.node(3).ballot == .zero)
        #expect(sim.node(1).ballot == b(1, 1))
        #expect(sim.history.first?.output == "x")
    }

    /// Bad options are one-line errors.
    @Test func badOptionsAreClearErrors() {
        #expect(throws: OptionError.self) { try PaxosConfig.parse([("mode", "fast")], nodeCount: 5) }
        #expect(throws: OptionError.self) { try PaxosConfig.parse([("proposers", "n1,n9")], nodeCount: 5) }
        #expect(throws: OptionError.self) { try PaxosConfig.parse([("backoff", "maybe")], nodeCount: 5) }
        #expect(throws: OptionError.self) { try PaxosConfig.parse([("retry", "0ms")], nodeCount: 5) }
        #expect(throws: OptionError.self) { try PaxosConfig.parse([("colour", "red")], nodeCount: 5) }
    }
}
