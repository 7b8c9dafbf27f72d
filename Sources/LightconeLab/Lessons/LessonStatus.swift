/// What the view's side panel shows of the lesson being followed (plain values; the view
/// wraps and styles them).
public struct LessonStatus: Sendable, Equatable {
    /// The lesson's title.
    public var title: String
    /// The current step, from 1.
    public var stepNumber: Int
    /// How many steps the lesson has.
    public var stepCount: Int
    /// The current step's heading.
    public var stepTitle: String
    /// The step's text so far, one paragraph a string: the intro, and the reveal once the
    /// goal is met. Setup commands read `> COMMAND`, predictions `Predict: ...`.
    public var text: [String]
    /// The goal's condition, if the step has one.
    public var goal: String?
    /// True once the goal is met.
    public var goalMet: Bool
    /// The same text as blocks for the view to set: lists, quotes, code and each setup
    /// command with its output.
    public var blocks: [LessonBlock] = []
}
