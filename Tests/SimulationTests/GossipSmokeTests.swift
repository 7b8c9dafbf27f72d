import Testing
@testable import LightconeSimulation
import LightconeProtocols

@Suite struct GossipSmokeTests {
    @Test func broadcastReachesEveryone() throws {
        var sim = try Simulation<GossipNode>(nodeCount: 5, seed: 1)
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        let outcome = sim.run(until: .delivered("hi"), deadline: .seconds(5))
        #expect(outcome?.holds == true)
    }
}
