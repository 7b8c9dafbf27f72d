import LightconeLab

/// What the lesson panel shows for the current lesson step; the lesson engine fills it.
///
/// ```swift
/// LessonPanelContent(title: "1. Leader election", paragraphs: ["Every node starts as a follower."],
///                    goal: "run until leader", isGoalMet: false, step: 1, stepCount: 6)
/// ```
public struct LessonPanelContent: Sendable, Equatable {
    /// The lesson's or step's title.
    public var title: String
    /// The narration, one string per paragraph (wrapped by the view).
    public var paragraphs: [String]
    /// What the learner should make happen, if this step has a goal.
    public var goal: String?
    /// True once the goal holds.
    public var isGoalMet: Bool
    /// This step's number from 1, if known.
    public var step: Int?
    /// How many steps the lesson has, if known.
    public var stepCount: Int?
    /// The step's text as blocks (lists, quotes, code, setup commands with their output);
    /// when empty, `paragraphs` are shown as prose.
    public var blocks: [LessonBlock] = []

    /// A lesson step to show.
    public init(title: String, paragraphs: [String], goal: String? = nil, isGoalMet: Bool = false,
                step: Int? = nil, stepCount: Int? = nil, blocks: [LessonBlock] = []) {
        self.title = title
        self.paragraphs = paragraphs
        self.goal = goal
        self.isGoalMet = isGoalMet
        self.step = step
        self.stepCount = stepCount
        self.blocks = blocks
    }
}
