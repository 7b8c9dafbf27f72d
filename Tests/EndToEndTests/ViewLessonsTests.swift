import Foundation
import LightconeLab
import LightconeSimulation
import LightconeView
import Testing
@testable import LightconeTerminal

/// The view for a class (issue 13, part A): setup blocks and multi-line output shown whole,
/// the event log scrolled back, Ctrl-C on a played `run until`, a line typed while the
/// terminal is too small.
@Suite("FullScreenLab: lessons and output in the view")
struct ViewLessonsTests {
    @Test("a lesson's setup block reaches the panel command by command with its output")
    func setupBlocksInThePanel() throws {
        var (lab, _) = makeLab()
        _ = lab.execute("lesson what 3")
        lab.draw()
        let lesson = try #require(lab.state.lesson)
        #expect(lesson.step == 3)
        let runs = lesson.blocks.compactMap { block -> [LessonCommandRun]? in
            if case .commands(let runs) = block { return runs } else { return nil }
        }.first ?? []
        #expect(runs.map(\.command) == ["new gossip 5", "partition n1 n2 | n3 n4 n5", "broadcast rumour via n1", "run 2s"])
        #expect(runs.first?.output == ["new gossip: 5 nodes n1..n5, seed 1"])
        let screen = try #require(lab.backend as? ScriptedScreen)
        let text = screen.lastFrame?.lines ?? []
        #expect(text[1].contains("Step 3/6"))
        #expect(text.contains { $0.contains("> partition n1 n2 | n3 n4") })
        #expect(!text.contains { $0.contains("?>") })
    }

    @Test("nodes in a lesson opens the output pane with every line; q closes it, Esc too")
    func nodesShownWholeInALesson() throws {
        var (lab, _) = makeLab()
        _ = lab.execute("lesson what 3")
        _ = lab.execute("nodes")
        let pane = try #require(lab.state.outputPane, "\(lab.state.logLines.suffix(8))")
        #expect(pane.lines.count == 5)
        #expect(pane.lines[0].hasPrefix("n1 up"))
        lab.draw()
        let screen = try #require(lab.backend as? ScriptedScreen)
        let text = screen.lastFrame?.lines ?? []
        for line in pane.lines { #expect(text.contains { $0.contains(line) }, "missing \(line)") }
        #expect(lab.state.sidePanel == .lesson, "the lesson stays under the pane")
        _ = lab.handle(.character("q"))
        #expect(lab.state.outputPane == nil)
        #expect(lab.editor.isEmpty, "q closed the pane; it was not typed")
        _ = lab.execute("log")
        #expect(lab.state.outputPane != nil)
        _ = lab.handle(.escape)
        #expect(lab.state.outputPane == nil)
    }

    @Test("a one-line result, a met goal's reveal and time-moving commands do not open the pane")
    func paneOnlyForReports() {
        var (lab, _) = makeLab()
        _ = lab.execute("lesson what")
        lab.draw()
        _ = lab.execute("kill n3")
        lab.draw()
        #expect(lab.state.lesson?.isGoalMet == true)
        #expect(lab.state.outputPane == nil, "the reveal goes to the lesson panel")
        _ = lab.execute("restart n3")
        _ = lab.execute("skip 1s")
        #expect(lab.state.outputPane == nil)
    }

    @Test("the pane scrolls with the arrows and page keys while the command line is empty")
    func paneScrolls() throws {
        var (lab, _) = makeLab(screen: ScriptedScreen(width: 80, height: 24))
        _ = lab.execute("broadcast a via n1")
        _ = lab.execute("skip 2s")
        _ = lab.execute("log 60")
        let pane = try #require(lab.state.outputPane)
        #expect(pane.lines.count > 20)
        _ = lab.handle(.down)
        #expect(lab.state.outputPane?.top == 1)
        _ = lab.handle(.pageDown)
        #expect((lab.state.outputPane?.top ?? 0) > 1)
        _ = lab.handle(.end)
        let rows = FrameRenderer.outputPaneRows(pane, width: 80, height: 24, isPresenterMode: false)
        #expect(lab.state.outputPane?.top == pane.lines.count - rows)
        _ = lab.handle(.home)
        #expect(lab.state.outputPane?.top == 0)
    }

    @Test("[ and ] scroll the event log back and on; it stays put as lines arrive")
    func eventLogScrollsBack() {
        var (lab, _) = makeLab()
        for n in 1...40 { lab.appendLog(["line \(n)"]) }
        _ = lab.handle(.character("["))
        let back = lab.state.panelScroll
        #expect(back > 0)
        lab.appendLog(["newer"])
        #expect(lab.state.panelScroll == back + 1)
        _ = lab.handle(.character("]"))
        _ = lab.handle(.character("]"))
        _ = lab.handle(.character("]"))
        #expect(lab.state.panelScroll == 0)
    }

    @Test("] and [ scroll a long lesson step down and up; a met goal scrolls to the reveal")
    func lessonScrolls() throws {
        var (lab, _) = makeLab()
        _ = lab.execute("lesson what 3")
        lab.draw()
        let limit = FrameRenderer.lessonMaxScroll(state: lab.state, width: 100, height: 30)
        #expect(limit > 0, "step 3 is longer than the panel")
        _ = lab.handle(.character("]"))
        #expect(lab.state.panelScroll > 0)
        for _ in 0..<20 { _ = lab.handle(.character("]")) }
        #expect(lab.state.panelScroll == limit)
        for _ in 0..<20 { _ = lab.handle(.character("[")) }
        #expect(lab.state.panelScroll == 0)
        _ = lab.execute("heal")
        _ = lab.execute("skip 2s")
        lab.draw()
        #expect(lab.state.lesson?.isGoalMet == true)
        #expect(lab.state.panelScroll == FrameRenderer.lessonMaxScroll(state: lab.state, width: 100, height: 30))
        let screen = try #require(lab.backend as? ScriptedScreen)
        #expect(screen.lastFrame?.lines.joined().contains("Done!") == true)
        _ = lab.execute("leave")
        lab.draw()
        #expect(lab.state.panelScroll == 0, "the event log is not scrolled back by the lesson's scroll")
    }

    @Test("Ctrl-C on a played run until ... within 10m says only interrupted at t=...")
    func ctrlCOnPlayedRunUntil() {
        var (lab, _) = makeLab()
        _ = lab.execute("partition n1 | n2 n3 n4 n5")
        _ = lab.execute("broadcast x via n1")
        _ = lab.execute("run until delivered x everywhere within 10m")
        #expect(lab.playing != nil)
        lab.play(wall: 400_000, at: 400_000)
        _ = lab.handle(.ctrl("c"))
        #expect(lab.playing == nil)
        #expect(lab.state.logLines.last?.hasPrefix("interrupted at t=") == true, "\(lab.state.logLines.suffix(2))")
        #expect(!lab.state.logLines.contains { $0.contains("not reached") })
        #expect(lab.isQuitArmed)
    }

    @Test("an interrupt during the fast rest of a played run until ends it with interrupted at t=... only")
    func interruptDuringTheRest() {
        var (lab, _) = makeLab()
        _ = lab.execute("partition n1 | n2 n3 n4 n5")
        _ = lab.execute("broadcast x via n1")
        lab.session.interruptCheck = { true }
        _ = lab.execute("run until delivered x everywhere within 10m")
        // Past the 4 s of wall time the rest runs at once; the interrupt stops it.
        let started = lab.playing?.wallStart ?? 0
        lab.play(wall: 40_000, at: started + FullScreenLab.maximumPlayWall + 1)
        #expect(lab.playing == nil)
        #expect(lab.session.cluster.now < 600_000_000)
        #expect(lab.state.logLines.last?.hasPrefix("interrupted at t=") == true, "\(lab.state.logLines.suffix(2))")
        #expect(!lab.state.logLines.contains { $0.contains("not reached") })
    }

    @Test("a command typed while the terminal is too small is kept until the view fits, then runs")
    func keptWhileTooSmall() throws {
        let screen = ScriptedScreen(width: 60, height: 20)
        var (lab, _) = makeLab(screen: screen)
        type("kill n2", into: &lab)
        _ = lab.handle(.enter)
        #expect(lab.editor.text == "kill n2")
        #expect(lab.session.cluster.snapshot.nodes[1].life == .up, "not run blind")
        lab.draw()
        #expect(screen.lastFrame?.lines.joined().contains("kill n2") == true, "the kept line is on the small screen")
        screen.size = (100, 30)
        _ = lab.handle(.resize)
        _ = lab.handle(.enter)
        #expect(lab.editor.isEmpty)
        #expect(lab.session.cluster.snapshot.nodes[1].life == .down)
    }

    @Test("the help overlay lists the scroll and close keys")
    func helpListsKeys() throws {
        var (lab, _) = makeLab()
        _ = lab.handle(.character("?"))
        lab.draw()
        let screen = try #require(lab.backend as? ScriptedScreen)
        let text = screen.lastFrame?.lines.joined(separator: "\n") ?? ""
        #expect(text.contains("[  ]"))
        #expect(text.contains("scroll the side panel"))
        #expect(text.contains("Esc  q"))
    }
}
