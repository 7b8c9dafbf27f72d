import LightconeLab
import LightconeSimulation
import LightconeView
import Testing

/// `check`'s lanes in the view: a pane over the canvas showing the operations that cannot
/// be linearized, one lane per client.
@Suite struct VerdictLanesViewTests {
    static let capScript = ["run 300ms", "put x 0", "run 200ms", "partition n1 | n2 n3", "run 500ms",
                            "put x 1 via n1", "run 100ms", "get x via n2", "run 200ms"]

    @Test("Gilbert & Lynch on kv-ap: check's lanes are drawn whole over the canvas, columns kept")
    func lanesPane() throws {
        var lab = Lab(options: SessionOptions())
        for line in ["new kv-ap 3 r=1 w=1"] + Self.capScript { _ = lab.execute(line) }
        let output = lab.execute("check").lines
        let verdict = try #require(VerdictLanes(output: output))
        #expect(verdict.title == "check: VIOLATION linearizability: not linearizable on key x")
        #expect(verdict.lanes.count == 4)
        #expect(verdict.lanes[0] == "c1 |--put x 0--|")
        var state = ViewState()
        state.verdictLanes = verdict
        let lines = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: state, width: 120, height: 36).grid.lines
        for lane in verdict.lanes {
            #expect(lines.contains { $0.contains(lane) }, "lane «\(lane)» drawn whole:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.contains { $0.contains("not linearizable on key x") })
        // Without it, no lanes.
        let plain = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: ViewState(), width: 120, height: 36).grid.lines
        #expect(!plain.contains { $0.contains("|--put x 0--|") })
        // At 80x24 it is cut, not broken.
        _ = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: state, width: 80, height: 24)
        _ = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: state, width: 1, height: 1)
    }

    @Test("in a comparison the lanes come from the side that found the violation; a linearizable check has none")
    func compareAndNone() throws {
        var lab = Lab(options: SessionOptions())
        for line in ["compare kv-cp 3 vs kv-ap 3 r=1 w=1", "run 300ms", "put x 0 via n2", "run 500ms", "partition n1 | n2 n3", "run 500ms",
                     "put x 1 via n1", "run 300ms", "get x via n2", "run 300ms"] { _ = lab.execute(line) }
        let verdict = try #require(VerdictLanes(output: lab.execute("check").lines))
        #expect(verdict.title == "kv-ap: check: VIOLATION linearizability: not linearizable on key x")
        #expect(verdict.lanes.first == "c1 |--put x 0--|")
        #expect(VerdictLanes(output: ["check: ok (linearizable, 3 operations)"]) == nil)
    }
}
