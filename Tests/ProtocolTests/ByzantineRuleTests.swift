@testable import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// OM(m) and SM(m) as the paper states them, each rule with a test that fails without it.
@Suite struct ByzantineRuleTests {
    typealias S = ByzantineTestSupport

    @Test("OM(m) sends (n-1) + (n-1)(n-2) + … (m+1 terms): OM(1) with n=4 sends 3+6 = 9, OM(3) with n=10 sends 3609")
    func oralMessageCount() throws {
        #expect(OralTree.messageCount(nodeCount: 4, m: 1) == 9)
        #expect(OralTree.messageCount(nodeCount: 10, m: 3) == 9 + 72 + 504 + 3024)
        let four = try S.battle(4)
        #expect(four.nodes.map(\.sentCount).reduce(0, +) == 9)
        let ten = try S.battle(10, [("m", "3")])
        #expect(ten.nodes.map(\.sentCount).reduce(0, +) == 3609)
        #expect(S.decisions(ten).values.allSatisfy { $0 == .attack } && S.decisions(ten).count == 9)
    }

    @Test("OM: each lieutenant relays what it received, on the path extended by itself, to every node not on it")
    func oralRelays() throws {
        let sim = try S.battle(4, [("m", "2")])
        let messages = S.sent(sim)
        for (from, to, message) in messages {
            guard case .oral(let path, _, _) = message else { Issue.record("not an oral message"); continue }
            #expect(path.last == from && path.first == NodeID(index: 0))
            #expect(!path.contains(to) && Set(path).count == path.count && path.count <= 3)
        }
        #expect(messages.count == 3 + 6 + 6)
    }

    @Test("majority is pinned: attack only with a strict majority of attack; a tie is retreat")
    func majorityPinned() {
        #expect(OralTree.majority(attacks: 2, of: 3))
        #expect(!OralTree.majority(attacks: 1, of: 2))
        #expect(!OralTree.majority(attacks: 2, of: 4))
        #expect(OralTree.majority(attacks: 3, of: 4))
    }

    @Test("OM: a message that never arrives counts as retreat, and is relayed as retreat")
    func missingIsRetreat() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 4, seed: 1)
        ByzantineChecker.configure(&sim)
        try sim.cut(NodeID(index: 0), NodeID(index: 1), bothWays: false)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        S.finish(&sim, at: .seconds(1))
        #expect(sim.nodes[1].received(onPath: 0) == nil)
        let viaN2 = try #require(sim.config.tree.id(of: [0, 1]))
        #expect(sim.nodes[2].received(onPath: viaN2) == .retreat)
        #expect(sim.nodes[1].decision == .attack)  // majority(R, A, A)
    }

    @Test("rounds end: a message later than its round counts as never sent (round=5ms, latency 10..30ms: all retreat)")
    func lateMessages() throws {
        let sim = try S.battle(4, [("round", "5ms")])
        #expect(S.decisions(sim) == ["n2": .retreat, "n3": .retreat, "n4": .retreat])
        #expect(sim.nodes[1].lateCount > 0)
        #expect(sim.violations.map(\.property).contains("IC2"))
    }

    @Test("n=3, m=1, a traitorous lieutenant: IC2 fails — the loyal lieutenant sees attack and retreat and retreats", arguments: [TraitorStrategy.worst, .flip])
    func threeWithTraitorousLieutenant(strategy: TraitorStrategy) throws {
        let sim = try S.battle(3, [("traitors", "n3"), ("strategy", strategy.rawValue)])
        #expect(sim.nodes[1].majorityInputs == ["n1:A", "n3:R"])
        #expect(sim.nodes[1].decision == .retreat)
        #expect(sim.violations.first?.property == "IC2")
        #expect(sim.violations.first?.message == "n2 decided retreat, the loyal commander ordered attack")
        #expect(ByzantineChecker.check(sim).lines == ["check: VIOLATION IC2: n2 decided retreat, the loyal commander ordered attack"])
    }

    @Test("n=3, a traitorous commander: IC1 holds anyway, and each loyal lieutenant sees the same two values as in the traitorous-lieutenant case")
    func threeWithTraitorousCommander() throws {
        let sim = try S.battle(3, [("traitors", "n1"), ("strategy", "split")])
        #expect(sim.nodes[1].majorityInputs == ["n1:R", "n3:A"])
        #expect(sim.nodes[2].majorityInputs == ["n1:A", "n2:R"])
        #expect(Set(sim.nodes[1].majorityInputs.map { $0.suffix(1) }) == ["A", "R"])
        #expect(S.decisions(sim) == ["n2": .retreat, "n3": .retreat])
        #expect(sim.violations.isEmpty)
        // n2 cannot tell this from the other case: it heard one attack and one retreat both times.
        let other = try S.battle(3, [("traitors", "n3")])
        #expect(Set(other.nodes[1].majorityInputs.map { $0.suffix(1) }) == Set(sim.nodes[1].majorityInputs.map { $0.suffix(1) }))
    }

    @Test("n=4, m=1: IC1 and IC2 hold with a traitorous lieutenant or commander, under every strategy and order",
          arguments: [("n4", TraitorStrategy.worst), ("n4", .flip), ("n4", .split), ("n4", .random), ("n1", .worst), ("n1", .flip), ("n1", .split), ("n1", .random), ("n2", .worst)])
    func fourHolds(traitor: String, strategy: TraitorStrategy) throws {
        for order in ["attack", "retreat"] {
            for seed: UInt64 in 1...4 {
                let sim = try S.battle(4, [("traitors", traitor), ("strategy", strategy.rawValue)], order: order, seed: seed)
                #expect(sim.violations.isEmpty, "traitors=\(traitor) strategy=\(strategy) order \(order) seed \(seed): \(sim.violations)")
                #expect(sim.evaluate(.protocolCondition("agreement", []))?.holds == true)
                #expect(S.decisions(sim).count == (traitor == "n1" ? 3 : 2))
            }
        }
    }

    @Test("worst finds a break wherever n ≤ 3m and one exists: n=3 m=1, n=4 m=2, n=5 m=2, n=6 m=2")
    func worstFindsBreaks() {
        for (n, m, traitors) in [(3, 1, UInt64(0b100)), (3, 1, 0b10), (4, 2, 0b1100), (4, 2, 0b11), (5, 2, 0b1100), (6, 2, 0b110000), (6, 2, 0b1100)] {
            var config = ByzantineConfig(nodeCount: n)
            config.m = m
            config.traitors = traitors
            config.tree = OralTree(nodeCount: n, m: m)
            let found = TraitorSearch.worst(config, order: .attack)
            #expect(found.breach != nil, "n=\(n) m=\(m) traitors=\(config.traitorNames): no break found in \(found.tried)")
            // The plan it returns really breaks the battle.
            var battle = Battle(config: config, order: .attack)
            #expect(battle.breach(found.plan) == found.breach)
        }
    }

    @Test("worst finds none where the paper proves there is none: a traitorous commander and m-1 lieutenants with n-1 > 3(m-1) (IC1 by induction)")
    func worstFindsNoneWhereNoneExists() {
        for (n, m, traitors) in [(3, 1, UInt64(0b1)), (5, 2, 0b11), (6, 2, 0b101)] {
            var config = ByzantineConfig(nodeCount: n)
            config.m = m
            config.traitors = traitors
            config.tree = OralTree(nodeCount: n, m: m)
            #expect(TraitorSearch.worst(config, order: .attack).breach == nil, "n=\(n) m=\(m) traitors=\(config.traitorNames)")
        }
    }

    @Test("the live battle follows worst's plan: n=4, m=2, traitors n3,n4 break IC2 as the search said")
    func liveFollowsWorst() throws {
        let sim = try S.battle(4, [("m", "2"), ("traitors", "n3,n4")])
        #expect(sim.violations.first?.property == "IC2")
        #expect(sim.nodes[1].decision == .retreat)
    }

    @Test("property: for random n ≤ 7, m ≤ 2, traitor sets of at most m and orders, OM(m) holds whenever n > 3m, under every strategy", arguments: 1...60)
    func oralHoldsWhenEnoughGenerals(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let n = 4 + rng.index(below: 4)
        let m = rng.index(below: n > 6 ? 3 : 2)
        guard n > 3 * m else { return }
        let count = rng.index(below: m + 1)
        var traitors: [String] = []
        while traitors.count < count {
            let name = "n\(1 + rng.index(below: n))"
            if !traitors.contains(name) { traitors.append(name) }
        }
        let strategy = TraitorStrategy.allCases[rng.index(below: 4)]
        let order = rng.chance(ppm: 500_000) ? "attack" : "retreat"
        let options = [("m", String(m)), ("traitors", traitors.joined(separator: ",")), ("strategy", strategy.rawValue)]
        let sim = try S.battle(n, options, order: order, seed: seed)
        #expect(sim.violations.isEmpty, "seed \(seed): n=\(n) \(options) order \(order): \(sim.violations)")
        #expect(sim.evaluate(.protocolCondition("agreement", []))?.holds == true, "seed \(seed)")
    }

    @Test("SM(1) with n=3 holds: a traitorous lieutenant, or a traitorous commander, under every strategy",
          arguments: [("n3", TraitorStrategy.worst), ("n3", .flip), ("n3", .split), ("n3", .random), ("n1", .worst), ("n1", .flip), ("n1", .split), ("n1", .random)])
    func signedThreeHolds(traitor: String, strategy: TraitorStrategy) throws {
        for order in ["attack", "retreat"] {
            for seed: UInt64 in 1...4 {
                let sim = try S.battle(3, [("algorithm", "sm"), ("traitors", traitor), ("strategy", strategy.rawValue)], order: order, seed: seed)
                #expect(sim.violations.isEmpty, "\(traitor) \(strategy) \(order) seed \(seed): \(sim.violations)")
                #expect(sim.evaluate(.protocolCondition("agreement", []))?.holds == true)
            }
        }
    }

    @Test("SM: a traitor cannot forge — it only relays values it holds, chains start at n1, signatures stop at m+1")
    func signedNoForgery() throws {
        for seed: UInt64 in 1...10 {
            let sim = try S.battle(5, [("algorithm", "sm"), ("m", "2"), ("traitors", "n3,n4"), ("strategy", "random")], seed: seed)
            for (from, _, message) in S.sent(sim) {
                guard case .signed(let value, let chain, _) = message else { continue }
                #expect(chain.first == NodeID(index: 0) && chain.last == from && chain.count <= 3)
                if from.index != 0 { #expect(value == .attack, "n\(from.index + 1) relayed a value the loyal commander never signed") }
            }
            #expect(sim.violations.isEmpty)
        }
    }

    @Test("SM: choice(V) is attack only when V is exactly {attack}; a commander signing both makes every loyal lieutenant retreat")
    func signedChoice() {
        var config = ByzantineConfig(nodeCount: 4)
        config.algorithm = .sm
        config.traitors = 0b1
        var battle = Battle(config: config, order: .attack)
        var plan = TraitorPlan(nodeCount: 4, move: .bits)
        plan.bits = [0b11]  // both values to n2 only
        #expect(battle.decisions(plan) == [nil, .retreat, .retreat, .retreat])
        plan.bits = [0b01_0101]  // attack to everyone (bits: n2 attack, n2 retreat, n3 attack, ...)
        #expect(battle.decisions(plan) == [nil, .attack, .attack, .attack])
        plan.bits = [0]  // nothing: V is empty
        #expect(battle.decisions(plan) == [nil, .retreat, .retreat, .retreat])
    }

    @Test("SM(m) forwards a new value with its signature while the chain has fewer than m+1 signatures; loyal n=4 SM(2) sends 3 + 3·2")
    func signedForwarding() throws {
        let sim = try S.battle(4, [("algorithm", "sm"), ("m", "2")])
        #expect(sim.nodes.map(\.sentCount).reduce(0, +) == 3 + 6)
        #expect(S.decisions(sim) == ["n2": .attack, "n3": .attack, "n4": .attack])
    }

    @Test("conditions: agreement and no agreement are false before every loyal lieutenant has decided")
    func conditionsBeforeDecision() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 3, seed: 1, options: [(key: "traitors", value: "n3")])
        ByzantineChecker.configure(&sim)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(to: .milliseconds(150))
        #expect(sim.evaluate(.protocolCondition("agreement", []))?.holds == false)
        #expect(sim.evaluate(.protocolCondition("no agreement", []))?.holds == false)
        #expect(sim.evaluate(.protocolCondition("agreement", []))?.actual == "n2 has not decided yet")
        S.finish(&sim, at: .seconds(1))
        #expect(sim.evaluate(.protocolCondition("no agreement", []))?.holds == true)
        #expect(sim.evaluate(.protocolCondition("no attack", ["n2"]))?.holds == true)
        #expect(sim.evaluate(.protocolCondition("attack", ["n2"]))?.holds == false)
    }

    @Test("order: only the commander takes it, once, attack or retreat")
    func orderRules() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 4, seed: 1)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 1))
        try sim.submit(Operation(name: "order", input: ["charge"]), via: NodeID(index: 0))
        try sim.submit(Operation(name: "order", input: ["retreat"]), via: NodeID(index: 0))
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(to: .seconds(1))
        #expect(sim.history.map(\.outcome) == [.fail, .fail, .ok, .fail])
        #expect(sim.history[0].output == "only the commander (n1) takes the order")
        #expect(sim.history[3].output == "n1 has already ordered retreat")
        #expect(S.decisions(sim).values.allSatisfy { $0 == .retreat })
    }

    @Test("a lieutenant killed in round 1 and restarted after the battle closes its rounds at once: what it missed is retreat")
    func restartAfterTheBattle() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 4, seed: 1)
        ByzantineChecker.configure(&sim)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(to: .milliseconds(50))
        try sim.kill(NodeID(index: 1))
        S.finish(&sim, at: .seconds(1))
        #expect(sim.nodes[1].decision == nil)
        #expect(S.decisions(sim) == ["n3": .attack, "n4": .attack])
        try sim.restart(NodeID(index: 1))
        S.finish(&sim, at: .seconds(2))
        // It had the commander's attack; the relays of n3 and n4 came while it was down.
        #expect(sim.nodes[1].majorityInputs == ["n1:A", "n3:R", "n4:R"])
        #expect(sim.nodes[1].decision == .retreat)
        #expect(sim.violations.first?.property == "IC2")
    }

    @Test("what a lieutenant heard shows a value still on its way as -, and as retreat once its round has closed")
    func pendingValues() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 3, seed: 1)
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(to: .milliseconds(50))
        #expect(sim.nodes[1].majorityInputs == ["n1:A", "n3:-"])
        #expect(sim.nodes[1].summaryLines == ["round 1 of 2", "heard A -"])
        try sim.cut(NodeID(index: 2), NodeID(index: 1), bothWays: false)
        sim.run(to: .seconds(1))
        #expect(sim.nodes[1].majorityInputs == ["n1:A", "n3:R"])
    }

    @Test("roles: commander and lieutenant; a traitor's kind is faulty")
    func roles() throws {
        let sim = try Simulation<ByzantineNode>(nodeCount: 4, seed: 1, options: [(key: "traitors", value: "n1,n3")])
        #expect(sim.nodes.map(\.role) == ["commander", "lieutenant", "lieutenant", "lieutenant"])
        #expect(sim.nodes.map(\.roleKind) == [.faulty, .following, .faulty, .following])
        #expect(sim.snapshot.nodes.map(\.roleKind) == [.faulty, .following, .faulty, .following])
    }

    @Test("options: bad values are one-line errors", arguments: [("m", "3"), ("traitors", "n5"), ("traitors", "x"), ("strategy", "sly"), ("algorithm", "pbft"), ("round", "0ms"), ("k", "1")])
    func badOptions(key: String, value: String) {
        #expect(throws: OptionError.self) { try Simulation<ByzantineNode>(nodeCount: 4, seed: 1, options: [(key: key, value: value)]) }
    }

    @Test("OM(m) refuses a battle of more than 100,000 messages")
    func messageLimit() {
        #expect(throws: OptionError.self) { try Simulation<ByzantineNode>(nodeCount: 12, seed: 1, options: [(key: "m", value: "5")]) }
    }
}
