import Foundation
import LightconeLab

/// What the front ends need from the command line.
struct FrontEndOptions {
    var presenter = false
    var theme = "dark"
    var ascii = false
    var speedThousandths = 1_000
    var recordPath: String?
    var notesPath: String?
}

/// Picks the front end: the full-screen view on a terminal, else the line REPL.
enum Front {
    static func interactive(session: Session, plain: Bool, viewOptions: FrontEndOptions, initialLines: [String] = []) -> Int32 {
        var session = session
        initialLines.forEach { print($0) }
        let isTTY = isatty(STDIN_FILENO) == 1
        return LineREPL.run(session: &session, prompt: isTTY ? "lightcone> " : nil)
    }
}

/// The REPL over standard input: reads lines, runs them, prints their output. On a pipe it
/// prints no prompt; `quit` or end of input ends it with status 0.
enum LineREPL {
    static func run(session: inout Session, prompt: String?) -> Int32 {
        while true {
            if let prompt {
                print(prompt, terminator: "")
                fflush(nil)
            }
            guard let line = readLine(strippingNewline: true) else { return 0 }
            let output = session.execute(line)
            for text in output.lines { print(text) }
            if output.requests.contains(.quit) { return 0 }
        }
    }
}
