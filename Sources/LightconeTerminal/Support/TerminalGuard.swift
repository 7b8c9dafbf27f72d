import CPosix
import Glibc
import Synchronization

/// The last SIGTERM, SIGHUP or SIGINT received (0: none). The handler only stores it; the
/// main loop reads it, restores the terminal and re-raises.
private let pendingSignal = Atomic<Int32>(0)

/// Terminal hygiene (see TERMINAL.md): whatever ends the program — `quit`, Ctrl-D, Ctrl-C,
/// SIGTERM, SIGHUP or a crash — leaves the terminal as it was found.
///
/// ```
/// TerminalGuard.prepare()                 // at start: unblock signals
/// TerminalGuard.installQuitHandlers()     // before curses or libedit start
/// TerminalGuard.armCrashRestore()         // once the screen is set up
/// if let signal = TerminalGuard.takePendingSignal() { restore(); TerminalGuard.reraise(signal) }
/// ```
public enum TerminalGuard {
    /// The signals that ask the program to end; they are handled by the main loop.
    public static let quitSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT]

    /// Unblocks every signal (processes started by test runners inherit a blocked mask).
    public static func prepare() {
        lc_unblock_all_signals()
    }

    /// Installs handlers for SIGTERM, SIGHUP and SIGINT that only record the signal.
    /// No `SA_RESTART`: a blocking read returns so the main loop can look.
    public static func installQuitHandlers() {
        for signal in quitSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                pendingSignal.store(number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// Takes the recorded quit signal, if any (0 is none).
    public static func takePendingSignal() -> Int32? {
        let signal = pendingSignal.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// True while a signal is recorded and not yet taken (it stays pending): a long command
    /// asks this to stop early, so that the main loop can end the program on SIGTERM/SIGHUP.
    public static var hasPendingSignal: Bool { pendingSignal.load(ordering: .relaxed) != 0 }

    /// True when the pending signal is a SIGINT (a Ctrl-C), not yet taken.
    public static var pendingSignalIsInterrupt: Bool { pendingSignal.load(ordering: .relaxed) == SIGINT }

    /// Takes a pending SIGINT (Ctrl-C while a long command runs); other signals stay pending.
    public static func takeInterrupt() -> Bool {
        pendingSignal.compareExchange(expected: SIGINT, desired: 0, ordering: .relaxed).exchanged
    }

    /// Ends the process the way `signal` would have ended it (default action, re-raised).
    public static func reraise(_ signal: Int32) -> Never {
        Glibc.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        exit(128 + signal)
    }

    /// Saves the terminal modes of stdin (before curses changes them) and installs the crash
    /// handler (SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT). Call before `newterm`.
    public static func saveModesAndInstallCrashHandler() {
        _ = lc_crash_save_terminal(STDIN_FILENO)
        lc_crash_install()
    }

    /// While armed, a crash restores the saved modes and leaves the alternate screen before
    /// the runtime's report is printed. Arm after the screen is set up, disarm after `endwin`.
    public static func setCrashRestore(armed: Bool) {
        lc_crash_arm(armed ? 1 : 0)
    }
}
