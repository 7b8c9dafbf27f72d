/// Runs command scripts headless (`lightcone run FILE...`): echoes each command as `> line`
/// with its output, and stops at the first error, failed expectation or violation.
public struct ScriptRunner {
    /// A script: the name to report (as given on the command line) and its text.
    public struct Script: Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// How a run ended.
    public struct Result: Sendable, Equatable {
        /// `FILE:LINE: reason` of the first failure, or nil when every line ran.
        public var failure: String?
        /// True when a `quit` ended it early.
        public var didQuit: Bool
    }

    /// Runs `scripts` in order in one session; `emit` receives every transcript line. With
    /// `stopsOnFailure` false (scenario goldens) it carries on and reports the first failure.
    public static func run(_ scripts: [Script], session: inout Lab, stopsOnFailure: Bool = true,
                           emit: (String) -> Void) -> Result {
        var firstFailure: String?
        var ranCommand = false
        defer { if !ranCommand { emit("no commands") } }
        for script in scripts {
            let lines = script.text.textLines()
            for (number, rawLine) in lines.enumerated() {
                let line = String(rawLine).trimmingBlanks()
                if line.isEmpty { continue }
                if line.hasPrefix("#") {
                    emit(line)
                    continue
                }
                emit("> " + CommandParser.stripComment(line).escapingControlCharacters())
                ranCommand = true
                var output = session.execute(line)
                if output.requests.contains(where: { if case .record(.some) = $0 { true } else { false } }) {
                    // A script's transcript goes to stdout; there is no screen to record.
                    output = .error("record needs the REPL or the view; `lightcone run` prints its transcript to stdout instead")
                }
                for text in output.lines { emit(text) }
                if output.isError || output.isFailure {
                    let reason = output.errorMessage ?? output.violationText ?? output.lines.last ?? "failed"
                    let failure = "\(script.name):\(number + 1): \(reason)"
                    if stopsOnFailure { return Result(failure: failure, didQuit: false) }
                    if firstFailure == nil { firstFailure = failure }
                }
                if output.requests.contains(.quit) { return Result(failure: firstFailure, didQuit: true) }
            }
        }
        return Result(failure: firstFailure, didQuit: false)
    }
}
