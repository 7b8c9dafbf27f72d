import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

@Suite("crdt type=text: operational transform (Ellis & Gibbs 1989, Jupiter)")
struct CRDTTextTests {
    static func randomOps(_ rng: inout SeededGenerator, length: Int, site: Int, count: Int) -> [TextOperation] {
        var length = length
        var ops: [TextOperation] = []
        for _ in 0..<count {
            if length > 0 && rng.index(below: 3) == 0 {
                ops.append(.delete(rng.index(below: length), n(site)))
                length -= 1
            } else {
                ops.append(.insert(rng.index(below: length + 1), Character(Unicode.Scalar(UInt8(97 + rng.index(below: 26)))), n(site)))
                length += 1
            }
        }
        return ops
    }

    @Test("TP1: two sequences made on one text, each applied after the other transformed past it, reach the same text", arguments: 1...300)
    func convergenceProperty(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let base = Array("abcdef".prefix(rng.index(below: 7)))
        let a = Self.randomOps(&rng, length: base.count, site: 1 + rng.index(below: 2), count: 1 + rng.index(below: 4))
        let b = Self.randomOps(&rng, length: base.count, site: 3, count: 1 + rng.index(below: 4))
        let (a2, b2) = TextOperation.transform(a, b)
        var left = base, right = base
        for op in a + b2 { op.apply(to: &left) }
        for op in b + a2 { op.apply(to: &right) }
        #expect(left == right, "seed \(seed): \(a) vs \(b)")
    }

    @Test("rule: two inserts at one position are ordered by node id; two deletes of one character delete it once")
    func tieBreaks() {
        let x = TextOperation.insert(1, "x", n(2)), y = TextOperation.insert(1, "y", n(1))
        var left = Array("ab"), right = Array("ab")
        for op in [x, y.transformed(after: x)] { op.apply(to: &left) }
        for op in [y, x.transformed(after: y)] { op.apply(to: &right) }
        #expect(String(left) == "ayxb" && left == right)
        #expect(TextOperation.delete(0, n(1)).transformed(after: .delete(0, n(2))) == .noop)
    }

    @Test("an offline copy keeps editing; after the heal every copy reads the same text, and check is ok")
    func offlineEditing() throws {
        var sim = try crdtCluster(type: "text")
        #expect(try sim.crdt("insert", "0", "hello", via: 2) == "hello")
        sim.run(for: .seconds(2))
        #expect(sim.values == ["hello", "hello", "hello"])
        try sim.isolate(n(3))
        try sim.crdt("insert", "5", "!", via: 1)
        try sim.crdt("insert", "0", "oh,", via: 3)
        try sim.crdt("delete", "0", "1", via: 2)
        sim.run(for: .seconds(2))
        #expect(sim.nodes[2].replica.valueText == "oh,hello", "the isolated copy still answers")
        sim.heal()
        let outcome = sim.run(until: .converged, deadline: sim.now + .seconds(10))
        #expect(outcome?.holds == true)
        #expect(sim.values == ["oh,ello!", "oh,ello!", "oh,ello!"])
        let report = CRDTChecker.check(sim)
        #expect(report.violation == nil && report.lines[0].contains("converged to \"oh,ello!\""), "\(report.lines)")
        #expect(try sim.crdt("delete", "3", "9", via: 1) == "delete takes a count 1..5 from position 3, not 9")
        #expect(try sim.crdt("insert", "99", "x", via: 1) == "insert takes a position 0..8, not 99")
    }

    @Test("under chaos and load every copy converges and the server's history holds every acknowledged edit", arguments: 1...10)
    func sweep(seed: UInt64) throws {
        let sim = try crdtChaosRun(type: .text, seed: seed)
        #expect(sim.evaluate(.converged)?.holds == true, "seed \(seed): \(sim.evaluate(.converged)?.actual ?? "")")
        let report = CRDTChecker.check(sim)
        #expect(report.violation == nil && report.lines[0].contains("converged"), "seed \(seed): \(report.lines)")
    }
}
