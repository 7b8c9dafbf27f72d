import Foundation
import LightconeLab
import LightconeView
import Testing
@testable import LightconeTerminal

/// The full-screen lab shows `check`'s lanes and exports the screen it shows.
@Suite("FullScreenLab: check's lanes and export screen")
struct VerdictPaneLabTests {
    /// CAP as a run on kv-ap: a write on n1's side of the partition, a stale read on n2's.
    static let gilbertLynch = ["new kv-ap 3 r=1 w=1", "skip 300ms", "put x 0", "skip 200ms", "partition n1 | n2 n3", "skip 500ms",
                               "put x 1 via n1", "skip 100ms", "get x via n2", "skip 200ms"]

    @Test("check's lanes show over the canvas until Esc or the next command; export screen writes that very screen")
    func lanesAndExport() throws {
        let screen = ScriptedScreen(width: 120, height: 36)
        var (lab, _) = makeLab(screen: screen)
        for line in Self.gilbertLynch + ["check"] { _ = lab.execute(line) }
        lab.draw()
        let shown = try #require(screen.lastFrame).lines
        #expect(shown.contains { $0.contains("│ c3                                     |--get x -> 0--|") }, "\(shown.joined(separator: "\n"))")
        #expect(shown.contains { $0.contains("⚠ stale x=0") }, "n2 is marked")
        let folder = NSTemporaryDirectory() + "lightcone-pane-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try? FileManager.default.removeItem(atPath: folder + "/s.txt")
        _ = lab.execute("export screen \(folder)/s.txt")
        let exported = try String(contentsOfFile: folder + "/s.txt", encoding: .utf8)
        #expect(exported == shown.joined(separator: "\n") + "\n", "the file is the screen shown")
        // The next command closes the pane; so does Esc.
        lab.draw()
        #expect(!(try #require(screen.lastFrame).text.contains("Esc closes")))
        for line in Self.gilbertLynch + ["check"] { _ = lab.execute(line) }
        lab.draw()
        #expect(try #require(screen.lastFrame).text.contains("Esc closes"))
        _ = lab.handle(.escape)
        lab.draw()
        #expect(lab.state.verdictLanes == nil)
        #expect(!(try #require(screen.lastFrame).text.contains("Esc closes")))
    }
}
