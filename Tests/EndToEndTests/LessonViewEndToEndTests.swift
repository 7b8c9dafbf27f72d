import Foundation
import Testing

/// The view for a class, through tmux (issue 13, "Tests that must exist"): a lesson's setup
/// block rendered line by line, `nodes` in a lesson shown whole, Ctrl-C in `--plain`
/// interrupting `run 100m`. Each takes a few seconds.
@Suite("End to end: lessons in the view, Ctrl-C in --plain", .serialized,
       .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"))
struct LessonViewEndToEndTests {
    @Test("lesson 1 step 3: the setup block is drawn one > command a row, with its output, no ? and no lost letters")
    func setupBlockLineByLine() throws {
        let lab = try LabSession(name: "setupblock", arguments: ["lesson", "what", "3"], width: 100, height: 30)
        defer { lab.finish() }
        let opened = lab.wait { $0.contains("Step 3/6") && $0.contains("> run 2s") }
        try #require(opened.ok, "no step 3 with its setup; screen:\n\(opened.screen)")
        let panel = opened.screen.split(separator: "\n").map { line -> String in
            let characters = Array(line)
            return characters.count > 72 ? String(characters[72...]).trimmingCharacters(in: CharacterSet(charactersIn: " │")) : ""
        }
        #expect(panel.contains("> new gossip 5"), "\(panel)")
        #expect(panel.contains { $0.hasPrefix("> partition n1 n2 | n3 n4") }, "\(panel)")
        #expect(panel.contains("> broadcast rumour via n1"), "\(panel)")
        #expect(panel.contains("> run 2s"), "\(panel)")
        #expect(panel.contains { $0.hasPrefix("new gossip: 5 nodes") }, "\(panel)")
        #expect(!opened.screen.contains("?>"))
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
    }

    @Test("nodes in a lesson is shown whole in the output pane; q closes it and the lesson is back")
    func nodesShownWhole() throws {
        let lab = try LabSession(name: "nodespane", arguments: ["lesson", "raft"], width: 100, height: 30)
        defer { lab.finish() }
        try #require(lab.wait { $0.contains("Step 1/6") }.ok)
        lab.tmux.type(lab.pane, "nodes")
        let shown = lab.wait { screen in (1...5).allSatisfy { screen.contains("n\($0) up follower T0 | log empty; commit 0; voted -") } }
        #expect(shown.ok, "not every node line whole; screen:\n\(shown.screen)")
        #expect(shown.screen.contains("q/Esc close") || shown.screen.contains("q close"))
        lab.tmux.type(lab.pane, "q", enter: false)
        let closed = lab.wait { $0.contains("Step 1/6") && !$0.contains("voted -") }
        #expect(closed.ok, "pane not closed; screen:\n\(closed.screen)")
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
    }

    @Test("--plain: Ctrl-C interrupts run 100m at once, a second Ctrl-C quits with 0")
    func plainCtrlCInterruptsALongRun() throws {
        let lab = try LabSession(name: "plainint", arguments: ["--plain"], width: 100, height: 20, shellSurvivesInterrupt: true)
        defer { lab.finish() }
        try #require(lab.wait { $0.contains("lightcone>") }.ok)
        lab.tmux.type(lab.pane, "run 100m")
        usleep(700_000)
        let started = Date()
        lab.tmux.press(lab.pane, "C-c")
        let stopped = lab.wait(seconds: 3) { $0.contains("interrupted at t=") }
        #expect(stopped.ok, "run 100m was not interrupted; screen:\n\(stopped.screen)")
        #expect(Date().timeIntervalSince(started) < 3)
        #expect(!stopped.screen.contains("t=6000000ms"), "it ran to the end")
        #expect(lab.wait { $0.contains("Ctrl-C again") }.ok)
        // Once the prompt is back (a Ctrl-C before libedit reads is seen at the next key).
        usleep(300_000)
        lab.tmux.press(lab.pane, "C-c")
        let status = lab.exitStatus()
        #expect(status == "0", "screen:\n\(lab.tmux.capture(lab.pane))")
        #expect(lab.isTerminalRestored)
    }
}
