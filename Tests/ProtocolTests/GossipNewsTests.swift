import LightconeProtocols
import LightconeSimulation
import Testing

/// A push carries news only in the round after its sender learned something; the view draws
/// the others faintly (issue 13: nodes with nothing new stop drawing loud pushes).
@Suite struct GossipNewsTests {
    /// The pushes sent so far, as (sender, news).
    static func pushes(_ sim: Simulation<GossipNode>) -> [(from: NodeID, news: Bool)] {
        sim.trace.records(from: 0).compactMap { record in
            if case .send(let envelope) = record.event, case .message(.push(_, let news)) = envelope.payload {
                return (envelope.from, news)
            }
            return nil
        }
    }

    @Test("the broadcast's push and the next round's carry news; once everyone knows, pushes are quiet")
    func newsThenQuiet() throws {
        var sim = try Simulation<GossipNode>(nodeCount: 5, seed: 1)
        sim.run(for: .milliseconds(300))
        #expect(GossipNewsTests.pushes(sim).allSatisfy { !$0.news }, "nobody has learned anything: no news")
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        let before = GossipNewsTests.pushes(sim).count
        _ = sim.run(until: GossipNode.delivered("hi"), deadline: .seconds(5))
        let spreading = GossipNewsTests.pushes(sim).dropFirst(before)
        #expect(spreading.first?.from == NodeID(index: 0) && spreading.first?.news == true, "the broadcast is news")
        sim.run(for: .milliseconds(300))
        let settled = GossipNewsTests.pushes(sim).count
        sim.run(for: .milliseconds(500))
        let later = GossipNewsTests.pushes(sim).dropFirst(settled)
        #expect(!later.isEmpty && later.allSatisfy { !$0.news }, "converged: every push repeats what it sent")
    }

    @Test("a push without news is quiet, one with news is not; an empty push is quiet")
    func quietness() {
        #expect(GossipMessage.push(["hi"], news: false).isQuiet)
        #expect(!GossipMessage.push(["hi"], news: true).isQuiet)
        #expect(GossipMessage.push([], news: false).isQuiet)
        #expect(!GossipMessage.pull(["hi"]).isQuiet)
    }
}
