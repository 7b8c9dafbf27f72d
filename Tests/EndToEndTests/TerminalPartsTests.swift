import Foundation
import Testing
@testable import LightconeTerminal
import LightconeView

@Suite("Terminal parts: history file, play speed, key codes")
struct TerminalPartsTests {
    @Test func historyPathFollowsXDGThenHome() {
        #expect(HistoryFile.defaultPath { ["XDG_STATE_HOME": "/s", "HOME": "/h"][$0] } == "/s/lightcone/history")
        #expect(HistoryFile.defaultPath { ["XDG_STATE_HOME": "", "HOME": "/h"][$0] } == "/h/.local/state/lightcone/history")
        #expect(HistoryFile.defaultPath { ["HOME": "/h"][$0] } == "/h/.local/state/lightcone/history")
        #expect(HistoryFile.defaultPath { _ in nil } == nil)
    }

    @Test func historyAppendsCreatesFoldersAndLoadsTheTail() throws {
        let folder = NSTemporaryDirectory() + "lightcone-history-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = HistoryFile(path: folder + "/a/b/history")
        #expect(file.load().isEmpty)
        file.append("new gossip 7")
        file.append("   ")
        file.append("partition n1 n2 | n3\nheal")
        file.append("broadcast 世界 via n1")
        #expect(file.load() == ["new gossip 7", "partition n1 n2 | n3 heal", "broadcast 世界 via n1"])
        #expect(file.load(limit: 1) == ["broadcast 世界 via n1"])
    }

    @Test func aHistoryFileGrownPastTwiceTheLimitIsCompacted() throws {
        let folder = NSTemporaryDirectory() + "lightcone-history-compact-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = HistoryFile(path: folder + "/history")
        for index in 0..<25 { file.append("step \(index)") }
        #expect(file.load(limit: 10).count == 10)
        let text = try String(contentsOfFile: file.path, encoding: .utf8)
        #expect(HistoryFile.parse(text) == (15..<25).map { "step \($0)" })
        file.append("heal")
        #expect(file.load(limit: 10).last == "heal")
    }

    @Test func historyParseSkipsBlankLines() {
        #expect(HistoryFile.parse("a\n\n  \nb\r\nc") == ["a", "b", "c"])
    }

    @Test func oneXPlaysTwentySimulatedMillisecondsPerWallSecond() {
        var speed = PlaySpeed()
        var total: Int64 = 0
        for _ in 0..<25 { total += speed.simulated(forWall: 40_000, speedThousandths: 1_000) }
        #expect(total == 20_000)
    }

    @Test func fractionsAreCarriedAtSlowSpeeds() {
        var speed = PlaySpeed()
        var total: Int64 = 0
        for _ in 0..<1_000 { total += speed.simulated(forWall: 1_000, speedThousandths: 62) }
        #expect(total == 1_240)   // 1 s wall at 0.062x = 1.24 ms
    }

    @Test func aStallDoesNotJumpTheClock() {
        var speed = PlaySpeed()
        #expect(speed.simulated(forWall: 10_000_000, speedThousandths: 1_000) == 5_000)
        #expect(speed.simulated(forWall: -5, speedThousandths: 1_000) == 0)
    }

    @Test func speedStepsAlongTheLadder() {
        #expect(PlaySpeed.step(from: 1_000, faster: true) == 2_000)
        #expect(PlaySpeed.step(from: 1_000, faster: false) == 500)
        #expect(PlaySpeed.step(from: 1_500, faster: true) == 2_000)
        #expect(PlaySpeed.step(from: 1_500, faster: false) == 1_000)
        #expect(PlaySpeed.step(from: 256_000, faster: true) == 256_000)
        #expect(PlaySpeed.step(from: 62, faster: false) == 62)
    }

    @Test func cursesKeyCodesDecode() {
        #expect(CursesBackend.decode(keyCode: 0o403) == .up)
        #expect(CursesBackend.decode(keyCode: 0o402) == .down)
        #expect(CursesBackend.decode(keyCode: 0o404) == .left)
        #expect(CursesBackend.decode(keyCode: 0o405) == .right)
        #expect(CursesBackend.decode(keyCode: 0o522) == .pageDown)
        #expect(CursesBackend.decode(keyCode: 0o523) == .pageUp)
        #expect(CursesBackend.decode(keyCode: 0o410 + 1) == .function(1))
        #expect(CursesBackend.decode(keyCode: 0o632) == .resize)
        #expect(CursesBackend.decode(keyCode: 0o777) == .unknown(0o777))
    }

    @Test func colourModesFollowTheTerminal() {
        #expect(ColorMode(terminalColors: 256) == .palette256)
        #expect(ColorMode(terminalColors: 16) == .sixteen)
        #expect(ColorMode(terminalColors: 8) == .basic8)
        #expect(ColorMode(terminalColors: 0) == .none)
    }
}
