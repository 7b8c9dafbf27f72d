import Glibc
import LightconeLab
import LightconeSimulation
import LightconeView

/// The full-screen lab: draws the cluster with `FrameRenderer`, plays simulated time, and
/// runs the command line through the session.
///
/// Keys: Space play/pause, `.` one step, `+`/`-` faster/slower, PageDown/Right next lesson
/// step, PageUp/Left back, `?`/F1 help — only while the command line is empty; once a line
/// is being typed they edit it, and letters and digits always go to the command line.
/// Enter runs the line; its output goes to the log panel. Ctrl-C clears the line, a second
/// Ctrl-C on an empty line quits; Ctrl-D on an empty line quits; Ctrl-L redraws; Ctrl-Z
/// suspends (the terminal is restored until `fg`).
struct FullScreenLab {
    /// The wall time between animation frames while playing (25 frames a second).
    static let frameMilliseconds = 40
    /// The most waiting keys handled between two frames.
    static let keysPerFrame = 256
    /// The most log lines kept for the side panel.
    static let logLimit = 500

    var session: Lab
    /// The asciicast being written, if `record` or `--record` started one.
    var recorder: AsciicastRecorder?
    /// Where speaker notes go (`--notes`).
    var notes: NotesOutput?
    let backend: any TerminalScreen
    var state = ViewState()
    var editor: LineEditor
    var animator = LayoutAnimator()
    var speed = PlaySpeed()
    let history: HistoryFile?
    var inspected: NodeID?
    var isQuitArmed = false
    var lastTick = MonotonicClock.microseconds
    /// The `run` being played, its speed, when it started (wall µs), and the play state and
    /// speed to go back to when it ends.
    var playing: (run: PlayedRun, speed: Int, wallStart: Int64, wasPlaying: Bool, previousSpeed: Int)?
    /// The longest wall time a played `run` takes; past it the rest happens at once.
    static let maximumPlayWall: Int64 = 4_000_000

    init(session: Lab, backend: any TerminalScreen, options: ViewOptions, history: HistoryFile?) {
        self.session = session
        self.backend = backend
        self.history = history
        self.editor = LineEditor(history: history?.load() ?? [])
        state.theme = Theme(name: options.theme) ?? .dark
        if backend.colorMode == .none { state.theme = .mono }
        state.isASCII = options.isASCII
        state.isPresenterMode = options.isPresenterMode
        state.speedThousandths = options.speedThousandths
        state.prompt = "lightcone> "
        if let path = options.recordPath { startRecording(path) }
        if let path = options.notesPath {
            notes = NotesOutput(path: path)
            if notes == nil { appendLog(["error: cannot write notes to \(path)"]) }
        }
        appendLog(options.initialLogLines)
    }

    /// How the loop ended.
    enum Ending {
        case quit
        case signal(Int32)
    }

    /// Runs until `quit`, Ctrl-D, a second Ctrl-C, or a quit signal.
    mutating func run() -> Ending {
        while true {
            if let signal = TerminalGuard.takePendingSignal() {
                if signal == SIGINT {
                    if handleInterrupt() { return .quit }
                } else {
                    return .signal(signal)
                }
            }
            draw()
            let key = backend.readKey(timeoutMilliseconds: needsFrames ? Self.frameMilliseconds : nil)
            tick()
            guard var key else { continue }
            // Keys already waiting (a paste, fast typing) are handled before the next frame.
            for _ in 0..<Self.keysPerFrame {
                if handle(key) { return .quit }
                guard let next = backend.readKey(timeoutMilliseconds: 0) else { break }
                key = next
            }
        }
    }

    /// True while something moves on screen: playing, or nodes still drifting.
    var needsFrames: Bool { state.isPlaying || !animator.isSettled }

    /// Plays simulated time for the wall time since the last tick.
    mutating func tick() {
        let now = MonotonicClock.microseconds
        let wall = now - lastTick
        lastTick = now
        play(wall: wall, at: now)
    }

    /// Plays `wall` microseconds of wall time ending at wall time `now`: the played `run`, or
    /// the free play of Space.
    mutating func play(wall: Int64, at now: Int64) {
        if let current = playing {
            var simulated = speed.simulated(forWall: wall, speedThousandths: current.speed)
            if now - current.wallStart >= Self.maximumPlayWall { simulated = current.run.deadline - session.cluster.now }
            let (lines, done) = session.continuePlayedRun(current.run, by: simulated)
            appendLog(lines)
            if let done { endPlaying(done) }
            return
        }
        guard state.isPlaying else { return }
        let simulated = speed.simulated(forWall: wall, speedThousandths: state.speedThousandths)
        if simulated > 0 { appendLog(session.advance(by: simulated)) }
    }

    /// Draws one frame.
    mutating func draw() {
        let (width, height) = backend.size
        let layout = editor.layout(width: max(1, width - DisplayWidth.of(state.prompt) - 1))
        state.commandLine = layout.visibleText
        state.cursorColumn = layout.cursorColumn
        state.completions = editor.candidates
        if let inspected {
            state.sidePanel = .inspect(inspected, lines: (try? session.cluster.inspect(inspected)) ?? [])
        }
        updateLessonPanel()
        // Only lines new since the last frame (or all, after a resize) are wrapped.
        state.wrapLog(screenWidth: width)
        let snapshot = session.cluster.snapshot
        let target = FrameRenderer.layout(snapshot: snapshot, state: state, width: width, height: height)
        animator.advance(toward: target, fraction: 0.25)
        let compared = session.comparison.map { ComparedCluster(labels: $0.labels, snapshot: $0.other.cluster.snapshot) }
        let frame = FrameRenderer.render(snapshot: snapshot, state: state, width: width, height: height, layout: animator.current,
                                         compared: compared)
        backend.draw(frame.grid, cursor: frame.cursor)
        recorder?.frame(frame.grid, cursor: frame.cursor)
        // `export screen` writes this screen as it is shown.
        session.drawings = .view(showing: frame.grid, theme: state.theme)
    }

    /// Shows the lesson being followed in the side panel (or, in presenter mode, large), and
    /// goes back to the event log when the learner leaves it.
    mutating func updateLessonPanel() {
        if session.lessonStatus == nil, let show = session.presentationStatus {
            // A demo script: its narration takes the lesson's place.
            // The audience sees the demo's title and part, never the script's path.
            state.demo = DemoBand(title: show.title, part: show.played, partCount: show.count, captions: show.captions)
            let content = LessonPanelContent(title: "\(show.title) · part \(show.played)/\(show.count)",
                                             paragraphs: show.captions.isEmpty ? ["(PageDown or → plays the next part)"] : show.captions)
            if state.lesson != content {
                state.lesson = content
                if inspected == nil { state.sidePanel = .lesson }
            }
            return
        }
        state.demo = nil
        guard let status = session.lessonStatus else {
            if state.lesson != nil {
                state.lesson = nil
                if case .lesson = state.sidePanel {
                    state.sidePanel = .eventLog
                    state.panelScroll = 0
                }
            }
            return
        }
        let content = LessonPanelContent(title: "\(status.title) · \(status.stepTitle)", paragraphs: status.text,
                                         goal: status.goal, isGoalMet: status.goalMet,
                                         step: status.stepNumber, stepCount: status.stepCount, blocks: status.blocks)
        if state.lesson != content {
            let isNew = state.lesson == nil
            // A new step opens paused, so that the learner reads before anything happens
            // (Space plays); a met goal only changes the text.
            if state.lesson?.title != content.title || state.lesson?.step != content.step {
                state.isPlaying = false
                if case .lesson = state.sidePanel { state.panelScroll = 0 }
            }
            let wasMet = state.lesson?.isGoalMet == true && state.lesson?.step == content.step
            state.lesson = content
            if isNew && inspected == nil { state.sidePanel = .lesson }
            if content.isGoalMet && !wasMet, case .lesson = state.sidePanel {
                // The goal was just met: scroll to the end, where the reveal is.
                let (width, height) = backend.size
                state.panelScroll = FrameRenderer.lessonMaxScroll(state: state, width: width, height: height)
            }
        }
    }

    /// Ends the played `run` with its output, back to the play state from before it.
    mutating func endPlaying(_ output: CommandOutput) {
        guard let current = playing else { return }
        playing = nil
        state.isPlaying = current.wasPlaying
        state.speedThousandths = current.previousSpeed
        appendLog(output.lines)
        state.statusMessage = output.lines.last ?? ""
        state.isStatusError = output.isError || output.isFailure
        if output.wasInterrupted, session.cluster.wasInterrupted {
            // Ctrl-C stopped the played run mid-way; the next one quits.
            isQuitArmed = true
            state.statusMessage += " — Ctrl-C again quits"
        }
        lastTick = MonotonicClock.microseconds
    }

    /// Handles one key; true when the lab should quit.
    mutating func handle(_ key: KeyEvent) -> Bool {
        if let current = playing, key != .resize {
            // Any key ends the playing at the instant reached; Ctrl-C then arms quitting.
            endPlaying(session.stopPlayedRun(current.run, interrupted: key == .ctrl("c")))
            if key == .ctrl("c") {
                isQuitArmed = true
                state.statusMessage += " — Ctrl-C again quits"
            }
            return false
        }
        if key == .ctrl("c") { return handleInterrupt() }
        isQuitArmed = false
        if key == .resize { backend.invalidate(); return false }
        if key == .ctrl("l") { backend.invalidate(); return false }
        if key == .ctrl("z") { backend.suspend(); lastTick = MonotonicClock.microseconds; return false }
        if key == .enter, isTooSmall {
            // Not run blind: the line waits, shown on the too-small screen, until the view fits.
            return false
        }
        if editor.isEmpty, handleSingleKey(key) { return false }
        let session = self.session
        switch editor.handle(key, complete: { session.completions(for: $0) }) {
        case .submit(let line):
            return execute(line)
        case .endOfInput:
            return true
        case .edited, .ignored:
            if key == .escape { closeOverlays() }
            return false
        }
    }

    /// The single-key bindings of an empty command line; false when `key` is not one.
    mutating func handleSingleKey(_ key: KeyEvent) -> Bool {
        if state.outputPane != nil, handlePaneKey(key) { return true }
        switch key {
        case .character(" "):
            state.isPlaying.toggle()
            lastTick = MonotonicClock.microseconds
            state.statusMessage = state.isPlaying ? "playing" : "paused"
        case .character("."):
            state.isPlaying = false
            appendLog(session.stepOnce())
        case .character("+"), .character("="):
            state.speedThousandths = PlaySpeed.step(from: state.speedThousandths, faster: true)
            state.statusMessage = "speed \(Self.speedText(state.speedThousandths))"
        case .character("-"), .character("_"):
            state.speedThousandths = PlaySpeed.step(from: state.speedThousandths, faster: false)
            state.statusMessage = "speed \(Self.speedText(state.speedThousandths))"
        case .pageDown, .right:
            _ = execute("next", remember: false)
        case .pageUp, .left:
            _ = execute("back", remember: false)
        case .character("?"), .function(1):
            state.isHelpShown.toggle()
        case .function(2):
            state.isLogTableShown.toggle()
            if state.isLogTableShown && !session.cluster.snapshot.nodes.contains(where: { $0.log != nil }) {
                state.statusMessage = "\(session.cluster.protocolName) keeps no log: the log table is for Raft and Multi-Paxos"
            }
        case .character("["), .character("]"):
            scrollPanel(up: key == .character("["))
        case .escape:
            closeOverlays()
        case .enter:
            break
        default:
            return false
        }
        return true
    }

    /// True while the terminal is smaller than the view can draw.
    var isTooSmall: Bool {
        let (width, height) = backend.size
        return width < ScreenLayout.minimumWidth || height < ScreenLayout.minimumHeight
    }

    /// `[` (up) and `]` (down): the event log back into older lines and on again, the
    /// lesson's text up and down.
    mutating func scrollPanel(up: Bool) {
        if case .lesson = state.sidePanel {
            let (width, height) = backend.size
            let limit = FrameRenderer.lessonMaxScroll(state: state, width: width, height: height)
            state.panelScroll = max(0, min(limit, state.panelScroll + (up ? -panelPage : panelPage)))
        } else {
            state.panelScroll = max(0, state.panelScroll + (up ? panelPage : -panelPage))
        }
    }

    /// Half the side panel's height: how far `[` and `]` scroll it.
    var panelPage: Int { max(1, (backend.size.height - 5) / 2) }

    /// The keys of an open output pane (on an empty command line): arrows and page keys
    /// scroll it, Esc or `q` closes it. False for other keys.
    mutating func handlePaneKey(_ key: KeyEvent) -> Bool {
        guard var pane = state.outputPane else { return false }
        let (width, height) = backend.size
        let rows = FrameRenderer.outputPaneRows(pane, width: width, height: height, isPresenterMode: state.isPresenterMode)
        switch key {
        case .up: pane.scroll(by: -1, rows: rows)
        case .down, .enter: pane.scroll(by: 1, rows: rows)
        case .pageUp: pane.scroll(by: -rows, rows: rows)
        case .pageDown, .character(" "): pane.scroll(by: rows, rows: rows)
        case .home: pane.top = 0
        case .end: pane.scroll(by: pane.lines.count, rows: rows)
        case .escape, .character("q"):
            state.outputPane = nil
            return true
        default: return false
        }
        state.outputPane = pane
        return true
    }

    /// Ctrl-C: clears the line or closes the help; on an empty line the second press quits.
    mutating func handleInterrupt() -> Bool {
        if !editor.isEmpty || !editor.candidates.isEmpty || state.isHelpShown {
            editor.clear()
            state.isHelpShown = false
            isQuitArmed = false
            return false
        }
        if isQuitArmed { return true }
        isQuitArmed = true
        state.statusMessage = "Press Ctrl-C again to quit (or type quit)"
        state.isStatusError = false
        return false
    }

    mutating func closeOverlays() {
        state.isHelpShown = false
        state.verdictLanes = nil
        state.outputPane = nil
        if inspected != nil {
            inspected = nil
            state.sidePanel = .eventLog
        }
    }

    /// Runs a command line; true when it asks to quit.
    mutating func execute(_ line: String, remember: Bool = true) -> Bool {
        guard line.contains(where: { !$0.isWhitespace }) else { return false }
        if remember { history?.append(line) }
        // The next command's output replaces the pane's.
        state.outputPane = nil
        if let run = session.beginPlayedRun(line) {
            // `run` plays: messages move, at a speed that fits it in a few seconds.
            appendLog(["> " + line])
            let runSpeed = run.speed(atLeast: state.speedThousandths, maxWall: Self.maximumPlayWall)
            playing = (run, runSpeed, MonotonicClock.microseconds, state.isPlaying, state.speedThousandths)
            state.isPlaying = true
            state.speedThousandths = runSpeed
            state.statusMessage = "playing \(run.line) at \(Self.speedText(runSpeed)) (any key stops)"
            state.isStatusError = false
            lastTick = MonotonicClock.microseconds
            return false
        }
        let startsPlaying = session.lessonStatus != nil && !state.isPlaying
        let output = session.execute(line)
        appendLog(["> " + line] + output.lines)
        // `check`'s lanes stay over the canvas until Esc or the next command.
        state.verdictLanes = VerdictLanes(output: output.lines)
        state.statusMessage = output.lines.last ?? ""
        // A demo's `say` is shown large in the band; it is not repeated above the prompt.
        if let show = session.presentationStatus, show.captions.contains(state.statusMessage) { state.statusMessage = "" }
        state.isStatusError = output.isError || output.isFailure
        showWhole(output, of: line)
        if output.wasInterrupted && !TerminalGuard.hasPendingSignal {
            // That Ctrl-C stopped the run; the next one quits.
            isQuitArmed = true
            state.statusMessage = (output.lines.last ?? "interrupted") + " — Ctrl-C again quits"
        }
        var quits = false
        for request in output.requests {
            switch request {
            case .quit: quits = true
            case .play: state.isPlaying = true
            case .pause: state.isPlaying = false
            case .speed(let thousandths): state.speedThousandths = max(1, thousandths)
            case .theme(let name):
                if let theme = Theme(name: name) { state.theme = backend.colorMode == .none ? .mono : theme }
            case .inspect(let node):
                inspected = node
                if node == nil { state.sidePanel = .eventLog }
            case .help: state.isHelpShown = true
            case .record(let path): startRecording(path)
            case .note(let text): notes?.write(text)
            }
        }
        // In a lesson, the step opened paused; the learner's first command starts it playing
        // (so `resume n5` or `heal` shows its effect without Space).
        if startsPlaying, !output.isError, !output.requests.contains(.pause), session.lessonStatus != nil,
           !["next", "back", "hint", "goal", "lesson", "lessons", "leave", "help", "skip", "step"].contains(line.split(separator: " ").first.map { $0.lowercased() } ?? "") {
            state.isPlaying = true
        }
        // Time spent executing (a long `run`) is not played again.
        lastTick = MonotonicClock.microseconds
        return quits
    }

    /// Starts (or, with nil, stops) recording the screen as an asciicast file.
    mutating func startRecording(_ path: String?) {
        guard let path else {
            if let recorder { appendLog(["recording stopped: \(recorder.path)"]) } else { appendLog(["error: nothing is being recorded"]) }
            recorder = nil
            return
        }
        let (width, height) = backend.size
        recorder = AsciicastRecorder(path: path, width: width, height: height)
        if recorder == nil { appendLog(["error: cannot write \(path)"]) }
    }

    /// Opens the output pane for a report (a command that changes nothing: `nodes`, `log`,
    /// `timeline`, `history`, `help`, a hint's solution) that printed two lines or more of its
    /// own, so that it is seen whole, columns kept, and not only its last line.
    mutating func showWhole(_ output: CommandOutput, of line: String) {
        let own = Array(output.lines.dropLast(output.lessonLineCount))
        guard own.count >= 2, !output.isError, session.isReport(line) else { return }
        let (width, height) = backend.size
        let rows = FrameRenderer.outputPaneRows(own, title: line, width: width, height: height, isPresenterMode: state.isPresenterMode)
        state.outputPane = OutputPane(title: line, lines: rows)
        state.statusMessage = "\(line): \(own.count) lines (q or Esc closes)"
    }

    mutating func appendLog(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        // Scrolled back, the event log stays where it was as lines arrive.
        if state.panelScroll > 0, case .eventLog = state.sidePanel { state.panelScroll += lines.count }
        state.appendLog(lines, limit: Self.logLimit)
    }

    static func speedText(_ thousandths: Int) -> String {
        DecimalText.format(Int64(thousandths), decimals: 3) + "x"
    }
}
