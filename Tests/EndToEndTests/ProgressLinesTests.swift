@testable import LightconeTerminal
import Synchronization
import Testing

/// Long runs print a progress line every 2 s of wall time (the wall clock is given here).
@Suite struct ProgressLinesTests {
    final class Lines: Sendable {
        let all = Mutex<[String]>([])
    }

    @Test("nothing for a short run; then one line per interval with time and events per second; a pause starts a new run")
    func cadence() {
        let lines = Lines()
        let progress = ProgressLines(interval: 2_000_000) { line in lines.all.withLock { $0.append(line) } }
        // A run reporting every 10 ms of wall time for 1.9 s: no line.
        var wall: Int64 = 5_000_000
        var events = 0
        for _ in 0..<190 { wall += 10_000; events += 4096; progress.note(now: Int64(events) * 100, events: events, wall: wall) }
        #expect(lines.all.withLock { $0 }.isEmpty)
        // Going on to 4.5 s: two lines.
        for _ in 0..<260 { wall += 10_000; events += 4096; progress.note(now: Int64(events) * 100, events: events, wall: wall) }
        let printed = lines.all.withLock { $0 }
        #expect(printed.count == 2)
        #expect(printed.first?.hasPrefix("(running: t=") == true)
        #expect(printed.first?.contains("409.6k events/s") == true, "\(printed)")
        // A pause of 3 s: the next run starts afresh, no line at once.
        wall += 3_000_000
        progress.note(now: 0, events: events, wall: wall)
        #expect(lines.all.withLock { $0 }.count == 2)
    }

    @Test func rates() {
        #expect(ProgressLines.format(1_234_567) == "1.23M")
        #expect(ProgressLines.format(45_678) == "45.6k")
        #expect(ProgressLines.format(789) == "789")
    }
}
