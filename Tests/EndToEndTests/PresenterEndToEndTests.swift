import Foundation
import Testing

/// Presenter mode at 80x24 for the back row (issue 13): a demo opens on its first part, the
/// band shows its title and part, `say` is big, no log tail is cut short.
@Suite("End to end: presenter mode", .serialized)
struct PresenterEndToEndTests {
    static let script = """
    # title: Raft failover
    new raft 5
    run until leader within 5s
    put x 1
    run 1s
    say Five servers
    wait
    kill leader
    say Kill the leader
    wait
    run until leader within 5s
    say A new leader
    """

    @Test("lightcone present at 80x24: title and part, big say, whole log tails, never the path",
          .enabled(if: Tmux.isAvailable, "tmux is not installed: skipping (apt-get install tmux)"))
    func presenterScreen() throws {
        let path = NSTemporaryDirectory() + "lightcone-e2e-\(getpid())-failover-demo.lc"
        try Self.script.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lab = try LabSession(name: "presenter", arguments: ["present", path], width: 80, height: 24)
        defer { lab.finish() }
        // It opens on part 1 (a Raft cluster, not the default gossip one).
        let opened = lab.wait { $0.contains("Raft failover · part 1/3") }
        try #require(opened.ok, "no demo band; screen:\n\(opened.screen)")
        let rows = lab.rows()
        #expect(rows.first?.contains("raft") == true, "\(rows.first ?? "")")
        #expect(!opened.screen.contains("failover-demo"), "the script's path is shown:\n\(opened.screen)")
        #expect(opened.screen.contains("█"), "say is not big:\n\(opened.screen)")
        // Not also in the normal font or on the line above the prompt.
        #expect(!opened.screen.contains("Five servers"))
        // Nothing important truncated: the boxes show whole entries, no `log 1/1 2…`.
        let band = rows.firstIndex { $0.hasPrefix("━━") } ?? rows.count
        for row in rows[..<band] { #expect(!row.contains("…") && !row.contains("log 1/"), "truncated: \(row)") }
        #expect(rows[..<band].contains { $0.contains("1:noop✓") || $0.contains("2:x=1✓") }, "no log entries:\n\(opened.screen)")
        saveCapture(opened.screen, "presenter-part1-80x24.txt")
        // The clicker plays the next part.
        lab.tmux.press(lab.pane, "PageDown")
        let second = lab.wait { $0.contains("part 2/3") && $0.contains("down") }
        #expect(second.ok, "part 2 did not play:\n\(second.screen)")
        saveCapture(second.screen, "presenter-part2-80x24.txt")
        lab.tmux.type(lab.pane, "quit")
        #expect(lab.exitStatus() == "0")
    }

    /// Keeps a text capture for the closing note when `LIGHTCONE_CAPTURES` names a folder.
    func saveCapture(_ screen: String, _ name: String) {
        guard let folder = ProcessInfo.processInfo.environment["LIGHTCONE_CAPTURES"] else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? screen.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }
}
