import LightconeSimulation

/// Fixed settings of the lesson engine.
enum LessonEngine {
    /// Lessons run on this seed, so that a class or a talk sees the same run every time.
    static let seed: UInt64 = 1
}

/// The lesson state machine: which lesson and step a learner is on, the progress store, and
/// the commands that steer a lesson (`lessons`, `lesson NAME`, `next`, `back`, `hint`, `goal`,
/// `leave`). It drives a `Session` from outside: it runs the lesson's blocks through the
/// session's `execute` and checks the step's goal after every command the learner types.
public struct LessonRunner: Sendable {
    /// The lesson being followed, if any.
    public internal(set) var progress: LessonProgress?
    /// Completed lesson steps when there is no state directory to save them in.
    var record = LessonProgressStore()

    /// No lesson open.
    public init() {}

    /// The lesson being followed, for the view's side panel; nil outside a lesson.
    public var status: LessonStatus? {
        guard let progress else { return nil }
        let step = progress.currentStep
        var items = step.intro
        if progress.goalMet || step.goal == nil { items += step.reveal }
        var text: [String] = []
        var blocks: [LessonBlock] = []
        var setupIndex = 0
        for item in items {
            switch item {
            case .paragraph(let p):
                text.append(Self.inlineText(p))
                blocks.append(.prose(Self.inlineText(p)))
            case .listItem(let marker, let p):
                text.append("\(marker) " + Self.inlineText(p))
                blocks.append(.listItem(marker: marker, text: Self.inlineText(p)))
            case .quote(let p):
                text.append(Self.inlineText(p))
                blocks.append(.quote(Self.inlineText(p)))
            case .code(let lines):
                text.append(lines.joined(separator: "\n"))
                blocks.append(.code(lines))
            case .setup(let commands):
                text.append(commands.map { "> " + $0.text }.joined(separator: "\n"))
                let ran = setupIndex < progress.setupRuns.count ? progress.setupRuns[setupIndex] : []
                setupIndex += 1
                blocks.append(.commands(commands.enumerated().map { index, command in
                    LessonCommandRun(command: command.text, output: index < ran.count ? ran[index].output : [])
                }))
            case .predict(let p):
                text.append("Predict: " + Self.inlineText(p))
                blocks.append(.predict(Self.inlineText(p)))
            }
        }
        return LessonStatus(title: progress.lesson.title, stepNumber: progress.step + 1, stepCount: progress.lesson.steps.count,
                            stepTitle: step.title, text: text, goal: step.goal?.condition, goalMet: progress.goalMet,
                            blocks: blocks)
    }

    /// Carries out a lesson command on `session`.
    mutating func perform(_ command: Command, on session: inout Session) throws(CommandError) -> CommandOutput {
        switch command {
        case .lessons: return listLessons(session)
        case .lesson(let query): return try openLesson(query, on: &session)
        case .next: return try nextStep(on: &session)
        case .back: return try previousStep(on: &session)
        case .hint: return try hint(session)
        case .goal: return try goalReport(session)
        case .leave: return try leaveLesson(session)
        default: throw CommandError("not a lesson command")
        }
    }

    /// Checks the current lesson goal after a command or a step; returns lines to show.
    mutating func afterCommand(on session: inout Session) -> [String] {
        guard let current = progress, !current.isBusy else { return [] }
        if session.seed != current.seed {
            // `seed N` inside a lesson: the same lesson, replayed to this step on another run.
            replay(current.lesson, to: current.step, seed: session.seed, on: &session)
            return ["replayed the lesson to step \(current.step + 1) on seed \(session.seed)"] + presentStep(on: &session)
        }
        guard !current.goalMet, let goal = current.currentStep.goal else { return [] }
        guard evaluate(goal, on: session).holds else {
            // Past the goal's `within` without getting there: say once where help is.
            guard !current.wasNudged, session.cluster.now >= current.stepOpenedAt + goal.within else { return [] }
            progress?.wasNudged = true
            return TextWrap.wrap("(Goal: \(goal.condition) — not met after \(DurationText.format(goal.within)); `hint` helps, `next` shows a solution.)", width: session.options.width)
        }
        return goalMetLines(on: &session)
    }

    // MARK: - The commands

    private func loadCatalog(_ session: Session) -> [(source: LessonSource, result: LessonParser.Result)] {
        LessonCatalog.sources(directory: session.options.lessonsDirectory).map { source in
            (source, LessonParser.parse(source.text, name: source.name, file: source.file))
        }
    }

    private func completedSteps(_ session: Session) -> LessonProgressStore {
        if let directory = session.options.stateDirectory { return LessonProgressStore.load(directory: directory) }
        return record
    }

    private mutating func recordCompleted(_ name: String, step: Int, _ session: Session) {
        var store = completedSteps(session)
        guard !store.completed[name, default: []].contains(step) else { return }
        store.completed[name, default: []].insert(step)
        record = store
        if let directory = session.options.stateDirectory { store.save(directory: directory) }
    }

    private func listLessons(_ session: Session) -> CommandOutput {
        let catalog = loadCatalog(session)
        let width = session.options.width
        guard !catalog.isEmpty else {
            return CommandOutput(lines: ["no lessons found" + (session.options.lessonsDirectory.map { " in \($0) (LIGHTCONE_LESSONS)" } ?? "")])
        }
        let done = completedSteps(session)
        var lines = ["Lessons (`lesson NAME` opens one; NAME may be any part of its name or title):"]
        for (index, entry) in catalog.enumerated() {
            let title = entry.result.title.isEmpty ? entry.source.name : entry.result.title
            let state: String
            if let lesson = entry.result.lesson {
                let count = lesson.steps.count
                let finished = done.completed[lesson.name, default: []].filter { $0 >= 1 && $0 <= count }.count
                state = "\(count) steps, " + (finished == 0 ? "not started" : finished == count ? "done" : "\(finished) done")
            } else {
                state = "has problems; check-lessons lists them"
            }
            lines += TextWrap.wrap("\(index + 1). \(title) (\(entry.source.name); \(state))", width: width, first: "", rest: "   ")
            if let summary = entry.result.lesson?.summary {
                lines += TextWrap.wrap(Self.inlineText(summary), width: width, first: "   ", rest: "   ")
            }
        }
        return CommandOutput(lines: lines)
    }

    private mutating func openLesson(_ query: String, on session: inout Session) throws(CommandError) -> CommandOutput {
        let catalog = loadCatalog(session)
        let width = session.options.width
        guard !catalog.isEmpty else {
            throw CommandError("no lessons found" + (session.options.lessonsDirectory.map { " in \($0) (LIGHTCONE_LESSONS)" } ?? ""))
        }
        let entries = catalog.map { (name: $0.source.name, title: $0.result.title) }
        var stepNumber: Int?
        var found = LessonCatalog.match(query, in: entries)
        let words = query.split(separator: " ")
        if found == nil, words.count > 1, let last = words.last, let number = Int(last) {
            found = LessonCatalog.match(words.dropLast().joined(separator: " "), in: entries)
            stepNumber = number
        }
        guard let index = found else {
            throw CommandError("no lesson matches '\(query)'; lessons are \(entries.map(\.name).joined(separator: ", "))")
        }
        guard let lesson = catalog[index].result.lesson else {
            let first = catalog[index].result.issues.first.map { $0.located(in: catalog[index].source.file) } ?? "?"
            throw CommandError("lesson \(catalog[index].source.name) has problems: \(first)")
        }
        let start = (stepNumber ?? 1) - 1
        guard lesson.steps.indices.contains(start) else {
            throw CommandError("\(lesson.name) has steps 1..\(lesson.steps.count)")
        }
        var lines = ["═══ \(lesson.title) ═══"]
        lines += TextWrap.wrap(Self.inlineText(lesson.summary), width: width)
        lines += render(lesson.preface, on: &session)
        lines.append("")
        lines += TextWrap.wrap("\(lesson.steps.count) steps. Any command works in a lesson; `next`, `back`, `hint`, `goal` and `leave` steer it.", width: width)
        let before = completedSteps(session).completed[lesson.name, default: []].filter { $0 >= 1 && $0 <= lesson.steps.count }
        if stepNumber == nil, !before.isEmpty, before.count < lesson.steps.count,
           let resume = (1...lesson.steps.count).first(where: { !before.contains($0) }), resume > 1 {
            lines += TextWrap.wrap("You finished \(before.count) of its steps before; `lesson \(lesson.name) \(resume)` goes on from step \(resume).", width: width)
        }
        replay(lesson, to: start, seed: LessonEngine.seed, on: &session)
        lines += presentStep(on: &session)
        return CommandOutput(lines: lines)
    }

    private mutating func nextStep(on session: inout Session) throws(CommandError) -> CommandOutput {
        guard let current = progress else { throw notInLesson() }
        let width = session.options.width
        let step = current.currentStep
        if let goal = step.goal, !current.goalMet {
            var lines = ["Here is one way to reach the goal:"]
            progress?.isBusy = true
            lines += runCommands(step.solution, echo: true, on: &session)
            if !evaluate(goal, on: session).holds {
                let command = "run until \(goal.condition) within \(DurationText.format(goal.within))"
                lines.append("> " + command)
                lines += session.executeForLesson(command).lines
            }
            progress?.isBusy = false
            let outcome = evaluate(goal, on: session)
            if outcome.holds { return CommandOutput(lines: lines + goalMetLines(on: &session)) }
            lines += TextWrap.wrap("The solution did not reach the goal on this cluster (\(outcome.actual)). `lesson \(current.name) \(current.step + 1)` replays the step from its start.", width: width)
            return CommandOutput(lines: lines)
        }
        recordCompleted(current.name, step: current.step + 1, session)
        if current.isLastStep {
            progress = nil
            return CommandOutput(lines: TextWrap.wrap("✓ lesson complete: \(current.lesson.title). The cluster stays as it is; `lessons` lists the others.", width: width))
        }
        progress?.step += 1
        progress?.goalMet = false
        progress?.hintsShown = 0
        return CommandOutput(lines: presentStep(on: &session))
    }

    private mutating func previousStep(on session: inout Session) throws(CommandError) -> CommandOutput {
        guard let current = progress else { throw notInLesson() }
        guard current.step > 0 else { throw CommandError("this is the first step; `leave` leaves the lesson") }
        replay(current.lesson, to: current.step - 1, seed: session.seed, on: &session)
        return CommandOutput(lines: ["back to step \(current.step) (the lesson replayed from its start)"] + presentStep(on: &session))
    }

    private mutating func hint(_ session: Session) throws(CommandError) -> CommandOutput {
        guard let current = progress else { throw notInLesson() }
        let step = current.currentStep
        guard step.goal != nil else { return CommandOutput(lines: ["This step has no goal; read on, then `next`."]) }
        if current.hintsShown < step.hints.count {
            progress?.hintsShown += 1
            let label = "Hint \(current.hintsShown + 1) of \(step.hints.count): "
            return CommandOutput(lines: TextWrap.wrap(label + Self.inlineText(step.hints[current.hintsShown]), width: session.options.width, rest: "  "))
        }
        return CommandOutput(lines: ["One way to reach the goal (`next` plays it for you):"] + step.solution.map { "  > " + $0.text })
    }

    private func goalReport(_ session: Session) throws(CommandError) -> CommandOutput {
        guard let current = progress else { throw notInLesson() }
        guard let goal = current.currentStep.goal else {
            return CommandOutput(lines: ["Step \(current.step + 1) has no goal; `next` goes on."])
        }
        if current.goalMet { return CommandOutput(lines: ["Goal: \(goal.condition) ✓ met"]) }
        return CommandOutput(lines: ["Goal: \(goal.condition) (not met yet: \(evaluate(goal, on: session).actual))"])
    }

    private mutating func leaveLesson(_ session: Session) throws(CommandError) -> CommandOutput {
        guard let current = progress else { throw notInLesson() }
        progress = nil
        return CommandOutput(lines: TextWrap.wrap("Left \(current.lesson.title) at step \(current.step + 1) of \(current.lesson.steps.count); the cluster stays as it is. `lesson \(current.name)` comes back.", width: session.options.width))
    }

    private func notInLesson() -> CommandError {
        CommandError("you are not in a lesson; `lessons` lists them, `lesson NAME` opens one")
    }

    // MARK: - The engine

    /// Starts `lesson` afresh on `seed` and plays its steps before `index` (setup, solution,
    /// goal, reveal) without showing them, so that step `index` opens on the cluster its
    /// author meant.
    mutating func replay(_ lesson: Lesson, to index: Int, seed: UInt64, on session: inout Session) {
        session.restart(seed: seed)
        progress = LessonProgress(name: lesson.name, step: 0, lesson: lesson, seed: seed, isBusy: true)
        for stepIndex in 0..<index {
            progress?.step = stepIndex
            let step = lesson.steps[stepIndex]
            _ = render(step.intro, on: &session)
            if let goal = step.goal {
                _ = runCommands(step.solution, echo: false, on: &session)
                if !evaluate(goal, on: session).holds {
                    _ = session.executeForLesson("run until \(goal.condition) within \(DurationText.format(goal.within))")
                }
            }
            _ = render(step.reveal, on: &session)
        }
        progress?.step = index
        progress?.isBusy = false
        session.skipNarration()
    }

    /// The current step as it opens: heading, intro (running its setup blocks) and goal.
    mutating func presentStep(on session: inout Session) -> [String] {
        guard let current = progress else { return [] }
        let width = session.options.width
        let step = current.currentStep
        var lines = ["", "── Step \(current.step + 1) of \(current.lesson.steps.count): \(step.title) ──"]
        progress?.setupRuns = []
        progress?.isBusy = true
        lines += render(step.intro, on: &session)
        progress?.isBusy = false
        progress?.stepOpenedAt = session.cluster.now
        progress?.wasNudged = false
        lines.append("")
        if let goal = step.goal {
            lines += TextWrap.wrap("Goal: \(goal.condition)", width: width, rest: "  ")
            lines += TextWrap.wrap("(type any commands; `hint` helps, `next` shows a solution)", width: width)
            if evaluate(goal, on: session).holds { lines += goalMetLines(on: &session) }
        } else {
            lines += render(step.reveal, on: &session)
            lines += TextWrap.wrap(current.isLastStep ? "That is the end of the lesson: `next` finishes it." : "Type `next` for step \(current.step + 2).", width: width)
        }
        return lines
    }

    /// Marks the goal met and shows the step's reveal (running the reveal's setup blocks).
    mutating func goalMetLines(on session: inout Session) -> [String] {
        guard let current = progress, let goal = current.currentStep.goal else { return [] }
        let width = session.options.width
        progress?.goalMet = true
        recordCompleted(current.name, step: current.step + 1, session)
        var lines = ["✓ goal met: \(goal.condition)"]
        // The reveal's facts, checked now (check-lessons reports those that do not hold).
        for expectation in current.currentStep.expectations {
            let outcome = evaluate(LessonGoal(spec: expectation.spec, within: 0, line: expectation.line), on: session)
            if !outcome.holds {
                progress?.problems.append(LessonIssue(line: expectation.line,
                                                      reason: "expect \(expectation.condition) does not hold when the goal is met (\(outcome.actual))"))
            }
        }
        let wasBusy = current.isBusy
        progress?.isBusy = true
        lines += render(current.currentStep.reveal, on: &session)
        progress?.isBusy = wasBusy
        lines.append("")
        if current.isLastStep {
            lines += TextWrap.wrap("That is the end of the lesson: `next` finishes it.", width: width)
        } else {
            let following = current.lesson.steps[current.step + 1]
            lines += TextWrap.wrap("Type `next` for step \(current.step + 2) of \(current.lesson.steps.count): \(following.title).", width: width)
        }
        return lines
    }

    /// Whether `goal` holds on the cluster now, and what is.
    func evaluate(_ goal: LessonGoal, on session: Session) -> ConditionOutcome {
        guard let condition = goal.spec.resolve(leader: session.cluster.leader) else {
            return ConditionOutcome(holds: false, actual: "there is no leader")
        }
        return session.cluster.evaluate(condition)
            ?? ConditionOutcome(holds: false, actual: "'\(goal.condition)' does not apply to \(session.cluster.protocolName)")
    }

    /// Runs a block's commands; with `echo`, returns each as `> COMMAND` with its output.
    /// They stay out of `history --script`, where the `lesson` and `next` that ran them replay them.
    mutating func runCommands(_ commands: [LessonCommandLine], echo: Bool, on session: inout Session) -> [String] {
        var lines: [String] = []
        for command in commands {
            let output = session.executeForLesson(command.text)
            if echo {
                lines.append("> " + command.text)
                lines += output.lines
            }
            if output.isError {
                let reason = output.lines.last.map { $0.hasPrefix("error: ") ? String($0.dropFirst(7)) : $0 } ?? "error"
                progress?.problems.append(LessonIssue(line: command.line, reason: reason))
            }
        }
        return lines
    }

    /// Lesson items as plain-mode lines, wrapped to the session's width; setup blocks run.
    mutating func render(_ items: [LessonItem], on session: inout Session) -> [String] {
        var lines: [String] = []
        var previousWasList = false
        let width = session.options.width
        for item in items {
            switch item {
            case .listItem(let marker, let text):
                if !previousWasList { lines.append("") }
                lines += TextWrap.wrap(Self.inlineText(text), width: width, first: "  \(marker) ", rest: String(repeating: " ", count: marker.count + 3))
            case .paragraph(let text):
                lines.append("")
                lines += TextWrap.wrap(Self.inlineText(text), width: width)
            case .quote(let text):
                lines.append("")
                lines += TextWrap.wrap(Self.inlineText(text), width: width, first: "    ", rest: "    ")
            case .code(let code):
                lines.append("")
                lines += code.map { "    " + $0 }
            case .predict(let text):
                lines.append("")
                lines += TextWrap.wrap("Predict: " + Self.inlineText(text), width: width, rest: "  ")
            case .setup(let commands):
                lines.append("")
                var ran: [LessonCommandRun] = []
                for command in commands {
                    let shown = runCommands([command], echo: true, on: &session)
                    ran.append(LessonCommandRun(command: command.text, output: Array(shown.dropFirst())))
                    lines += shown
                }
                progress?.setupRuns.append(ran)
            }
            if case .listItem = item { previousWasList = true } else { previousWasList = false }
        }
        return lines
    }

    /// Markdown inline text for a terminal: `*emphasis*` and `**bold**` marks dropped
    /// (outside code spans), `[text](url)` written `text (url)`; code spans keep their backticks.
    static func inlineText(_ text: String) -> String {
        var result = ""
        var inCode = false
        for character in text {
            if character == "`" { inCode.toggle() }
            if character == "*" && !inCode { continue }
            result.append(character)
        }
        // Links: [text](url) -> text (url)
        var output = ""
        var rest = Substring(result)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]"),
                  rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
                  let end = rest[close...].firstIndex(of: ")") else { break }
            output += rest[..<open]
            output += rest[rest.index(after: open)..<close]
            output += " (" + rest[rest.index(close, offsetBy: 2)..<end] + ")"
            rest = rest[rest.index(after: end)...]
        }
        output += rest
        return output
    }
}
