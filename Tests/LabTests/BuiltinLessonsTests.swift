import Foundation
import Testing
@testable import LightconeLab

@Suite("Built-in lessons")
struct BuiltinLessonsTests {
    @Test("BuiltinLessons.swift is up to date with Lessons/*.md (run Lessons/embed-lessons.sh)")
    func upToDate() throws {
        let folder = LessonTestSupport.repositoryRoot + "/Lessons"
        let onDisk = LessonCatalog.sources(inFolder: folder).map { "\($0.name)\n\($0.text)" }
        let embedded = BuiltinLessons.files.map { "\($0.name)\n\($0.text)" }
        #expect(!onDisk.isEmpty)
        #expect(embedded == onDisk, "Sources/LightconeLab/Lessons/BuiltinLessons.swift is out of date; run Lessons/embed-lessons.sh")
    }

    @Test("check-lessons passes on every built-in lesson")
    func checkBuiltins() {
        let report = LessonChecker.check(paths: [], directory: nil)
        #expect(report.problems == [])
        #expect(report.lines.last == "check-lessons: \(BuiltinLessons.files.count) lesson\(BuiltinLessons.files.count == 1 ? "" : "s"), all ok")
    }

    @Test("check-lessons on the Lessons folder skips README.md and drafts")
    func checkFolder() {
        let report = LessonChecker.check(paths: [LessonTestSupport.repositoryRoot + "/Lessons"], directory: nil)
        #expect(report.problems == [])
        #expect(!report.lines.contains { $0.contains("README") || $0.contains("drafts") })
    }

    @Test("the minimal example in Lessons/README.md passes check-lessons")
    func readmeExample() throws {
        let readme = try String(contentsOfFile: LessonTestSupport.repositoryRoot + "/Lessons/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "````markdown\n"))
        let end = try #require(readme.range(of: "\n````", range: start.upperBound..<readme.endIndex))
        let example = String(readme[start.upperBound..<end.lowerBound]) + "\n"
        let report = LessonChecker.check([LessonSource(name: "example", file: "example.md", text: example)])
        #expect(report.problems == [])
        #expect(report.lines.first == "ok example.md: 3 steps, 2 goals reached")
    }

    @Test("every built-in lesson ends with Exercises and can be opened by its name")
    func openable() {
        for file in BuiltinLessons.files {
            var session = Lab(options: SessionOptions())
            let output = session.execute("lesson \(file.name)")
            #expect(!output.isError, "\(file.name): \(output.lines)")
            #expect(session.lesson?.lesson.steps.last?.title == "Exercises")
        }
    }
}

@Suite("check-lessons")
struct LessonCheckerTests {
    @Test("a goal the solution does not reach is a problem at the goal's line")
    func unreachedGoal() {
        let text = """
        # Slow

        Never gets there.

        ## Step

        ```lightcone setup
        new gossip 3
        isolate n3
        ```

        ```lightcone goal
        delivered y everywhere within 1s
        ```

        ```lightcone solution
        broadcast y via n1
        ```

        ## Exercises

        None.
        """
        let report = LessonChecker.check([LessonSource(name: "slow", file: "L/slow.md", text: text)])
        #expect(report.problems == ["L/slow.md:13: goal 'delivered y everywhere' not reached by its solution within 1s (y missing on n3)"])
        #expect(report.lines == ["FAILED L/slow.md: 1 problem", report.problems[0], "check-lessons: 1 lesson, 1 with problems"])
        #expect(!report.isOK)
    }

    @Test("a command the lab refuses while playing is a problem at its line")
    func refusedCommand() {
        let text = """
        # Refused

        A setup that cannot run.

        ## Step

        ```lightcone setup
        new gossip 3
        restart n1
        ```

        ## Exercises

        None.
        """
        let report = LessonChecker.check([LessonSource(name: "r", file: "r.md", text: text)])
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.hasPrefix("r.md:9: ") == true)
    }

    @Test("a goal that already holds when its step opens is a problem")
    func goalAlreadyMet() {
        let text = """
        # Trivial

        Nothing to do.

        ## Step

        ```lightcone goal
        up n1
        ```

        ```lightcone solution
        run 1s
        ```

        ## Exercises

        None.
        """
        let report = LessonChecker.check([LessonSource(name: "t", file: "t.md", text: text)])
        #expect(report.problems == ["t.md:8: goal 'up n1' already holds when the step opens; the learner has nothing to do"])
    }

    @Test("a violation found by check meets a violation goal")
    func violationGoal() {
        // Gossip has no safety property to break, so this lesson's goal cannot be met:
        // the checker must say so rather than count the `check` output as an error.
        let text = """
        # Check

        A check that finds nothing.

        ## Step

        ```lightcone goal
        violation within 1s
        ```

        ```lightcone solution
        check
        ```

        ## Exercises

        None.
        """
        let report = LessonChecker.check([LessonSource(name: "c", file: "c.md", text: text)])
        #expect(report.problems == ["c.md:8: goal 'violation' not reached by its solution within 1s (no violation)"])
    }

    @Test("parse problems are reported with the file name, and files that cannot be read too")
    func parseProblems() {
        let report = LessonChecker.check(paths: ["/nonexistent/lesson.md"], directory: nil)
        #expect(report.problems == ["/nonexistent/lesson.md: no such file"])
        let bad = LessonChecker.check([LessonSource(name: "b", file: "b.md", text: "# B\n\nS.\n\n## Exercises\n\n```lightcone setup\nkil n1\n```\n")])
        #expect(bad.problems == ["b.md:8: unknown command 'kil'; did you mean kill? `help` lists the commands"])
    }

    @Test("check-lessons reports a lesson file that is not UTF-8 and a lessons folder that is missing")
    func unreadableLessons() throws {
        let folder = LessonTestSupport.temporaryFolder()
        try Data([0x23, 0x20, 0xff, 0xfe, 0x0a]).write(to: URL(fileURLWithPath: folder + "/01-bad.md"))
        let report = LessonChecker.check(paths: [], directory: folder)
        #expect(report.problems == ["\(folder)/01-bad.md: not UTF-8 text"])
        #expect(!report.isOK)
        #expect(report.lines.last == "check-lessons: no lessons to check; 1 file could not be read")
        let missing = LessonChecker.check(paths: [], directory: folder + "/nope")
        #expect(missing.problems == ["\(folder)/nope: no such folder"])
    }

}
