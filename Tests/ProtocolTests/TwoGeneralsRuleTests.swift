@testable import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// The two generals' rules, each with a test that fails without it.
@Suite struct TwoGeneralsRuleTests {
    static let n1 = NodeID(index: 0), n2 = NodeID(index: 1)

    /// A cluster with `order attack` given at t=0 through n1's command (no client).
    static func ordered(acks: Int, loss: String = "0%", seed: UInt64 = 1) throws -> Simulation<TwoGeneralsNode> {
        var sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: seed, options: [(key: "acks", value: String(acks)), (key: "loss", value: loss)])
        TwoGeneralsChecker.configure(&sim)
        try sim.deliverCommand("order", arguments: ["attack"], to: n1)
        return sim
    }

    /// Runs to dawn, dropping messenger `lost` (if given) while it crosses the valley.
    static func dawn(acks: Int, losing lost: Int?) throws -> Simulation<TwoGeneralsNode> {
        var sim = try ordered(acks: acks)
        if let lost {
            let label = TwoGeneralsMessage.label(lost)
            while sim.now < .seconds(1) {
                if let message = sim.messagesInFlight.first(where: { $0.label == label }) {
                    try sim.dropMessage(message.id)
                    break
                }
                guard sim.step() > 0 else { break }
            }
        }
        sim.run(to: .seconds(1))
        return sim
    }

    @Test("defaults: loss=30% on both directions of the valley (kit: linkSettings), acks=1, two nodes only")
    func defaults() throws {
        let sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1)
        #expect(sim.config.acks == 1 && sim.config.lossPPM == 300_000)
        #expect(sim.network.settings(for: Link(Self.n1, Self.n2)).lossPPM == 300_000)
        #expect(sim.network.settings(for: Link(Self.n2, Self.n1)).lossPPM == 300_000)
        let lossless = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1, options: [(key: "loss", value: "0%")])
        #expect(lossless.network.defaults.lossPPM == 0)
        #expect(throws: OptionError.self) { try Simulation<TwoGeneralsNode>(nodeCount: 3, seed: 1) }
        #expect(throws: OptionError.self) { try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1, options: [(key: "acks", value: "31")]) }
        #expect(throws: OptionError.self) { try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1, options: [(key: "loss", value: "30")]) }
    }

    @Test("chain of messengers: m0 from A to B, each m(i) < K answered by m(i+1) the other way, nothing more", arguments: 0...6)
    func chain(acks: Int) throws {
        let sim = try Self.dawn(acks: acks, losing: nil)
        let a = sim.nodes[0], b = sim.nodes[1]
        #expect(a.sent == Array(stride(from: 0, through: acks, by: 2)))
        #expect(b.sent == Array(stride(from: 1, through: acks, by: 2)))
        #expect(a.received == b.sent && b.received == a.sent)
        #expect(a.decision == .attack && b.decision == .attack)
    }

    @Test("nothing is resent: a lost messenger ends the chain", arguments: 1...5)
    func nothingResent(acks: Int) throws {
        let sim = try Self.dawn(acks: acks, losing: 0)
        #expect(sim.nodes[0].sent == [0] && sim.nodes[1].sent.isEmpty)
        var later = sim
        later.run(to: .seconds(10))
        #expect(later.nodes[0].sent == [0])
    }

    @Test("attack rule: a lost message K leaves its sender attacking alone", arguments: 1...5)
    func lastMessengerLost(acks: Int) throws {
        let sim = try Self.dawn(acks: acks, losing: acks)
        let sender = acks % 2 == 0 ? 0 : 1
        #expect(sim.nodes[sender].decision == .attack)
        #expect(sim.nodes[1 - sender].decision == .stayHome)
        #expect(sim.evaluate(.protocolCondition("no agreement", []))?.holds == true)
        #expect(sim.violations.map(\.property) == ["agreement"])
    }

    @Test("attack rule: a chain that breaks before message K leaves both at home", arguments: [(1, 0), (2, 0), (2, 1), (3, 1), (4, 2), (5, 3)])
    func chainBroken(acks: Int, lost: Int) throws {
        let sim = try Self.dawn(acks: acks, losing: lost)
        #expect(sim.nodes.allSatisfy { $0.decision == .stayHome })
        #expect(sim.evaluate(.protocolCondition("agreement", []))?.holds == true)
        #expect(sim.evaluate(.protocolCondition("no attack", ["n1"]))?.holds == true)
        #expect(sim.violations.isEmpty)
    }

    @Test("acks=0: A needs no messenger and attacks; B attacks iff m0 arrives")
    func noAcks() throws {
        #expect(try Self.dawn(acks: 0, losing: nil).nodes.map(\.decision) == [.attack, .attack])
        #expect(try Self.dawn(acks: 0, losing: 0).nodes.map(\.decision) == [.attack, .stayHome])
    }

    @Test("retreat: nobody attacks, whatever arrives")
    func retreat() throws {
        var sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1, options: [(key: "loss", value: "0%")])
        try sim.deliverCommand("order", arguments: ["retreat"], to: Self.n1)
        sim.run(to: .seconds(2))
        #expect(sim.nodes.map(\.decision) == [.stayHome, .stayHome])
        #expect(sim.nodes[1].plan == .retreat)
    }

    @Test("conditions: all four are false before both generals have decided")
    func conditionsBeforeDawn() throws {
        var sim = try Self.ordered(acks: 1)
        sim.run(to: .milliseconds(999))
        #expect(sim.nodes[0].received == [1])
        for condition in [Condition.protocolCondition("attack", ["n1"]), .protocolCondition("no attack", ["n1"]),
                          .protocolCondition("agreement", []), .protocolCondition("no agreement", [])] {
            #expect(sim.evaluate(condition)?.holds == false)
        }
        sim.run(to: .seconds(1))
        #expect(sim.evaluate(.protocolCondition("attack", ["n1"]))?.holds == true)
        #expect(sim.evaluate(.protocolCondition("attack", ["n2"]))?.holds == true)
        #expect(sim.evaluate(.protocolCondition("agreement", []))?.holds == true)
        #expect(sim.evaluate(.protocolCondition("no agreement", []))?.holds == false)
    }

    @Test("condition forms check their words: attack NODE takes n1 or n2")
    func conditionForms() throws {
        let attack = try #require(TwoGeneralsNode.conditions.first { $0.keyword == "attack" })
        #expect(try attack.parse(["N2"]) == ["n2"])
        #expect(throws: OptionError.self) { try attack.parse(["n3"]) }
        #expect(throws: OptionError.self) { try attack.parse([]) }
        #expect(TwoGeneralsNode.conditions.map(\.keyword) == ["attack", "no attack", "agreement", "no agreement"])
    }

    @Test("order: only A (n1) gives it, once, before dawn, attack or retreat; a refused order changes nothing")
    func orderRules() throws {
        var sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: Self.n2)
        try sim.submit(Operation(name: "order", input: ["charge"]), via: Self.n1)
        sim.run(to: .milliseconds(1))
        #expect(sim.history.map(\.outcome) == [.fail, .fail])
        #expect(sim.history[0].output == "only general A (n1) gives the order")
        #expect(sim.nodes[0].plan == nil && sim.nodes[0].sent.isEmpty)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: Self.n1)
        try sim.submit(Operation(name: "order", input: ["retreat"]), via: Self.n1)
        sim.run(to: .milliseconds(2))
        #expect(sim.history.map(\.outcome) == [.fail, .fail, .ok, .fail])
        #expect(sim.history[3].output == "n1 has already ordered attack")
        sim.run(to: .seconds(2))
        var late = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1)
        late.run(to: .seconds(2))
        try late.submit(Operation(name: "order", input: ["attack"]), via: Self.n1)
        late.run(to: .seconds(3))
        #expect(late.history[0].outcome == .fail && late.nodes[0].sent.isEmpty)
        #expect(late.nodes.map(\.decision) == [.stayHome, .stayHome])
    }

    @Test("a general killed before dawn and restarted after it acts on what it had received")
    func restartAfterDawn() throws {
        var sim = try Self.ordered(acks: 1)
        sim.run(to: .milliseconds(500))
        try sim.kill(Self.n2)
        sim.run(to: .seconds(2))
        #expect(sim.nodes[1].decision == nil)
        try sim.restart(Self.n2)
        #expect(sim.nodes[1].decision == .attack)
    }

    @Test("the rule over random seeds: the outcome is exactly what the delivered messengers imply", arguments: 1...200)
    func ruleOverSeeds(seed: UInt64) throws {
        let acks = Int(seed % 6)
        var sim = try Self.ordered(acks: acks, loss: "30%", seed: seed)
        sim.run(to: .seconds(1))
        let delivered = sim.nodes[0].received.count + sim.nodes[1].received.count
        let decisions = sim.nodes.map { $0.decision == .attack }
        if delivered == acks + 1 { #expect(decisions == [true, true]) }
        else if delivered == acks { #expect(decisions == [acks % 2 == 0, acks % 2 == 1]) }
        else { #expect(decisions == [false, false]) }
    }
}
