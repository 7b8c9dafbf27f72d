import CPosix
import Foundation
import Testing

/// The built `lightcone` next to the test bundle (`.build/debug/lightcone`).
func lightconeBinary() -> String? {
    guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    var folder = (exe as NSString).deletingLastPathComponent
    // Inside a bundle folder (`X.xctest/...`) on some layouts: climb to the build folder.
    while folder.contains(".xctest") { folder = (folder as NSString).deletingLastPathComponent }
    let path = folder + "/lightcone"
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}

/// The process whose parent is `parent` (the program the pane's shell started).
func childProcess(of parent: Int32) -> Int32? {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
    for entry in entries {
        guard let pid = Int32(entry),
              let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { continue }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        if fields.count > 2, Int32(fields[1]) == parent { return pid }
    }
    return nil
}

/// User plus system CPU time of a process, in clock ticks.
func cpuTicks(of pid: Int32) -> Int {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    // Fields after the name start at state (3); utime is 14 and stime 15.
    guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
    return user + system
}

/// Where a moving thing is drawn: (row, column) of every message label on the canvas.
func labelPositions(_ screen: String) -> [[Int]] {
    var positions: [[Int]] = []
    for (row, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        for label in ["push", "pull"] {
            var searchStart = line.startIndex
            while let range = line.range(of: label, range: searchStart..<line.endIndex) {
                positions.append([row, line.distance(from: line.startIndex, to: range.lowerBound)])
                searchStart = range.upperBound
            }
        }
    }
    return positions.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
}

@Suite("End to end: the full-screen lab in tmux", .serialized)
struct FullScreenEndToEndTests {
    @Test("nodes, a partition wall and moving messages; still when paused; resize; SIGTERM leaves the terminal intact",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping the end-to-end test (apt-get install tmux)"))
    func classroomSession() throws {
        let lab = try LabSession(name: "classroom")
        defer { lab.finish() }
        let tmux = lab.tmux
        let pane = lab.pane
        // The lab opens on the alternate screen with the prompt on the bottom line.
        let opened = tmux.waitFor(pane) { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        #expect(tmux.display(pane, "#{alternate_on}") == "1")

        tmux.type(pane, "new gossip 7")
        tmux.type(pane, "partition n1 n2 n3 | n4 n5 n6 n7")
        tmux.type(pane, "broadcast hi via n1")

        let nodes = tmux.waitFor(pane) { screen in (1...7).allSatisfy { screen.contains("n\($0)") } }
        #expect(nodes.ok, "nodes n1..n7 not all shown:\n\(nodes.screen)")
        let wall = tmux.waitFor(pane) { $0.contains("┃") }
        #expect(wall.ok, "no partition wall:\n\(wall.screen)")

        // A message moves: the set of label positions changes while playing.
        let first = tmux.waitFor(pane) { !labelPositions($0).isEmpty }
        #expect(first.ok, "no message in flight:\n\(first.screen)")
        let moved = tmux.waitFor(pane, seconds: 8) { labelPositions($0) != labelPositions(first.screen) && !labelPositions($0).isEmpty }
        #expect(moved.ok, "messages did not move:\n\(moved.screen)")

        // Space on an empty command line pauses; once nodes have drifted into place the
        // screen is still, and the program blocks on input (no CPU time used).
        tmux.press(pane, "Space")
        _ = tmux.waitFor(pane) { $0.contains("‖") || $0.lowercased().contains("paused") }
        var previous = tmux.capture(pane)
        var settled = false
        for _ in 0..<20 where !settled {
            usleep(300_000)
            let next = tmux.capture(pane)
            settled = next == previous
            previous = next
        }
        #expect(settled, "the screen kept changing while paused")
        let program = try #require(lab.programProcess(), "lightcone's process not found")
        let cpuBefore = cpuTicks(of: program)
        usleep(1_000_000)
        #expect(tmux.capture(pane) == previous, "the screen changed while paused")
        let cpuAfter = cpuTicks(of: program)
        #expect(cpuAfter - cpuBefore <= 2, "\(cpuAfter - cpuBefore) CPU ticks in 1 s while paused: a busy loop?")

        // Resize: the lab redraws at the new size; too small shows a clear message.
        tmux.run(["resize-window", "-t", pane, "-x", "80", "-y", "24"])
        let resized = tmux.waitFor(pane) { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return lines.count >= 24 && lines[23].hasPrefix("lightcone>") && screen.contains("n7")
        }
        #expect(resized.ok, "not redrawn at 80x24:\n\(resized.screen)")
        tmux.run(["resize-window", "-t", pane, "-x", "50", "-y", "12"])
        let small = tmux.waitFor(pane) { $0.contains("80x24") }
        #expect(small.ok, "no make-me-bigger message at 50x12:\n\(small.screen)")
        tmux.run(["resize-window", "-t", pane, "-x", "100", "-y", "30"])
        let back = tmux.waitFor(pane) { $0.contains("n7") && $0.contains("lightcone>") }
        #expect(back.ok, "not redrawn at 100x30:\n\(back.screen)")

        // SIGTERM: the terminal is restored and the process ends by the signal.
        kill(program, SIGTERM)
        let status = lab.exitStatus()
        #expect(status == "143", "exit status \(status ?? "none"), expected 128+SIGTERM")
        #expect(lab.isTerminalRestored, "stty -g differs before and after")
        #expect(tmux.display(pane, "#{alternate_on}") == "0")
    }

    @Test("SIGTERM and SIGHUP during a long run end it, restore the terminal and exit",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping the end-to-end test (apt-get install tmux)"),
          arguments: [SIGTERM, SIGHUP])
    func signalDuringALongRun(signal: Int32) throws {
        let lab = try LabSession(name: "longrun\(signal)")
        defer { lab.finish() }
        let opened = lab.tmux.waitFor(lab.pane) { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        lab.tmux.type(lab.pane, "new raft 5")
        lab.tmux.type(lab.pane, "load 100/s for 100000s")
        lab.tmux.type(lab.pane, "skip 100000s")
        usleep(1_500_000)
        let program = try #require(lab.programProcess(), "lightcone's process not found")
        kill(program, signal)
        let status = lab.exitStatus()
        #expect(status == String(128 + signal), "exit status \(status ?? "none"), expected 128+\(signal)")
        #expect(lab.isTerminalRestored, "stty -g differs before and after")
        #expect(lab.tmux.display(lab.pane, "#{alternate_on}") == "0")
    }


    @Test("a fatal signal (kill -SEGV) restores the terminal and ends the process",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping the end-to-end test (apt-get install tmux)"))
    func fatalSignalEnds() throws {
        let lab = try LabSession(name: "segv")
        defer { lab.finish() }
        let opened = lab.tmux.waitFor(lab.pane) { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        let program = try #require(lab.programProcess(), "lightcone's process not found")
        kill(program, SIGSEGV)
        let status = lab.exitStatus()
        #expect(status == "139", "exit status \(status ?? "none"), expected 128+SIGSEGV")
        #expect(lab.isTerminalRestored, "stty -g differs before and after")
        #expect(lab.tmux.display(lab.pane, "#{alternate_on}") == "0")
    }

}
