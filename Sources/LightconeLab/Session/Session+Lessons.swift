// The lesson engine's entry points into the session. (The engine lands with issue 5.)

/// Where a learner is in a lesson.
public struct LessonProgress: Sendable, Equatable {
    /// The lesson's file name without extension.
    public var name: String
    /// The current step, from 0.
    public var step: Int
}

extension Session {
    mutating func performLesson(_ command: Command) throws(CommandError) -> CommandOutput {
        throw CommandError("there are no lessons in this build yet")
    }

    /// Checks the current lesson goal after a command or a step; returns lines to show.
    mutating func lessonAfterCommand() -> [String] { [] }
}
