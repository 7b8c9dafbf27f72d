import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeView

/// The renderer on live snapshots of the two generals and the Byzantine generals.
@Suite struct GeneralsViewTests {
    @Test("two generals: the messenger m0 crosses the valley with its label; the boxes show decision and messengers")
    func twoGeneralsDraw() throws {
        var sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1, options: [(key: "loss", value: "0%")])
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(for: .milliseconds(15))
        #expect(sim.snapshot.messages.map(\.label) == ["m0"])
        for (width, height) in [(80, 24), (100, 30)] {
            let text = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: width, height: height).grid.text
            #expect(text.contains("m0") && text.contains("twogenerals"))
            #expect(text.contains("waits for m1") && text.contains("sent m0 · got -"))
        }
        sim.run(to: .seconds(1))
        let text = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: 100, height: 30).grid.text
        #expect(text.contains("ATTACKS"))
    }

    @Test("Byzantine generals: signature chains on the messages, traitors marked and of kind faulty")
    func byzantineDraws() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 4, seed: 1, options: [(key: "traitors", value: "n3"), (key: "algorithm", value: "sm")])
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(for: .milliseconds(30))
        let snapshot = sim.snapshot
        #expect(snapshot.messages.contains { $0.label.hasPrefix("A:n1:") })
        #expect(snapshot.nodes[2].roleKind == .faulty)
        for (width, height) in [(80, 24), (100, 30), (160, 48)] {
            let text = FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: width, height: height).grid.text
            #expect(text.contains("byzantine") && text.contains("commander"))
            #expect(snapshot.messages.contains { text.contains($0.label) })
        }
        let big = FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 100, height: 30).grid.text
        #expect(big.contains("TRAITOR (worst)"))
    }

    @Test("OM(3) with ten generals draws at every size while thousands of messages fly")
    func bigBattleDraws() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 10, seed: 1, options: [(key: "m", value: "3")])
        try sim.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        sim.run(for: .milliseconds(310))
        #expect(sim.snapshot.messages.count > 1_000)
        for (width, height) in [(80, 24), (160, 48), (1, 1)] {
            _ = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: width, height: height)
        }
    }
}
