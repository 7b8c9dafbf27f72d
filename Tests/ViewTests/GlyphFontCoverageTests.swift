import Foundation
import LightconeLab
import LightconeSimulation
import LightconeView
import Testing

/// Every symbol the view draws is in DejaVu Sans Mono, the monospace font Debian ships (issue
/// 13: ⏸ is not, so the paused mark is ‖). Asked of fontconfig (`fc-list :charset=HEX`) when it
/// and the font are installed.
@Suite("Glyphs the font has")
struct GlyphFontCoverageTests {
    static let fcList = ["/usr/bin/fc-list", "/bin/fc-list"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func fontHas(_ scalar: Unicode.Scalar) -> Bool? {
        guard let fcList else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = [":charset=\(String(scalar.value, radix: 16))", "family"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).contains("DejaVu Sans Mono")
    }

    static var isDejaVuInstalled: Bool { fontHas("A") == true }

    /// Frames in many states: playing and paused, messages, a partition, a lesson with its
    /// blocks and goal met, the output pane, the help, presenter mode, a scrolled log.
    static func frames() -> [CellGrid] {
        let blocks: [LessonBlock] = [.prose("Type `nodes`."), .listItem(marker: "-", text: "an item"), .quote("a quote"),
                                     .commands([LessonCommandRun(command: "new raft 5", output: ["ok"])]), .predict("who?")]
        var lesson = Fixtures.lesson
        lesson.blocks = blocks
        lesson.isGoalMet = true
        let states: [ViewState] = [
            Fixtures.state(), Fixtures.state { $0.isPlaying = false }, Fixtures.state { $0.isHelpShown = true },
            Fixtures.state { $0.sidePanel = .lesson; $0.lesson = lesson },
            Fixtures.state { $0.sidePanel = .lesson; $0.lesson = lesson; $0.isPresenterMode = true },
            Fixtures.state { $0.outputPane = OutputPane(title: "nodes", lines: (1...40).map { "line \($0)" }) },
            Fixtures.state { $0.panelScroll = 2 },
        ]
        let snapshots = [Fixtures.raft(messages: Fixtures.heartbeats()), Fixtures.raft(groups: [[1, 2], [3, 4, 5]])]
        return states.flatMap { state in snapshots.map { FrameRenderer.render(snapshot: $0, state: state, width: 100, height: 30).grid } }
    }

    @Test("every non-ASCII character in the frames is in DejaVu Sans Mono",
          .enabled(if: fcList != nil, "fontconfig is not installed"))
    func everyGlyphIsInTheFont() throws {
        try #require(Self.isDejaVuInstalled, "DejaVu Sans Mono is not installed (apt-get install fonts-dejavu-core)")
        var scalars = Set<Unicode.Scalar>()
        for grid in Self.frames() {
            for line in grid.lines { for scalar in line.unicodeScalars where scalar.value > 0x7F { scalars.insert(scalar) } }
        }
        #expect(scalars.count > 10, "the frames draw symbols: \(scalars.count)")
        let missing = scalars.filter { Self.fontHas($0) == false }.map { "U+" + String($0.value, radix: 16, uppercase: true) + " \($0)" }
        #expect(missing.isEmpty, "not in DejaVu Sans Mono: \(missing.sorted())")
        #expect(Self.fontHas("\u{23F8}") == false, "⏸ is indeed missing, which is why the paused mark is ‖")
    }
}
