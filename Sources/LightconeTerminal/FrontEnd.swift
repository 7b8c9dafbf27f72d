import CNCursesW
import Glibc
import LightconeLab

/// The front ends the `lightcone` executable starts: the full-screen lab on a terminal
/// curses can drive, the libedit REPL otherwise.
///
/// ```
/// if !plain && FrontEnd.canUseFullScreen() {
///     return FrontEnd.runFullScreen(session: &session, options: options)
/// }
/// return FrontEnd.runPlainREPL(session: &session)
/// ```
public enum FrontEnd {
    /// True when stdin and stdout are terminals, TERM is set and not `dumb`, and terminfo
    /// knows TERM and can address the cursor (`cup`).
    public static func canUseFullScreen() -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              let term = getenv("TERM").map({ String(cString: $0) }), !term.isEmpty, term != "dumb" else { return false }
        return lc_terminal_has_cup(term) == 1
    }

    /// Runs the full-screen lab until `quit`; returns the exit status. When curses cannot
    /// start after all, runs the plain REPL instead. SIGTERM and SIGHUP restore the
    /// terminal and end the process by the signal.
    public static func runFullScreen(session: inout Lab, options: ViewOptions) -> Int32 {
        TerminalGuard.prepare()
        TerminalGuard.installQuitHandlers()
        TerminalGuard.saveModesAndInstallCrashHandler()
        _ = lc_setup_locale()
        guard let backend = CursesBackend.open(colorsAllowed: options.isColorAllowed && options.theme != "mono") else {
            return runPlainREPL(session: &session)
        }
        backend.measuresBytes = options.printsFrameStatistics
        TerminalGuard.setCrashRestore(armed: true)
        let history = options.historyPath.map(HistoryFile.init(path:)) ?? HistoryFile.standard
        // A Ctrl-C typed during a long `run` stops it (the first press); see lc_poll_interrupt.
        // SIGTERM and SIGHUP stop it too, and stay pending for the main loop to end the program.
        session.interruptCheck = { lc_poll_interrupt() != 0 || TerminalGuard.takeInterrupt() || TerminalGuard.hasPendingSignal }
        var lab = FullScreenLab(session: session, backend: backend, options: options, history: history)
        let ending = lab.run()
        backend.close()
        TerminalGuard.setCrashRestore(armed: false)
        session = lab.session
        if options.printsFrameStatistics {
            let incremental = max(1, backend.frames - backend.fullFrames)
            let line = "frames: \(backend.frames) (\(backend.fullFrames) full redraws, \(backend.fullBytes) bytes); "
                + "other frames: \((backend.totalBytes - backend.fullBytes) / incremental) bytes and "
                + "\(backend.totalCells / max(1, backend.frames)) cells per frame on average\n"
            _ = Array(line.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        if case .signal(let signal) = ending { TerminalGuard.reraise(signal) }
        return 0
    }

    /// Runs the libedit line REPL (`--plain` on a terminal); returns the exit status.
    public static func runPlainREPL(session: inout Lab, recordPath: String? = nil) -> Int32 {
        TerminalGuard.prepare()
        var repl = PlainREPL(session: session, history: HistoryFile.standard)
        if let recordPath, let error = repl.recording.start(recordPath, width: 80) { print(error) }
        let status = repl.run()
        session = repl.session
        return status
    }
}
