import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeView

/// The light cone of `cone E` on a real clocks cluster: marked on the boxes, and following the
/// run (the future cone grows as messages arrive).
@Suite struct ClocksViewTests {
    @Test func coneMarksFollowTheRun() throws {
        var sim = try Simulation<ClocksNode>(nodeCount: 3, seed: 1)
        try sim.deliverCommand("send", arguments: ["n2"], to: NodeID(index: 0))
        try sim.deliverCommand("event", arguments: [], to: NodeID(index: 2))
        _ = try sim.performProtocolCommand("cone", arguments: ["n1:1"])
        let before = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: 80, height: 24).grid.text
        #expect(before.contains("cone of n1:1"))
        #expect(before.contains("outside the cone"))
        #expect(before.contains("m@1"), "the message in flight is labelled with its Lamport timestamp")
        sim.run(for: .milliseconds(50))
        let after = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: 80, height: 24).grid.text
        #expect(after.contains("fut>=1"), "n2's receive is in n1:1's future now")
        try Golden.check(FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: 80, height: 24).grid, "clocks-cone-80x24")
        _ = try sim.performProtocolCommand("cone", arguments: ["off"])
        #expect(sim.snapshot.nodes.allSatisfy { $0.mark == nil })
    }
}
