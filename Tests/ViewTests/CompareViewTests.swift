import Foundation
import LightconeLab
import LightconeSimulation
@testable import LightconeView
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

/// `compare` at 100x30 (issue 13's leftover): each side's heading shows whole items only.
@Suite struct CompareHeadingTests {
    static func headings(_ lab: Lab, width: Int, height: Int) throws -> [[String]] {
        let comparison = try #require(lab.comparison)
        let compared = ComparedCluster(labels: comparison.labels, snapshot: comparison.other.cluster.snapshot)
        let lines = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: ViewState(), width: width, height: height,
                                         compared: compared).grid.lines
        let canvasWidth = width - ScreenLayout.sidePanelWidth(screenWidth: width)
        let half = canvasWidth / 2
        let row = Array(lines[2])
        let left = String(row.prefix(half)).trimmingSpaces
        let right = String(row.dropFirst(half + 1).prefix(canvasWidth - half - 1)).trimmingSpaces
        return [left, right].map { $0.components(separatedBy: " · ") }
    }

    @Test("at 100x30 the side headings of kv-cp vs kv-ap keep whole items, never a cut word")
    func wholeItemsAt100x30() throws {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("compare kv-cp 3 vs kv-ap 3 r=1 w=1")
        _ = lab.execute("put x 1 via n1")
        _ = lab.execute("run 2s")
        let full = try Self.headings(lab, width: 240, height: 30)
        let narrow = try Self.headings(lab, width: 100, height: 30)
        for side in 0..<2 {
            #expect(narrow[side].count >= 2, "the label and the time at least: \(narrow[side])")
            #expect(narrow[side].first == full[side].first, "the label is whole: \(narrow[side])")
            for item in narrow[side] { #expect(full[side].contains(item), "\(item) is cut; full heading \(full[side])") }
        }
    }

    @Test("a label too long for its half is shortened with an ellipsis and keeps the time")
    func longLabel() {
        let text = FramePainter.sideHeading(label: "kv-ap 3 r=1 w=1 n=3 consistent=bank", items: ["t=1.000s", "leader n1"],
                                            width: 30, separator: " · ", ellipsis: "…")
        #expect(text == " kv-ap 3 r=1 w=1 n… · t=1.000s")
        #expect(FramePainter.sideHeading(label: "raft", items: ["t=1.000s", "leader n1 and more", "yield 1"], width: 26,
                                         separator: " · ", ellipsis: "…") == " raft · t=1.000s · yield 1",
                "an item that does not fit is left out whole; a later one that fits still shows")
    }
}

private extension String {
    var trimmingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        while text.first == " " { text.removeFirst() }
        return text
    }
}
