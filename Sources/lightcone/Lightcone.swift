import ArgumentParser
import Foundation
import LightconeLab
import LightconeTerminal
import LightconeView


/// The `lightcone` executable: options may stand before or after the subcommand, so the
/// subcommand and its files are read as plain words beside the options.
@main
struct Lightcone: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lightcone",
        abstract: "A distributed-systems lab in the terminal.",
        // Written out in lines under 80 columns: the generated one is cut mid-option there.
        usage: """
        lightcone [--seed <seed>] [--plain] [--present] [--theme <theme>]
                  [--ascii] [--speed <speed>] [--record <record>]
                  [--notes <notes>] [<words> ...]
        """,
        discussion: """
        With no subcommand: the full-screen lab on a terminal, else the line REPL.

        SUBCOMMANDS:
          run FILE...             run scripts headless, print the transcript
          lesson NAME             open a lesson straight away
          lessons                 list the lessons
          check-lessons [FILE...] check lesson files and play their solutions
          check-history FILE...   check recorded histories for linearizability
          present FILE            play a demo script in the view

        Inside the lab, `help` lists the commands.
        """,
        version: LightconeVersion.text)

    @Option(help: "The session seed.") var seed: UInt64 = 1
    @Flag(help: "The plain line REPL even on a terminal.") var plain = false
    @Flag(help: "Presenter mode: large, high contrast, no log panel.") var present = false
    @Option(help: "Colours: dark, light or mono.") var theme: String = "dark"
    @Flag(help: "ASCII only: no box drawing or arrows.") var ascii = false
    @Option(help: "Animation speed factor.") var speed: String = "1"
    @Option(help: "Record the session as an asciicast v2 file.") var record: String?
    @Option(help: "Speaker notes to a TTY or file (presenter mode).") var notes: String?
    @Argument(help: "A subcommand and its arguments.") var words: [String] = []

    mutating func validate() throws {
        guard ["dark", "light", "mono"].contains(theme) else {
            throw ValidationError("--theme must be dark, light or mono, not '\(theme)'")
        }
        let factor = speed.hasSuffix("x") ? String(speed.dropLast()) : speed
        guard factor.split(separator: ".", omittingEmptySubsequences: false).count <= 2,
              !factor.isEmpty, factor.allSatisfy({ $0.isNumber || $0 == "." }), speedThousandths <= 1_000_000 else {
            throw ValidationError("--speed must be a factor like 2 or 0.5, not '\(speed)'")
        }
    }

    func makeSession(start: String = "new gossip 5") -> Lab {
        var options = SessionOptions()
        options.seed = seed
        options.lessonsDirectory = ProcessInfo.processInfo.environment["LIGHTCONE_LESSONS"]
        options.stateDirectory = StatePaths.directory
        options.width = TerminalSize.columns ?? 80
        options.startCommand = start
        var lab = Lab(options: options)
        lab.drawings = .view
        return lab
    }

    mutating func run() throws {
        var remaining = words
        let subcommand = remaining.isEmpty ? nil : remaining.removeFirst()
        switch subcommand {
        case nil:
            throw ExitCode(Front.interactive(session: makeSession(), plain: plain, viewOptions: viewOptions))
        case "run":
            guard !remaining.isEmpty else { throw ValidationError("run needs at least one script file") }
            throw ExitCode(Headless.runScripts(remaining, session: makeSession()))
        case "check-history":
            guard !remaining.isEmpty else { throw ValidationError("check-history needs at least one history file") }
            throw ExitCode(Headless.checkHistories(remaining))
        case "lesson", "lessons", "check-lessons", "present":
            throw ExitCode(Headless.lessonCommand(subcommand!, remaining, session: makeSession(), plain: plain, viewOptions: viewOptions))
        default:
            throw ValidationError("unknown subcommand '\(subcommand!)'; subcommands are run, lesson, lessons, check-lessons, check-history, present")
        }
    }

    /// The view's settings from the flags (`NO_COLOR` turns colour off).
    var viewOptions: ViewOptions {
        var options = ViewOptions()
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        options.theme = noColor ? "mono" : theme
        options.isColorAllowed = options.theme != "mono"
        options.isASCII = ascii
        options.isPresenterMode = present
        options.speedThousandths = Int(speedThousandths)
        options.recordPath = record
        options.notesPath = notes
        return options
    }

    var speedThousandths: Int64 {
        var text = speed
        if text.hasSuffix("x") { text.removeLast() }
        let parts = text.split(separator: ".", maxSplits: 1)
        guard let whole = Int64(parts.first ?? "1") else { return 1_000 }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = String(parts[1].prefix(3)).padding(toLength: 3, withPad: "0", startingAt: 0)
            fraction = Int64(digits) ?? 0
        }
        return max(1, whole * 1_000 + fraction)
    }
}

/// The version string.
enum LightconeVersion {
    static let text = "lightcone 0.1.0"
}

/// Where Lightcone keeps history and progress: `$XDG_STATE_HOME/lightcone`, default `~/.local/state/lightcone`.
enum StatePaths {
    static var directory: String? {
        let env = ProcessInfo.processInfo.environment
        if let state = env["XDG_STATE_HOME"], !state.isEmpty { return state + "/lightcone" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.local/state/lightcone" }
        return nil
    }
}

/// The terminal width, when stdout is a terminal.
enum TerminalSize {
    static var columns: Int? {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
