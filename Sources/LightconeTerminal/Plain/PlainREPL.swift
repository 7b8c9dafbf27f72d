import CLibEdit
import Glibc
import LightconeLab
import Synchronization

/// What the completion callback needs: a copy of the session (for `completions(for:)`)
/// and the candidates of the completion in progress. libedit calls back through C
/// functions, so the state lives here, behind a lock.
private struct CompletionState: Sendable {
    var session: Lab?
    var candidates: [String] = []
    var next = 0
}

private let completionState = Mutex(CompletionState())

/// libedit's generator: called with state 0 first, then 1, 2, ... until it returns NULL.
private let completionGenerator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
    completionState.withLock { completion in
        if state == 0 { completion.next = 0 }
        guard completion.next < completion.candidates.count else { return nil }
        let candidate = completion.candidates[completion.next]
        completion.next += 1
        return candidate.withCString { lc_rl_strdup($0) }
    }
}

/// libedit's attempted-completion hook: the candidates for the word before the cursor,
/// from the session; no file-name completion.
private let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, end in
    lc_rl_set_attempted_completion_over(1)
    guard let text else { return nil }
    let word = String(cString: text)
    var line = ""
    if let buffer = lc_rl_line_buffer() {
        let bytes = Array(String(cString: buffer).utf8.prefix(Int(max(0, end))))
        line = String(decoding: bytes, as: UTF8.self)
    }
    let found = completionState.withLock { completion -> Bool in
        let candidates = completion.session?.completions(for: line) ?? []
        completion.candidates = candidates.filter { $0.hasPrefix(word) }
        completion.next = 0
        return !completion.candidates.isEmpty
    }
    guard found else { return nil }
    return rl_completion_matches(text, completionGenerator)
}

/// The line REPL for `--plain` on a terminal: libedit editing (Emacs keys, history shared
/// with the full-screen view, tab completion of commands, nodes and protocols), the prompt
/// `lightcone> `, command output printed as it comes. Ctrl-D or `quit` ends it with 0;
/// Ctrl-C clears the line, a second Ctrl-C on an empty line quits.
///
/// libedit's own signal handlers would `kill(0, sig)` the whole process group, so
/// `rl_catch_signals` is cleared before libedit initialises and our handlers only record
/// the signal.
struct PlainREPL {
    static let prompt = "lightcone> "

    var session: Lab
    let history: HistoryFile?

    init(session: Lab, history: HistoryFile?) {
        self.session = session
        self.history = history
    }

    /// The `record` in progress.
    var recording = LineRecording()

    mutating func run() -> Int32 {
        lc_rl_set_catch_signals(0)
        TerminalGuard.installQuitHandlers()
        // A signal during a long command stops it; the loop below then acts on it.
        session.interruptCheck = { TerminalGuard.hasPendingSignal }
        session.progressReport = ProgressLines().report
        lc_rl_set_readline_name("lightcone")
        lc_rl_set_completion(attemptCompletion)
        rl_initialize()
        for line in history?.load() ?? [] { add_history(line) }
        var isQuitArmed = false
        while true {
            // A signal that came while a command ran: SIGTERM/SIGHUP end the program now; a
            // Ctrl-C had nothing left to interrupt and must not eat the next line.
            if let signal = TerminalGuard.takePendingSignal() {
                if signal != SIGINT { TerminalGuard.reraise(signal) }
                // A Ctrl-C right after the one that stopped a run: the second quits.
                if isQuitArmed {
                    print("")
                    return 0
                }
            }
            completionState.withLock { $0.session = session }
            let raw = readline(Self.prompt)
            if let signal = TerminalGuard.takePendingSignal() {
                if let raw { free(raw) }
                if signal != SIGINT {
                    print("")
                    TerminalGuard.reraise(signal)
                }
                print("")
                if isQuitArmed { return 0 }
                isQuitArmed = true
                print("(Ctrl-C again or Ctrl-D to quit)")
                continue
            }
            guard let raw else {
                print("")
                return 0
            }
            let line = String(cString: raw)
            free(raw)
            isQuitArmed = false
            if line.contains(where: { !$0.isWhitespace }) {
                add_history(line)
                history?.append(line)
            }
            let output = session.execute(line)
            for text in output.lines { print(text) }
            for text in recording.note(prompt: "lightcone> ", line: line, output: output, width: 80) { print(text) }
            if output.wasInterrupted, TerminalGuard.takeInterrupt() {
                // That Ctrl-C stopped the run (taken now, so that a quick second one is seen
                // as such); the next one quits.
                isQuitArmed = true
                print("(Ctrl-C again or Ctrl-D to quit)")
            }
            fflush(nil)
            if output.requests.contains(.quit) { return 0 }
        }
    }
}
