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
        var text = text
        let format: Result<Format?, HistoryImportError> = text.withUTF8 { bytes in
            Result { () throws(HistoryImportError) in try self.format(of: bytes) }
        }
        switch try format.get() {
        case nil: return []
        case .jepsenLog?: return try JepsenLogParser.parse(text)
        case .edn?: return try EDNHistoryParser.parse(text)
        }
    }

    /// The format of `text`, from its first non-blank line.
    public static func format(of text: String) throws(HistoryImportError) -> Format {
        var text = text
        let format: Result<Format?, HistoryImportError> = text.withUTF8 { bytes in
            Result { () throws(HistoryImportError) in try self.format(of: bytes) }
        }
        guard let found = try format.get() else { throw HistoryImportError(line: 1, "empty history") }
        return found
    }

    /// The format of the UTF-8 text `bytes` from its first non-blank line; nil when every
    /// line is blank.
    static func format(of bytes: UnsafeBufferPointer<UInt8>) throws(HistoryImportError) -> Format? {
        var lines = Lines(bytes)
        while let (number, line) = lines.next() {
            if line.isEmpty { continue }
            if bytes[line.lowerBound] == UInt8(ascii: "{") { return .edn }
            let dash = Array(" - ".utf8)
            if line.count >= 3, (line.lowerBound...(line.upperBound - 3)).contains(where: { start in
                bytes[start] == dash[0] && bytes[start + 1] == dash[1] && bytes[start + 2] == dash[2]
            }) {
                return .jepsenLog
            }
            throw HistoryImportError(line: number, "unrecognised history: expected a Jepsen log line or an EDN map")
        }
        return nil
    }

    /// The lines of UTF-8 text as byte ranges with their 1-based numbers, each without
    /// leading and trailing spaces and tabs; `\n`, `\r\n` and a lone `\r` end a line.
    struct Lines {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var position = 0
        private var number = 0
        private var done = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The next line (its number and trimmed range), or nil after the last.
        mutating func next() -> (number: Int, range: Range<Int>)? {
            guard !done else { return nil }
            number += 1
            let start = position
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
            if end == bytes.count {
                done = true
                position = end
            } else if bytes[end] == UInt8(ascii: "\r"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\n") {
                position = end + 2
            } else {
                position = end + 1
            }
            var low = start
            var high = end
            while low < high, bytes[low] == UInt8(ascii: " ") || bytes[low] == UInt8(ascii: "\t") { low += 1 }
            while high > low, bytes[high - 1] == UInt8(ascii: " ") || bytes[high - 1] == UInt8(ascii: "\t") { high -= 1 }
            return (number, low..<high)
        }
    }
}
