import Foundation
import LightconeLab
import LightconeSimulation
import LightconeView
import Testing

/// `export screen FILE.svg`: the screen as it is, its size and its colours.
@Suite struct ScreenSVGTests {
    @Test("a grid becomes an SVG of its columns and rows, one text element per run of one style, colours kept")
    func gridToSVG() {
        var grid = CellGrid(width: 120, height: 36)
        let wall = Theme.dark.style(for: .wall), leader = Theme.dark.style(for: .leader)
        grid.put(text: "n1 leader", x: 2, y: 1, style: leader)
        grid.put(text: " follower", x: 11, y: 1, style: .plain)
        for y in 0..<36 { grid.put(text: "┃", x: 60, y: y, style: wall) }
        grid.put(text: "<&>", x: 0, y: 35, style: CellStyle(foreground: .black, background: .cyan))
        let svg = grid.svg()
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1080\" height=\"648\""))
        #expect(svg.contains("data-columns=\"120\" data-rows=\"36\""))
        #expect(svg.contains("fill=\"#ff0000\" font-weight=\"bold\""), "the wall is bright red")
        #expect(svg.components(separatedBy: ">┃</text>").count - 1 == 36, "one text element per row of the wall")
        #expect(svg.contains(">n1 leader</text>") && svg.contains("fill=\"#ffff00\""), "the leader is bright yellow")
        #expect(svg.contains(">follower</text>"), "a run of another style is its own element, its leading blank left out")
        #expect(svg.contains("<rect x=\"0\" y=\"630\" width=\"27\" height=\"18\" fill=\"#00cdcd\"/>"), "a background is a rect")
        #expect(svg.contains(">&lt;&amp;&gt;</text>"), "text is escaped")
        #expect(svg.components(separatedBy: "<text").count - 1 == 36 + 3)
        #expect(CellGrid(width: 1, height: 1).svg().contains("data-columns=\"1\""), "a 1x1 grid does not crash")
    }

    @Test("wide characters count two columns; the light theme draws on white")
    func wideAndLight() {
        var grid = CellGrid(width: 10, height: 1)
        grid.put(text: "世界 ok", x: 0, y: 0, style: .plain)
        let svg = grid.svg(palette: .of(.light))
        #expect(svg.contains("fill=\"#ffffff\"/>"))
        #expect(svg.contains("textLength=\"63\""), "7 columns of 9 px")
    }

    @Test("export screen in the full-screen lab writes the screen shown: a 120x36 partitioned raft, wall and leader in colour")
    func exportWritesTheShownScreen() throws {
        let folder = NSTemporaryDirectory() + "lightcone-svg-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 5")
        _ = lab.execute("run until leader")
        _ = lab.execute("partition n1 n2 | n3 n4 n5")
        let frame = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: ViewState(), width: 120, height: 36)
        lab.drawings = .view(showing: frame.grid, theme: .dark)
        #expect(lab.execute("export screen \(folder)/s.svg").lines == ["wrote \(folder)/s.svg"])
        #expect(lab.execute("export screen \(folder)/s.txt").lines == ["wrote \(folder)/s.txt"])
        let svg = try String(contentsOfFile: "\(folder)/s.svg", encoding: .utf8)
        #expect(svg.contains("data-columns=\"120\" data-rows=\"36\""))
        #expect(svg.contains("fill=\"#ff0000\""), "the wall's colour")
        #expect(svg.contains("fill=\"#ffff00\""), "the leader's colour")
        let text = try String(contentsOfFile: "\(folder)/s.txt", encoding: .utf8)
        #expect(text == frame.grid.lines.joined(separator: "\n") + "\n")
    }
}
