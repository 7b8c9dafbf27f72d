@testable import LightconeProtocols
@testable import LightconeCheckers
import LightconeSimulation
import Testing

/// The rules of `bank`: two-phase commit (acid) and eventual balances (base).
@Suite struct BankRuleTests {
    static let n1 = NodeID(index: 0), n2 = NodeID(index: 1), n3 = NodeID(index: 2)

    static func bank(_ options: [(key: String, value: String)] = [], nodes: Int = 3, seed: UInt64 = 1) throws -> Simulation<BankNode> {
        var sim = try Simulation<BankNode>(nodeCount: nodes, seed: seed, options: options)
        BankChecker.configure(&sim)
        return sim
    }

    static func transfer(_ from: String, _ to: String, _ amount: Int, via node: NodeID, in sim: inout Simulation<BankNode>) throws {
        try sim.submit(Operation(name: "transfer", input: [from, to, String(amount)]), via: node)
    }

    static func holds(_ condition: Condition, _ sim: Simulation<BankNode>) -> Bool { sim.evaluate(condition)?.holds == true }

    @Test("rule: account ai lives on node n((i-1) mod N + 1)")
    func placement() throws {
        let sim = try Self.bank()
        #expect(sim.nodes.map(\.balances) == [[100, 0, 0, 100, 0, 0], [0, 100, 0, 0, 100, 0], [0, 0, 100, 0, 0, 100]])
    }

    @Test("rule: a transfer commits at both participants, and the client hears ok after the logged decision")
    func happyPath() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(300))
        #expect(sim.history[0].outcome == .ok)
        #expect(sim.nodes[0].balances[0] == 70 && sim.nodes[1].balances[1] == 130)
        #expect(sim.nodes[2].log.isEmpty, "acknowledged by both, the coordinator forgets it")
        #expect(Self.holds(.protocolCondition("balance-total", ["600"]), sim) && Self.holds(.converged, sim))
        #expect(sim.violations.isEmpty)
    }

    @Test("rule: a participant without the funds votes no, and both halves abort")
    func insufficientFunds() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 150, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(300))
        #expect(sim.history[0].outcome == .fail && sim.history[0].isObservation)
        #expect(sim.nodes[0].balances[0] == 100 && sim.nodes[1].balances[1] == 100)
        #expect(sim.nodes[1].outcomes[TransferID(origin: Self.n3, number: 1)] == false)
        #expect(sim.nodes.allSatisfy { $0.locks.isEmpty })
    }

    @Test("rule: a vote not in within vote-timeout counts as no; the client hears fail well inside its 1 s")
    func voteTimeout() throws {
        var sim = try Self.bank()
        try sim.partition([[Self.n1, Self.n3], [Self.n2]])
        try Self.transfer("a1", "a2", 10, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(199))
        #expect(sim.history[0].outcome == .pending)
        sim.run(for: .milliseconds(2))
        #expect(sim.history[0].outcome == .fail)
        #expect(sim.history[0].output?.contains("vote timeout") == true)
        sim.run(for: .milliseconds(100))
        #expect(sim.nodes[0].balances[0] == 100 && sim.nodes[0].locks.isEmpty)
    }

    @Test("rule: a participant that voted yes is in doubt, locks held, while the coordinator is down; a restarted coordinator aborts undecided transactions")
    func inDoubtUntilCoordinatorRestarts() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(1))
        try sim.kill(Self.n3)
        sim.run(for: .seconds(2))
        #expect(Self.holds(.protocolCondition("in-doubt", ["2"]), sim))
        #expect(sim.nodes[0].locks[0] != nil && sim.nodes[1].locks[1] != nil)
        #expect(sim.nodes[0].role == "in-doubt")
        try sim.restart(Self.n3)
        sim.run(for: .milliseconds(200))
        #expect(Self.holds(.protocolCondition("in-doubt", ["0"]), sim))
        #expect(sim.nodes[0].balances[0] == 100 && sim.nodes[1].balances[1] == 100)
        #expect(sim.nodes.allSatisfy { $0.locks.isEmpty })
    }

    @Test("rule: a transfer on a locked account waits, and goes ahead once the lock is released")
    func lockWaits() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(1))
        try sim.kill(Self.n3)
        sim.run(for: .milliseconds(100))
        try Self.transfer("a1", "a4", 10, via: Self.n1, in: &sim)
        sim.run(for: .milliseconds(50))
        #expect(sim.history[1].outcome == .pending && sim.nodes[0].waiting.count == 1)
        try sim.restart(Self.n3)
        sim.run(for: .milliseconds(100))
        #expect(sim.history[1].outcome == .ok && sim.nodes[0].balances[3] == 110)
    }

    @Test("rule: a prepare that waits vote-timeout for a lock votes no and the transfer fails")
    func lockWaitTimesOut() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(1))
        try sim.kill(Self.n3)
        sim.run(for: .milliseconds(100))
        try Self.transfer("a1", "a4", 10, via: Self.n1, in: &sim)
        sim.run(for: .milliseconds(300))
        #expect(sim.history[1].outcome == .fail && sim.nodes[0].waiting.isEmpty)
        #expect(sim.nodes[0].balances[0] == 100)
    }

    @Test("rule: the decision is logged before it is sent; a restarted coordinator resends it, so a participant that missed it commits")
    func restartedCoordinatorResends() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(30))
        try sim.cut(Self.n3, Self.n2, bothWays: false)
        sim.run(for: .milliseconds(100))
        #expect(sim.nodes[2].log[TransferID(origin: Self.n3, number: 1)]?.decision == true)
        try sim.kill(Self.n3)
        sim.heal()
        #expect(Self.holds(.protocolCondition("in-doubt", ["1"]), sim))
        try sim.restart(Self.n3)
        sim.run(for: .milliseconds(200))
        #expect(sim.nodes[1].balances[1] == 130 && sim.violations.isEmpty)
    }

    @Test("rule: a restarted participant in doubt asks its coordinator")
    func restartedParticipantAsks() throws {
        var sim = try Self.bank()
        try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(22))
        try sim.kill(Self.n2)                 // voted yes at 20ms, then crashed
        sim.run(for: .milliseconds(300))      // the coordinator's decision and its resends die
        #expect(sim.nodes[1].prepared.count == 1, "the yes vote is durable")
        try sim.restart(Self.n2)
        sim.run(for: .milliseconds(5))
        #expect(sim.traceLines(from: 0, notableOnly: false, node: nil).contains { $0.contains("n2->n3 Ask t3.1") })
        sim.run(for: .milliseconds(200))
        #expect(sim.nodes[1].prepared.isEmpty && sim.violations.isEmpty)
        #expect(Self.holds(.protocolCondition("balance-total", ["600"]), sim))
    }

    @Test("bug no-durable-decision: the scripted scenario splits a transfer (Atomicity, Conservation); off, it holds")
    func noDurableDecisionScripted() throws {
        for isBugOn in [false, true] {
            var sim = try Self.bank()
            if isBugOn { try sim.enableBug("no-durable-decision") }
            try Self.transfer("a1", "a2", 30, via: Self.n3, in: &sim)
            sim.run(for: .milliseconds(30))
            try sim.cut(Self.n3, Self.n2, bothWays: false)
            sim.run(for: .milliseconds(100))
            try sim.kill(Self.n3)
            sim.heal()
            try sim.restart(Self.n3)
            sim.run(for: .milliseconds(300))
            #expect(sim.violations.map(\.property).contains("Atomicity") == isBugOn)
            #expect(sim.violations.isEmpty == !isBugOn)
        }
    }

    @Test("bug unlock-before-decision: the scripted scenario spends the same 80 twice (NoOverdraft); off, the second waits and is refused")
    func unlockBeforeDecisionScripted() throws {
        for isBugOn in [false, true] {
            var sim = try Self.bank()
            if isBugOn { try sim.enableBug("unlock-before-decision") }
            try Self.transfer("a1", "a2", 80, via: Self.n2, in: &sim)
            try Self.transfer("a1", "a3", 80, via: Self.n3, in: &sim)
            sim.run(for: .milliseconds(500))
            #expect(sim.violations.map(\.property) == (isBugOn ? ["NoOverdraft"] : []))
            #expect(sim.history.filter { $0.outcome == .ok }.count == (isBugOn ? 2 : 1))
        }
    }

    /// A chaos run: load of 40 transfers/s from 6 clients for 10 s, chaos with every fault,
    /// and 5% of all messages lost throughout (so that a decision can miss a participant).
    static func chaosRun(seed: UInt64, bug: String?) throws -> Simulation<BankNode> {
        var sim = try Self.bank(seed: seed)
        if let bug { try sim.enableBug(bug) }
        sim.setNetwork(LinkSettingsChange(lossPPM: 50_000))
        try sim.startLoad(LoadSpec(rate: 40, duration: .seconds(10), clients: 6))
        try sim.startChaos(for: .seconds(10), faults: .all)
        sim.run(for: .seconds(12))
        return sim
    }

    @Test("chaos catches each teaching bug within seeds 1..50 (no-durable-decision first on seed 10, unlock-before-decision on seed 3)",
          arguments: [("no-durable-decision", ["Atomicity", "Conservation"]), ("unlock-before-decision", ["NoOverdraft"])])
    func chaosCatches(bug: String, properties: [String]) throws {
        let seed = try (UInt64(1)...50).first { try !Self.chaosRun(seed: $0, bug: bug).violations.isEmpty }
        let caught = try #require(seed, "\(bug) not caught within seeds 1..50")
        let found = try Self.chaosRun(seed: caught, bug: bug).violations.map(\.property)
        #expect(found.allSatisfy(properties.contains), "\(bug) on seed \(caught): \(found)")
        print("\(bug) caught on seed \(caught): \(found)")
    }

    @Test("property: without bugs, chaos and load never break Atomicity, Conservation or NoOverdraft, and the bank settles", arguments: 1...30)
    func acidSafeUnderChaos(seed: UInt64) throws {
        var sim = try Self.chaosRun(seed: seed, bug: nil)
        sim.setNetwork(LinkSettingsChange(lossPPM: 0))
        #expect(sim.violations.isEmpty, "seed \(seed): \(sim.violations)")
        let settled = sim.run(until: .converged, deadline: sim.now + .seconds(10))
        #expect(settled?.holds == true, "seed \(seed): \(settled?.actual ?? "")")
        #expect(Self.holds(.protocolCondition("balance-total", ["600"]), sim))
        #expect(BankChecker.check(sim).violation == nil)
    }

    @Test("base rule: a transfer applies at once where taken and propagates exactly once by id; replicas converge after heal")
    func baseConverges() throws {
        var sim = try Self.bank([("mode", "base")])
        try sim.partition([[Self.n1, Self.n2], [Self.n3]])
        try Self.transfer("a1", "a2", 80, via: Self.n1, in: &sim)
        try Self.transfer("a1", "a3", 80, via: Self.n3, in: &sim)
        sim.run(for: .milliseconds(1))
        #expect(sim.history.allSatisfy { $0.outcome == .ok })
        #expect(sim.nodes[0].balances[0] == 20 && sim.nodes[2].balances[0] == 20)
        sim.run(for: .seconds(1))
        #expect(!Self.holds(.converged, sim))
        sim.heal()
        sim.run(for: .seconds(1))
        #expect(Self.holds(.converged, sim) && Self.holds(.protocolCondition("balance-total", ["600"]), sim))
        #expect(sim.nodes.allSatisfy { $0.balances[0] == -60 })
        #expect(sim.meters.first { $0.name == "overdrafts" }?.millionths == 1_000_000)
        let report = BankChecker.check(sim)
        #expect(report.violation?.property == "NoOverdraft")
        #expect(BankChecker.staleTransfers(sim.nodes).count == 2)
    }

    @Test("base property: duplicated and lost messages under chaos still apply every transfer exactly once, and replicas converge", arguments: 1...12)
    func baseExactlyOnce(seed: UInt64) throws {
        var sim = try Self.bank([("mode", "base")], seed: seed)
        sim.setNetwork(LinkSettingsChange(duplicatePPM: 50_000))
        try sim.startLoad(LoadSpec(rate: 30, duration: .seconds(5), clients: 3))
        try sim.startChaos(for: .seconds(5), faults: .all)
        sim.run(for: .seconds(6))
        let settled = sim.run(until: .converged, deadline: sim.now + .seconds(10))
        #expect(settled?.holds == true, "seed \(seed)")
        let taken = sim.nodes.map(\.accepted.count)
        #expect(sim.nodes.allSatisfy { $0.seen == taken }, "every replica applied every transfer once")
        #expect(sim.violations.isEmpty)
        #expect(sim.nodes.first?.balances == BankNode.mergedBalances(sim.nodes))
    }

    @Test("bad options and operations get one-line errors and change nothing")
    func badInput() throws {
        for option in [("mode", "maybe"), ("accounts", "1"), ("balance", "-3"), ("vote-timeout", "5s"), ("colour", "red")] {
            #expect(throws: OptionError.self) { try Simulation<BankNode>(nodeCount: 3, seed: 1, options: [(key: option.0, value: option.1)]) }
        }
        var sim = try Self.bank()
        try Self.transfer("a9", "a2", 5, via: Self.n1, in: &sim)
        try Self.transfer("a1", "a1", 5, via: Self.n1, in: &sim)
        try Self.transfer("a1", "a2", 0, via: Self.n1, in: &sim)
        try sim.submit(Operation(name: "balance", input: ["b1"]), via: Self.n1)
        sim.run(for: .milliseconds(10))
        #expect(sim.history.allSatisfy { $0.outcome == .fail })
        #expect(sim.history[0].output == "unknown account a9; accounts are a1..a6")
        #expect(sim.nodes.allSatisfy { $0.log.isEmpty } && Self.holds(.protocolCondition("balance-total", ["600"]), sim))
    }

    @Test("load draws transfers between two different accounts of the configured bank, amounts 1..50", arguments: 1...50)
    func randomOperations(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let config = try BankConfig.make(nodeCount: 3, options: [(key: "accounts", value: "4")])
        let operation = try #require(BankNode.randomOperation(config: config, keys: 3, using: &rng))
        let from = try #require(config.account(named: operation.input[0])), to = try #require(config.account(named: operation.input[1]))
        let amount = try #require(Int(operation.input[2]))
        #expect(from != to && (1...50).contains(amount))
    }
}
