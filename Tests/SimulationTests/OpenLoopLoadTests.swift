import LightconeSimulation
import Testing

/// `load R/s` is open-loop (issue 14): R operations start per simulated second whatever
/// happened to the earlier ones, on as many clients as that needs (at most `clients=`).
@Suite struct OpenLoopLoadTests {
    /// The most operations of a history in flight at one instant (one that timed out was in
    /// flight until its client gave up, a second after its invoke).
    static func mostInFlight(_ history: [HistoryEntry]) -> Int {
        var events: [(SimTime, Int)] = []
        for entry in history {
            events.append((entry.invokeTime, 1))
            events.append((entry.completeTime ?? entry.invokeTime + .seconds(1), -1))
        }
        events.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var current = 0, most = 0
        for (_, change) in events {
            current += change
            most = max(most, current)
        }
        return most
    }

    @Test("open-loop load: R operations per simulated second even when no node answers")
    func issuesAtTheRate() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 3, seed: 1)
        for index in 0..<3 { try sim.pause(NodeID(index: index)) }
        try sim.startLoad(LoadSpec(rate: 20, duration: .seconds(2)))
        sim.run(for: .seconds(4))
        // Ticks at 0, 50 ms, ..., 2 s: 41 operations, although every one waits a whole second.
        #expect(sim.history.count == 41)
        #expect(sim.loadCounts.issued == 41 && sim.loadCounts.skipped == 0)
        #expect(Self.mostInFlight(sim.history) > 3, "more clients than nodes joined")
        // No client ever has two operations outstanding.
        for client in Set(sim.history.map(\.client)) {
            #expect(Self.mostInFlight(sim.history.filter { $0.client == client }) == 1)
        }
    }

    @Test("clients=N caps the clients: a tick that finds all N busy issues nothing")
    func capsTheClients() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 3, seed: 1)
        for index in 0..<3 { try sim.pause(NodeID(index: index)) }
        try sim.startLoad(LoadSpec(rate: 20, duration: .seconds(2), clients: 2))
        sim.run(for: .seconds(4))
        #expect(Self.mostInFlight(sim.history) == 2)
        #expect(sim.loadCounts.issued == sim.history.count)
        #expect(sim.loadCounts.issued + sim.loadCounts.skipped == 41)
        #expect(Set(sim.history.map(\.client)).count >= 2)
    }

    @Test("a cluster that answers at once sees the same clients in turn as before (one per node)")
    func fastClusterRoundRobin() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 3, seed: 1)
        try sim.startLoad(LoadSpec(rate: 30, duration: .seconds(1)))
        sim.run(for: .seconds(2))
        #expect(sim.history.count == 31)
        #expect(Set(sim.history.map(\.client)).count == 3)
        #expect(sim.history.enumerated().allSatisfy { $0.element.node == NodeID(index: $0.offset % 3) })
    }
}
