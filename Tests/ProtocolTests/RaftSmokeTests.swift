import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

@Suite struct RaftSmokeTests {
    @Test func electsALeaderAndServesClients() throws {
        var sim = try Simulation<RaftNode>(nodeCount: 5, seed: 1)
        sim.monitor = RaftSafetyMonitor()
        let outcome = sim.run(until: .leader(nil), deadline: .seconds(5))
        #expect(outcome?.holds == true)
        sim.run(for: .milliseconds(100))  // the followers hear of the new leader
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        try sim.submit(Operation(name: "get", key: "x"), via: n(2))
        sim.run(for: .seconds(1))
        #expect(sim.history.map(\.outcome) == [.ok, .ok])
        #expect(sim.history[1].output == "1")
        #expect(sim.evaluate(.converged)?.holds == true)
        #expect(sim.violations.isEmpty)
    }
}
