import LightconeProtocols
import LightconeSimulation
import Testing

/// The trace must not lose narration (issue 14): message traffic may overwrite the ring that
/// `log` reads, but every notable record (what narration shows) stays, or its loss is counted.
@Suite struct TraceNarrationTests {
    static func broadcast(nodes: Int, trace: Trace<GossipMessage>) throws -> Simulation<GossipNode> {
        var sim = try Simulation<GossipNode>(nodeCount: nodes, seed: 1)
        sim.trace = trace
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        _ = sim.run(until: GossipNode.delivered("hi"), deadline: .seconds(30))
        return sim
    }

    @Test("every `knows hi` of a broadcast reaches narration although the traffic overwrote the ring many times")
    func noteSurvivesTheRing() throws {
        let sim = try Self.broadcast(nodes: 500, trace: Trace(capacity: 300))
        #expect(sim.trace.count > 10 * sim.trace.capacity, "the ring was overwritten many times")
        let (elided, records) = sim.trace.notableRecords(from: 0)
        #expect(elided == 0)
        let knows = records.filter { $0.line.hasSuffix(" knows hi") }
        #expect(knows.count == 500)
        #expect(sim.trace.records(from: 0).filter { $0.line.hasSuffix(" knows hi") }.count < 300)
    }

    @Test("past the notable ring's capacity, exactly the lost notable records are counted as elided")
    func elisionIsExact() throws {
        let sim = try Self.broadcast(nodes: 200, trace: Trace(capacity: 100, notableCapacity: 50))
        let all = sim.trace.notableCount
        #expect(all >= 200)
        let (elided, records) = sim.trace.notableRecords(from: 0)
        #expect(records.count == 50 && elided == all - 50)
        let (laterElided, later) = sim.trace.notableRecords(from: all - 20)
        #expect(laterElided == 0 && later.count == 20)
        #expect(sim.trace.notableRecords(from: all).records.isEmpty)
    }
}
