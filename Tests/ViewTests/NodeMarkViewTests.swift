import Testing
import LightconeSimulation
import LightconeView

/// A protocol's marks on node boxes (`NodeMark`, the light cone of `cone E`): drawn as the box's
/// first protocol line, in the mark style; reversed on the focus, faint outside.
@Suite struct NodeMarkViewTests {
    static func marked() -> ClusterSnapshot {
        var nodes = (1...3).map { n in
            ClusterSnapshot.NodeView(id: Fixtures.id(n), life: .up, role: "process", epoch: nil, isLeader: false,
                                     lines: ["L=\(n) V=[1,\(n),0]", "n\(n):1 local"])
        }
        nodes[0].mark = NodeMark(.marked, "past<=1")
        nodes[1].mark = NodeMark(.focus, "cone of n2:2")
        nodes[2].mark = NodeMark(.outside, "outside the cone")
        return ClusterSnapshot(time: Fixtures.now, protocolName: "clocks", seed: 1, nodes: nodes, groups: [nodes.map(\.id)])
    }

    @Test func marksAreDrawnInTheBoxesWithTheirStyles() throws {
        let grid = FrameRenderer.render(snapshot: Self.marked(), state: Fixtures.state(), width: 80, height: 24).grid
        try Golden.check(grid, "marks-80x24")
        let theme = ViewState().theme
        func style(of text: String) -> CellStyle? {
            for row in 0..<grid.height {
                let line = (0..<grid.width).map { grid[$0, row].character }
                guard let start = String(line).range(of: text) else { continue }
                return grid[String(line).distance(from: String(line).startIndex, to: start.lowerBound), row].style
            }
            return nil
        }
        #expect(style(of: "past<=1") == theme.style(for: .mark))
        var focus = theme.style(for: .mark)
        focus.attributes.insert(.reverse)
        #expect(style(of: "cone of n2:2") == focus)
        #expect(style(of: "outside the cone") == theme.style(for: .faint))
        // The protocol's own lines still show under the mark.
        #expect(grid.text.contains("L=2 V=[1,2,0]"))
    }

    @Test func unmarkedBoxesAreUnchanged() {
        var snapshot = Self.marked()
        let marked = FrameRenderer.render(snapshot: snapshot, state: Fixtures.state(), width: 80, height: 24).grid.text
        for index in snapshot.nodes.indices { snapshot.nodes[index].mark = nil }
        let plain = FrameRenderer.render(snapshot: snapshot, state: Fixtures.state(), width: 80, height: 24).grid.text
        #expect(!plain.contains("cone of"))
        #expect(plain != marked)
    }

    @Test func smallShapesStillDraw() {
        for (width, height) in [(20, 5), (40, 12), (80, 24), (160, 48)] {
            let text = FrameRenderer.render(snapshot: Self.marked(), state: Fixtures.state(), width: width, height: height).grid.text
            #expect(!text.isEmpty)
        }
    }
}
