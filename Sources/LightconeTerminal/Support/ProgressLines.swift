import Glibc
import LightconeSimulation
import Synchronization

/// Progress of long runs for the line front ends and `lightcone run`: after a run has gone
/// on for 2 s of wall time, and every 2 s after that, one line on standard error with the
/// simulated time reached and the events handled per wall second, so a long `run` on a
/// pipe shows it is alive (Ctrl-C or SIGTERM stop it).
///
/// ```swift
/// lab.progressReport = ProgressLines().report
/// ```
public final class ProgressLines: Sendable {
    struct State {
        /// Wall time of the last report (µs); a gap of more than a second starts a new run.
        var lastReport: Int64 = 0
        /// Wall time the current run started, or of the last line printed.
        var lineStart: Int64 = 0
        /// Events handled at `lineStart`.
        var eventsAtLineStart = 0
    }

    let state = Mutex(State())
    /// Wall time between lines, in microseconds.
    let interval: Int64
    /// Writes one line.
    let write: @Sendable (String) -> Void

    /// Progress lines every `interval` µs of wall time (default 2 s), written to stderr.
    public init(interval: Int64 = 2_000_000, write: @escaping @Sendable (String) -> Void = ProgressLines.toStandardError) {
        self.interval = interval
        self.write = write
    }

    /// The hook to give the lab (`progressReport`).
    public var report: @Sendable (SimTime, Int) -> Void {
        { [self] now, events in self.note(now: now, events: events, wall: MonotonicClock.microseconds) }
    }

    /// One report from the simulation at wall time `wall`.
    func note(now: SimTime, events: Int, wall: Int64) {
        let line: String? = state.withLock { state in
            defer { state.lastReport = wall }
            if wall - state.lastReport > 1_000_000 || state.lineStart == 0 {
                state.lineStart = wall
                state.eventsAtLineStart = events
                return nil
            }
            let elapsed = wall - state.lineStart
            guard elapsed >= interval else { return nil }
            let rate = Double(events - state.eventsAtLineStart) / (Double(elapsed) / 1_000_000)
            state.lineStart = wall
            state.eventsAtLineStart = events
            return "(running: t=\(DurationText.instant(now)) simulated, \(Self.format(rate)) events/s; Ctrl-C stops)"
        }
        if let line { write(line) }
    }

    /// `1.23M`, `45.6k`, `789`.
    static func format(_ rate: Double) -> String {
        if rate >= 1_000_000 { return String(Int(rate / 10_000)).insertingDecimal(2) + "M" }
        if rate >= 1_000 { return String(Int(rate / 100)).insertingDecimal(1) + "k" }
        return String(Int(rate))
    }

    /// Writes `line` and a newline to standard error.
    public static let toStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

extension String {
    /// `123` with 2 → `1.23`.
    func insertingDecimal(_ digits: Int) -> String {
        guard count > digits else { return "0." + String(repeating: "0", count: digits - count) + self }
        return String(dropLast(digits)) + "." + String(suffix(digits))
    }
}
