import LightconeSimulation

/// A guided lesson, parsed from a Markdown file in `Lessons/` (see `Lessons/README.md`):
/// a `# Title`, a one-line summary, and `## Step` headings whose prose is narration and
/// whose ```` ```lightcone KIND ```` blocks carry setup commands, a goal, hints, a
/// prediction question and a solution.
public struct Lesson: Sendable, Equatable {
    /// The file name without `.md`, e.g. `01-what-is-a-distributed-system`.
    public var name: String
    /// The file as errors name it (`Lessons/01-....md`, or the path given).
    public var file: String
    /// The `# Title`.
    public var title: String
    /// The one-line summary under the title.
    public var summary: String
    /// Prose between the summary and the first step, shown when the lesson opens.
    public var preface: [LessonItem]
    /// The `## Step` sections in order; the last is `## Exercises`.
    public var steps: [LessonStep]
}

/// One `## Step` of a lesson.
public struct LessonStep: Sendable, Equatable {
    /// The heading text.
    public var title: String
    /// The heading's line in the file.
    public var line: Int
    /// Shown (and setup blocks run) when the step opens: everything before the goal block.
    public var intro: [LessonItem] = []
    /// Shown (and setup blocks run) once the goal is met: everything after the goal block.
    public var reveal: [LessonItem] = []
    /// What the learner is asked to bring about, if anything.
    public var goal: LessonGoal?
    /// Hints, given one at a time by `hint`.
    public var hints: [String] = []
    /// Commands that reach the goal (`hint` shows them last; `check-lessons` plays them).
    public var solution: [LessonCommandLine] = []
    /// What must hold the moment the goal is met on the lesson's own path (the goal block's
    /// `expect CONDITION` lines): the facts the reveal states. `check-lessons` checks them.
    public var expectations: [LessonExpectation] = []
}

/// A fact a step's reveal states, written `expect CONDITION` in its goal block, e.g.
/// `expect no leader` after a split vote.
public struct LessonExpectation: Sendable, Equatable {
    /// The condition, parsed like a goal.
    public var spec: ConditionSpec
    /// The condition as written.
    public var condition: String { spec.text }
    /// Its line in the file.
    public var line: Int
}

/// A piece of a step's narration, in file order.
public enum LessonItem: Sendable, Equatable {
    /// A prose paragraph (inline Markdown kept as written).
    case paragraph(String)
    /// A list item with its marker (`-`, `1.`).
    case listItem(marker: String, text: String)
    /// A `>` quotation.
    case quote(String)
    /// A fenced block that is not a lightcone block: shown verbatim.
    case code([String])
    /// A ```` ```lightcone setup ```` block: commands run when it is reached.
    case setup([LessonCommandLine])
    /// A ```` ```lightcone predict ```` block: a question to think about before the reveal.
    case predict(String)
}

/// A command in a setup or solution block, with its line in the file.
public struct LessonCommandLine: Sendable, Equatable {
    /// The command as written (comment stripped).
    public var text: String
    /// Its line in the file.
    public var line: Int
}

/// A step's goal: a SPEC §3 condition, and how long `check-lessons` waits for it after the
/// solution (`within DURATION`, default 1m).
public struct LessonGoal: Sendable, Equatable {
    /// The condition, parsed once when the lesson is read (in the context of the cluster the
    /// lesson's latest `new` builds).
    public var spec: ConditionSpec
    /// The condition as written, e.g. `delivered hello everywhere`.
    public var condition: String { spec.text }
    /// How long `check-lessons` (and `next`) may run the cluster for the goal after the solution.
    public var within: SimDuration
    /// The goal's line in the file.
    public var line: Int
}

/// A problem in a lesson file: a line and a one-line reason.
public struct LessonIssue: Sendable, Equatable, CustomStringConvertible {
    /// The line in the file (from 1).
    public var line: Int
    /// What is wrong, and how to fix it.
    public var reason: String

    /// An issue at `line`.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `LINE: reason`.
    public var description: String { "\(line): \(reason)" }

    /// `FILE:LINE: reason`.
    public func located(in file: String) -> String { "\(file):\(line): \(reason)" }
}
