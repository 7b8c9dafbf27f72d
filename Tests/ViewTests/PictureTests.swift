import Testing
import LightconeSimulation
@testable import LightconeView

/// What the picture says (issue 13): log entries in the boxes, the log table, election
/// timer bars, labels that never overlap, the legend, faint empty pushes.
@Suite struct PictureTests {
    func render(_ snapshot: ClusterSnapshot, _ state: ViewState, _ width: Int, _ height: Int) -> CellGrid {
        FrameRenderer.render(snapshot: snapshot, state: state, width: width, height: height).grid
    }

    /// Logs that differ, as after a leader change: n5 kept an entry of term 2 the new leader
    /// overwrote, n4 lags, n3 is down.
    static func divergedNodes() -> [ClusterSnapshot.NodeView] {
        var nodes = Fixtures.raftNodes()
        let entries: [(Int, String)] = [(1, "noop"), (1, "x=1"), (3, "noop"), (3, "y=2"), (3, "x=3"), (3, "z=4"), (3, "y=5")]
        nodes[0].log = Fixtures.log(entries, committed: 6)
        nodes[1].log = Fixtures.log(entries, committed: 6)
        nodes[2].log = Fixtures.log(Array(entries.prefix(6)), committed: 4)
        nodes[2].life = .down
        nodes[2].role = "down"
        nodes[3].log = Fixtures.log(Array(entries.prefix(4)), committed: 4)
        nodes[4].log = Fixtures.log([(1, "noop"), (1, "x=1"), (2, "w=9")], committed: 2)
        return nodes
    }

    @Test func boxesShowTheNewestEntriesWithValuesAndCommittedMarks() {
        let grid = render(Fixtures.raft(), Fixtures.state(), 160, 48)
        #expect(grid.text.contains("1:noop✓ 2:x=1✓ 3:y=2"))
        #expect(!grid.text.contains("log 1/1"))
        // At 80x24 the box is narrow: the newest entries that fit, never a cut-off tail.
        let small = render(Fixtures.raft(), Fixtures.state(), 80, 24)
        #expect(small.text.contains("│ 2:x=1✓   │"))
        #expect(small.text.contains("│ 3:y=2    │"))
        #expect(!small.text.contains("…"))
    }

    @Test func logTable() throws {
        let snapshot = Fixtures.raft(nodes: Self.divergedNodes())
        let state = Fixtures.state { $0.isLogTableShown = true }
        try Golden.check(render(snapshot, state, 80, 24), "log-table-80x24")
        try Golden.check(render(snapshot, state, 160, 48), "log-table-160x48")
        let grid = render(snapshot, state, 160, 48)
        // One row per node, one column per index, each cell the term, committed ones marked.
        let row5 = grid.lines.first { $0.contains("│ n5 F") } ?? ""
        #expect(row5.contains("1✓ 1✓ 2 "))
        let row1 = grid.lines.first { $0.contains("│ n1 F") } ?? ""
        #expect(row1.contains("1✓ 1✓ 3✓ 3✓ 3✓ 3✓ 3 "))
        // Hidden by default, and never drawn for a protocol without a log.
        #expect(!render(snapshot, Fixtures.state(), 160, 48).text.contains("Log: the term"))
        var gossip = snapshot
        for index in gossip.nodes.indices { gossip.nodes[index].log = nil }
        #expect(!render(gossip, state, 160, 48).text.contains("Log: the term"))
    }

    @Test func logTableShowsTheNewestIndicesThatFit() {
        var nodes = Fixtures.raftNodes()
        let long = (1...60).map { (($0 + 9) / 10, "x=\($0)") }
        for index in nodes.indices {
            let entries = Array(long.suffix(LogObservation.limit)).enumerated().map { offset, entry in
                LogObservation.Entry(index: 60 - LogObservation.limit + 1 + offset, term: entry.0, value: entry.1, isCommitted: true)
            }
            nodes[index].log = LogObservation(length: 60, entries: entries)
        }
        let grid = render(Fixtures.raft(nodes: nodes), Fixtures.state { $0.isLogTableShown = true }, 80, 24)
        let header = grid.lines.first { $0.contains("│ …") } ?? ""
        #expect(header.contains(" 60"))
        #expect(!header.contains(" 28 "))
    }

    @Test func electionTimerBars() throws {
        let grid = render(Fixtures.raft(), Fixtures.state(), 160, 48)
        try Golden.check(grid, "timer-bars-160x48")
        // The bar along each follower's bottom edge is as long as the time it has left:
        // n4 (40 of 300 ms left) times out next, n5 (280 ms) last; the leader has none.
        func bar(_ node: Int) -> Int {
            let layout = FrameRenderer.layout(snapshot: Fixtures.raft(), state: Fixtures.state(), width: 160, height: 48)
            let rect = layout.shape.rect(centredOn: layout.centre(of: Fixtures.id(node)))
            return (rect.x..<rect.maxX).filter { grid[$0, rect.maxY - 1].character == "━" }.count
        }
        #expect(bar(4) < bar(3) && bar(3) < bar(1) && bar(1) < bar(5))
        #expect(bar(2) > 20)  // the leader's heavy frame, not a bar
        let width = FrameRenderer.layout(snapshot: Fixtures.raft(), state: Fixtures.state(), width: 160, height: 48).shape.width - 2
        #expect(bar(5) == Int((Double(width) * 280 / 300).rounded()))
    }

    @Test func legendOnHelpAndInPresenterStrip() throws {
        let help = render(Fixtures.raft(), Fixtures.state { $0.isHelpShown = true }, 100, 30)
        try Golden.check(help, "legend-help-100x30")
        #expect(help.text.contains("AppendEntries"))
        #expect(help.text.contains("F2"))
        // At 80x24 the legend still fits beside the keys.
        let small = render(Fixtures.raft(), Fixtures.state { $0.isHelpShown = true }, 80, 24)
        try Golden.check(small, "legend-help-80x24")
        #expect(small.text.contains("granted"))
        // Presenter mode: a strip on the band's rule, the labels on screen first.
        let state = Fixtures.state {
            $0.isPresenterMode = true
            $0.lesson = Fixtures.lesson
        }
        let strip = render(Fixtures.raft(messages: Fixtures.heartbeats()), state, 80, 24)
        try Golden.check(strip, "legend-strip-80x24")
        let rule = strip.lines.first { $0.hasPrefix("━━━") } ?? ""
        #expect(rule.contains("AE AppendEntries"))
        #expect(rule.contains("AE✓ success"))
        #expect(FramePainter.shortMeanings(Fixtures.raftLabels) == ["RequestVote", "vote granted", "vote refused", "AppendEntries", "success", "failure"])
    }

    /// Many messages at once, on a whole and on a partitioned cluster, in every mode.
    static func busySnapshots() -> [ClusterSnapshot] {
        var snapshots: [ClusterSnapshot] = []
        for seed in UInt64(1)...12 {
            var rng = SeededGenerator(seed: seed)
            let count = [20, 50, 100][Int(seed % 3)]
            var messages: [InFlightMessage] = []
            for number in 0..<count {
                let from = rng.index(below: 5) + 1
                var to = rng.index(below: 4) + 1
                if to >= from { to += 1 }
                let label = ["AE", "AE✓", "RV", "RV✓", "push]", "AEE"][rng.index(below: 6)]
                let state: InFlightMessage.State = rng.index(below: 10) == 0 ? .held : .travelling
                messages.append(Fixtures.message(MessageID(number), from, to, label: label, progressPermille: Int64(rng.index(below: 1001)),
                                                 isReply: label.count > 2, state: state, isLost: rng.index(below: 8) == 0))
            }
            let drops = (0..<(count / 10)).map { number in
                ClusterSnapshot.DroppedMessage(id: MessageID(1000 + number), from: Fixtures.id(number % 5 + 1), to: Fixtures.id((number + 2) % 5 + 1),
                                               sentAt: Fixtures.now - 150_000, arrivesAt: Fixtures.now - 50_000, droppedAt: Fixtures.now - 50_000,
                                               label: "AE", reason: "loss")
            }
            let groups = seed % 2 == 0 ? [[1, 2, 3, 4, 5]] : [[1, 2, 3], [4, 5]]
            snapshots.append(Fixtures.raft(messages: messages, drops: drops, groups: groups))
        }
        return snapshots
    }

    @Test(arguments: [(80, 24, false), (160, 48, false), (100, 30, false), (80, 24, true), (160, 48, true)])
    func labelsNeverOverlapOnBusyFrames(width: Int, height: Int, presenter: Bool) {
        var state = Fixtures.state()
        state.isPresenterMode = presenter
        for snapshot in Self.busySnapshots() {
            let (grid, tags, nodes, canvas) = FrameRenderer.renderWithTags(snapshot: snapshot, state: state, width: width, height: height)
            #expect(!tags.isEmpty)
            for (i, tag) in tags.enumerated() {
                // Inside the canvas, clear of every node, and not touching another tag.
                #expect(tag.x >= canvas.x && tag.maxX <= canvas.maxX && tag.y >= canvas.y && tag.maxY <= canvas.maxY)
                #expect(!nodes.contains { $0.intersects(tag) })
                let padded = Rect(x: tag.x - 1, y: tag.y, width: tag.width + 2, height: 1)
                for other in tags[(i + 1)...] { #expect(!padded.intersects(other), "\(tag) touches \(other)") }
                // Drawn whole: the marker starts the tag and no cell of it is blank.
                #expect((tag.x..<tag.maxX).allSatisfy { !grid.isBlank(x: $0, y: tag.y) })
            }
            // No glued labels like `▸AEE`, `◂▸AE` or `✗AE✗`.
            for line in grid.lines {
                #expect(!line.contains("AEAE") && !line.contains("◂▸") && !line.contains("▸◂") && !line.contains("✗AE✗"))
            }
        }
    }

    @Test func emptyGossipPushesAreFaintAndUnlabelled() {
        var nodes = (1...5).map { n in
            ClusterSnapshot.NodeView(id: Fixtures.id(n), life: .up, role: "node", epoch: nil, isLeader: false, lines: ["knows nothing"])
        }
        nodes[0].lines = ["knows hi"]
        let messages = [
            InFlightMessage(id: 1, from: Fixtures.id(1), to: Fixtures.id(3), sentAt: Fixtures.now - 50_000, arrivesAt: Fixtures.now + 50_000,
                            label: "push", text: "Push [hi]", isReply: false, state: .travelling, isLost: false),
            InFlightMessage(id: 2, from: Fixtures.id(4), to: Fixtures.id(2), sentAt: Fixtures.now - 50_000, arrivesAt: Fixtures.now + 50_000,
                            label: "push", text: "Push []", isReply: false, state: .travelling, isLost: false, isQuiet: true),
        ]
        let snapshot = ClusterSnapshot(time: Fixtures.now, protocolName: "gossip", seed: 1, nodes: nodes,
                                       groups: [nodes.map(\.id)], messages: messages)
        let (grid, tags, _, _) = FrameRenderer.renderWithTags(snapshot: snapshot, state: Fixtures.state(), width: 160, height: 48)
        #expect(grid.text.components(separatedBy: "push").count == 2)
        #expect(tags.count == 2)
        let quiet = tags.first { $0.width == 1 }
        #expect(quiet.map { grid[$0.x, $0.y].style } == Theme.dark.style(for: .link))
    }
}
