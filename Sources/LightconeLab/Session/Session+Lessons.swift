import LightconeSimulation

/// Fixed settings of the lesson engine.
enum LessonEngine {
    /// Lessons run on this seed, so that a class or a talk sees the same run every time.
    static let seed: UInt64 = 1
}

extension Session {
    /// The lesson being followed, for the view's side panel; nil outside a lesson.
    public var lessonStatus: LessonStatus? {
        guard let progress = lesson else { return nil }
        let step = progress.currentStep
        var items = step.intro
        if progress.goalMet || step.goal == nil { items += step.reveal }
        var text: [String] = []
        for item in items {
            switch item {
            case .paragraph(let p): text.append(Session.inlineText(p))
            case .listItem(let marker, let p): text.append("\(marker) " + Session.inlineText(p))
            case .quote(let p): text.append(Session.inlineText(p))
            case .code(let lines): text.append(lines.joined(separator: "\n"))
            case .setup(let commands): text.append(commands.map { "> " + $0.text }.joined(separator: "\n"))
            case .predict(let p): text.append("Predict: " + Session.inlineText(p))
            }
        }
        return LessonStatus(title: progress.lesson.title, stepNumber: progress.step + 1, stepCount: progress.lesson.steps.count,
                            stepTitle: step.title, text: text, goal: step.goal?.condition, goalMet: progress.goalMet)
    }

    mutating func performLesson(_ command: Command) throws(CommandError) -> CommandOutput {
        switch command {
        case .lessons: return listLessons()
        case .lesson(let query): return try openLesson(query)
        case .next: return try nextStep()
        case .back: return try previousStep()
        case .hint: return try hint()
        case .goal: return try goalReport()
        case .leave: return try leaveLesson()
        default: throw CommandError("not a lesson command")
        }
    }

    /// Checks the current lesson goal after a command or a step; returns lines to show.
    mutating func lessonAfterCommand() -> [String] {
        guard let progress = lesson, !progress.isBusy else { return [] }
        if seed != progress.seed {
            // `seed N` inside a lesson: the same lesson, replayed to this step on another run.
            replay(progress.lesson, to: progress.step, seed: seed)
            return ["replayed the lesson to step \(progress.step + 1) on seed \(seed)"] + presentStep()
        }
        guard !progress.goalMet, let goal = progress.currentStep.goal else { return [] }
        guard evaluate(goal).holds else {
            // Past the goal's `within` without getting there: say once where help is.
            guard !progress.wasNudged, cluster.now >= progress.stepOpenedAt + goal.within else { return [] }
            lesson?.wasNudged = true
            return TextWrap.wrap("(Goal: \(goal.condition) — not met after \(DurationText.format(goal.within)); `hint` helps, `next` shows a solution.)", width: options.width)
        }
        return goalMetLines()
    }

    // MARK: - The commands

    private func loadCatalog() -> [(source: LessonSource, result: LessonParser.Result)] {
        LessonCatalog.sources(directory: options.lessonsDirectory).map { source in
            (source, LessonParser.parse(source.text, name: source.name, file: source.file))
        }
    }

    private var completedSteps: LessonProgressStore {
        if let directory = options.stateDirectory { return LessonProgressStore.load(directory: directory) }
        return lessonRecord
    }

    private mutating func recordCompleted(_ name: String, step: Int) {
        var store = completedSteps
        guard !store.completed[name, default: []].contains(step) else { return }
        store.completed[name, default: []].insert(step)
        lessonRecord = store
        if let directory = options.stateDirectory { store.save(directory: directory) }
    }

    private func listLessons() -> CommandOutput {
        let catalog = loadCatalog()
        guard !catalog.isEmpty else {
            return CommandOutput(lines: ["no lessons found" + (options.lessonsDirectory.map { " in \($0) (LIGHTCONE_LESSONS)" } ?? "")])
        }
        let done = completedSteps
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
            lines += TextWrap.wrap("\(index + 1). \(title) (\(entry.source.name); \(state))", width: options.width, first: "", rest: "   ")
            if let summary = entry.result.lesson?.summary {
                lines += TextWrap.wrap(Session.inlineText(summary), width: options.width, first: "   ", rest: "   ")
            }
        }
        return CommandOutput(lines: lines)
    }

    private mutating func openLesson(_ query: String) throws(CommandError) -> CommandOutput {
        let catalog = loadCatalog()
        guard !catalog.isEmpty else {
            throw CommandError("no lessons found" + (options.lessonsDirectory.map { " in \($0) (LIGHTCONE_LESSONS)" } ?? ""))
        }
        let entries = catalog.map { (name: $0.source.name, title: $0.result.title) }
        var stepNumber: Int?
        var found = LessonCatalog.match(query, in: entries)
        let words = query.split(separator: " ")
        if found == nil, words.count > 1, let number = Int(words.last!) {
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
        lines += TextWrap.wrap(Session.inlineText(lesson.summary), width: options.width)
        lines += render(lesson.preface)
        lines.append("")
        lines += TextWrap.wrap("\(lesson.steps.count) steps. Any command works in a lesson; `next`, `back`, `hint`, `goal` and `leave` steer it.", width: options.width)
        let before = completedSteps.completed[lesson.name, default: []].filter { $0 >= 1 && $0 <= lesson.steps.count }
        if stepNumber == nil, !before.isEmpty, before.count < lesson.steps.count,
           let resume = (1...lesson.steps.count).first(where: { !before.contains($0) }), resume > 1 {
            lines += TextWrap.wrap("You finished \(before.count) of its steps before; `lesson \(lesson.name) \(resume)` goes on from step \(resume).", width: options.width)
        }
        replay(lesson, to: start, seed: LessonEngine.seed)
        lines += presentStep()
        return CommandOutput(lines: lines)
    }

    private mutating func nextStep() throws(CommandError) -> CommandOutput {
        guard let progress = lesson else { throw notInLesson() }
        let step = progress.currentStep
        if let goal = step.goal, !progress.goalMet {
            var lines = ["Here is one way to reach the goal:"]
            lesson?.isBusy = true
            lines += runCommands(step.solution, echo: true)
            if !evaluate(goal).holds {
                let command = "run until \(goal.condition) within \(DurationText.format(goal.within))"
                lines.append("> " + command)
                lines += executeForLesson(command).lines
            }
            lesson?.isBusy = false
            let outcome = evaluate(goal)
            if outcome.holds { return CommandOutput(lines: lines + goalMetLines()) }
            lines += TextWrap.wrap("The solution did not reach the goal on this cluster (\(outcome.actual)). `lesson \(progress.name) \(progress.step + 1)` replays the step from its start.", width: options.width)
            return CommandOutput(lines: lines)
        }
        recordCompleted(progress.name, step: progress.step + 1)
        if progress.isLastStep {
            lesson = nil
            return CommandOutput(lines: TextWrap.wrap("✓ lesson complete: \(progress.lesson.title). The cluster stays as it is; `lessons` lists the others.", width: options.width))
        }
        lesson?.step += 1
        lesson?.goalMet = false
        lesson?.hintsShown = 0
        return CommandOutput(lines: presentStep())
    }

    private mutating func previousStep() throws(CommandError) -> CommandOutput {
        guard let progress = lesson else { throw notInLesson() }
        guard progress.step > 0 else { throw CommandError("this is the first step; `leave` leaves the lesson") }
        replay(progress.lesson, to: progress.step - 1, seed: seed)
        return CommandOutput(lines: ["back to step \(progress.step) (the lesson replayed from its start)"] + presentStep())
    }

    private mutating func hint() throws(CommandError) -> CommandOutput {
        guard let progress = lesson else { throw notInLesson() }
        let step = progress.currentStep
        guard step.goal != nil else { return CommandOutput(lines: ["This step has no goal; read on, then `next`."]) }
        if progress.hintsShown < step.hints.count {
            lesson?.hintsShown += 1
            let label = "Hint \(progress.hintsShown + 1) of \(step.hints.count): "
            return CommandOutput(lines: TextWrap.wrap(label + Session.inlineText(step.hints[progress.hintsShown]), width: options.width, rest: "  "))
        }
        return CommandOutput(lines: ["One way to reach the goal (`next` plays it for you):"] + step.solution.map { "  > " + $0.text })
    }

    private func goalReport() throws(CommandError) -> CommandOutput {
        guard let progress = lesson else { throw notInLesson() }
        guard let goal = progress.currentStep.goal else {
            return CommandOutput(lines: ["Step \(progress.step + 1) has no goal; `next` goes on."])
        }
        if progress.goalMet { return CommandOutput(lines: ["Goal: \(goal.condition) ✓ met"]) }
        return CommandOutput(lines: ["Goal: \(goal.condition) (not met yet: \(evaluate(goal).actual))"])
    }

    private mutating func leaveLesson() throws(CommandError) -> CommandOutput {
        guard let progress = lesson else { throw notInLesson() }
        lesson = nil
        return CommandOutput(lines: TextWrap.wrap("Left \(progress.lesson.title) at step \(progress.step + 1) of \(progress.lesson.steps.count); the cluster stays as it is. `lesson \(progress.name)` comes back.", width: options.width))
    }

    private func notInLesson() -> CommandError {
        CommandError("you are not in a lesson; `lessons` lists them, `lesson NAME` opens one")
    }

    // MARK: - The engine

    /// Starts `lesson` afresh on `seed` and plays its steps before `index` (setup, solution,
    /// goal, reveal) without showing them, so that step `index` opens on the cluster its
    /// author meant.
    mutating func replay(_ lesson: Lesson, to index: Int, seed: UInt64) {
        self.seed = seed
        let start = (try? CommandParser.parse(options.startCommand, context: parseContext))
            ?? .new(protocolName: "gossip", nodeCount: 5, options: [])
        _ = try? perform(start)
        self.lesson = LessonProgress(name: lesson.name, step: 0, lesson: lesson, seed: seed, isBusy: true)
        for stepIndex in 0..<index {
            self.lesson?.step = stepIndex
            let step = lesson.steps[stepIndex]
            _ = render(step.intro)
            if let goal = step.goal {
                _ = runCommands(step.solution, echo: false)
                if !evaluate(goal).holds {
                    _ = executeForLesson("run until \(goal.condition) within \(DurationText.format(goal.within))")
                }
            }
            _ = render(step.reveal)
        }
        self.lesson?.step = index
        self.lesson?.isBusy = false
        skipNarration()
    }

    /// The current step as it opens: heading, intro (running its setup blocks) and goal.
    mutating func presentStep() -> [String] {
        guard let progress = lesson else { return [] }
        let step = progress.currentStep
        var lines = ["", "── Step \(progress.step + 1) of \(progress.lesson.steps.count): \(step.title) ──"]
        lesson?.isBusy = true
        lines += render(step.intro)
        lesson?.isBusy = false
        lesson?.stepOpenedAt = cluster.now
        lesson?.wasNudged = false
        lines.append("")
        if let goal = step.goal {
            lines += TextWrap.wrap("Goal: \(goal.condition)", width: options.width, rest: "  ")
            lines += TextWrap.wrap("(type any commands; `hint` helps, `next` shows a solution)", width: options.width)
            if evaluate(goal).holds { lines += goalMetLines() }
        } else {
            lines += render(step.reveal)
            lines += TextWrap.wrap(progress.isLastStep ? "That is the end of the lesson: `next` finishes it." : "Type `next` for step \(progress.step + 2).", width: options.width)
        }
        return lines
    }

    /// Marks the goal met and shows the step's reveal.
    mutating func goalMetLines() -> [String] {
        guard let progress = lesson, let goal = progress.currentStep.goal else { return [] }
        lesson?.goalMet = true
        recordCompleted(progress.name, step: progress.step + 1)
        var lines = ["✓ goal met: \(goal.condition)"]
        let wasBusy = progress.isBusy
        lesson?.isBusy = true
        lines += render(progress.currentStep.reveal)
        lesson?.isBusy = wasBusy
        lines.append("")
        if progress.isLastStep {
            lines += TextWrap.wrap("That is the end of the lesson: `next` finishes it.", width: options.width)
        } else {
            let following = progress.lesson.steps[progress.step + 1]
            lines += TextWrap.wrap("Type `next` for step \(progress.step + 2) of \(progress.lesson.steps.count): \(following.title).", width: options.width)
        }
        return lines
    }

    /// Whether `goal` holds on the cluster now, and what is.
    func evaluate(_ goal: LessonGoal) -> ConditionOutcome {
        let words = goal.condition.split(separator: " ").map(String.init)
        guard let spec = try? ConditionParser.parse(words, context: parseContext) else {
            return ConditionOutcome(holds: false, actual: "the goal does not fit this cluster")
        }
        guard let condition = spec.resolve(leader: cluster.leader) else {
            return ConditionOutcome(holds: false, actual: "there is no leader")
        }
        return cluster.evaluate(condition)
            ?? ConditionOutcome(holds: false, actual: "'\(goal.condition)' does not apply to \(cluster.protocolName)")
    }

    /// Runs a block's commands; with `echo`, returns each as `> COMMAND` with its output.
    /// They stay out of `history --script`, where the `lesson` and `next` that ran them replay them.
    mutating func runCommands(_ commands: [LessonCommandLine], echo: Bool) -> [String] {
        var lines: [String] = []
        for command in commands {
            let output = executeForLesson(command.text)
            if echo {
                lines.append("> " + command.text)
                lines += output.lines
            }
            if output.isError {
                let reason = output.lines.last.map { $0.hasPrefix("error: ") ? String($0.dropFirst(7)) : $0 } ?? "error"
                lesson?.problems.append(LessonIssue(line: command.line, reason: reason))
            }
        }
        return lines
    }

    /// Runs a command on the lesson's behalf: like `execute`, but kept out of `history --script`
    /// (the `lesson` and `next` typed there replay it).
    mutating func executeForLesson(_ text: String) -> CommandOutput {
        let typedBefore = typed.count
        let output = execute(text)
        if typed.count > typedBefore { typed.removeSubrange(typedBefore...) }
        return output
    }

    /// Lesson items as plain-mode lines, wrapped to `options.width`; setup blocks run.
    mutating func render(_ items: [LessonItem]) -> [String] {
        var lines: [String] = []
        var previousWasList = false
        for item in items {
            let width = options.width
            switch item {
            case .listItem(let marker, let text):
                if !previousWasList { lines.append("") }
                lines += TextWrap.wrap(Session.inlineText(text), width: width, first: "  \(marker) ", rest: String(repeating: " ", count: marker.count + 3))
            case .paragraph(let text):
                lines.append("")
                lines += TextWrap.wrap(Session.inlineText(text), width: width)
            case .quote(let text):
                lines.append("")
                lines += TextWrap.wrap(Session.inlineText(text), width: width, first: "    ", rest: "    ")
            case .code(let code):
                lines.append("")
                lines += code.map { "    " + $0 }
            case .predict(let text):
                lines.append("")
                lines += TextWrap.wrap("Predict: " + Session.inlineText(text), width: width, rest: "  ")
            case .setup(let commands):
                lines.append("")
                lines += runCommands(commands, echo: true)
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
        result = output
        return result
    }
}

