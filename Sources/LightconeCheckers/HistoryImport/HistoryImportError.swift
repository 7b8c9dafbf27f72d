/// Why a recorded history could not be read: `12: expected :invoke, :ok, :fail or :info`.
public struct HistoryImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the file where the problem is.
    public let line: Int
    /// What is wrong there, in one line.
    public let reason: String

    /// An error at `line`.
    public init(line: Int, _ reason: String) {
        self.line = line
        self.reason = reason
    }

    /// `LINE: reason`.
    public var description: String { "\(line): \(reason)" }
}
