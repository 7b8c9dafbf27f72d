import CPosix
import Foundation
import Testing

/// Every way out of the full-screen lab, idle and during a long `run`: the process ends with
/// the status it should, the terminal modes (`stty -g`) are as before and the alternate
/// screen is off. Plus the terminals a class may have: 8 colours, NO_COLOR, a tiny window.
@Suite("End to end: every way out of the view", .serialized)
struct ExitMatrixTests {
    /// A way to leave.
    enum Way: String, CaseIterable, Sendable {
        case quit, ctrlD, ctrlCTwice, sigterm, sighup, sigsegv
    }

    /// The ways and states of the matrix: `quit` and Ctrl-D need an idle prompt; the rest are
    /// tried idle and while a long run is going.
    static let cases: [(Way, Bool)] = Way.allCases.map { ($0, false) }
        + [Way.ctrlCTwice, .sigterm, .sighup, .sigsegv].map { ($0, true) }

    @Test("the process exits and the terminal is restored", .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"),
          arguments: cases)
    func wayOut(way: Way, busy: Bool) throws {
        let lab = try LabSession(name: "exit-\(way.rawValue)-\(busy ? "busy" : "idle")")
        defer { lab.finish() }
        let opened = lab.wait { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        if busy {
            lab.tmux.type(lab.pane, "new raft 5")
            lab.tmux.type(lab.pane, "load 100/s for 100000s")
            lab.tmux.type(lab.pane, "skip 100000s")
            usleep(1_200_000)
        }
        let expected: String
        switch way {
        case .quit:
            lab.tmux.type(lab.pane, "quit")
            expected = "0"
        case .ctrlD:
            lab.tmux.press(lab.pane, "C-d")
            expected = "0"
        case .ctrlCTwice:
            lab.tmux.press(lab.pane, "C-c")
            if busy {
                let stopped = lab.wait { $0.contains("interrupted at t=") }
                try #require(stopped.ok, "the first Ctrl-C did not stop the run; screen:\n\(stopped.screen)")
            } else {
                usleep(300_000)
            }
            lab.tmux.press(lab.pane, "C-c")
            expected = "0"
        case .sigterm, .sighup, .sigsegv:
            let signal = way == .sigterm ? SIGTERM : way == .sighup ? SIGHUP : SIGSEGV
            let program = try #require(lab.programProcess(), "lightcone's process not found")
            kill(program, signal)
            expected = String(128 + signal)
        }
        let status = lab.exitStatus()
        #expect(status == expected, "\(way) \(busy ? "busy" : "idle"): exit status \(status ?? "none"), expected \(expected)")
        #expect(lab.isTerminalRestored, "stty -g differs before and after")
        #expect(lab.tmux.display(lab.pane, "#{alternate_on}") == "0")
    }

    @Test("TERM=xterm (8 colours) and NO_COLOR=1 draw the cluster and leave cleanly",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"),
          arguments: ["TERM=xterm", "NO_COLOR=1"])
    func terminals(environment: String) throws {
        let lab = try LabSession(name: "term-\(environment.prefix(4))", environment: [environment])
        defer { lab.finish() }
        let opened = lab.wait { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        lab.tmux.type(lab.pane, "new raft 3")
        let drawn = lab.wait { $0.contains("n1") && $0.contains("n3") && $0.contains("raft") }
        #expect(drawn.ok, "the cluster is not drawn; screen:\n\(drawn.screen)")
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
        #expect(lab.isTerminalRestored)
    }

    @Test("a resize to 10x5 while playing asks for a bigger window; back to 100x30 the cluster returns",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"))
    func tinyWindow() throws {
        let lab = try LabSession(name: "tiny")
        defer { lab.finish() }
        let opened = lab.wait { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        lab.tmux.type(lab.pane, "new raft 3")
        lab.tmux.type(lab.pane, "play")
        lab.tmux.run(["resize-window", "-t", lab.pane, "-x", "10", "-y", "5"])
        let small = lab.wait { $0.contains("Make") }
        #expect(small.ok, "no 'make the terminal bigger' message; screen:\n\(small.screen)")
        lab.tmux.run(["resize-window", "-t", lab.pane, "-x", "100", "-y", "30"])
        let back = lab.wait { $0.contains("n1") && $0.contains("lightcone>") }
        #expect(back.ok, "the cluster did not come back; screen:\n\(back.screen)")
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
        #expect(lab.isTerminalRestored)
    }
}
