import LightconeSimulation

/// What the view should do after a command (the plain REPL ignores most of these).
public enum ViewRequest: Sendable, Equatable {
    case quit
    case play
    case pause
    /// Animation speed in thousandths (1000 = 1x).
    case speed(Int)
    case theme(String)
    /// Show a node's detail panel (nil closes it).
    case inspect(NodeID?)
    case help
    /// Start recording to this asciicast file (already checked to be writable), or stop (nil).
    case record(String?)
    /// A speaker note for `--notes`.
    case note(String)
}

/// The result of one command: lines to show, and how it went.
public struct CommandOutput: Sendable, Equatable {
    /// What to print (narrated events first, then the command's own output).
    public var lines: [String]
    /// True when the command was refused; nothing changed.
    public var isError: Bool
    /// True when an expectation failed or a violation was found (a script fails on it).
    public var isFailure: Bool
    /// What the view should do.
    public var requests: [ViewRequest]
    /// The violation that failed it (`VIOLATION PROPERTY: message`), when one did; a script
    /// names it as the reason it stopped.
    public var violationText: String?
    /// True when a long command was stopped short by an interrupt (Ctrl-C, SIGTERM).
    public var wasInterrupted = false
    /// How many of the last `lines` the lesson added (a met goal and its reveal), not the
    /// command itself; the view shows those in the lesson panel.
    public var lessonLineCount = 0

    public init(lines: [String] = [], isError: Bool = false, isFailure: Bool = false, requests: [ViewRequest] = []) {
        self.lines = lines
        self.isError = isError
        self.isFailure = isFailure
        self.requests = requests
    }

    /// An error output: one line `error: MESSAGE`.
    /// Control characters in it are shown escaped (`\x1b`).
    public static func error(_ message: String) -> CommandOutput {
        CommandOutput(lines: ["error: \(message.escapingControlCharacters())"], isError: true)
    }

    /// The message of a refused command, without its `error: ` prefix; nil when it was not refused.
    public var errorMessage: String? {
        guard isError, let last = lines.last else { return nil }
        return last.hasPrefix("error: ") ? String(last.dropFirst("error: ".count)) : last
    }
}

/// Settings a session starts with.
public struct SessionOptions: Sendable {
    /// The session seed (`--seed`, default 1).
    public var seed: UInt64 = 1
    /// The width to wrap lesson text to in the plain REPL.
    public var width: Int = 80
    /// A folder of lessons to read instead of the built-in ones (`LIGHTCONE_LESSONS`).
    public var lessonsDirectory: String?
    /// Where progress is saved (`$XDG_STATE_HOME/lightcone`); nil keeps it in memory only.
    public var stateDirectory: String?
    /// The first command of a new session.
    public var startCommand = "new gossip 5"
    /// The protocols `new` offers (a test may add its own protocol beside the build's).
    public var protocols: ProtocolCatalog = ProtocolRegistry.builtIn

    public init() {}
}
