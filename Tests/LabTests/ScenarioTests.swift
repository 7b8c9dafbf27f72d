import Foundation
import LightconeLab
import LightconeView
import Testing

/// Replays every `Scenarios/*.txt`: the `> ` lines are the commands, everything else is the
/// expected transcript. `REWRITE=1 swift test` rewrites the files from what the lab prints;
/// review the diff before committing.
@Suite struct ScenarioTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test(arguments: ScenarioTests.names)
    func scenario(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let expected = try String(contentsOf: url, encoding: .utf8)
        let actual = Self.replay(expected)
        if ProcessInfo.processInfo.environment["REWRITE"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        if let index = zip(expectedLines, actualLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("\(name):\(index + 1): expected «\(expectedLines[index])» but the lab printed «\(actualLines[index])» (REWRITE=1 to re-record)")
        } else {
            #expect(expectedLines.count == actualLines.count, "\(name): transcript length differs (REWRITE=1 to re-record)")
        }
    }

    /// Runs the commands of a transcript and returns the new transcript.
    static func replay(_ transcript: String) -> String {
        var script: [String] = []
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("> ") { script.append(String(line.dropFirst(2))) } else if line == "#" || line.hasPrefix("# ") { script.append(String(line)) }
        }
        var session = Lab(options: SessionOptions())
        session.drawings = .view
        var out: [String] = []
        _ = ScriptRunner.run([.init(name: "scenario", text: script.joined(separator: "\n"))], session: &session,
                             stopsOnFailure: false) { out.append($0) }
        return out.joined(separator: "\n") + "\n"
    }
}
