@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// Gossip's known values are a sorted array merged in linear time; checked against Set.
@Suite struct GossipSetTests {
    @Test("union and difference agree with sets on random sorted inputs", arguments: 1...200)
    func mergeAgreesWithSets(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        func values() -> [String] {
            Array(Set((0..<rng.index(below: 12)).map { _ in "v\(rng.index(below: 15))" })).sorted()
        }
        let a = values(), b = values()
        #expect(GossipNode.union(a, b) == Array(Set(a).union(b)).sorted())
        #expect(GossipNode.difference(a, minus: b) == Array(Set(a).subtracting(b)).sorted())
        #expect(GossipNode.union(a, b.reversed()) == Array(Set(a).union(b)).sorted())
    }

    @Test("under load a node's note gives the count once it knows more than 12 values")
    func shortNotes() throws {
        var sim = try Simulation<GossipNode>(nodeCount: 3, seed: 1, options: [])
        for value in 1...14 { try sim.submit(Operation(name: "broadcast", input: ["v\(value)"]), via: NodeID(index: 0)) }
        sim.run(to: .seconds(1))
        let notes = sim.traceLines(from: 0, notableOnly: true, node: NodeID(index: 0)).filter { $0.contains(" knows ") }
        #expect(notes.contains { $0.hasSuffix("n1 knows 14 values") })
        #expect(sim.nodes.allSatisfy { $0.known.count == 14 && $0.knows("v7") && !$0.knows("v99") })
    }
}
