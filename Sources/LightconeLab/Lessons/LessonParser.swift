import LightconeSimulation

/// Reads a lesson file (the format of `Lessons/README.md`) and checks every machine part:
/// each command with `CommandParser`, each goal with `ConditionParser`, in the context of the
/// cluster the lesson's latest `new` builds. Problems come back as `LINE: reason`.
public enum LessonParser {
    /// The kinds of ```` ```lightcone KIND ```` blocks.
    public static let blockKinds = ["setup", "goal", "hint", "predict", "solution"]

    /// The result of parsing: the lesson when the file has no problems, and the problems.
    public struct Result: Sendable {
        /// The lesson, or nil when `issues` is not empty.
        public var lesson: Lesson?
        /// Every problem found, in line order.
        public var issues: [LessonIssue]
        /// The `# Title` (also when the file has problems), for listing and matching.
        public var title: String
    }

    /// Parses `text`, the contents of the file `file` (its name without `.md` is the lesson's name).
    public static func parse(_ text: String, name: String, file: String) -> Result {
        var reader = Reader(name: name, file: file)
        let lines = text.textLines().map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        for (index, line) in lines.enumerated() { reader.read(line, number: index + 1) }
        reader.finish(lastLine: max(1, lines.last?.isEmpty == true ? lines.count - 1 : lines.count))
        let issues = reader.issues.sorted { $0.line < $1.line }
        return Result(lesson: issues.isEmpty ? reader.lesson : nil, issues: issues, title: reader.lesson.title)
    }

    /// The commands a lesson block may not hold (they steer the lesson or leave the lab).
    static func isForbiddenInBlock(_ command: Command) -> Bool {
        switch command {
        case .lessons, .lesson, .next, .back, .hint, .goal, .leave, .quit: return true
        default: return false
        }
    }

    /// The commands that touch files, which a lesson (shared teaching material, opened by
    /// anyone) may never run: it must not write anywhere or read what it was not given.
    static func touchesFiles(_ command: Command) -> Bool {
        switch command {
        case .export, .record, .source: return true
        default: return false
        }
    }
}

/// The line-by-line state of `LessonParser`.
private struct Reader {
    var lesson: Lesson
    var issues: [LessonIssue] = []
    var titleLine: Int?
    var summaryDone = false
    var paragraph: [String] = []
    var paragraphKind: ParagraphKind = .plain
    var fence: Fence?
    var goalSeen = false
    var goalLine = 0
    var solutionLine: Int?
    /// The cluster the commands so far build, for checking node names.
    var context = ParseContext(nodeCount: 5, protocolName: "gossip")

    enum ParagraphKind: Equatable { case plain, list(String), quote }

    struct Fence {
        var marker: String
        var info: String
        var line: Int
        var body: [(String, Int)] = []
    }

    init(name: String, file: String) {
        lesson = Lesson(name: name, file: file, title: "", summary: "", preface: [], steps: [])
    }

    mutating func issue(_ line: Int, _ reason: String) { issues.append(LessonIssue(line: line, reason: reason)) }

    mutating func read(_ raw: String, number: Int) {
        let trimmed = raw.trimmingBlanks()
        if var open = fence {
            if trimmed.hasPrefix(open.marker) && trimmed.allSatisfy({ String($0) == String(open.marker.first!) }) {
                fence = nil
                closeFence(open)
            } else {
                open.body.append((raw, number))
                fence = open
            }
            return
        }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
            flushParagraph()
            let markerCharacter = trimmed.first!
            let marker = String(trimmed.prefix(while: { $0 == markerCharacter }))
            fence = Fence(marker: marker, info: String(trimmed.dropFirst(marker.count)).trimmingBlanks(), line: number)
            return
        }
        if raw.hasPrefix("# ") || raw == "#" {
            flushParagraph()
            if titleLine == nil && lesson.steps.isEmpty {
                titleLine = number
                lesson.title = String(raw.dropFirst(1)).trimmingBlanks()
                if lesson.title.isEmpty { issue(number, "the title line is empty; write it like: # What even is a distributed system") }
            } else {
                issue(number, "a lesson has one `# Title`; steps are `## Step` headings")
            }
            return
        }
        if raw.hasPrefix("## ") || raw == "##" {
            flushParagraph()
            if titleLine == nil { issue(number, "a lesson starts with a `# Title` line") }
            finishStep()
            let title = String(raw.dropFirst(2)).trimmingBlanks()
            if title.isEmpty { issue(number, "a step heading needs a title, like: ## A wall") }
            lesson.steps.append(LessonStep(title: title, line: number))
            goalSeen = false
            solutionLine = nil
            return
        }
        if trimmed.isEmpty {
            flushParagraph()
            return
        }
        if titleLine == nil {
            if !trimmed.hasPrefix("<!--") && !issues.contains(where: { $0.reason.hasPrefix("a lesson starts") }) {
                issue(number, "a lesson starts with a `# Title` line")
            }
            return
        }
        // Prose: paragraphs, list items, quotes, and smaller headings as paragraphs of their own.
        if trimmed.hasPrefix("#") {
            flushParagraph()
            paragraph = [String(trimmed.drop(while: { $0 == "#" })).trimmingBlanks()]
            flushParagraph()
            return
        }
        if let (marker, text) = Reader.listItem(trimmed) {
            flushParagraph()
            paragraphKind = .list(marker)
            paragraph = [text]
            return
        }
        if trimmed.hasPrefix(">") {
            let text = String(trimmed.dropFirst()).trimmingBlanks()
            if paragraphKind != .quote { flushParagraph() }
            paragraphKind = .quote
            if !text.isEmpty { paragraph.append(text) }
            return
        }
        if paragraphKind == .quote { flushParagraph() }
        paragraph.append(trimmed)
    }

    static func listItem(_ line: String) -> (String, String)? {
        for marker in ["- ", "* ", "+ "] where line.hasPrefix(marker) {
            return ("-", String(line.dropFirst(2)).trimmingBlanks())
        }
        let digits = line.prefix(while: { $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return (digits + ".", String(rest.dropFirst(2)).trimmingBlanks()) }
        }
        return nil
    }

    mutating func flushParagraph() {
        defer {
            paragraph = []
            paragraphKind = .plain
        }
        guard !paragraph.isEmpty else { return }
        let text = paragraph.joined(separator: " ")
        if lesson.steps.isEmpty && !summaryDone && paragraphKind == .plain {
            lesson.summary = text
            summaryDone = true
            return
        }
        let item: LessonItem
        switch paragraphKind {
        case .plain: item = .paragraph(text)
        case .list(let marker): item = .listItem(marker: marker, text: text)
        case .quote: item = .quote(text)
        }
        append(item)
    }

    mutating func append(_ item: LessonItem) {
        guard !lesson.steps.isEmpty else {
            lesson.preface.append(item)
            return
        }
        let last = lesson.steps.count - 1
        if goalSeen { lesson.steps[last].reveal.append(item) } else { lesson.steps[last].intro.append(item) }
    }

    mutating func closeFence(_ fence: Fence) {
        let words = fence.info.split(separator: " ").map(String.init)
        guard words.first?.lowercased() == "lightcone" else {
            append(.code(fence.body.map(\.0)))
            return
        }
        guard words.count >= 2 else {
            issue(fence.line, "a lightcone block needs a kind: ```lightcone setup, goal, hint, predict or solution")
            return
        }
        let kind = words[1].lowercased()
        guard LessonParser.blockKinds.contains(kind) else {
            let hint = Suggestion.closest(to: kind, in: LessonParser.blockKinds).map { "did you mean \($0)? " } ?? ""
            issue(fence.line, "unknown block kind '\(words[1])'; \(hint)blocks are lightcone setup, goal, hint, predict, solution")
            return
        }
        if words.count > 2 { issue(fence.line, "unexpected '\(words[2])' after ```lightcone \(kind)") }
        guard !lesson.steps.isEmpty else {
            issue(fence.line, "a lightcone \(kind) block must sit under a `## Step` heading")
            return
        }
        let last = lesson.steps.count - 1
        let content = fence.body.compactMap { (text, line) -> (String, Int)? in
            let stripped = CommandParser.stripComment(text)
            return stripped.isEmpty ? nil : (stripped, line)
        }
        switch kind {
        case "setup":
            let commands = checkCommands(content)
            if content.isEmpty { issue(fence.line, "empty setup block") }
            append(.setup(commands))
        case "solution":
            let commands = checkCommands(content)
            if content.isEmpty { issue(fence.line, "empty solution block; write the commands that reach the goal") }
            lesson.steps[last].solution += commands
            if solutionLine == nil { solutionLine = fence.line }
        case "goal":
            if goalSeen {
                issue(fence.line, "a step has one goal; this is its second (split the step)")
                return
            }
            goalSeen = true
            goalLine = fence.line
            guard let (text, line) = content.first else {
                issue(fence.line, "empty goal block; write a condition, like: delivered hello everywhere")
                return
            }
            lesson.steps[last].goal = checkGoal(text, line: line)
            // `expect CONDITION` lines after the condition: what must have happened once the goal is met.
            for (extra, extraLine) in content.dropFirst() {
                let words = extra.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard words.first?.lowercased() == "expect", words.count > 1 else {
                    issue(extraLine, "a goal block holds one condition, then `expect CONDITION` lines")
                    continue
                }
                do {
                    let spec = try ConditionParser.parse(Array(words.dropFirst()), context: context)
                    lesson.steps[last].expectations.append(LessonExpectation(spec: spec, line: extraLine))
                } catch {
                    issue(extraLine, error.message)
                }
            }
        case "hint", "predict":
            let text = fence.body.map { $0.0.trimmingBlanks() }.filter { !$0.isEmpty }.joined(separator: " ")
            guard !text.isEmpty else {
                issue(fence.line, "empty \(kind) block")
                return
            }
            if kind == "hint" { lesson.steps[last].hints.append(text) } else { append(.predict(text)) }
        default:
            break
        }
    }

    mutating func checkCommands(_ content: [(String, Int)]) -> [LessonCommandLine] {
        var result: [LessonCommandLine] = []
        for (text, line) in content {
            result.append(LessonCommandLine(text: text, line: line))
            do {
                let command = try CommandParser.parse(text, context: context)
                let verb = text.split(separator: " ").first.map(String.init) ?? text
                if LessonParser.isForbiddenInBlock(command) {
                    issue(line, "`\(verb)` cannot run inside a lesson block")
                } else if LessonParser.touchesFiles(command) {
                    issue(line, "`\(verb)` cannot run inside a lesson: a lesson never reads or writes files")
                }
                if case .new(let name, let count, _) = command {
                    let defaultCount = ProtocolRegistry.entry(named: name)?.defaultNodeCount ?? 5
                    context = ParseContext(nodeCount: count ?? defaultCount, protocolName: name)
                }
            } catch {
                issue(line, error.message)
            }
        }
        return result
    }

    mutating func checkGoal(_ text: String, line: Int) -> LessonGoal? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var within: SimDuration = .seconds(60)
        if let index = words.lastIndex(of: "within") {
            guard index + 2 == words.count else {
                issue(line, "within takes one duration at the end, like: leader within 5s")
                return nil
            }
            guard let duration = DurationText.parse(words[index + 1]), duration > 0 else {
                issue(line, "'\(words[index + 1])' is not a duration; write it like 250ms, 2s or 1m")
                return nil
            }
            within = duration
            words = Array(words[..<index])
        }
        do {
            let spec = try ConditionParser.parse(words, context: context)
            return LessonGoal(spec: spec, within: within, line: line)
        } catch {
            issue(line, error.message)
            return nil
        }
    }

    mutating func finishStep() {
        guard let step = lesson.steps.last else { return }
        if step.goal != nil || goalSeen, step.solution.isEmpty {
            issue(goalLine, "this goal has no ```lightcone solution block (check-lessons plays it)")
        }
        if !goalSeen, let solutionLine, !step.solution.isEmpty {
            issue(solutionLine, "a solution needs a goal in its step")
        }
    }

    mutating func finish(lastLine: Int) {
        if let open = fence {
            issue(open.line, "this \(open.marker) block is never closed")
            fence = nil
        }
        flushParagraph()
        finishStep()
        guard let titleLine else {
            if issues.isEmpty { issue(1, "a lesson starts with a `# Title` line") }
            return
        }
        if lesson.summary.isEmpty { issue(titleLine, "the title needs a one-line summary paragraph under it") }
        guard let last = lesson.steps.last else {
            issue(lastLine, "a lesson needs steps: `## Step` headings")
            return
        }
        if last.title.lowercased() != "exercises" {
            issue(lastLine, "a lesson ends with a `## Exercises` section")
        }
    }
}
