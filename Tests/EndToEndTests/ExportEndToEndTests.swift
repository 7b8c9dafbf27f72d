import Foundation
import LightconeView
import Testing

/// `export screen` and `record` in the full-screen lab, in a real terminal.
@Suite("End to end: export screen and record in the view", .serialized)
struct ExportEndToEndTests {
    @Test("export screen at 120x36: an SVG 120 columns wide with the wall's and the leader's colours; .txt is the screen's text",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"))
    func exportScreen() throws {
        let lab = try LabSession(name: "export", width: 120, height: 36, environment: ["TERM=xterm-256color", "NO_COLOR="])
        defer { lab.finish() }
        let opened = lab.wait { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt:\n\(opened.screen)")
        lab.tmux.type(lab.pane, "new raft 5")
        lab.tmux.type(lab.pane, "skip 1s")
        lab.tmux.type(lab.pane, "partition n1 n2 | n3 n4 n5")
        let walled = lab.wait { $0.contains("┃") && $0.contains("leader") }
        try #require(walled.ok, "no wall or leader:\n\(walled.screen)")
        // Paused, so the picture the file holds is the one on screen.
        lab.tmux.press(lab.pane, "Space")
        _ = lab.wait { $0.contains("paused") }
        // and once the nodes have drifted into place.
        var previous = lab.tmux.capture(lab.pane)
        for _ in 0..<20 {
            usleep(300_000)
            let next = lab.tmux.capture(lab.pane)
            if next == previous { break }
            previous = next
        }
        lab.tmux.type(lab.pane, "export screen \(lab.folder)/screen.svg")
        lab.tmux.type(lab.pane, "export screen \(lab.folder)/screen.txt")
        let written = lab.wait { $0.contains("wrote \(lab.folder)/screen.txt") || $0.contains("screen.txt") && FileManager.default.fileExists(atPath: "\(lab.folder)/screen.txt") }
        #expect(written.ok, "no confirmation:\n\(written.screen)")
        let svg = try String(contentsOfFile: "\(lab.folder)/screen.svg", encoding: .utf8)
        #expect(svg.contains("width=\"1080\" height=\"648\""), "120x36 cells of 9x18 px")
        #expect(svg.contains("data-columns=\"120\" data-rows=\"36\""))
        #expect(svg.contains("<text") && svg.contains(">┃</text>"), "the wall is drawn")
        #expect(svg.contains("fill=\"#ff0000\" font-weight=\"bold\""), "in the wall's bright red")
        #expect(svg.contains("fill=\"#ffff00\""), "the leader in bright yellow")
        let text = try String(contentsOfFile: "\(lab.folder)/screen.txt", encoding: .utf8)
        let rows = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 36, "36 rows")
        #expect(rows.contains { $0.contains("┃") } && rows.contains { $0.contains("n5") })
        // The file holds what the terminal showed when the command was typed: the same
        // canvas as now (the event log and the prompt have moved on since).
        let canvasWidth = 120 - 36
        let canvas = { (lines: [Substring]) in lines.prefix(34).map { String($0.prefix(canvasWidth)) } }
        let screen = lab.rows().map { Substring($0) }
        #expect(canvas(Array(rows)) == canvas(screen), "file:\n\(text)\n---\nscreen:\n\(screen.joined(separator: "\n"))")
    }
}

/// `--record` in the full-screen lab, in a real terminal.
@Suite("End to end: record in the view", .serialized)
struct RecordEndToEndTests {
    @Test("seven seconds of the view at 1x record well under 100 KB, and replaying the cast gives the screen last shown",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"))
    func sevenSecondsRecorded() throws {
        let lab = try LabSession(name: "record", width: 100, height: 30, environment: ["TERM=xterm-256color", "NO_COLOR="])
        defer { lab.finish() }
        let cast = lab.folder + "/demo.cast"
        let opened = lab.wait { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt:\n\(opened.screen)")
        lab.tmux.type(lab.pane, "record \(cast)")
        lab.tmux.type(lab.pane, "new raft 5")
        usleep(7_000_000)
        lab.tmux.type(lab.pane, "quit", enter: false)
        _ = lab.wait { $0.contains("lightcone> quit") }
        usleep(300_000)
        let lastShown = lab.tmux.capture(lab.pane)
        lab.tmux.press(lab.pane, "Enter")
        _ = lab.exitStatus()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: cast)[.size] as? Int)
        #expect(size < 100_000, "\(size) bytes for seven seconds at 1x")
        let events = try AsciicastTests.events(cast)
        var terminal = ReplayTerminal(width: events.width, height: events.height)
        for text in events.texts { terminal.play(text) }
        // Rows without trailing blanks, as tmux captures them.
        let trimmed = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                .joined(separator: "\n").trimmingCharacters(in: .newlines)
        }
        #expect(trimmed(terminal.grid.text) == trimmed(lastShown), "replayed:\n\(terminal.grid.text)\n---\nshown:\n\(lastShown)")
    }
}
