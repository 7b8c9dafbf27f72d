import Foundation
import Testing

@Suite("End to end: keys, completion, Ctrl-C and the plain REPL in tmux", .serialized,
       .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping the end-to-end tests (apt-get install tmux)"))
struct KeysEndToEndTests {
    @Test("single keys act on an empty line, Tab completes, Ctrl-C clears then quits")
    func keysAndInterrupt() throws {
        let lab = try LabSession(name: "keys")
        defer { lab.finish() }
        let bottom: () -> String = { lab.rows().last(where: { !$0.isEmpty }) ?? "" }
        try #require(lab.wait { $0.contains("lightcone>") }.ok)

        // `?` shows the help overlay and hides it again.
        lab.tmux.type(lab.pane, "?", enter: false)
        #expect(lab.wait { $0.contains(" Keys ") }.ok, "no help overlay")
        lab.tmux.type(lab.pane, "?", enter: false)
        #expect(lab.wait { !$0.contains(" Keys ") }.ok, "help overlay stays")

        // Tab completes a unique command; Ctrl-C clears the line.
        lab.tmux.type(lab.pane, "kil", enter: false)
        lab.tmux.press(lab.pane, "Tab")
        #expect(lab.wait { _ in bottom() == "lightcone> kill" }.ok, "no completion: \(bottom())")
        lab.tmux.press(lab.pane, "C-c")
        #expect(lab.wait { _ in bottom() == "lightcone>" }.ok, "line not cleared: \(bottom())")

        // Several candidates are listed.
        lab.tmux.type(lab.pane, "pa", enter: false)
        lab.tmux.press(lab.pane, "Tab")
        #expect(lab.wait { $0.contains("partition") && $0.contains("pause") }.ok, "no candidate list")
        lab.tmux.press(lab.pane, "C-c")

        // A key typed on a non-empty line edits it: `+` is text there.
        lab.tmux.type(lab.pane, "echo a+b", enter: false)
        #expect(lab.wait { _ in bottom() == "lightcone> echo a+b" }.ok)
        lab.tmux.press(lab.pane, "C-c")

        // Space pauses, `.` steps one event, `+` is faster.
        lab.tmux.press(lab.pane, "Space")
        #expect(lab.wait { $0.contains("paused") }.ok)
        lab.tmux.type(lab.pane, "+", enter: false)
        #expect(lab.wait { $0.contains("2x") }.ok, "speed not shown as 2x")

        // Ctrl-C on an empty line asks; the second quits with status 0 and a clean terminal.
        lab.tmux.press(lab.pane, "C-c")
        #expect(lab.wait { $0.contains("Ctrl-C again") }.ok)
        lab.tmux.press(lab.pane, "C-c")
        #expect(lab.exitStatus() == "0")
        #expect(lab.isTerminalRestored)
        #expect(lab.tmux.display(lab.pane, "#{alternate_on}") == "0")
    }

    @Test("quit leaves the view with status 0; the command went to the shared history file")
    func quitCommand() throws {
        let lab = try LabSession(name: "quit", width: 80, height: 24)
        defer { lab.finish() }
        try #require(lab.wait { $0.contains("lightcone>") }.ok)
        lab.tmux.type(lab.pane, "kill n2")
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
        #expect(lab.isTerminalRestored)
        let history = try String(contentsOfFile: lab.folder + "/state/lightcone/history", encoding: .utf8)
        #expect(history == "kill n2\nquit\n")
    }

    @Test("--plain: libedit prompt, Tab completion, history from the view, Ctrl-D quits with 0")
    func plainREPL() throws {
        let lab = try LabSession(name: "plain", arguments: ["--plain"], history: ["kill n3"])
        defer { lab.finish() }
        try #require(lab.wait { $0.contains("lightcone>") }.ok)
        lab.tmux.type(lab.pane, "sta", enter: false)
        lab.tmux.press(lab.pane, "Tab")
        #expect(lab.wait { $0.contains("lightcone> status") }.ok, "no completion")
        lab.tmux.press(lab.pane, "Enter")
        #expect(lab.wait { $0.contains("n1 up") }.ok, "no status output")
        lab.tmux.press(lab.pane, "Up")
        lab.tmux.press(lab.pane, "Up")
        #expect(lab.wait { $0.contains("lightcone> kill n3") }.ok, "history not shared")
        lab.tmux.press(lab.pane, "C-u")
        lab.tmux.press(lab.pane, "C-d")
        #expect(lab.exitStatus() == "0")
        #expect(lab.isTerminalRestored)
    }
}

@Suite("End to end: a crash restores the terminal", .serialized,
       .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping the end-to-end tests (apt-get install tmux)"))
struct CrashEndToEndTests {
    @Test("SIGSEGV and SIGABRT: modes restored and main screen back before the process dies", arguments: [SIGSEGV, SIGABRT])
    func crashRestoresTheTerminal(signal: Int32) throws {
        // No interactive backtracer prompt in a test.
        let lab = try LabSession(name: "crash\(signal)", environment: ["SWIFT_BACKTRACE=enable=no"])
        defer { lab.finish() }
        try #require(lab.wait { $0.contains("lightcone>") }.ok)
        #expect(lab.tmux.display(lab.pane, "#{alternate_on}") == "1")
        let program = try #require(lab.programProcess())
        kill(program, signal)
        #expect(lab.exitStatus() == "\(128 + signal)")
        #expect(lab.isTerminalRestored)
        #expect(lab.tmux.display(lab.pane, "#{alternate_on}") == "0")
    }
}
