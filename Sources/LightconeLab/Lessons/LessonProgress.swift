import LightconeSimulation

/// Where a learner is in a lesson.
public struct LessonProgress: Sendable, Equatable {
    /// The lesson's file name without extension.
    public var name: String
    /// The current step, from 0.
    public var step: Int
    /// The lesson being followed.
    public internal(set) var lesson: Lesson
    /// True once the current step's goal has been met (it stays met).
    public internal(set) var goalMet = false
    /// Hints of this step already given.
    var hintsShown = 0
    /// The seed the lesson was (re)played on; `seed N` changes the session's and replays.
    var seed: UInt64
    /// True while the engine runs the lesson's own blocks (the goal check waits).
    var isBusy = false
    /// Commands of the lesson's blocks that failed, for `check-lessons`.
    var problems: [LessonIssue] = []
    /// The simulated instant the step opened, and whether the learner was nudged since.
    var stepOpenedAt: SimTime = 0
    var wasNudged = false
    /// What each setup block of the current step printed so far, in the order they ran.
    var setupRuns: [[LessonCommandRun]] = []

    /// The current step.
    public var currentStep: LessonStep { lesson.steps[step] }
    /// True on the last step (`## Exercises`).
    public var isLastStep: Bool { step == lesson.steps.count - 1 }
}
