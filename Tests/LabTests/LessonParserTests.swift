import Testing
@testable import LightconeLab

/// A malformed lesson and the exact `LINE: reason` lines the parser gives for it.
struct MalformedLesson: Sendable, CustomTestStringConvertible {
    var label: String
    var text: String
    var issues: [String]
    var testDescription: String { label }
}

/// A well-formed lesson to cut pieces from.
private let header = "# Title\n\nA summary.\n\n"
private let exercises = "\n## Exercises\n\nTry things.\n"

@Suite("Lesson parser")
struct LessonParserTests {
    static let malformed: [MalformedLesson] = [
        MalformedLesson(label: "empty file", text: "", issues: ["1: a lesson starts with a `# Title` line"]),
        MalformedLesson(label: "text before the title", text: "Hello\n# T\n\nS.\n\n## Exercises\n",
                        issues: ["1: a lesson starts with a `# Title` line"]),
        MalformedLesson(label: "no summary", text: "# T\n\n## Exercises\n\nx\n",
                        issues: ["1: the title needs a one-line summary paragraph under it"]),
        MalformedLesson(label: "no steps", text: "# T\n\nSummary.\n", issues: ["3: a lesson needs steps: `## Step` headings"]),
        MalformedLesson(label: "no exercises", text: header + "## Only\n\nText.\n",
                        issues: ["7: a lesson ends with a `## Exercises` section"]),
        MalformedLesson(label: "second title", text: header + "# Again\n" + exercises,
                        issues: ["5: a lesson has one `# Title`; steps are `## Step` headings"]),
        MalformedLesson(label: "unknown command", text: header + "## S\n\n```lightcone setup\nnew gossip 3\nfrobnicate n1\n```\n" + exercises,
                        issues: ["9: unknown command 'frobnicate'; `help` lists the commands"]),
        MalformedLesson(label: "unknown node after new", text: header + "## S\n\n```lightcone setup\nnew gossip 3\nkill n4\n```\n" + exercises,
                        issues: ["9: unknown node n4; nodes are n1..n3"]),
        MalformedLesson(label: "mistyped command", text: header + "## S\n\n```lightcone setup\nkil n1\n```\n" + exercises,
                        issues: ["8: unknown command 'kil'; did you mean kill? `help` lists the commands"]),
        MalformedLesson(label: "unknown condition", text: header + "## S\n\n```lightcone goal\nleadr\n```\n\n```lightcone solution\nrun 1s\n```\n" + exercises,
                        issues: ["8: unknown condition 'leadr'; did you mean leader? conditions are: " + ConditionParser.forms(of: ProtocolRegistry.entry(named: "gossip")).joined(separator: ", ")]),
        MalformedLesson(label: "bad within", text: header + "## S\n\n```lightcone goal\nleader within soon\n```\n\n```lightcone solution\nrun 1s\n```\n" + exercises,
                        issues: ["8: 'soon' is not a duration; write it like 250ms, 2s or 1m"]),
        MalformedLesson(label: "goal without solution", text: header + "## S\n\n```lightcone goal\ndown n1\n```\n" + exercises,
                        issues: ["7: this goal has no ```lightcone solution block (check-lessons plays it)"]),
        MalformedLesson(label: "solution without goal", text: header + "## S\n\n```lightcone solution\nkill n1\n```\n" + exercises,
                        issues: ["7: a solution needs a goal in its step"]),
        MalformedLesson(label: "two goals", text: header + "## S\n\n```lightcone goal\ndown n1\n```\n\n```lightcone goal\ndown n2\n```\n\n```lightcone solution\nkill n1\n```\n" + exercises,
                        issues: ["11: a step has one goal; this is its second (split the step)"]),
        MalformedLesson(label: "two conditions in a goal", text: header + "## S\n\n```lightcone goal\ndown n1\ndown n2\n```\n\n```lightcone solution\nkill n1\n```\n" + exercises,
                        issues: ["9: a goal block holds one condition, then `expect CONDITION` lines"]),
        MalformedLesson(label: "an expect that is not a condition", text: header + "## S\n\n```lightcone goal\ndown n1\nexpect nonsense\n```\n\n```lightcone solution\nkill n1\n```\n" + exercises,
                        issues: ["9: unknown condition 'nonsense'; conditions are: leader, leader NODE, no leader, role NODE ROLE, up NODE, down NODE, converged, linearizable, not linearizable, value KEY VALUE on NODE, available NODE, unavailable NODE, delivered VALUE everywhere, METER >= X, METER <= X, violation [PROPERTY]"]),
        MalformedLesson(label: "empty goal", text: header + "## S\n\n```lightcone goal\n# nothing\n```\n\n```lightcone solution\nkill n1\n```\n" + exercises,
                        issues: ["7: empty goal block; write a condition, like: delivered hello everywhere"]),
        MalformedLesson(label: "unknown block kind", text: header + "## S\n\n```lightcone hnt\nfoo\n```\n" + exercises,
                        issues: ["7: unknown block kind 'hnt'; did you mean hint? blocks are lightcone setup, goal, hint, predict, solution"]),
        MalformedLesson(label: "block kind missing", text: header + "## S\n\n```lightcone\nfoo\n```\n" + exercises,
                        issues: ["7: a lightcone block needs a kind: ```lightcone setup, goal, hint, predict or solution"]),
        MalformedLesson(label: "block before the first step", text: header + "```lightcone setup\nnew gossip 5\n```\n" + exercises,
                        issues: ["5: a lightcone setup block must sit under a `## Step` heading"]),
        MalformedLesson(label: "unclosed block", text: header + "## S\n\n```lightcone setup\nnew gossip 5\n" + exercises,
                        issues: ["7: this ``` block is never closed", "12: a lesson ends with a `## Exercises` section"]),
        MalformedLesson(label: "lesson command in a block", text: header + "## S\n\n```lightcone setup\nnext\n```\n" + exercises,
                        issues: ["8: `next` cannot run inside a lesson block"]),
        MalformedLesson(label: "export in a setup block", text: header + "## S\n\n```lightcone setup\nexport timeline /tmp/x.svg --force\n```\n" + exercises,
                        issues: ["8: `export` cannot run inside a lesson: a lesson never reads or writes files"]),
        MalformedLesson(label: "record in a solution block", text: header + "## S\n\n```lightcone goal\nup n1\n```\n\n```lightcone solution\nrecord x.cast\n```\n" + exercises,
                        issues: ["12: `record` cannot run inside a lesson: a lesson never reads or writes files"]),
        MalformedLesson(label: "source in a setup block", text: header + "## S\n\n```lightcone setup\nsource demo.lc\n```\n" + exercises,
                        issues: ["8: `source` cannot run inside a lesson: a lesson never reads or writes files"]),
        MalformedLesson(label: "empty hint", text: header + "## S\n\n```lightcone hint\n\n```\n" + exercises,
                        issues: ["7: empty hint block"]),
        MalformedLesson(label: "empty step heading", text: header + "##\n" + exercises,
                        issues: ["5: a step heading needs a title, like: ## A wall"]),
    ]

    @Test("malformed lessons give LINE: reason", arguments: malformed)
    func malformedLesson(_ example: MalformedLesson) {
        let result = LessonParser.parse(example.text, name: "x", file: "x.md")
        #expect(result.issues.map(\.description) == example.issues)
        #expect(result.lesson == nil)
    }

    @Test("a well-formed lesson parses into steps, intro, goal and reveal")
    func wellFormed() throws {
        let text = """
        # Crash course

        One line about it.

        Before the steps.

        ## Kill one

        Some **prose** here,
        on two lines.

        ```lightcone setup
        new gossip 3   # three nodes
        ```

        ```lightcone predict
        What happens?
        ```

        ```lightcone goal
        down n2 within 5s
        ```

        ```lightcone hint
        Use kill.
        ```

        ```lightcone solution
        kill n2
        ```

        Revealed text.

        - a list item
        - another

        ```
        verbatim code
        ```

        ## Exercises

        > A quote.
        """
        let result = LessonParser.parse(text, name: "crash", file: "crash.md")
        #expect(result.issues.isEmpty)
        let lesson = try #require(result.lesson)
        #expect(lesson.title == "Crash course")
        #expect(lesson.summary == "One line about it.")
        #expect(lesson.preface == [.paragraph("Before the steps.")])
        #expect(lesson.steps.map(\.title) == ["Kill one", "Exercises"])
        let step = lesson.steps[0]
        #expect(step.line == 7)
        #expect(step.intro == [.paragraph("Some **prose** here, on two lines."),
                               .setup([LessonCommandLine(text: "new gossip 3", line: 13)]),
                               .predict("What happens?")])
        #expect(step.goal?.condition == "down n2")
        #expect(step.goal?.within == 5_000_000)
        #expect(step.goal?.line == 21)
        #expect(step.hints == ["Use kill."])
        #expect(step.solution == [LessonCommandLine(text: "kill n2", line: 29)])
        #expect(step.reveal == [.paragraph("Revealed text."), .listItem(marker: "-", text: "a list item"),
                                .listItem(marker: "-", text: "another"), .code(["verbatim code"])])
        #expect(lesson.steps[1].intro == [.quote("A quote.")])
    }

    @Test("the goal's default deadline is one minute")
    func defaultWithin() throws {
        let text = header + "## S\n\n```lightcone goal\nno leader\n```\n\n```lightcone solution\nrun 1s\n```\n" + exercises
        let lesson = try #require(LessonParser.parse(text, name: "x", file: "x.md").lesson)
        #expect(lesson.steps[0].goal?.within == 60_000_000)
        #expect(lesson.steps[0].goal?.condition == "no leader")
    }

    @Test("issues name the file when located")
    func located() {
        #expect(LessonIssue(line: 12, reason: "bad").located(in: "Lessons/x.md") == "Lessons/x.md:12: bad")
    }

    @Test("text wraps at the width, with a hanging indent")
    func wrapping() {
        #expect(TextWrap.wrap("one two three four five six", width: 20) == ["one two three four", "five six"])
        #expect(TextWrap.wrap("alpha beta gamma delta", width: 20, first: "  - ", rest: "    ") == ["  - alpha beta gamma", "    delta"])
        #expect(TextWrap.wrap("", width: 20) == [""])
    }

    @Test("inline Markdown: emphasis dropped, links spelled out, code spans kept")
    func inline() {
        #expect(LessonRunner.inlineText("a **bold** and *em* `x*y` [site](https://example.org).") == "a bold and em `x*y` site (https://example.org).")
    }

    @Test("a lesson saved with Windows (CRLF) or old Mac (CR) line ends parses as the same lesson")
    func crlfLineEnds() throws {
        let text = header + "## Kill one\n\n```lightcone setup\nnew gossip 3\n```\n\n```lightcone goal\ndown n2 within 5s\n```\n\n"
            + "```lightcone solution\nkill n2\n```\n" + exercises
        let unix = LessonParser.parse(text, name: "t", file: "t.md")
        for ending in ["\r\n", "\r"] {
            let other = LessonParser.parse(text.replacing("\n", with: ending), name: "t", file: "t.md")
            #expect(other.issues.isEmpty, "\(other.issues)")
            #expect(other.lesson == unix.lesson)
        }
    }

}
