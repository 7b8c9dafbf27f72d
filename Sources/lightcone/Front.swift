import Foundation
import LightconeLab
import LightconeTerminal
import LightconeView

/// Picks the front end: the full-screen view on a terminal, else the line REPL.
enum Front {
    static func interactive(session: Lab, plain: Bool, viewOptions: ViewOptions, initialLines: [String] = []) -> Int32 {
        var session = session
        if !plain && FrontEnd.canUseFullScreen() {
            var options = viewOptions
            options.initialLogLines = initialLines
            options.printsFrameStatistics = ProcessInfo.processInfo.environment["LIGHTCONE_FRAME_STATS"] != nil
            return FrontEnd.runFullScreen(session: &session, options: options)
        }
        initialLines.forEach { print($0) }
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            return FrontEnd.runPlainREPL(session: &session, recordPath: viewOptions.recordPath)
        }
        let isTTY = isatty(STDIN_FILENO) == 1
        return LineREPL.run(session: &session, prompt: isTTY ? "lightcone> " : nil, recordPath: viewOptions.recordPath)
    }
}

/// The REPL over standard input: reads lines, runs them, prints their output. On a pipe it
/// prints no prompt; `quit` or end of input ends it with status 0.
enum LineREPL {
    static func run(session: inout Lab, prompt: String?, recordPath: String? = nil) -> Int32 {
        var recording = LineRecording()
        if let recordPath, let error = recording.start(recordPath, width: 80) { print(error) }
        session.progressReport = ProgressLines().report
        while true {
            if let prompt {
                print(prompt, terminator: "")
                fflush(nil)
            }
            guard let line = readLine(strippingNewline: true) else { return 0 }
            let output = session.execute(line)
            for text in output.lines { print(text) }
            for text in recording.note(prompt: prompt ?? "", line: line, output: output, width: 80) { print(text) }
            // A program driving the lab over a pipe needs each reply before it sends the next line.
            fflush(nil)
            if output.requests.contains(.quit) { return 0 }
        }
    }
}
