import Foundation
import LightconeLab
import LightconeTerminal

/// The subcommands that need no terminal: scripts, history checks, lesson listings.
enum Headless {
    /// `lightcone run FILE...`: the transcript on stdout, `FILE:LINE: reason` on stderr, exit 1 on failure.
    static func runScripts(_ paths: [String], session: Lab) -> Int32 {
        var scripts: [ScriptRunner.Script] = []
        for path in paths {
            switch TextFile.read(path) {
            case .success(let text): scripts.append(.init(name: path, text: text))
            case .failure(let failure):
                printError("lightcone: \(path): \(failure.reason)")
                return 1
            }
        }
        // Scripts must not depend on (or change) the user's saved lesson progress.
        var session = session.withoutSavedState()
        session.progressReport = ProgressLines().report
        var output = LineWriter()
        let result = ScriptRunner.run(scripts, session: &session) { output.write($0) }
        output.flush()
        if let failure = result.failure {
            printError(failure)
            return 1
        }
        return 0
    }

    /// `lightcone check-history FILE...`: one verdict line per file.
    static func checkHistories(_ paths: [String]) -> Int32 {
        HistoryFiles.check(paths)
    }

    /// `lesson`, `lessons`, `check-lessons`, `present`.
    static func lessonCommand(_ name: String, _ arguments: [String], session: Lab, plain: Bool, viewOptions: ViewOptions) -> Int32 {
        var session = session
        switch name {
        case "lessons":
            let output = session.execute("lessons")
            output.lines.forEach { print($0) }
            return output.isError ? 1 : 0
        case "lesson":
            guard !arguments.isEmpty else {
                printError("lightcone: lesson needs a name; `lightcone lessons` lists them")
                return 1
            }
            let output = session.execute("lesson " + arguments.joined(separator: " "))
            if output.isError {
                output.lines.forEach { printError($0) }
                return 1
            }
            return Front.interactive(session: session, plain: plain, viewOptions: viewOptions, initialLines: output.lines)
        case "check-lessons":
            let report = LessonChecker.check(paths: arguments, directory: session.options.lessonsDirectory)
            report.lines.forEach { print($0) }
            return report.isOK ? 0 : 1
        case "present":
            guard arguments.count == 1, let path = arguments.first else {
                printError("lightcone: present needs one demo script, e.g. lightcone present demo.lc")
                return 1
            }
            let text: String
            switch TextFile.read(path) {
            case .success(let contents): text = contents
            case .failure(let failure):
                printError("lightcone: \(path): \(failure.reason)")
                return 1
            }
            do {
                try session.loadPresentation(name: path, text: text)
            } catch {
                printError(error.message)
                return 1
            }
            guard !plain, FrontEnd.canUseFullScreen() else {
                printError("lightcone: present plays a demo script in the full-screen view and needs a terminal; `lightcone run \(path)` plays it headless")
                return 1
            }
            var options = viewOptions
            options.isPresenterMode = true
            // A demo opens on its first part (not on the lab's default cluster).
            let opening = session.execute("next")
            return Front.interactive(session: session, plain: false, viewOptions: options,
                                     initialLines: opening.lines + ["PageDown, → or a clicker plays the next part; PageUp or ← goes back"])
        default:
            printError("lightcone: \(name) is not in this build yet")
            return 1
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write((text + "\n").data(using: .utf8) ?? Data())
    }
}
