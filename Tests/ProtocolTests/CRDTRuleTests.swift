import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

@Suite("crdt: the data types (Shapiro et al. 2011)")
struct CRDTDataTests {
    @Test("rule: a G-counter's merge takes each replica's entry's maximum, so increments on both sides add up")
    func gcounterMerge() {
        var a = GCounter(nodeCount: 3), b = GCounter(nodeCount: 3)
        a.increment(at: n(1), by: 2)
        b.increment(at: n(2), by: 3)
        var ab = a
        ab.merge(b)
        #expect(ab.counts == [2, 3, 0] && ab.value == 5)
        ab.merge(a)
        #expect(ab.value == 5, "merging again what it already holds changes nothing")
        #expect(ab.description == "[n1:2 n2:3 n3:0]")
        let buggy = CRDTReplica.gcounter(a).merged(with: .gcounter(b), bugs: .maxNotSum)
        #expect(buggy.valueText == "3", "max-not-sum keeps the larger total and loses n1's 2")
    }

    @Test("rule: a PN-counter is two G-counters; its value is increments minus decrements")
    func pncounter() {
        var a = PNCounter(nodeCount: 2), b = PNCounter(nodeCount: 2)
        a.increment(at: n(1), by: 5)
        b.decrement(at: n(2), by: 2)
        a.merge(b)
        #expect(a.value == 3)
        #expect(a.description == "+[n1:5 n2:0] -[n1:0 n2:2]")
    }

    @Test("rule: an OR-set remove tombstones only the tags it observed: a concurrent add wins")
    func orsetAddWins() {
        var a = ORSet(), b = ORSet()
        a.add("milk", tag: AddTag(node: n(1), number: 1))
        b.merge(a)
        let removed = b.remove("milk")
        #expect(removed == [AddTag(node: n(1), number: 1)])
        a.add("milk", tag: AddTag(node: n(1), number: 2))   // concurrent with b's remove
        var merged = a
        merged.merge(b)
        #expect(merged.elements == ["milk"] && merged.liveTags(of: "milk") == [AddTag(node: n(1), number: 2)])
        var other = b
        other.merge(a)
        #expect(other == merged)
        #expect(merged.description == "milk(n1.2) removed n1.1")
    }

    @Test("rule: remove-wins-all (remove by name, a 2P-set) removes the concurrent add too")
    func removeByName() {
        var a = ORSet(), b = ORSet()
        a.add("milk", tag: AddTag(node: n(1), number: 1))
        b.merge(a)
        b.remove("milk", byName: true)
        a.add("milk", tag: AddTag(node: n(1), number: 2))
        a.merge(b)
        #expect(a.elements.isEmpty)
    }

    @Test("rule: a remove of an element this replica has not seen removes nothing")
    func removeUnseen() {
        var set = ORSet()
        #expect(set.remove("x").isEmpty)
        #expect(set.valueText == "{}")
    }

    @Test("rule: LWW keeps the larger stamp; equal clocks are broken by the writer's id; a write always wins where it is taken")
    func lastWriterWins() {
        var a = LWWRegister(), b = LWWRegister()
        a.assign("red", at: n(1), now: 800_000)
        b.assign("blue", at: n(2), now: 800_000)
        var ab = a
        ab.merge(b)
        var ba = b
        ba.merge(a)
        #expect(ab == ba && ab.value == "blue", "same clock: n2 > n1")
        var c = LWWRegister(value: "late", stamp: WriteStamp(time: 900_000, node: n(3)))
        let stamp = c.assign("mine", at: n(1), now: 500_000)
        #expect(stamp.time == 900_001 && c.value == "mine", "a write after seeing a later stamp gets a later one")
        #expect(WriteStamp("900.001ms@n1") == stamp && stamp.description == "900.001ms@n1")
        #expect(LWWRegister().valueText == "unset")
    }
}

@Suite("crdt: merge laws as properties")
struct CRDTMergeLawTests {
    @Test("merge is commutative, associative and idempotent on random reachable states of every type", arguments: 1...100)
    func laws(seed: UInt64) {
        for type in CRDTType.conflictFree {
            let states = randomReplicas(type, seed: seed)
            #expect(MergeLaws.firstViolation(in: states, bugs: []) == nil, "\(type) seed \(seed)")
            // The join of all is an upper bound: merging any replica into it changes nothing.
            let join = MergeLaws.join(states)
            for state in states { #expect(join.merged(with: state) == join) }
        }
    }

    @Test("merge-overwrites breaks commutativity, and the checker's laws catch it on most seeds")
    func overwriteCaught() {
        var caught = 0
        for seed in UInt64(1)...50 {
            let states = randomReplicas(.gcounter, seed: seed)
            if MergeLaws.firstViolation(in: states, bugs: .mergeOverwrites) != nil { caught += 1 }
        }
        #expect(caught >= 40, "caught on \(caught) of 50 seeds")
    }
}

@Suite("crdt: replicas")
struct CRDTNodeTests {
    @Test("rule: an isolated replica still answers at once (offline), and anti-entropy brings it the rest after heal")
    func offlineReplica() throws {
        var sim = try crdtCluster()
        try sim.isolate(n(3))
        #expect(try sim.crdt("inc", "2", via: 3) == "2")
        #expect(try sim.crdt("inc", via: 1) == "1")
        sim.run(for: .seconds(2))
        #expect(sim.values == ["1", "1", "2"])
        #expect(sim.evaluate(.converged)?.holds == false)
        sim.heal()
        let outcome = sim.run(until: .converged, deadline: sim.now + .seconds(10))
        #expect(outcome?.holds == true)
        #expect(sim.values == ["3", "3", "3"])
        #expect(sim.evaluate(CRDTNode.valueOf(n(2), "3"))?.holds == true)
        #expect(sim.history.allSatisfy { $0.outcome == .ok })
    }

    @Test("rule: every sync a replica sends its whole state to one random peer")
    func antiEntropy() throws {
        var sim = try crdtCluster()
        sim.run(for: .milliseconds(1_100))
        let states = sim.traceLines(from: 0, notableOnly: false, node: nil).filter { $0.contains("State gcounter") }
        #expect(states.count >= 5 && states.count <= 9, "\(states.count) exchanges in 1.1s with sync=500ms")
    }

    @Test("rule: a replica's state is durable: kill and restart keep it")
    func durable() throws {
        var sim = try crdtCluster(type: "orset")
        #expect(try sim.crdt("add", "milk", via: 2) == "n2.1")
        try sim.kill(n(2))
        try sim.restart(n(2))
        #expect(try sim.crdt("add", "eggs", via: 2) == "n2.2", "tags stay unique across a crash")
        #expect(sim.nodes[1].replica.valueText == "{eggs,milk}")
    }

    @Test("rule: operations answer what they did: a tag, the observed tags, a stamp and the one it replaced")
    func answers() throws {
        var set = try crdtCluster(type: "orset")
        #expect(try set.crdt("add", "x", via: 1) == "n1.1")
        #expect(try set.crdt("remove", "x", via: 1) == "removed n1.1")
        #expect(try set.crdt("remove", "x", via: 1) == "removed nothing")
        var register = try crdtCluster(type: "lww")
        register.run(for: .milliseconds(100))
        #expect(try register.crdt("set", "a", via: 1) == "100ms@n1")
        #expect(try register.crdt("set", "b", via: 1) == "101ms@n1 over 100ms@n1")
        #expect(try register.crdt("read", via: 1) == "b")
        var counter = try crdtCluster(type: "pncounter")
        #expect(try counter.crdt("dec", "4", via: 1) == "-4")
    }

    @Test("an operation of another type fails with the reason and changes nothing")
    func wrongType() throws {
        var sim = try crdtCluster()
        #expect(try sim.crdt("add", "x", via: 1) == "add is for type=orset; this crdt is type=gcounter")
        #expect(try sim.crdt("dec", via: 1) == "a G-counter only grows: dec is for type=pncounter")
        #expect(try sim.crdt("inc", "-3", via: 1) == "inc takes a whole number 0..1000000000, not -3")
        #expect(sim.history.allSatisfy { $0.outcome == .fail })
        #expect(sim.values == ["0", "0", "0"])
    }

    @Test("bad options are one-line errors")
    func options() {
        #expect(throws: OptionError("type must be gcounter|pncounter|orset|lww|text|merge, not sets")) { _ = try CRDTConfig.parse([("type", "sets")]) }
        #expect(throws: OptionError("sync must be a duration from 1ms to 1m, like 500ms, not 0ms")) { _ = try CRDTConfig.parse([("sync", "0ms")]) }
        #expect(throws: OptionError("unknown option n for crdt; options are type=gcounter|pncounter|orset|lww|text|merge sync=DURATION")) {
            _ = try CRDTConfig.parse([("n", "3")])
        }
        #expect(throws: Never.self) { _ = try CRDTConfig.parse([("type", "ORSET"), ("sync", "1s")]) }
    }
}

@Suite("crdt: the checker")
struct CRDTCheckerTests {
    /// A partition, updates on both sides, heal, converge.
    static func partitioned(type: String, bugs: [String] = [], _ updates: (inout Simulation<CRDTNode>) throws -> Void) throws -> Simulation<CRDTNode> {
        var sim = try crdtCluster(type: type, bugs: bugs)
        try sim.partition([[n(1)], [n(2), n(3)]])
        try updates(&sim)
        sim.run(for: .seconds(1))
        sim.heal()
        _ = sim.run(until: .converged, deadline: sim.now + .seconds(20))
        sim.run(for: .seconds(2))
        return sim
    }

    @Test("check: a counter on both sides of a partition converges to the sum; max-not-sum loses one side and is caught")
    func counterSum() throws {
        for bugs in [[], ["max-not-sum"], ["merge-overwrites"]] {
            let sim = try Self.partitioned(type: "gcounter", bugs: bugs) { sim in
                try sim.crdt("inc", "2", via: 1)
                try sim.crdt("inc", "3", via: 2)
                try sim.crdt("inc", via: 3)
            }
            let report = CRDTChecker.check(sim)
            if bugs.isEmpty {
                #expect(sim.values == ["6", "6", "6"])
                #expect(report.violation == nil, "\(report.lines)")
                #expect(report.lines[0].contains("no lost update: 6 acknowledged in increments"))
            } else {
                #expect(report.violation != nil, "\(bugs): \(report.lines)")
            }
        }
    }

    @Test("check: an OR-set keeps an add a concurrent remove never saw; remove-wins-all is caught as a lost update")
    func addWins() throws {
        for bugs in [[], ["remove-wins-all"]] {
            var sim = try crdtCluster(type: "orset", bugs: bugs)
            try sim.crdt("add", "milk", via: 1)
            sim.run(for: .seconds(2))
            try sim.partition([[n(1)], [n(2), n(3)]])
            try sim.crdt("remove", "milk", via: 2)
            try sim.crdt("add", "milk", via: 1)
            sim.heal()
            _ = sim.run(until: .converged, deadline: sim.now + .seconds(20))
            let report = CRDTChecker.check(sim)
            if bugs.isEmpty {
                #expect(sim.values == ["{milk}", "{milk}", "{milk}"])
                #expect(report.violation == nil, "\(report.lines)")
            } else {
                #expect(sim.values == ["{}", "{}", "{}"])
                #expect(report.violation?.property == "lost-update", "\(report.lines)")
                #expect(report.violation?.message.contains("without milk: its add n1.2 was acknowledged") == true)
            }
        }
    }

    @Test("check: LWW converges to the later of two concurrent writes and says which acknowledged write it dropped")
    func lwwDrops() throws {
        let sim = try Self.partitioned(type: "lww") { sim in
            try sim.crdt("set", "red", via: 1)
            sim.run(for: .milliseconds(100))
            try sim.crdt("set", "blue", via: 2)
        }
        #expect(sim.values == ["blue", "blue", "blue"])
        let report = CRDTChecker.check(sim)
        #expect(report.violation == nil)
        #expect(report.lines[0].contains("last write wins dropped 1 acknowledged concurrent write: set red (0ms@n1)"), "\(report.lines)")
    }
}
