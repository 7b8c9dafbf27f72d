import LightconeLab
import LightconeSimulation
import LightconeView
import Testing

/// The lesson panel and the output pane, drawn by `FrameRenderer` (issue 13, "Lessons in
/// the view").
@Suite("Lesson panel and output pane")
struct LessonPanelTests {
    static func frame(_ state: ViewState, width: Int = 100, height: Int = 30) -> [String] {
        FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: width, height: height).grid.lines
    }

    static func lessonState(_ blocks: [LessonBlock]) -> ViewState {
        var state = ViewState()
        state.sidePanel = .lesson
        state.lesson = LessonPanelContent(title: "Raft I · A split vote", paragraphs: [], goal: "voted n4 n2",
                                          step: 2, stepCount: 6, blocks: blocks)
        return state
    }

    /// The side panel's text rows (inside its frame).
    static func panelRows(_ lines: [String], width: Int = 100) -> [String] {
        let panelWidth = max(28, min(60, width * 3 / 10))
        return lines.dropFirst().map { line in
            let characters = Array(line)
            guard characters.count > width - panelWidth + 2 else { return "" }
            return String(characters[(width - panelWidth + 2)..<min(characters.count, width - 2)])
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    @Test("the panel header says Step 2/6, not Lesson 2/6")
    func header() {
        let lines = Self.frame(Self.lessonState([.prose("Two candidates.")]))
        #expect(lines[1].contains("Step 2/6"))
        #expect(!lines.joined().contains("Lesson 2/6"))
    }

    @Test("a setup block shows one > command per row with its output; no ? for newlines, no letter lost at a wrap")
    func setupBlockLineByLine() {
        let runs = [LessonCommandRun(command: "new gossip 5", output: ["new gossip: 5 nodes n1..n5, seed 1"]),
                    LessonCommandRun(command: "partition n1 n2 | n3 n4 n5", output: ["t=0ms partition n1 n2 | n3 n4 n5"]),
                    LessonCommandRun(command: "broadcast rumour via n1", output: ["t=0ms c1 invoke broadcast rumour via n1"])]
        let rows = Self.panelRows(Self.frame(Self.lessonState([.prose("A wall."), .commands(runs)])))
        let text = rows.joined(separator: "\n")
        #expect(rows.contains("> new gossip 5"))
        #expect(rows.contains { $0.hasPrefix("> partition n1 n2 | n3 n4") })
        #expect(rows.contains("> broadcast rumour via n1"))
        #expect(rows.contains { $0.hasPrefix("new gossip: 5 nodes") })
        #expect(!text.contains("?"))
        // Every letter of every command and output is on screen, in order, across the wraps.
        let shown = text.replacingOccurrences(of: "\\s+", with: "", options: .regularExpression)
        for run in runs {
            #expect(shown.contains(("> " + run.command).filter { !$0.isWhitespace }))
            for line in run.output { #expect(shown.contains(line.filter { !$0.isWhitespace })) }
        }
    }

    @Test("lists get a hanging indent, quotes a bar, inline code loses its backticks")
    func listsQuotesAndCode() {
        let blocks: [LessonBlock] = [
            .listItem(marker: "-", text: "the first item is long enough to wrap onto a second row of the panel"),
            .listItem(marker: "2.", text: "a numbered one"),
            .quote("A distributed system is one in which the failure of a computer you didn't even know existed"),
            .prose("Type `nodes` and `log` to see."),
        ]
        let state = Self.lessonState(blocks)
        let rows = Self.panelRows(Self.frame(state))
        let first = rows.firstIndex { $0.hasPrefix("• the first item") }
        #expect(first != nil, "\(rows)")
        if let first {
            #expect(rows[first + 1].hasPrefix("  ") && rows[first + 1].dropFirst(2).first?.isLetter == true, "hanging indent: \(rows[first + 1])")
        }
        #expect(rows.contains { $0.hasPrefix("2. a numbered one") })
        #expect(rows.filter { $0.hasPrefix("▌ ") }.count >= 2, "a quote is set apart on every row")
        #expect(rows.contains { $0.contains("Type nodes and log to see.") })
        #expect(!rows.joined().contains("`"))
        // The code is drawn in the code (prompt) style.
        let grid = FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: 100, height: 30).grid
        let y = grid.lines.firstIndex { $0.contains("Type nodes") } ?? 0
        let row = Array(grid.lines[y])
        let codeX = (0..<row.count).first { row[$0...].starts(with: "nodes") } ?? 0
        #expect(grid[codeX, y].style == ViewState().theme.style(for: .prompt))
        #expect(grid[codeX - 2, y].style == ViewState().theme.style(for: .text))
    }

    @Test("a long step scrolls with panelScroll; an ellipsis row says how")
    func lessonScrolls() {
        let long = (1...30).map { LessonBlock.prose("Paragraph \($0).") }
        var state = Self.lessonState(long)
        let top = Self.panelRows(Self.frame(state))
        #expect(top.contains("Paragraph 1."))
        #expect(top.contains { $0.contains("] scrolls down") })
        state.panelScroll = 20
        let scrolled = Self.panelRows(Self.frame(state))
        #expect(!scrolled.contains("Paragraph 1."))
        #expect(scrolled.contains { $0.hasPrefix("Paragraph 1") && $0 != "Paragraph 1." })
        #expect(scrolled.contains { $0.contains("Goal: voted n4 n2") }, "the goal stays pinned")
    }

    @Test("the output pane shows every line verbatim, columns and runs of spaces kept, over the side panel")
    func outputPane() {
        var state = ViewState()
        let lines = ["time      n1    n2    n3", "1852.567ms |     |     <Push-o", "1858.664ms |     o---Push->"]
            + (1...40).map { "row \($0)   two  spaces" }
        state.outputPane = OutputPane(title: "timeline", lines: lines)
        let frame = Self.frame(state)
        #expect(frame[1].contains("timeline"))
        for line in lines.prefix(20) { #expect(frame.contains { $0.contains(line) }, "missing: \(line)") }
        #expect(frame.contains { $0.contains("q/Esc close") || $0.contains("q close") })
        var pane = OutputPane(title: "timeline", lines: lines)
        pane.scroll(by: 30, rows: FrameRenderer.outputPaneRows(pane, width: 100, height: 30, isPresenterMode: false))
        state.outputPane = pane
        let scrolled = Self.frame(state)
        #expect(scrolled.contains { $0.contains("row 40   two  spaces") })
        #expect(!scrolled.contains { $0.contains("time      n1") })
    }

    @Test("the event log keeps runs of spaces and scrolls back with panelScroll")
    func eventLogKeepsSpacesAndScrolls() {
        var state = ViewState()
        state.logLines = (1...60).map { "line \($0)" } + ["n1  up   leader"]
        let frame = Self.frame(state)
        #expect(frame.contains { $0.contains("n1  up   leader") })
        state.panelScroll = 30
        let back = Self.frame(state)
        #expect(back[1].contains("Event log ▴30"))
        #expect(back.contains { $0.contains("line 31 ") || $0.hasSuffix("line 31") || $0.contains("line 31 │") })
        #expect(!back.contains { $0.contains("n1  up   leader") })
    }

    @Test("StyledText.preformatted keeps spaces and never drops a character at a cut")
    func preformattedWrap() {
        let text = "t=0ms partition n1 n2 | n3 n4 n5  and   more"
        #expect(StyledText.preformatted(text, width: 60) == [text], "a line that fits is kept as is, double spaces too")
        for width in 5...30 {
            let parts = StyledText.preformatted(text, width: width, indent: 2)
            #expect(parts.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(parts)")
            // Rejoined (a space may have gone where a piece was cut), no other character is lost.
            let rejoined = parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst(2)) }
            #expect(rejoined.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width): \(parts)")
        }
    }
}
