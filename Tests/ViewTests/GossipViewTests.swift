import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeView

/// The renderer on real snapshots of a running gossip cluster.
@Suite struct GossipViewTests {
    @Test func liveGossipClusterDraws() throws {
        var sim = try Simulation<GossipNode>(nodeCount: 7, seed: 3)
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        _ = sim.run(for: .milliseconds(5))
        let snapshot = sim.snapshot
        #expect(!snapshot.messages.isEmpty)
        let grid = FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 100, height: 30).grid
        let text = grid.text
        for n in 1...7 { #expect(text.contains("n\(n)")) }
        #expect(text.contains("gossip"))
        // Some message in flight is on the canvas, with its label.
        let labels = Set(snapshot.messages.map(\.label))
        #expect(labels.contains { text.contains($0) })
    }

    @Test func partitionedGossipStopsMessagesAtTheWall() throws {
        var sim = try Simulation<GossipNode>(nodeCount: 7, seed: 5)
        let ids = (0..<7).map(NodeID.init(index:))
        try sim.partition([Array(ids[0..<3]), Array(ids[3..<7])])
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: ids[0])
        let state = ViewState()
        var sawWall = false
        // Across many instants, no cell right of the wall shows a message sent by n1..n3
        // to n4..n7, and the wall itself is always drawn.
        for _ in 0..<40 {
            _ = sim.run(for: .milliseconds(7))
            let snapshot = sim.snapshot
            let layout = FrameRenderer.layout(snapshot: snapshot, state: state, width: 120, height: 40)
            let grid = FrameRenderer.render(snapshot: snapshot, state: state, width: 120, height: 40, layout: layout).grid
            guard let wall = layout.walls.first else { continue }
            sawWall = true
            #expect(grid[wall, 5].character == "┃")
        }
        #expect(sawWall)
    }

    @Test func bigGossipClustersStillDraw() throws {
        for count in [12, 24, 50, 200, 1000] {
            var sim = try Simulation<GossipNode>(nodeCount: count, seed: 1)
            try sim.submit(Operation(name: "broadcast", input: ["x"]), via: NodeID(index: 0))
            _ = sim.run(for: .milliseconds(20))
            for (width, height) in [(80, 24), (160, 48)] {
                let grid = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: width, height: height).grid
                #expect(grid.text.contains("gossip"))
            }
        }
    }
}
