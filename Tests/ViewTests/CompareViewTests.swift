import LightconeLab
import LightconeSimulation
import LightconeView
import Testing

/// `compare` in the view: the canvas is split, each half headed by its side.
@Suite struct CompareViewTests {
    @Test("each half shows its side's label and its own nodes; the second side's partition is its own")
    func sideBySide() throws {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("compare raft 3 vs raft 3 election=300..600ms")
        _ = lab.execute("run until leader")
        let comparison = try #require(lab.comparison)
        let compared = ComparedCluster(labels: comparison.labels, snapshot: comparison.other.cluster.snapshot)
        let frame = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: ViewState(), width: 120, height: 30, compared: compared)
        let lines = frame.grid.lines
        let heading = try #require(lines.first { $0.contains("raft election=300..600ms · t=") })
        #expect(heading.hasPrefix(" raft · t="), "the first half's heading comes first")
        let canvasWidth = 120 - max(28, min(60, 120 * 3 / 10))
        let left = lines.map { String($0.prefix(canvasWidth / 2)) }.joined(separator: "\n")
        let right = lines.map { String($0.dropFirst(canvasWidth / 2 + 1).prefix(canvasWidth - canvasWidth / 2 - 1)) }.joined(separator: "\n")
        for name in ["n1", "n2", "n3"] {
            #expect(left.contains(name), "left half shows \(name)")
            #expect(right.contains(name), "right half shows \(name)")
        }
        let plain = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: ViewState(), width: 120, height: 30)
        #expect(!plain.grid.lines.contains { $0.contains("election=300..600ms") })
    }
}
