import Foundation
import Testing

/// `run` in the view plays: frames show time advancing and messages moving (issue 13).
@Suite("End to end: run plays in the view", .serialized)
struct PlayedRunEndToEndTests {
    @Test("run 2s: the status bar passes at least three instants and a message is seen at two places",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"))
    func runPlays() throws {
        let lab = try LabSession(name: "playedrun")
        defer { lab.finish() }
        let opened = lab.wait { $0.contains("lightcone>") }
        try #require(opened.ok, "no prompt; screen:\n\(opened.screen)")
        lab.tmux.type(lab.pane, "broadcast hi via n1")
        lab.tmux.type(lab.pane, "run 2s")
        var instants = Set<String>()
        var positions = Set<[[Int]]>()
        let deadline = Date().addingTimeInterval(8)
        while Date() < deadline {
            let screen = lab.tmux.capture(lab.pane)
            if let first = screen.split(separator: "\n").first, let range = first.range(of: "t=") {
                instants.insert(String(first[range.lowerBound...].prefix(while: { $0 != " " })))
            }
            let labels = labelPositions(screen)
            if !labels.isEmpty { positions.insert(labels) }
            if screen.split(separator: "\n").first?.contains("t=2.000s") == true { break }
            usleep(100_000)
        }
        #expect(instants.count >= 3, "instants seen: \(instants.sorted())")
        #expect(positions.count >= 2, "message positions seen: \(positions.count)")
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
    }
}
