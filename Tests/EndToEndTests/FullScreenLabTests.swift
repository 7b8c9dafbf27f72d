import Foundation
import LightconeLab
import LightconeSimulation
import LightconeView
import Testing
@testable import LightconeTerminal

/// A terminal that records frames and plays back scripted keys (nil when they run out).
final class ScriptedScreen: TerminalScreen {
    var size: (width: Int, height: Int)
    let colorMode: ColorMode
    var keys: [KeyEvent]
    private(set) var frames: [CellGrid] = []
    private(set) var cursors: [(x: Int, y: Int)?] = []
    private(set) var invalidations = 0

    init(width: Int = 100, height: Int = 30, colorMode: ColorMode = .palette256, keys: [KeyEvent] = []) {
        self.size = (width, height)
        self.colorMode = colorMode
        self.keys = keys
    }

    func draw(_ grid: CellGrid, cursor: (x: Int, y: Int)?) -> FrameStatistics {
        frames.append(grid)
        cursors.append(cursor)
        return FrameStatistics()
    }

    func readKey(timeoutMilliseconds: Int?) -> KeyEvent? { keys.isEmpty ? nil : keys.removeFirst() }
    func invalidate() { invalidations += 1 }
    func suspend() {}

    var lastFrame: CellGrid? { frames.last }
}

/// A lab on a scripted screen with a history file in a fresh folder.
func makeLab(screen: ScriptedScreen = ScriptedScreen(), options: ViewOptions = ViewOptions(), name: String = #function) -> (FullScreenLab, HistoryFile) {
    let history = HistoryFile(path: NSTemporaryDirectory() + "lightcone-lab-\(getpid())-\(name.filter(\.isLetter))/history")
    try? FileManager.default.removeItem(atPath: history.path)
    return (FullScreenLab(session: Lab(options: SessionOptions()), backend: screen, options: options, history: history), history)
}

func type(_ text: String, into lab: inout FullScreenLab) {
    for character in text { _ = lab.handle(.character(character)) }
}

@Suite("FullScreenLab: keys, command line and requests")
struct FullScreenLabTests {
    @Test func lettersAndDigitsAlwaysGoToTheCommandLine() {
        var (lab, _) = makeLab()
        type("kill n2", into: &lab)
        #expect(lab.editor.text == "kill n2")
        #expect(lab.state.isPlaying)
    }

    @Test func aLessonStepOpensPausedInTheLessonPanel() {
        var (lab, _) = makeLab()
        #expect(lab.state.isPlaying)
        _ = lab.execute("lesson what")
        lab.draw()
        #expect(!lab.state.isPlaying)
        #expect(lab.state.sidePanel == .lesson)
        #expect(lab.state.lesson?.step == 1)
        _ = lab.handle(.character(" "))
        #expect(lab.state.isPlaying)
        _ = lab.execute("kill n3")
        lab.draw()
        #expect(lab.state.lesson?.isGoalMet == true)
        #expect(lab.state.isPlaying, "a met goal does not pause")
        _ = lab.execute("next")
        lab.draw()
        #expect(lab.state.lesson?.step == 2)
        #expect(!lab.state.isPlaying)
        _ = lab.execute("leave")
        lab.draw()
        #expect(lab.state.lesson == nil)
        #expect(lab.state.sidePanel == .eventLog)
    }

    @Test func singleKeysActOnlyOnAnEmptyLine() {
        var (lab, _) = makeLab()
        _ = lab.handle(.character(" "))
        #expect(!lab.state.isPlaying)
        _ = lab.handle(.character(" "))
        #expect(lab.state.isPlaying)
        _ = lab.handle(.character("+"))
        #expect(lab.state.speedThousandths == 2_000)
        _ = lab.handle(.character("-"))
        _ = lab.handle(.character("-"))
        #expect(lab.state.speedThousandths == 500)
        type("echo a+b c.d -x ?", into: &lab)
        #expect(lab.editor.text == "echo a+b c.d -x ?")
        #expect(lab.state.speedThousandths == 500)
        #expect(lab.state.isPlaying)
        #expect(!lab.state.isHelpShown)
    }

    @Test func questionMarkAndF1ToggleTheHelp() {
        var (lab, _) = makeLab()
        _ = lab.handle(.character("?"))
        #expect(lab.state.isHelpShown)
        _ = lab.handle(.function(1))
        #expect(!lab.state.isHelpShown)
        _ = lab.handle(.character("?"))
        _ = lab.handle(.escape)
        #expect(!lab.state.isHelpShown)
    }

    @Test func dotStepsOneEventAndPauses() {
        var (lab, _) = makeLab()
        let before = lab.session.cluster.eventsHandled
        _ = lab.handle(.character("."))
        #expect(!lab.state.isPlaying)
        #expect(lab.session.cluster.eventsHandled == before + 1)
    }

    @Test func enterRunsTheLineLogsItAndRemembersIt() {
        var (lab, history) = makeLab()
        type("kill n2", into: &lab)
        #expect(lab.handle(.enter) == false)
        #expect(lab.session.cluster.lives[1] == .down)
        #expect(lab.state.logLines.contains("> kill n2"))
        #expect(lab.editor.isEmpty)
        #expect(history.load() == ["kill n2"])
        #expect(!lab.state.isStatusError)
    }

    @Test func errorsAreShownAsErrors() {
        var (lab, _) = makeLab()
        type("kill n9", into: &lab)
        _ = lab.handle(.enter)
        #expect(lab.state.isStatusError)
        #expect(lab.state.statusMessage.hasPrefix("error:"))
    }

    @Test func viewRequestsChangeTheViewState() {
        var (lab, _) = makeLab()
        for line in ["pause", "speed 4", "theme light"] {
            type(line, into: &lab)
            _ = lab.handle(.enter)
        }
        #expect(!lab.state.isPlaying)
        #expect(lab.state.speedThousandths == 4_000)
        #expect(lab.state.theme == .light)
        type("play", into: &lab)
        _ = lab.handle(.enter)
        #expect(lab.state.isPlaying)
    }

    @Test func withoutColoursTheThemeStaysMono() {
        var (lab, _) = makeLab(screen: ScriptedScreen(colorMode: .none))
        #expect(lab.state.theme == .mono)
        type("theme dark", into: &lab)
        _ = lab.handle(.enter)
        #expect(lab.state.theme == .mono)
    }

    @Test func inspectOpensTheDetailPanelAndEscapeClosesIt() {
        var (lab, _) = makeLab()
        type("inspect n3", into: &lab)
        _ = lab.handle(.enter)
        lab.draw()
        guard case .inspect(let node, let lines) = lab.state.sidePanel else {
            Issue.record("no inspect panel")
            return
        }
        #expect(node == NodeID(index: 2))
        #expect(!lines.isEmpty)
        _ = lab.handle(.escape)
        #expect(lab.state.sidePanel == .eventLog)
    }

    @Test func ctrlCClearsTheLineThenAsksThenQuits() {
        var (lab, _) = makeLab()
        type("partition n1", into: &lab)
        #expect(lab.handle(.ctrl("c")) == false)
        #expect(lab.editor.isEmpty)
        #expect(lab.handle(.ctrl("c")) == false)
        #expect(lab.state.statusMessage.contains("Ctrl-C again"))
        #expect(lab.handle(.ctrl("c")) == true)
    }

    @Test func anotherKeyBetweenCtrlCsDisarmsQuitting() {
        var (lab, _) = makeLab()
        _ = lab.handle(.ctrl("c"))
        _ = lab.handle(.character("+"))
        #expect(lab.handle(.ctrl("c")) == false)
    }

    @Test func ctrlDOnAnEmptyLineAndQuitEndTheLab() {
        var (lab, _) = makeLab()
        type("x", into: &lab)
        #expect(lab.handle(.ctrl("d")) == false)
        _ = lab.handle(.backspace)
        #expect(lab.handle(.ctrl("d")) == true)
        var (other, _) = makeLab(name: "quit")
        type("quit", into: &other)
        #expect(other.handle(.enter) == true)
    }

    @Test func pageKeysAskForTheNextAndPreviousLessonStepWithoutHistory() {
        var (lab, history) = makeLab()
        _ = lab.handle(.pageDown)
        #expect(lab.state.logLines.contains("> next"))
        _ = lab.handle(.left)
        #expect(lab.state.logLines.contains("> back"))
        #expect(history.load().isEmpty)
        #expect(lab.editor.history.isEmpty)
    }

    @Test func resizeAndCtrlLRedrawEverything() {
        let screen = ScriptedScreen()
        var (lab, _) = makeLab(screen: screen)
        _ = lab.handle(.resize)
        _ = lab.handle(.ctrl("l"))
        #expect(screen.invalidations == 2)
    }

    @Test func theFrameShowsTheCommandLineAndTheCursorAfterIt() throws {
        let screen = ScriptedScreen()
        var (lab, _) = makeLab(screen: screen)
        type("kill n2", into: &lab)
        lab.draw()
        let frame = try #require(screen.lastFrame)
        #expect(frame.lines.contains("lightcone> kill n2"))
        let cursor = try #require(screen.cursors.last ?? nil)
        #expect(cursor.x == "lightcone> kill n2".count)
    }

    @Test func aLongLineScrollsAndKeepsTheCursorOnScreen() throws {
        let screen = ScriptedScreen(width: 80, height: 24)
        var (lab, _) = makeLab(screen: screen)
        type("echo " + String(repeating: "abcdefghij", count: 12), into: &lab)
        lab.draw()
        let cursor = try #require(screen.cursors.last ?? nil)
        #expect(cursor.x < 80)
        #expect(cursor.y == 23)
    }

    @Test func ambiguousCompletionShowsTheCandidates() throws {
        let screen = ScriptedScreen()
        var (lab, _) = makeLab(screen: screen)
        type("pa", into: &lab)
        _ = lab.handle(.tab)
        lab.draw()
        #expect(lab.state.completions.contains("partition"))
        #expect(lab.state.completions.contains("pause"))
        let text = try #require(screen.lastFrame).text
        #expect(text.contains("partition"))
    }

    @Test func runPlaysKeysUntilCtrlD() {
        let keys: [KeyEvent] = "kill n2".map { .character($0) } + [.enter, .ctrl("d")]
        let screen = ScriptedScreen(keys: keys)
        var (lab, _) = makeLab(screen: screen)
        guard case .quit = lab.run() else {
            Issue.record("the lab did not quit")
            return
        }
        #expect(lab.session.cluster.lives[1] == .down)
        #expect(!screen.frames.isEmpty)
    }

    @Test func presenterModeAndASCIIReachTheViewState() {
        var options = ViewOptions()
        options.isPresenterMode = true
        options.isASCII = true
        options.speedThousandths = 250
        options.initialLogLines = ["lesson cap: step 1"]
        let (lab, _) = makeLab(options: options)
        #expect(lab.state.isPresenterMode)
        #expect(lab.state.isASCII)
        #expect(lab.state.speedThousandths == 250)
        #expect(lab.state.logLines == ["lesson cap: step 1"])
    }
}

/// `run` in the view plays the events instead of jumping to the end (issue 13).
@Suite("FullScreenLab: run plays")
struct PlayedRunTests {
    @Test("run 2s plays through distinct instants in at most 4 s of wall time, then returns to the play state it started from")
    func runPlays() {
        var (lab, _) = makeLab()
        _ = lab.execute("new raft 3")
        let wasPlaying = lab.state.isPlaying
        _ = lab.execute("run 2s")
        #expect(lab.playing != nil)
        #expect(lab.session.cluster.now == 0, "nothing happened at once")
        #expect(lab.state.speedThousandths == 25_000, "2 s of simulated time in 4 s of wall time is 25x")
        var instants: [Int64] = []
        var wall: Int64 = 0
        while lab.playing != nil && wall < 5_000_000 {
            wall += 40_000
            lab.play(wall: 40_000, at: wall)
            instants.append(lab.session.cluster.now)
        }
        #expect(lab.playing == nil)
        #expect(Set(instants).count >= 3)
        #expect(wall <= 4_000_000)
        #expect(lab.session.cluster.now == 2_000_000)
        #expect(lab.state.isPlaying == wasPlaying)
        #expect(lab.state.speedThousandths == 1_000)
        #expect(lab.state.logLines.last == "t=2000ms")
    }

    @Test("any key stops a played run at the instant reached; rewind and history --script see it")
    func keyStops() {
        var (lab, _) = makeLab()
        _ = lab.execute("new raft 3")
        _ = lab.execute("run 10s")
        lab.play(wall: 400_000, at: 400_000)
        let reached = lab.session.cluster.now
        #expect(reached > 0 && reached < 10_000_000)
        _ = lab.handle(.character("x"))
        #expect(lab.playing == nil)
        #expect(lab.state.logLines.last?.hasPrefix("stopped at t=") == true)
        #expect(lab.session.cluster.now == reached)
        #expect(lab.editor.isEmpty, "the key that stopped it is not typed")
        #expect(lab.session.execute("history --script").lines.contains("run 10s"))
    }

    @Test("run until plays until the condition holds and says so; skip jumps at once")
    func runUntilAndSkip() {
        var (lab, _) = makeLab()
        _ = lab.execute("new raft 3")
        _ = lab.execute("run until leader")
        var wall: Int64 = 0
        while lab.playing != nil && wall < 5_000_000 {
            wall += 40_000
            lab.play(wall: 40_000, at: wall)
        }
        #expect(lab.session.cluster.leader != nil)
        #expect(lab.state.logLines.last?.contains("leader (after") == true, "\(lab.state.logLines.suffix(2))")
        _ = lab.execute("skip 5s")
        #expect(lab.playing == nil)
        #expect(lab.session.cluster.now > 5_000_000)
    }

    @Test("in a lesson, the step opens paused and the first command starts playing")
    func lessonCommandStartsPlaying() {
        var (lab, _) = makeLab()
        _ = lab.execute("lesson raft")
        lab.updateLessonPanel()
        #expect(!lab.state.isPlaying)
        _ = lab.execute("kill n1")
        #expect(lab.state.isPlaying)
    }
}
