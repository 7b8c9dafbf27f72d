import Foundation
import LightconeSimulation

/// `lightcone check-lessons`: validates lesson files and plays each one headlessly — every
/// step's setup, then its solution, then `run until GOAL within D` — checking that every goal
/// is reached. A lesson is judged by its goals only: a failed `expect` or a violation found
/// by `check` is an outcome, not a problem; a command the lab refuses is one.
public enum LessonChecker {
    /// What a check found.
    public struct Report: Sendable, Equatable {
        /// What to print, in order: a line per lesson checked (`ok FILE: ...` or
        /// `FAILED FILE: ...` followed by its problems), then a summary line.
        public var lines: [String]
        /// Every problem, as `FILE:LINE: reason`.
        public var problems: [String]
        /// True when there is no problem.
        public var isOK: Bool { problems.isEmpty }
    }

    /// Checks the lesson files at `paths` (a folder stands for its `*.md` files; `README.md`
    /// is skipped); with no path, the lessons of `directory` (`LIGHTCONE_LESSONS`), or the
    /// built-in ones when that is nil.
    public static func check(paths: [String], directory: String?) -> Report {
        guard !paths.isEmpty else {
            guard let directory else { return check(LessonCatalog.sources(directory: nil)) }
            let (sources, problems) = LessonCatalog.scan(directory)
            return withProblems(problems, check(sources))
        }
        var sources: [LessonSource] = []
        var problems: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
                let scanned = LessonCatalog.scan(path)
                sources += scanned.sources
                problems += scanned.problems
                continue
            }
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            if fileName.lowercased() == "readme.md" { continue }
            let text: String
            switch TextFile.read(path) {
            case .success(let contents): text = contents
            case .failure(let failure):
                problems.append("\(path): \(failure.reason)")
                continue
            }
            let name = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
            sources.append(LessonSource(name: name, file: path, text: text))
        }
        return withProblems(problems, check(sources))
    }

    /// The report with `problems` (files that could not be read) put first.
    static func withProblems(_ problems: [String], _ report: Report) -> Report {
        guard !problems.isEmpty else { return report }
        var report = report
        report.problems = problems + report.problems
        let unread = "\(problems.count) file\(problems.count == 1 ? "" : "s") could not be read"
        if let summary = report.lines.last, summary.hasPrefix("check-lessons: ") {
            report.lines[report.lines.count - 1] = summary.hasSuffix("no lessons to check")
                ? "check-lessons: no lessons to check; \(unread)" : summary + "; " + unread
        }
        report.lines = problems + report.lines
        return report
    }

    /// Checks lesson texts.
    public static func check(_ sources: [LessonSource]) -> Report {
        var lines: [String] = []
        var problems: [String] = []
        for source in sources {
            let found = check(source)
            problems += found.problems
            lines.append(found.problems.isEmpty ? "ok \(source.file): \(found.summary)" : "FAILED \(source.file): \(found.problems.count) problem\(found.problems.count == 1 ? "" : "s")")
            lines += found.problems
        }
        let failed = lines.filter { $0.hasPrefix("FAILED") }.count
        if sources.isEmpty {
            lines.append("check-lessons: no lessons to check")
        } else {
            lines.append("check-lessons: \(sources.count) lesson\(sources.count == 1 ? "" : "s"), " + (failed == 0 ? "all ok" : "\(failed) with problems"))
        }
        return Report(lines: lines, problems: problems)
    }

    /// Parses and plays one lesson; returns its problems and a summary.
    static func check(_ source: LessonSource) -> (problems: [String], summary: String) {
        let parsed = LessonParser.parse(source.text, name: source.name, file: source.file)
        guard let lesson = parsed.lesson else { return (parsed.issues.map { $0.located(in: source.file) }, "") }
        var options = SessionOptions()
        options.stateDirectory = nil
        options.lessonsDirectory = nil
        var session = Session(options: options)
        var runner = LessonRunner()
        var issues: [LessonIssue] = []
        var goals = 0
        runner.replay(lesson, to: 0, seed: LessonEngine.seed, on: &session)
        for index in lesson.steps.indices {
            _ = runner.presentStep(on: &session)
            let step = lesson.steps[index]
            if let goal = step.goal {
                goals += 1
                if runner.progress?.goalMet == true {
                    issues.append(LessonIssue(line: goal.line, reason: "goal '\(goal.condition)' already holds when the step opens; the learner has nothing to do"))
                } else {
                    _ = runner.runCommands(step.solution, echo: false, on: &session)
                    _ = runner.afterCommand(on: &session)
                }
                if runner.progress?.goalMet != true {
                    _ = session.execute("run until \(goal.condition) within \(DurationText.format(goal.within))")
                    _ = runner.afterCommand(on: &session)
                }
                if runner.progress?.goalMet != true {
                    let outcome = runner.evaluate(goal, on: session)
                    issues.append(LessonIssue(line: goal.line, reason: "goal '\(goal.condition)' not reached by its solution within \(DurationText.format(goal.within)) (\(outcome.actual))"))
                    // Go on as the lesson would after `next`, so that later steps are checked too.
                    _ = runner.goalMetLines(on: &session)
                }
            }
            issues += runner.progress?.problems ?? []
            runner.progress?.problems = []
            runner.progress?.goalMet = true
            if index < lesson.steps.count - 1 {
                runner.progress?.step = index + 1
                runner.progress?.goalMet = false
            }
        }
        let sorted = issues.sorted { $0.line < $1.line }
        return (sorted.map { $0.located(in: source.file) },
                "\(lesson.steps.count) steps, \(goals) goal\(goals == 1 ? "" : "s") reached")
    }
}
