import LightconeSimulation

/// Reading recorded client histories into `HistoryEntry`s for the linearizability checker.
///
/// Two formats, told apart by their first non-blank line:
/// - Jepsen/Knossos logs (`INFO  jepsen.util - 3	:invoke	:cas	[3 0]`), a single register
///   that becomes key `x`: see `JepsenLogParser`;
/// - EDN operation maps, one a line (`{:process 0, :type :invoke, :f :append, :key "0",
///   :value "x 0 0 y"}`): see `EDNHistoryParser`.
///
/// The logs carry no usable timestamps, so **time is the line number**: an operation is
/// invoked at the line of its `:invoke` and completes at the line of its `:ok`/`:fail`; two
/// operations are concurrent exactly when their line intervals overlap, which is the
/// real-time order the log recorded. Operations that time out (`:info`) or never complete
/// are `unknown`; the process number becomes the client number; the node is `n1`.
///
/// ```
/// let history = try HistoryImport.parse(text)
/// let verdict = LinearizabilityChecker.check(history, times: .lineNumbers)
/// ```
public enum HistoryImport {
    /// The formats `parse` understands.
    public enum Format: String, Sendable, Hashable {
        /// Jepsen/Knossos text logs of a compare-and-set register.
        case jepsenLog
        /// EDN maps, one operation a line.
        case edn
    }

    /// Parses `text`, detecting its format; throws `LINE: reason` for bad input.
    /// An empty (or blank) text is an empty history.
    public static func parse(_ text: String) throws(HistoryImportError) -> [HistoryEntry] {
        if lines(of: text).allSatisfy({ $0.text.trimmingWhitespace().isEmpty }) { return [] }
        switch try format(of: text) {
        case .jepsenLog: return try JepsenLogParser.parse(text)
        case .edn: return try EDNHistoryParser.parse(text)
        }
    }

    /// The format of `text`, from its first non-blank line.
    public static func format(of text: String) throws(HistoryImportError) -> Format {
        for (number, line) in lines(of: text) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("{") { return .edn }
            if trimmed.contains(" - ") { return .jepsenLog }
            throw HistoryImportError(line: number, "unrecognised history: expected a Jepsen log line or an EDN map")
        }
        throw HistoryImportError(line: 1, "empty history")
    }

    /// The lines of `text` with their 1-based numbers. `\r\n` is one `Character` in Swift,
    /// so it is a separator of its own.
    static func lines(of text: String) -> [(number: Int, text: Substring)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .enumerated().map { index, line in (index + 1, line) }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return Substring(slice)
    }
}
