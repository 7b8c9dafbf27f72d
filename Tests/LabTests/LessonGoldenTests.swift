import Foundation
import Testing
@testable import LightconeLab
import LightconeView

/// One scenario golden per built-in lesson: the plain-mode transcript (as the REPL shows it) of following it from
/// start to finish (`goal` and every `hint` on each step, then `next`, which plays the
/// solution), compared with `Goldens/lesson-NAME.txt`. `REWRITE=1` records them again.
@Suite("Lesson goldens")
struct LessonGoldenTests {
    static let names = LessonCatalog.sources(directory: nil).map(\.name)

    /// The transcript of following `name` with `> COMMAND` before each command's output.
    static func transcript(of name: String) -> String {
        var session = Lab(options: SessionOptions())
        session.drawings = .view
        var lines: [String] = []
        func run(_ command: String) {
            lines.append("lightcone> " + command)
            lines += session.execute(command).lines
        }
        run("lesson \(name)")
        var guardCount = 0
        while let progress = session.lesson, guardCount < 200 {
            guardCount += 1
            let step = progress.currentStep
            if step.goal != nil && !progress.goalMet {
                run("goal")
                for _ in step.hints { run("hint") }
                run("next")
            }
            run("next")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("each built-in lesson's transcript matches its golden", arguments: names)
    func golden(_ name: String) throws {
        let path = LessonTestSupport.repositoryRoot + "/Tests/LabTests/Goldens/lesson-\(name).txt"
        let actual = LessonGoldenTests.transcript(of: name)
        if ProcessInfo.processInfo.environment["REWRITE"] == "1" {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "transcript of \(name) differs from \(path); REWRITE=1 records it again")
    }

    @Test("a transcript is the same on every run")
    func deterministic() throws {
        let name = try #require(LessonGoldenTests.names.first)
        #expect(LessonGoldenTests.transcript(of: name) == LessonGoldenTests.transcript(of: name))
    }
}
