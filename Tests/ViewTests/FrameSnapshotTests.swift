import Testing
import LightconeSimulation
import LightconeView

/// Golden screens of the main layouts (what a class sees), at 80x24 and 160x48.
@Suite struct FrameSnapshotTests {
    func render(_ snapshot: ClusterSnapshot, _ state: ViewState, _ width: Int, _ height: Int) -> CellGrid {
        FrameRenderer.render(snapshot: snapshot, state: state, width: width, height: height).grid
    }

    @Test func raftCluster80x24() throws {
        try Golden.check(render(Fixtures.raft(), Fixtures.state(), 80, 24), "raft-80x24")
    }

    @Test func raftCluster160x48() throws {
        try Golden.check(render(Fixtures.raft(messages: Fixtures.heartbeats()), Fixtures.state(), 160, 48), "raft-160x48")
    }

    @Test func messagesMidFlight() throws {
        try Golden.check(render(Fixtures.raft(messages: Fixtures.heartbeats()), Fixtures.state(), 80, 24), "messages-80x24")
    }

    @Test func partitionShowsWall() throws {
        let messages = [
            Fixtures.message(1, 2, 1, label: "AE", progressPermille: 500),
            Fixtures.message(2, 2, 4, label: "AE", progressPermille: 900),
            Fixtures.message(3, 5, 3, label: "RV", progressPermille: 950),
        ]
        let snapshot = Fixtures.raft(messages: messages, groups: [[1, 2, 3], [4, 5]])
        try Golden.check(render(snapshot, Fixtures.state(), 80, 24), "partition-80x24")
        try Golden.check(render(snapshot, Fixtures.state(), 160, 48), "partition-160x48")
    }

    @Test func killedAndPausedNodes() throws {
        var nodes = Fixtures.raftNodes()
        nodes[3].life = .down
        nodes[3].role = "down"
        nodes[4].life = .paused
        try Golden.check(render(Fixtures.raft(nodes: nodes), Fixtures.state(), 80, 24), "killed-paused-80x24")
    }

    @Test func droppedAndHeldMessages() throws {
        let drop = ClusterSnapshot.DroppedMessage(id: 9, from: Fixtures.id(2), to: Fixtures.id(5), sentAt: Fixtures.now - 150_000,
                                                  arrivesAt: Fixtures.now - 50_000, droppedAt: Fixtures.now - 50_000,
                                                  label: "AE", reason: "loss")
        let messages = [
            Fixtures.message(1, 2, 3, label: "AE", progressPermille: 0, state: .held),
            Fixtures.message(2, 2, 1, label: "AE", progressPermille: 400),
        ]
        try Golden.check(render(Fixtures.raft(messages: messages, drops: [drop]), Fixtures.state(), 80, 24), "dropped-held-80x24")
    }

    @Test func helpOverlay() throws {
        try Golden.check(render(Fixtures.raft(), Fixtures.state { $0.isHelpShown = true }, 80, 24), "help-80x24")
    }

    @Test func lessonPanel() throws {
        let state = Fixtures.state {
            $0.sidePanel = .lesson
            $0.lesson = Fixtures.lesson
        }
        try Golden.check(render(Fixtures.raft(messages: Fixtures.heartbeats()), state, 80, 24), "lesson-80x24")
    }

    @Test func presenterMode() throws {
        let state = Fixtures.state {
            $0.isPresenterMode = true
            $0.lesson = Fixtures.lesson
        }
        let snapshot = Fixtures.raft(messages: Fixtures.heartbeats())
        try Golden.check(render(snapshot, state, 80, 24), "presenter-80x24")
        try Golden.check(render(snapshot, state, 160, 48), "presenter-160x48")
    }

    @Test func asciiMode() throws {
        var nodes = Fixtures.raftNodes()
        nodes[3].life = .down
        nodes[3].role = "down"
        nodes[4].life = .paused
        let state = Fixtures.state {
            $0.isASCII = true
            $0.isPlaying = false
        }
        let snapshot = Fixtures.raft(messages: Fixtures.heartbeats(), groups: [[1, 2, 3], [4, 5]], nodes: nodes)
        let grid = render(snapshot, state, 80, 24)
        try Golden.check(grid, "ascii-80x24")
        #expect(grid.text.unicodeScalars.allSatisfy { $0.isASCII })
        let help = render(snapshot, Fixtures.state { $0.isASCII = true; $0.isHelpShown = true }, 80, 24)
        #expect(help.text.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func monoThemeHasNoColours() throws {
        let state = Fixtures.state { $0.theme = .mono }
        let grid = render(Fixtures.raft(messages: Fixtures.heartbeats()), state, 80, 24)
        try Golden.check(grid, "mono-80x24")
        #expect(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        // The leader still stands out: bold.
        let leaderCells = grid.cells.filter { $0.character == "┏" }
        #expect(!leaderCells.isEmpty && leaderCells.allSatisfy { $0.style.attributes.contains(.bold) })
    }

    @Test func violationBanner() throws {
        var nodes = Fixtures.raftNodes()
        nodes[0].isLeader = true
        nodes[0].role = "leader"
        let snapshot = Fixtures.raft(nodes: nodes, violations: [Violation(property: "ElectionSafety", message: "n1 and n2 both lead term 3")])
        let grid = render(snapshot, Fixtures.state(), 80, 24)
        #expect(grid.lines[1].hasPrefix(" ✗ VIOLATION ElectionSafety: n1 and n2 both lead"))
        #expect(grid[1, 1].style == Theme.dark.style(for: .alert))
        let wide = render(snapshot, Fixtures.state(), 160, 48)
        #expect(wide.lines[1].contains("VIOLATION ElectionSafety: n1 and n2 both lead term 3"))
    }

    @Test func commandLineWithCompletions() throws {
        let state = Fixtures.state {
            $0.commandLine = "part"
            $0.cursorColumn = 4
            $0.completions = ["partition", "pause", "put"]
        }
        let frame = FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: 80, height: 24)
        try Golden.check(frame.grid, "completions-80x24")
        #expect(frame.cursor?.x == 6 && frame.cursor?.y == 23)
    }

    @Test func tinyTerminalsDoNotCrash() throws {
        let snapshot = Fixtures.raft(messages: Fixtures.heartbeats())
        let state = Fixtures.state { $0.isHelpShown = true }
        #expect(render(snapshot, state, 0, 0).text == "")
        #expect(render(snapshot, state, 1, 1).width == 1)
        try Golden.check(render(snapshot, state, 20, 5), "too-small-20x5")
        try Golden.check(render(snapshot, state, 79, 23), "too-small-79x23")
        for (width, height) in [(1, 1), (2, 2), (20, 5), (79, 23), (80, 23), (79, 24), (-3, 4), (300, 2)] {
            _ = render(snapshot, state, width, height)
            _ = render(snapshot, Fixtures.state { $0.isPresenterMode = true; $0.lesson = Fixtures.lesson }, width, height)
        }
    }
}
