import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeView

/// Golden screens of Paxos from live snapshots: the boxes show promised and accepted, or
/// learned and accepted (Basic Paxos), and the last slots with their ballots and the chosen
/// count (Multi-Paxos), uncut at 80x24.
@Suite struct PaxosViewTests {
    func render(_ sim: Simulation<PaxosNode>, _ width: Int, _ height: Int) -> CellGrid {
        var state = ViewState()
        state.logLines = sim.traceLines(from: 0, notableOnly: true, node: nil).suffix(8).map { $0 }
        return FrameRenderer.render(snapshot: sim.snapshot, state: state, width: width, height: height).grid
    }

    func cluster(_ options: [(key: String, value: String)] = []) throws -> Simulation<PaxosNode> {
        var sim = try Simulation<PaxosNode>(nodeCount: 5, seed: 1, options: options)
        sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
        return sim
    }

    /// "Chosen stays chosen" with three acceptors: x was chosen in 1.n1 by n1 and n2 (n2 never
    /// heard n1's Accepted); n1 is down, n3 is back, and n2's accept 2.n2 carries x, the value
    /// its promise reported.
    @Test func basicPaxosBoxesShowPromisedAcceptedLearned() throws {
        var sim = try Simulation<PaxosNode>(nodeCount: 3, seed: 1)
        sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
        try sim.kill(NodeID(index: 2))
        _ = try sim.submit(Operation(name: "propose", input: ["x"]), via: NodeID(index: 0))
        sim.run(for: .milliseconds(25))
        let toN2 = try #require(sim.messagesInFlight.first { $0.to == NodeID(index: 1) && $0.text.hasPrefix("Accepted") })
        try sim.dropMessage(toN2.id)
        sim.run(for: .milliseconds(50))
        try sim.kill(NodeID(index: 0))
        try sim.restart(NodeID(index: 2))
        _ = try sim.submit(Operation(name: "propose", input: ["y"]), via: NodeID(index: 1))
        sim.run(for: .milliseconds(25))
        #expect(sim.snapshot.messages.map(\.label) == ["A 2.n2", "A 2.n2", "A✓ 2.n2", "A✓ 2.n2"])
        #expect(sim.snapshot.nodes.map(\.lines) == [["learned x", "acc 1.n1:x", "prom 1.n1"],
                                                    ["prom 2.n2", "acc 2.n2:x", "learned -"],
                                                    ["prom 2.n2", "acc -", "learned -"]])
        try Golden.check(render(sim, 80, 24), "paxos-basic-80x24")
        try Golden.check(render(sim, 160, 48), "paxos-basic-160x48")
    }

    /// A Multi-Paxos leader n1 with three commands chosen; n5 is cut off and lags, and slot 4
    /// is on its way.
    @Test func multiPaxosBoxesShowTheLogBySlotWithBallots() throws {
        var sim = try cluster([(key: "mode", value: "multi")])
        try sim.forceTimeout([NodeID(index: 0)])
        _ = sim.run(until: .leader(NodeID(index: 0)), deadline: .milliseconds(100))
        for (key, value) in [("a", "1"), ("b", "2")] {
            _ = try sim.submit(Operation(name: "put", key: key, input: [value]), via: NodeID(index: 0))
            sim.run(for: .milliseconds(60))
        }
        try sim.cut(NodeID(index: 0), NodeID(index: 4), bothWays: false)
        _ = try sim.submit(Operation(name: "put", key: "c", input: ["3"]), via: NodeID(index: 0))
        sim.run(for: .milliseconds(60))
        _ = try sim.submit(Operation(name: "put", key: "d", input: ["4"]), via: NodeID(index: 0))
        sim.run(for: .milliseconds(5))
        let lines = sim.snapshot.nodes.map(\.lines)
        #expect(lines[0] == ["4@1.n1", "chosen 3", "prom 1.n1"])
        #expect(lines[4] == ["2@1.n1", "chosen 1", "prom 1.n1"])   // slot 2 accepted, not yet learned
        #expect(lines.allSatisfy { $0.allSatisfy { $0.count <= 10 } })
        try Golden.check(render(sim, 80, 24), "paxos-multi-80x24")
        try Golden.check(render(sim, 160, 48), "paxos-multi-160x48")
    }
}
