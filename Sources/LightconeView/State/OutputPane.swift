/// A command's multi-line output (`nodes`, `log`, `timeline`, `history`, `help`, a hint's
/// solution) shown whole over the side panel, columns and runs of spaces kept, scrolled with
/// the arrow and page keys and closed with Esc or `q`.
///
/// ```swift
/// var pane = OutputPane(title: "nodes", lines: ["n1 up leader", "n2 up follower"])
/// pane.scroll(by: 1, rows: 10)
/// ```
public struct OutputPane: Sendable, Equatable {
    /// The command that printed it.
    public var title: String
    /// The lines as printed.
    public var lines: [String]
    /// The first line shown.
    public var top: Int = 0

    /// A pane at its top.
    public init(title: String, lines: [String]) {
        self.title = title
        self.lines = lines
    }

    /// Moves by `delta` lines, keeping a full pane of `rows` rows in view where possible.
    public mutating func scroll(by delta: Int, rows: Int) {
        top = max(0, min(top + delta, lines.count - max(1, rows)))
    }
}
