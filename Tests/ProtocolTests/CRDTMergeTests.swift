import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

@Suite("crdt type=merge: git's three-way merge")
struct CRDTMergeTests {
    @Test("rule: a chunk changed on one side takes that side; changed alike on both, once; differently, a marked conflict")
    func threeWay() {
        let base = ["a", "b", "c"]
        let one = ThreeWayMerge.merge(base: base, ours: ["a", "B", "c"], theirs: ["a", "b", "c", "d"], oursName: "x", theirsName: "y")
        #expect(one == .init(lines: ["a", "B", "c", "d"], conflicts: 0))
        let same = ThreeWayMerge.merge(base: base, ours: ["a", "B", "c"], theirs: ["a", "B", "c"], oursName: "x", theirsName: "y")
        #expect(same == .init(lines: ["a", "B", "c"], conflicts: 0))
        let clash = ThreeWayMerge.merge(base: base, ours: ["a", "X", "c"], theirs: ["a", "Y", "c"], oursName: "n1.1", theirsName: "n2.1")
        #expect(clash == .init(lines: ["a", "<<<<<<< n1.1", "X", "=======", "Y", ">>>>>>> n2.1", "c"], conflicts: 1))
        let deleted = ThreeWayMerge.merge(base: base, ours: ["a", "c"], theirs: ["a", "b", "c"], oursName: "x", theirsName: "y")
        #expect(deleted.lines == ["a", "c"])
    }

    @Test("rule: merging fast-forwards a head its peer descends from, and makes the same merge commit wherever two heads meet")
    func versions() {
        var a = MergeDocument(), b = MergeDocument()
        a.commit(id: "n1.1", lines: ["a", "b", "c"])
        b.merge(a)
        #expect(b.head == "n1.1", "fast-forward")
        a.commit(id: "n1.2", lines: ["a", "b", "C"])
        b.commit(id: "n2.1", lines: ["A", "b", "c"])
        var ab = a, ba = b
        ab.merge(b)
        ba.merge(a)
        #expect(ab == ba, "the merge commit has one id and one content")
        #expect(ab.current.lines == ["A", "b", "C"] && ab.current.parents == ["n1.2", "n2.1"])
        #expect(ab.mergeBase("n1.2", "n2.1") == "n1.1")
        var again = ab
        again.merge(ba)
        #expect(again == ab)
    }

    @Test("a conflict is visible on every replica and resolve NODE TEXT settles it everywhere")
    func conflictAndResolve() throws {
        var sim = try crdtCluster(type: "merge")
        try sim.crdt("line", "1", "hello", via: 1)
        sim.run(for: .seconds(2))
        try sim.partition([[n(1)], [n(2), n(3)]])
        try sim.crdt("line", "1", "hi", via: 1)
        try sim.crdt("line", "1", "howdy", via: 2)
        sim.heal()
        _ = sim.run(until: .converged, deadline: sim.now + .seconds(20))
        #expect(sim.values.allSatisfy { $0 == "<<<<<<< n1.2|hi|=======|howdy|>>>>>>> n2.1" }, "\(sim.values)")
        let report = CRDTChecker.check(sim)
        #expect(report.violation == nil)
        #expect(report.lines[0].contains("1 conflict waiting for resolve NODE TEXT"), "\(report.lines)")
        _ = try sim.performProtocolCommand("resolve", arguments: ["n3", "hi there"])
        _ = sim.run(until: .converged, deadline: sim.now + .seconds(20))
        #expect(sim.values == ["hi there", "hi there", "hi there"])
        #expect(throws: SimulationError.self) {
            var counter = try crdtCluster()
            _ = try counter.performProtocolCommand("resolve", arguments: ["n1", "x"])
        }
    }

    @Test("under chaos and load the documents converge and the head descends from every acknowledged edit", arguments: 1...10)
    func sweep(seed: UInt64) throws {
        let sim = try crdtChaosRun(type: .merge, seed: seed)
        #expect(sim.evaluate(.converged)?.holds == true, "seed \(seed): \(sim.evaluate(.converged)?.actual ?? "")")
        #expect(CRDTChecker.check(sim).violation == nil, "seed \(seed)")
    }
}
