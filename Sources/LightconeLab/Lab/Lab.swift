import LightconeSimulation

/// What a front end drives: one `Session` (the cluster, the journal, `execute`), with the
/// lesson runner and the presentation runner beside it, steering it from outside. The REPL,
/// `lightcone run`, `check-lessons` and the view all go through `execute(_:)`.
///
/// ```swift
/// var lab = Lab(options: SessionOptions())
/// let output = lab.execute("kill n2")
/// ```
public struct Lab: Sendable {
    /// The session: cluster, journal, narration.
    public internal(set) var session: Session
    /// The lesson state machine and its progress store.
    public internal(set) var lessons = LessonRunner()
    /// The demo script being presented, if any.
    public internal(set) var presenter: PresentationRunner?
    /// How deep `source` is nested.
    var sourceDepth = 0
    /// The other side of `compare`, while one runs.
    public var comparison: Comparison? { session.comparison }

    /// A lab with a fresh session from `options.startCommand` (`new gossip 5`).
    public init(options: SessionOptions) {
        session = Session(options: options)
    }

    /// A fresh lab like this one that keeps lesson progress in memory only (scripts).
    public func withoutSavedState() -> Lab {
        var options = session.options
        options.stateDirectory = nil
        var lab = Lab(options: options)
        lab.drawings = drawings
        lab.interruptCheck = interruptCheck
        lab.progressReport = progressReport
        return lab
    }

    // MARK: - What the front ends read

    /// The simulated cluster.
    public var cluster: any ClusterModel { session.cluster }
    /// The session seed (`seed N` changes it).
    public var seed: UInt64 { session.seed }
    /// The settings the lab started with.
    public var options: SessionOptions { session.options }
    /// The lesson being followed, if any.
    public var lesson: LessonProgress? { lessons.progress }
    /// The lesson being followed, for the view's side panel; nil outside a lesson.
    public var lessonStatus: LessonStatus? { lessons.status }
    /// Where the presentation is, for the view; nil when none is loaded.
    public var presentationStatus: PresentationStatus? { presenter?.status }
    /// The screen and timeline pictures the view draws (used by `timeline` and `export`).
    public var drawings: LabDrawings? {
        get { session.drawings }
        set { session.drawings = newValue }
    }
    /// Asked during long runs; true interrupts them (the view's Ctrl-C).
    public var interruptCheck: (@Sendable () -> Bool)? {
        get { session.interruptCheck }
        set { session.interruptCheck = newValue }
    }

    /// Told the simulated time and events handled during long runs (progress lines).
    public var progressReport: (@Sendable (_ now: SimTime, _ events: Int) -> Void)? {
        get { session.progressReport }
        set { session.progressReport = newValue }
    }

    /// True when `line` is a report that changes nothing (`nodes`, `log`, `timeline`,
    /// `history`, `help`, `hint`, `status`, ...): the view shows its output whole in a pane.
    /// `inspect` has a panel of its own.
    public func isReport(_ line: String) -> Bool {
        let text = CommandParser.stripComment(line)
        guard let command = try? CommandParser.parse(text, context: session.parseContext) else { return false }
        if case .inspect = command { return false }
        return command.isReadOnly
    }

    /// Candidates for the last word of `line` (see `Session.completions(for:)`).
    public func completions(for line: String) -> [String] { session.completions(for: line) }

    // MARK: - Driving

    /// Starts a demo script: nothing runs until the first `next` (a clicker press).
    public mutating func loadPresentation(name: String, text: String) throws(CommandError) {
        presenter = try PresentationRunner(name: name, text: text, protocolName: session.cluster.protocolName)
    }

    /// Runs one line (a command, a blank line or a comment) and says what happened.
    public mutating func execute(_ line: String) -> CommandOutput {
        let text = CommandParser.stripComment(line)
        guard !text.isEmpty else { return CommandOutput() }
        let parsed = try? CommandParser.parse(text, context: session.parseContext)
        if case .leave? = parsed, comparison != nil, lessons.progress == nil {
            return CommandOutput(lines: session.endComparison().map { [$0] } ?? [])
        }
        if let command = parsed, command.isLessonCommand {
            if case .source = command {} else { session.typed.append(text) }
            do {
                var output = try steer(command)
                if case .source = command {} else { output.appendLessonLines(lessons.afterCommand(on: &session)) }
                return output
            } catch {
                return .error(error.message)
            }
        }
        var output = session.execute(text)
        output.appendLessonLines(lessons.afterCommand(on: &session))
        return output
    }

    /// Moves the clock forward by `duration` (the view's play), returning the narrated lines.
    public mutating func advance(by duration: SimDuration) -> [String] {
        let lines = session.advance(by: duration)
        guard duration > 0 else { return lines }
        return lines + lessons.afterCommand(on: &session)
    }

    /// Handles the next event (the view's one-step key), returning what it did.
    public mutating func stepOnce() -> [String] {
        execute("step").lines
    }

    mutating func steer(_ command: Command) throws(CommandError) -> CommandOutput {
        switch command {
        case .next where presenter != nil && lessons.progress == nil:
            return nextSlide()
        case .back where presenter != nil && lessons.progress == nil:
            guard var runner = presenter else { throw CommandError("no presentation") }
            let output = try runner.previousSlide(on: &session)
            presenter = runner
            return output
        case .say(let text):
            guard presenter != nil else { return CommandOutput(lines: [text]) }
            return presenter?.say(text) ?? CommandOutput(lines: [text])
        case .wait:
            return CommandOutput(lines: presenter == nil ? ["(wait cuts a demo script into slides; `lightcone present FILE` plays one)"] : [])
        case .source(let path):
            return try source(path)
        default:
            return try lessons.perform(command, on: &session)
        }
    }

    /// `next` in a presentation: plays the next slide's lines.
    mutating func nextSlide() -> CommandOutput {
        guard var runner = presenter else { return .error("no presentation") }
        guard let slide = runner.advance(checkpoint: session) else {
            return CommandOutput(lines: ["the end of the demo: `back` goes to the previous part"])
        }
        presenter = runner
        var output = CommandOutput()
        for line in slide.lines {
            let result = execute(line.text)
            output.lines += result.lines
            output.requests += result.requests
            if result.isError {
                output.lines.append("(\(runner.presentation.name):\(line.number))")
                break
            }
        }
        return output
    }
}

extension CommandOutput {
    /// Adds the lines the lesson says after a command (a met goal, its reveal).
    mutating func appendLessonLines(_ added: [String]) {
        lines += added
        lessonLineCount += added.count
    }
}
