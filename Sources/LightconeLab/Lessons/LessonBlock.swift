/// One piece of a lesson step as the view's panel sets it: prose, a list item, a quote,
/// verbatim code, the commands of a setup block with their output, or a prediction.
/// Inline text keeps Markdown's backticks around code (the view draws code without them);
/// `*emphasis*` marks are already dropped.
public enum LessonBlock: Sendable, Equatable {
    /// A paragraph, wrapped by the view.
    case prose(String)
    /// A list item: its marker (`-`, `1.`) and its text, set with a hanging indent.
    case listItem(marker: String, text: String)
    /// A `>` quotation, set apart.
    case quote(String)
    /// A fenced block, shown verbatim (spaces kept).
    case code([String])
    /// A setup block: each command as typed with the lines it printed.
    case commands([LessonCommandRun])
    /// A `predict` question.
    case predict(String)
}

/// A command a setup block ran, and what it printed.
public struct LessonCommandRun: Sendable, Equatable {
    /// The command as written in the lesson.
    public var command: String
    /// Its output lines (empty while it has not run).
    public var output: [String]

    /// A command and its output.
    public init(command: String, output: [String]) {
        self.command = command
        self.output = output
    }
}
