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
        nodes[0].roleKind = .leading
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

/// Details that goldens (text only) cannot show: styles, highlights, dying messages.
@Suite struct FrameDetailTests {
    @Test func inspectPanelShowsTheNodeAndHighlightsIt() throws {
        let state = Fixtures.state { $0.sidePanel = .inspect(Fixtures.id(3), lines: ["role follower", "term 3", "log 1/1 2/3 3/3", "commitIndex 2"]) }
        let grid = FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: 80, height: 24).grid
        try Golden.check(grid, "inspect-80x24")
        #expect(grid.text.contains("inspect n3"))
        let highlighted = (0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y] } }
            .filter { $0.style.attributes.contains(.reverse) && $0.character == "3" }
        #expect(!highlighted.isEmpty)
    }

    @Test func lessonGoalMet() throws {
        var lesson = Fixtures.lesson
        lesson.isGoalMet = true
        let state = Fixtures.state { $0.sidePanel = .lesson; $0.lesson = lesson }
        let grid = FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: 160, height: 48).grid
        try Golden.check(grid, "lesson-goal-met-160x48")
        #expect(grid.text.contains("✓ Goal: kill the leader") && grid.text.contains("Done!"))
    }

    @Test func droppedAtTheWallDiesBeforeIt() {
        let drop = ClusterSnapshot.DroppedMessage(id: 9, from: Fixtures.id(2), to: Fixtures.id(4), sentAt: Fixtures.now - 150_000,
                                                  arrivesAt: Fixtures.now - 50_000, droppedAt: Fixtures.now - 50_000,
                                                  label: "AE", reason: "partition")
        let split = Fixtures.raft(drops: [drop], groups: [[1, 2, 3], [4, 5]])
        let state = ViewState()
        let layout = FrameRenderer.layout(snapshot: split, state: state, width: 160, height: 48)
        let grid = FrameRenderer.render(snapshot: split, state: state, width: 160, height: 48).grid
        let row = grid.lines.firstIndex { $0.contains("✗AE") }
        #expect(row != nil)
        if let row, let range = grid.lines[row].range(of: "✗AE") {
            let column = grid.lines[row].distance(from: grid.lines[row].startIndex, to: range.lowerBound)
            #expect(column + 3 < layout.walls[0])
            #expect(grid[column, row].style == Theme.dark.style(for: .dropped))
        }
        // Once healed, that death is not drawn any more; after the fade, no drop is.
        let healed = Fixtures.raft(drops: [drop])
        #expect(!FrameRenderer.render(snapshot: healed, state: state, width: 160, height: 48).grid.text.contains("✗"))
        var late = split
        late.time += .milliseconds(400)
        #expect(!FrameRenderer.render(snapshot: late, state: state, width: 160, height: 48).grid.text.contains("✗"))
    }

    @Test func stylesFollowRoleAndTheme() {
        var nodes = Fixtures.raftNodes()
        nodes[3].life = .down
        nodes[3].role = "down"
        nodes[0].role = "candidate"
        nodes[0].roleKind = .campaigning
        let snapshot = Fixtures.raft(messages: [Fixtures.message(1, 2, 1, label: "AE", progressPermille: 500),
                                                Fixtures.message(2, 3, 2, label: "AE✓", progressPermille: 500, isReply: true)],
                                     nodes: nodes)
        for theme in Theme.allCases {
            let state = Fixtures.state { $0.theme = theme }
            let grid = FrameRenderer.render(snapshot: snapshot, state: state, width: 160, height: 48).grid
            let cells = (0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y] } }
            #expect(cells.contains { $0.character == "┏" && $0.style == theme.style(for: .leader) })
            #expect(cells.contains { $0.character == "╭" && $0.style == theme.style(for: .candidate) })
            #expect(cells.contains { $0.character == "╭" && $0.style == theme.style(for: .down) })
            #expect(cells.contains { $0.character == "◂" && $0.style == theme.style(for: .request) } ||
                    cells.contains { $0.character == "▸" && $0.style == theme.style(for: .request) } ||
                    cells.contains { $0.character == "▴" && $0.style == theme.style(for: .request) })
            #expect(cells.contains { $0.character == "✓" && $0.style == theme.style(for: .reply) })
            #expect(grid[0, 0].style.background == theme.style(for: .statusBar).background)
        }
    }

    @Test func presenterModeIsBoldAndHidesTheLog() {
        let state = Fixtures.state { $0.isPresenterMode = true }
        let grid = FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: 100, height: 30).grid
        #expect(!grid.text.contains("Event log"))
        #expect(!grid.text.contains("became follower"))
        let leaderBorder = (0..<grid.height).flatMap { y in (0..<grid.width).map { grid[$0, y] } }.filter { $0.character == "┏" }
        #expect(leaderBorder.allSatisfy { $0.style.attributes.contains(.bold) } && !leaderBorder.isEmpty)
    }

    @Test func longCommandLineScrollsToKeepTheCursorVisible() {
        let text = String(repeating: "partition n1 n2 | n3 n4 ", count: 6)
        let state = Fixtures.state {
            $0.commandLine = text
            $0.cursorColumn = DisplayWidth.of(text)
        }
        let frame = FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: 80, height: 24)
        #expect(frame.cursor?.x == 78 && frame.cursor?.y == 23)
        #expect(frame.grid.lines[23].hasPrefix("> "))
        let wide = Fixtures.state { $0.commandLine = "echo 日本語"; $0.cursorColumn = 11 }
        let wideFrame = FrameRenderer.render(snapshot: Fixtures.raft(), state: wide, width: 80, height: 24)
        #expect(wideFrame.grid.lines[23] == "> echo 日本語" && wideFrame.cursor?.x == 13)
    }

    @Test func cutLinkStopsItsMessagesAtTheCut() throws {
        var snapshot = Fixtures.raft(messages: [Fixtures.message(1, 5, 2, label: "AE", progressPermille: 950)])
        snapshot.cuts = [Link(Fixtures.id(5), Fixtures.id(2))]
        let grid = FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 160, height: 48).grid
        try Golden.check(grid, "cut-160x48")
        let row = try #require(grid.lines.firstIndex { $0.contains("╳") })
        let cut = try #require(grid.lines[row].firstIndex(of: "╳"))
        let tag = try #require(grid.lines[row].range(of: "▸AE"))
        #expect(tag.upperBound <= cut)
    }

    @Test func statusBarShowsHarvestYieldAndFlags() {
        var snapshot = Fixtures.raft()
        snapshot.isChaosRunning = true
        snapshot.bugs = ["commit-old-terms"]
        snapshot.meters = [MeterReading("harvest", millionths: 930_000), MeterReading("yield", millionths: 980_000)]
        let state = Fixtures.state {
            $0.speedThousandths = 250
            $0.isPlaying = false
        }
        let top = FrameRenderer.render(snapshot: snapshot, state: state, width: 160, height: 48).grid.lines[0]
        #expect(top.contains("t=1.234s"))
        #expect(top.contains("‖ paused 0.25x"))
        #expect(top.contains("harvest 0.93"))
        #expect(top.contains("yield 0.98"))
        #expect(top.contains("chaos"))
        #expect(top.contains("bug commit-old-terms"))
    }

    @Test func oddSnapshotsDoNotCrash() {
        let empty = ClusterSnapshot(time: 0, protocolName: "none", seed: 0, nodes: [], groups: [])
        let odd = ClusterSnapshot(
            time: -5, protocolName: "", seed: .max, nodes: Fixtures.raftNodes(),
            groups: [[NodeID(index: 40), Fixtures.id(1)], [], [Fixtures.id(1), Fixtures.id(2)]],
            cuts: [Link(NodeID(index: -1), Fixtures.id(2)), Link(Fixtures.id(3), Fixtures.id(3))],
            messages: [Fixtures.message(1, 99, 2, label: "", progressPermille: 500),
                       Fixtures.message(2, 2, 2, label: "self", progressPermille: 500),
                       Fixtures.message(3, 1, 3, label: String(repeating: "日", count: 40), progressPermille: 2000),
                       InFlightMessage(id: 4, from: Fixtures.id(1), to: Fixtures.id(4), sentAt: 10, arrivesAt: 10, label: "x",
                                       text: "", isReply: false, state: .travelling, isLost: true)],
            drops: [ClusterSnapshot.DroppedMessage(id: 5, from: NodeID(index: -3), to: Fixtures.id(1), sentAt: 0, arrivesAt: 0,
                                                   droppedAt: -5, label: "\u{7}\t", reason: "?")])
        for snapshot in [empty, odd] {
            for presenter in [false, true] {
                let state = Fixtures.state { $0.isPresenterMode = presenter; $0.lesson = Fixtures.lesson; $0.isHelpShown = presenter }
                for (width, height) in [(80, 24), (160, 48), (81, 100), (400, 24)] {
                    let grid = FrameRenderer.render(snapshot: snapshot, state: state, width: width, height: height).grid
                    #expect(grid.width == width && grid.height == height)
                }
            }
        }
    }
}

/// The paused mark is one DejaVu Sans Mono (the font Debian ships) has: ‖, not ⏸, which it
/// lacks (checked with `fc-list :charset=23f8`).
@Suite struct GlyphFontTests {
    @Test("the paused mark is one the common monospace fonts have")
    func pausedMark() {
        let frame = FrameRenderer.render(snapshot: Fixtures.raft(), state: { var s = ViewState(); s.isPlaying = false; return s }(),
                                         width: 80, height: 24)
        let top = frame.grid.lines[0]
        #expect(top.contains("‖ paused"))
        #expect(!top.contains("⏸"))
    }
}
