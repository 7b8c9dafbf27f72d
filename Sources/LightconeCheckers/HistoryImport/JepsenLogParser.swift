import LightconeSimulation

/// Reads Jepsen/Knossos text logs of a single compare-and-set register:
///
/// ```
/// INFO  jepsen.util - 3	:invoke	:cas	[3 0]
/// INFO  jepsen.util - 3	:ok	:cas	[3 0]
/// INFO  jepsen.util - 0	:info	:write	:timed-out
/// ```
///
/// `:read`/`:write`/`:cas` become `get x` / `put x V` / `cas x OLD NEW` on key `x`; `:ok`
/// took effect, `:fail` did not, `:info` (timed out) is unknown. Lines of other loggers
/// (`INFO  jepsen.core - ...`) and of the `:nemesis` process are skipped; blank lines too.
/// Time is the line number (see `HistoryImport`).
public enum JepsenLogParser {
    /// The register's key in the imported history.
    public static let key = "x"

    /// Parses a whole log; throws `LINE: reason` at the first bad line.
    public static func parse(_ text: String) throws(HistoryImportError) -> [HistoryEntry] {
        var text = text
        let result: Result<[HistoryEntry], HistoryImportError> = text.withUTF8 { bytes in
            Result { () throws(HistoryImportError) in
                var recorder = HistoryRecorder()
                var lines = HistoryImport.Lines(bytes)
                while let (number, line) = lines.next() {
                    try parseLine(bytes, line, number: number, into: &recorder)
                }
                return recorder.finish()
            }
        }
        return try result.get()
    }

    /// Whether `byte` separates the fields of a log line (a space or a tab).
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The blank-separated fields of `bytes[range]`: at most `limit`, the last one holding
    /// the rest of the range.
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int) -> [Substring] {
        var result: [Substring] = []
        var position = range.lowerBound
        while position < range.upperBound {
            while position < range.upperBound, isBlank(bytes[position]) { position += 1 }
            guard position < range.upperBound else { break }
            var end = position
            if result.count == limit - 1 {
                end = range.upperBound
                while end > position, isBlank(bytes[end - 1]) { end -= 1 }
            } else {
                while end < range.upperBound, !isBlank(bytes[end]) { end += 1 }
            }
            result.append(Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<end]), as: UTF8.self)))
            position = end
        }
        return result
    }

    private static func parseLine(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, number: Int,
                                  into recorder: inout HistoryRecorder) throws(HistoryImportError) {
        if line.isEmpty { return }
        var dash: Int?
        if line.count >= 3 {
            for start in line.lowerBound...(line.upperBound - 3)
            where bytes[start] == UInt8(ascii: " ") && bytes[start + 1] == UInt8(ascii: "-") && bytes[start + 2] == UInt8(ascii: " ") {
                dash = start
                break
            }
        }
        guard let dash else {
            throw HistoryImportError(line: number, "expected a log line `LEVEL logger - PROCESS TYPE F VALUE`")
        }
        let header = fields(bytes, line.lowerBound..<dash, limit: Int.max)
        guard header.count == 2 else {
            throw HistoryImportError(line: number, "expected `LEVEL logger` before ` - `")
        }
        guard header[1] == "jepsen.util" else { return }  // another logger's message
        let fields = fields(bytes, (dash + 3)..<line.upperBound, limit: 4)
        guard fields.count == 4 else {
            throw HistoryImportError(line: number, "expected PROCESS TYPE F VALUE after ` - `")
        }
        if fields[0] == ":nemesis" { return }
        guard let process = Int(fields[0]), process >= 0 else {
            throw HistoryImportError(line: number, "bad process `\(fields[0])`")
        }
        let type = String(fields[1])
        let verb = String(fields[2])
        let value = fields[3]
        switch type {
        case ":invoke":
            let operation = try invocation(verb, value, line: number)
            try recorder.invoke(operation, verb: verb, process: process, line: number)
        case ":ok":
            var output: String? = nil
            if verb == ":read" {
                guard let read = scalar(value) else {
                    throw HistoryImportError(line: number, "bad value `\(value)` for an :ok :read")
                }
                output = read
            }
            try recorder.complete(process: process, verb: verb, outcome: .ok, output: output, line: number)
        case ":fail":
            try recorder.complete(process: process, verb: verb, outcome: .fail, output: String(value), line: number)
        case ":info":
            try recorder.complete(process: process, verb: verb, outcome: .unknown, output: nil, line: number)
        default:
            throw HistoryImportError(line: number, "unknown type `\(type)`; expected :invoke, :ok, :fail or :info")
        }
    }

    /// The operation of an `:invoke` line.
    private static func invocation(_ verb: String, _ value: Substring, line: Int) throws(HistoryImportError) -> Operation {
        switch verb {
        case ":read":
            return Operation(name: "get", key: key)
        case ":write":
            guard let written = scalar(value), let written else {
                throw HistoryImportError(line: line, "bad value `\(value)` for a :write; expected a number")
            }
            return Operation(name: "put", key: key, input: [written])
        case ":cas":
            guard value.hasPrefix("["), value.hasSuffix("]") else {
                throw HistoryImportError(line: line, "bad value `\(value)` for a :cas; expected [OLD NEW]")
            }
            let parts = value.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            guard parts.count == 2, let old = scalar(parts[0]), let new = scalar(parts[1]), let old, let new else {
                throw HistoryImportError(line: line, "bad value `\(value)` for a :cas; expected [OLD NEW]")
            }
            return Operation(name: "cas", key: key, input: [old, new])
        default:
            throw HistoryImportError(line: line, "unknown operation `\(verb)`; expected :read, :write or :cas")
        }
    }

    /// A register value: an integer, or `nil` (as `.some(nil)`); nil when malformed.
    private static func scalar<S: StringProtocol>(_ text: S) -> String?? {
        if text == "nil" { return .some(nil) }
        guard !text.isEmpty, Int(text) != nil else { return nil }
        return .some(String(text))
    }
}
