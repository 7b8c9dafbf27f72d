import Testing
import LightconeSimulation
@testable import LightconeView

/// Presenter mode for the back row (issue 13): the demo band with its title and part, `say`
/// in a big block font, nothing important truncated at 80x24.
@Suite struct PresenterTests {
    func render(_ snapshot: ClusterSnapshot, _ state: ViewState, _ width: Int, _ height: Int) -> CellGrid {
        FrameRenderer.render(snapshot: snapshot, state: state, width: width, height: height).grid
    }

    static func demoState(_ captions: [String]) -> ViewState {
        Fixtures.state {
            $0.isPresenterMode = true
            $0.demo = DemoBand(title: "Raft failover", part: 2, partCount: 5, captions: captions)
            $0.statusMessage = ""
        }
    }

    @Test func blockFontCoversLettersDigitsAndPunctuation() {
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,!?:;'-_+=/()[]<>*#%&@\""
        #expect(BlockFont.canRender(alphabet))
        #expect(BlockFont.canRender(alphabet.lowercased()))
        for character in alphabet {
            let bitmap = BlockFont.glyph(for: character) ?? []
            #expect(bitmap.count == 5, "\(character)")
            #expect(Set(bitmap.map(\.count)).count == 1, "\(character) has rows of different widths")
            let rows = BlockFont.render(String(character)) ?? []
            #expect(rows.count == 3)
            #expect(rows.joined().allSatisfy { " █▀▄".contains($0) })
        }
        #expect(BlockFont.render("HI") == ["█ █ ▀█▀", "█▀█  █ ", "▀ ▀ ▀▀▀"])
        #expect(BlockFont.width(of: "HI") == 7)
        #expect(!BlockFont.canRender("naïve ✓"))
    }

    @Test func sayIsDrawnInTheBigFontWhenItFits() throws {
        let grid = render(Fixtures.raft(messages: Fixtures.heartbeats()), Self.demoState(["Kill the leader"]), 80, 24)
        try Golden.check(grid, "demo-big-80x24")
        #expect(grid.text.contains("Raft failover · part 2/5"))
        let big = BlockFont.render("KILL THE LEADER") ?? []
        #expect(big.allSatisfy { row in grid.lines.contains { $0.contains(row) } })
        // Not repeated in the normal font, nor on the line above the prompt.
        #expect(!grid.text.contains("Kill the leader"))
    }

    @Test func longSayIsWrappedInTheNormalFont() throws {
        let text = "Now we cut the leader off from the majority and watch the others elect a new one in a higher term."
        let grid = render(Fixtures.raft(), Self.demoState([text]), 80, 24)
        try Golden.check(grid, "demo-wrapped-80x24")
        #expect(grid.text.contains("Now we cut the leader off"))
        #expect(!grid.text.contains("█"))
        // 160x48 has room for it in big letters.
        let wide = render(Fixtures.raft(), Self.demoState(["The old leader steps down"]), 160, 48)
        #expect(wide.text.contains("█"))
    }

    @Test func nothingImportantIsTruncatedAt80x24() {
        let grid = render(Fixtures.raft(messages: Fixtures.heartbeats()), Self.demoState(["Five servers"]), 80, 24)
        for line in grid.lines.dropLast(2) { #expect(!line.contains("…"), "\(line)") }
        #expect(grid.text.contains("[AE]"))
        #expect(grid.text.contains("3:y=2"))
    }
}

/// Presenter mode with a lesson (issue 13's leftover): at 80x24 the lesson's band leaves the
/// nodes 12 rows, one short of a ring of 4-row boxes; with no violation to show, the nodes
/// take the banner's row and every box keeps its log row.
@Suite struct PresenterLessonTests {
    @Test("a lesson at 80x24 in presenter mode draws boxes with the log row")
    func lessonBoxesKeepTheLogRow() {
        let state = Fixtures.state {
            $0.isPresenterMode = true
            $0.lesson = Fixtures.lesson
        }
        let lines = FrameRenderer.render(snapshot: Fixtures.raft(messages: Fixtures.heartbeats()), state: state,
                                         width: 80, height: 24).grid.lines
        let logRows = lines.filter { $0.contains("1:noop✓") || $0.contains("2:x=1✓") }
        #expect(logRows.count >= 3, "each row of boxes shows the log:\n\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("Goal: kill the leader") }, "the band still shows the goal")
        // A violation takes its banner row back: then the boxes are 3 rows again, nothing overlaps.
        let violation = Violation(property: "ElectionSafety", message: "two leaders in term 3")
        let alarmed = FrameRenderer.render(snapshot: Fixtures.raft(violations: [violation]), state: state, width: 80, height: 24).grid.lines
        #expect(alarmed[1].contains("VIOLATION ElectionSafety"))
    }
}
