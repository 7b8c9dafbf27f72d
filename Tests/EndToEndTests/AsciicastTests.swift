import Foundation
import LightconeLab
import LightconeSimulation
@testable import LightconeTerminal
import LightconeView
import Testing

/// A tiny terminal for tests: plays the escape codes a recording uses (cursor moves, clear,
/// SGR colours) into a cell grid.
struct ReplayTerminal {
    var grid: CellGrid
    var x = 0, y = 0
    var style = CellStyle.plain

    init(width: Int, height: Int) { grid = CellGrid(width: width, height: height) }

    mutating func play(_ text: String) {
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            switch character {
            case "\u{1b}":
                guard characters.first == "[" else { continue }
                characters.removeFirst()
                var parameters = ""
                while let next = characters.first, !next.isLetter {
                    parameters.append(next)
                    characters.removeFirst()
                }
                guard let final = characters.popFirst() else { return }
                control(final, parameters)
            case "\r": x = 0
            case "\n": y = min(grid.height - 1, y + 1)
            default:
                let wide = DisplayWidth.of(String(character)) == 2
                grid[x, y] = Cell(character, style: style)
                if wide { grid[x + 1, y] = Cell(" ", style: style, isContinuation: true) }
                x = min(grid.width, x + (wide ? 2 : 1))
            }
        }
    }

    mutating func control(_ final: Character, _ parameters: String) {
        if parameters.hasPrefix("?") { return }   // cursor shown or hidden
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        switch final {
        case "H":
            y = max(1, (numbers.first ?? 1) ?? 1) - 1
            x = max(1, (numbers.count > 1 ? numbers[1] : 1) ?? 1) - 1
        case "C": x = min(grid.width, x + max(1, (numbers.first ?? 1) ?? 1))
        case "J": grid = CellGrid(width: grid.width, height: grid.height)
        case "m":
            for code in numbers.map({ $0 ?? 0 }) {
                switch code {
                case 0: style = .plain
                case 1: style.attributes.insert(.bold)
                case 2: style.attributes.insert(.dim)
                case 4: style.attributes.insert(.underline)
                case 7: style.attributes.insert(.reverse)
                case 30...37: style.foreground = TerminalColor(rawValue: UInt8(code - 30 + 1)) ?? .default
                case 40...47: style.background = TerminalColor(rawValue: UInt8(code - 40 + 1)) ?? .default
                case 90...97: style.foreground = TerminalColor(rawValue: UInt8(code - 90 + 9)) ?? .default
                case 100...107: style.background = TerminalColor(rawValue: UInt8(code - 100 + 9)) ?? .default
                default: break
                }
            }
        default: break
        }
    }
}

/// `record`: asciicast frames as differences from the previous frame.
@Suite("Asciicast recordings", .serialized)
struct AsciicastTests {
    /// Plays `seconds` of wall time at 25 frames a second and `speed`, recording every frame;
    /// returns the file's path and the last frame.
    static func record(_ name: String, seconds: Int, simulatedPerFrame: SimDuration, width: Int = 100, height: Int = 30,
                       setup: [String]) throws -> (path: String, last: CellGrid, fullRedrawBytes: Int) {
        let path = NSTemporaryDirectory() + "lightcone-cast-\(getpid())-\(name).cast"
        try? FileManager.default.removeItem(atPath: path)
        let recorder = try #require(AsciicastRecorder(path: path, width: width, height: height))
        var lab = Lab(options: SessionOptions())
        for line in setup { _ = lab.execute(line) }
        var state = ViewState()
        state.prompt = "lightcone> "
        var last = CellGrid(width: width, height: height)
        var fullRedrawBytes = 0
        for _ in 0..<(seconds * 25) {
            _ = lab.advance(by: simulatedPerFrame)
            let frame = FrameRenderer.render(snapshot: lab.cluster.snapshot, state: state, width: width, height: height)
            recorder.frame(frame.grid, cursor: frame.cursor)
            fullRedrawBytes += ANSIText.frame(frame.grid, cursor: frame.cursor).utf8.count
            last = frame.grid
        }
        return (path, last, fullRedrawBytes)
    }

    /// The output events of a cast file, in order.
    static func events(_ path: String) throws -> (width: Int, height: Int, texts: [String]) {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        var texts: [String] = []
        for line in lines.dropFirst() {
            let event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [Any])
            #expect(event.count == 3 && (event[1] as? String) == "o")
            texts.append(try #require(event[2] as? String))
        }
        return (try #require(header["width"] as? Int), try #require(header["height"] as? Int), texts)
    }

    /// Every cell's character and style, continuation cells as such.
    static func cells(_ grid: CellGrid) -> [String] {
        grid.cells.map { $0.isContinuation ? "+" : "\($0.character)\($0.style.foreground.rawValue),\($0.style.background.rawValue),\($0.style.attributes.rawValue)" }
    }

    @Test("seven seconds at 1x are well under 100 KB, and replaying the escape codes gives the last frame")
    func sevenSecondsAtOneX() throws {
        // 1x plays 20 ms of simulated time per wall second: 0.8 ms a frame.
        let cast = try Self.record("1x", seconds: 7, simulatedPerFrame: 800,
                                   setup: ["new raft 5", "run until leader", "partition n1 n2 | n3 n4 n5"])
        defer { try? FileManager.default.removeItem(atPath: cast.path) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: cast.path)[.size] as? Int)
        #expect(size < 50_000, "\(size) bytes for seven seconds at 1x (full redraws would take \(cast.fullRedrawBytes))")
        let events = try Self.events(cast.path)
        #expect(events.width == 100 && events.height == 30)
        var terminal = ReplayTerminal(width: events.width, height: events.height)
        for text in events.texts { terminal.play(text) }
        #expect(Self.cells(terminal.grid) == Self.cells(cast.last), "replayed:\n\(terminal.grid.text)\n---\nlast frame:\n\(cast.last.text)")
    }

    @Test("a busy recording (chaos at 50x) replays to every frame's cells, wide characters and colours included")
    func busyRecordingReplays() throws {
        let cast = try Self.record("busy", seconds: 4, simulatedPerFrame: 40_000,
                                   setup: ["new gossip 7", "chaos for 10s", "broadcast 世界 via n1"])
        defer { try? FileManager.default.removeItem(atPath: cast.path) }
        let events = try Self.events(cast.path)
        var terminal = ReplayTerminal(width: events.width, height: events.height)
        for text in events.texts { terminal.play(text) }
        #expect(Self.cells(terminal.grid) == Self.cells(cast.last), "replayed:\n\(terminal.grid.text)\n---\nlast frame:\n\(cast.last.text)")
        #expect(events.texts.dropFirst().allSatisfy { !$0.contains("\u{1b}[2J") }, "only the first frame is a full redraw")
    }

    @Test("`asciinema cat` of a recording, shown in a real terminal (tmux), is the last frame",
          .enabled(if: Tmux.isAvailable && AsciicastTests.asciinema != nil, "tmux or asciinema (pip install asciinema) is missing: skipped"))
    func asciinemaCatReproducesTheLastScreen() throws {
        let cast = try Self.record("cat", seconds: 3, simulatedPerFrame: 20_000,
                                   setup: ["new raft 5", "run until leader", "partition n1 n2 | n3 n4 n5"])
        defer { try? FileManager.default.removeItem(atPath: cast.path) }
        let tmux = Tmux(name: "asciinema-cat")
        defer { tmux.killServer() }
        let asciinema = try #require(Self.asciinema)
        let started = tmux.run(["new-session", "-d", "-s", "cat", "-x", "100", "-y", "30",
                                "sh", "-c", "LANG=C.UTF-8 \(asciinema) cat \(cast.path); sleep 600"])
        try #require(started.status == 0)
        let expected = cast.last.lines.joined(separator: "\n")
        let shown = tmux.waitFor("cat", seconds: 10) { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).prefix(30).joined(separator: "\n")
                .trimmingCharacters(in: .newlines) == expected.trimmingCharacters(in: .newlines)
        }
        #expect(shown.ok, "asciinema cat showed:\n\(shown.screen)\n---\nlast frame:\n\(expected)")
    }

    /// The `asciinema` executable on PATH, if any.
    static var asciinema: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/asciinema") {
            return "\(folder)/asciinema"
        }
        return nil
    }
}
