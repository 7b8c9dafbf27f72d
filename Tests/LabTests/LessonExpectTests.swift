import LightconeLab
import Testing

/// A goal block's `expect CONDITION` lines: what the reveal says happened, checked by
/// `check-lessons` the moment the goal is met on the lesson's own path (issue 13: Raft I's
/// split vote that did not happen).
@Suite("Lesson expect lines")
struct LessonExpectTests {
    /// Raft I's old split-vote step: the goal holds at t=0, before any vote was cast.
    static func splitVote(goal: String, solution: String, expects: [String]) -> String {
        """
        # Split

        A split vote.

        ## Split

        ```lightcone setup
        new raft 4
        cut n1->n4
        cut n2->n3
        ```

        ```lightcone goal
        \(([goal] + expects).joined(separator: "\n"))
        ```

        ```lightcone solution
        \(solution)
        ```

        Nobody wins term 1.

        ## Exercises

        1. Try.
        """
    }

    @Test("an expect that does not hold when the goal is met is a problem, at its line")
    func failedExpectIsAProblem() {
        let text = Self.splitVote(goal: "role n2 candidate", solution: "timeout n1 n2", expects: ["expect voted n4 n2", "expect no leader"])
        let report = LessonChecker.check([LessonSource(name: "split", file: "split.md", text: text)])
        #expect(report.problems == ["split.md:15: expect voted n4 n2 does not hold when the goal is met (n4 has not voted in term 0)"])
    }

    @Test("expects that hold pass, and the Raft conditions voted and term read the paper's state")
    func heldExpectsPass() {
        let text = Self.splitVote(goal: "voted n4 n2 within 1s", solution: "timeout n1 n2\nrun 100ms",
                                  expects: ["expect voted n3 n1", "expect role n1 candidate", "expect no leader", "expect term n3 1"])
        let report = LessonChecker.check([LessonSource(name: "split", file: "split.md", text: text)])
        #expect(report.problems == [])
        #expect(report.lines.first == "ok split.md: 2 steps, 1 goal reached")
    }

    @Test("the parsed step keeps its expect lines with their line numbers")
    func parsed() throws {
        let text = Self.splitVote(goal: "voted n4 n2", solution: "timeout n1 n2", expects: ["expect no leader", "expect term leader 2"])
        let lesson = try #require(LessonParser.parse(text, name: "split", file: "split.md").lesson)
        #expect(lesson.steps[0].expectations.map(\.condition) == ["no leader", "term leader 2"])
        #expect(lesson.steps[0].expectations.map(\.line) == [15, 16])
    }
}
