import LightconeLab
import LightconeSimulation
import LightconeView
import Testing

/// `⚠ stale` at the node that answered a read older than a write already acknowledged.
@Suite struct StaleReadViewTests {
    /// The node box of `node` in `lines`: the rows from its title down (the box's own columns).
    static func box(_ node: String, in lines: [String]) -> String {
        lines.filter { $0.contains("stale") || $0.contains(node) }.joined(separator: "\n")
    }

    @Test("kv-ap (Gilbert & Lynch): the read via n2 across the partition is marked stale at n2, not before")
    func apStaleRead() throws {
        var lab = Lab(options: SessionOptions())
        for line in ["new kv-ap 3 r=1 w=1", "run 300ms", "put x 0", "run 200ms", "partition n1 | n2 n3", "run 500ms",
                     "put x 1 via n1", "run 100ms"] {
            #expect(!lab.execute(line).isError, "\(line)")
        }
        let before = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: ViewState(), width: 120, height: 36).grid.text
        #expect(!before.contains("stale"), "no read yet:\n\(before)")
        _ = lab.execute("get x via n2")
        _ = lab.execute("run 200ms")
        let snapshot = lab.cluster.snapshot
        #expect(snapshot.nodes[1].mark == NodeMark(.marked, "⚠ stale x=0"))
        #expect(snapshot.nodes[0].mark == nil && snapshot.nodes[2].mark == nil)
        let frame = FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 120, height: 36).grid
        let text = frame.text
        #expect(text.contains("⚠ stale x=0"), "the mark is drawn:\n\(text)")
        // Drawn as every protocol mark is (one path with the light cone's): in the mark style.
        let markCell = (0..<frame.height).lazy.flatMap { y in (0..<frame.width).lazy.map { frame[$0, y] } }.first { $0.character == "⚠" }
        #expect(markCell?.style == ViewState().theme.style(for: .mark))
        // It is drawn inside n2's box: the row under n2's title holds it.
        let lines = frame.lines
        let titleRow = try #require(lines.firstIndex { $0.contains("n2") })
        let column = try #require(lines[titleRow].range(of: "n2")).lowerBound.utf16Offset(in: lines[titleRow])
        let markRow = try #require(lines.firstIndex { $0.contains("⚠ stale") })
        #expect(markRow > titleRow && markRow <= titleRow + 3)
        let markColumn = try #require(lines[markRow].range(of: "⚠")).lowerBound.utf16Offset(in: lines[markRow])
        #expect(abs(markColumn - column) <= 4, "mark at column \(markColumn), n2 at \(column)")
        // In --ascii the mark reads `! stale`.
        var ascii = ViewState()
        ascii.isASCII = true
        #expect(FrameRenderer.render(snapshot: snapshot, state: ascii, width: 120, height: 36).grid.text.contains("! stale x=0"))
        // A fresh read after the heal and anti-entropy is not stale: the mark goes.
        _ = lab.execute("heal")
        _ = lab.execute("run 2s")
        _ = lab.execute("get x via n2")
        _ = lab.execute("run 200ms")
        #expect(lab.cluster.snapshot.nodes[1].mark == nil)
    }

    @Test("kv-cp reads=local: a follower's read older than an acknowledged put is marked at that follower")
    func cpLocalStaleRead() {
        var lab = Lab(options: SessionOptions())
        for line in ["new kv-cp 3 reads=local", "run until leader", "put x 1 via n2", "run 300ms", "put x 2 via n2", "run 40ms",
                     "get x via n3", "run 200ms"] {
            #expect(!lab.execute(line).isError, "\(line)")
        }
        let snapshot = lab.cluster.snapshot
        #expect(snapshot.nodes[2].mark == NodeMark(.marked, "⚠ stale x=1"))
        let text = FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 120, height: 36).grid.text
        #expect(text.contains("⚠ stale x=1"), "\(text)")
        // The same read through the leader (reads=leader) is not stale and not marked.
        var linearizable = Lab(options: SessionOptions())
        for line in ["new kv-cp 3", "run until leader", "put x 1 via n2", "run 300ms", "put x 2 via n2", "run 40ms",
                     "get x via n3", "run 200ms"] {
            _ = linearizable.execute(line)
        }
        #expect(linearizable.cluster.snapshot.nodes.allSatisfy { $0.mark == nil && !$0.lines.contains { $0.contains("stale") } })
    }
}
