import LightconeSimulation
import Testing

/// `load` clients reach the cluster as through a load balancer on their side of a partition.
@Suite struct LoadBalancerTests {
    static func n(_ number: Int) -> NodeID { NodeID(index: number - 1) }

    /// The clients whose operations went to `node`.
    static func clients(at node: NodeID, in sim: Simulation<CounterNode>) -> Set<Int> {
        Set(sim.history.filter { $0.node == node }.map(\.client))
    }

    @Test("a client whose node is down reconnects to an up node on its side, not the next one across the wall")
    func reconnectsOnItsSide() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 5, seed: 1)
        try sim.partition([[Self.n(1), Self.n(2), Self.n(4), Self.n(5)]])  // n3 alone on the other side
        try sim.kill(Self.n(2))
        try sim.startLoad(LoadSpec(rate: 50, duration: .seconds(1)))
        sim.run(for: .seconds(2))
        #expect(Self.clients(at: Self.n(2), in: sim).isEmpty)
        #expect(Self.clients(at: Self.n(3), in: sim).count == 1, "only n3's own client crosses to n3")
        #expect(Self.clients(at: Self.n(4), in: sim).count == 2, "n2's client joins n4's")
        #expect(sim.history.allSatisfy { $0.outcome == .ok })
    }

    @Test("with no up node on its side the client keeps its node and fails at once")
    func noNodeOnItsSide() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 3, seed: 1)
        try sim.partition([[Self.n(2)]])
        try sim.kill(Self.n(2))
        try sim.startLoad(LoadSpec(rate: 30, duration: .seconds(1)))
        sim.run(for: .seconds(2))
        let stranded = sim.history.filter { $0.node == Self.n(2) }
        #expect(!stranded.isEmpty)
        #expect(stranded.allSatisfy { $0.outcome == .fail && $0.output == "n2 is down" && $0.completeTime == $0.invokeTime })
        #expect(sim.history.filter { $0.node != Self.n(2) }.allSatisfy { $0.outcome == .ok })
    }

    @Test("a reconnecting client tries its home first: back home once its home is up again")
    func reconnectsHomeFirst() throws {
        var sim = try Simulation<CounterNode>(nodeCount: 3, seed: 1)
        try sim.kill(Self.n(1))
        try sim.startLoad(LoadSpec(rate: 30, duration: .seconds(3)))
        sim.run(for: .seconds(1))
        #expect(Self.clients(at: Self.n(2), in: sim).count == 2)
        try sim.restart(Self.n(1))
        try sim.kill(Self.n(2))
        let before = sim.history.count
        sim.run(for: .seconds(1))
        let later = sim.history[before...]
        // n1's client goes home to n1 (not on to n3, the next after n2); n2's goes to n3.
        #expect(Set(later.filter { $0.node == Self.n(1) }.map(\.client)).count == 1)
        #expect(Set(later.filter { $0.node == Self.n(3) }.map(\.client)).count == 2)
        #expect(later.allSatisfy { $0.node != Self.n(2) })
    }
}
