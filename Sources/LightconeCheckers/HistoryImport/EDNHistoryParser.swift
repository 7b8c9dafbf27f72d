import LightconeSimulation

/// Reads Jepsen histories written as EDN maps, one operation a line:
///
/// ```
/// {:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}
/// {:process 0, :type :ok, :f :get, :key "0", :value "x 0 0 y"}
/// ```
///
/// `:f` is `:get`, `:put`, `:append` or `:cas` (value `[OLD NEW]`); `:type` is `:invoke`,
/// `:ok`, `:fail` or `:info` (unknown). An `:ok :get`'s value is what it read. Lines of the
/// `:nemesis` process and blank lines are skipped. Time is the line number (see
/// `HistoryImport`).
public enum EDNHistoryParser {
    /// Parses a whole file; throws `LINE: reason` at the first bad line.
    public static func parse(_ text: String) throws(HistoryImportError) -> [HistoryEntry] {
        var text = text
        let result: Result<[HistoryEntry], HistoryImportError> = text.withUTF8 { bytes in
            Result { () throws(HistoryImportError) in try parse(bytes) }
        }
        return try result.get()
    }

    /// Parses the UTF-8 text `bytes`, line by line.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(HistoryImportError) -> [HistoryEntry] {
        var recorder = HistoryRecorder()
        var lines = HistoryImport.Lines(bytes)
        while let (number, line) = lines.next() {
            if line.isEmpty { continue }
            let map: [String: EDNValue]
            do {
                map = try EDNReader.map(bytes, line)
            } catch {
                throw HistoryImportError(line: number, error.reason)
            }
            try record(map, line: number, into: &recorder)
        }
        return recorder.finish()
    }

    private static func record(_ map: [String: EDNValue], line: Int, into recorder: inout HistoryRecorder) throws(HistoryImportError) {
        guard let processValue = map["process"] else { throw HistoryImportError(line: line, "missing :process") }
        if case .keyword("nemesis") = processValue { return }
        guard case .integer(let process) = processValue, process >= 0 else {
            throw HistoryImportError(line: line, "bad :process \(processValue); expected a number")
        }
        guard case .keyword(let type)? = map["type"] else { throw HistoryImportError(line: line, "missing or bad :type") }
        guard case .keyword(let f)? = map["f"] else { throw HistoryImportError(line: line, "missing or bad :f") }
        guard ["get", "put", "append", "cas"].contains(f) else {
            throw HistoryImportError(line: line, "unknown :f :\(f); expected :get, :put, :append or :cas")
        }
        let key: String
        switch map["key"] {
        case .string(let text)?: key = text
        case .integer(let number)?: key = String(number)
        case .keyword(let name)?: key = name
        default: throw HistoryImportError(line: line, "missing or bad :key")
        }
        let value = map["value"] ?? .null
        let verb = ":" + f
        switch type {
        case "invoke":
            let input: [String]
            switch f {
            case "get":
                input = []
            case "cas":
                guard case .vector(let pair) = value, pair.count == 2,
                      let old = pair[0].text, let new = pair[1].text else {
                    throw HistoryImportError(line: line, "bad :value \(value) for :cas; expected [OLD NEW]")
                }
                input = [old, new]
            default:
                guard let text = value.text else {
                    throw HistoryImportError(line: line, "bad :value \(value) for :\(f); expected a string or number")
                }
                input = [text]
            }
            try recorder.invoke(Operation(name: f, key: key, input: input), verb: verb, process: Int(process), line: line)
        case "ok":
            let output: String?
            if f == "get" {
                switch value {
                case .null: output = nil
                default:
                    guard let text = value.text else {
                        throw HistoryImportError(line: line, "bad :value \(value) for an :ok :get")
                    }
                    output = text
                }
            } else {
                output = nil
            }
            try recorder.complete(process: Int(process), verb: verb, outcome: .ok, output: output, line: line)
        case "fail":
            try recorder.complete(process: Int(process), verb: verb, outcome: .fail, output: value.text, line: line)
        case "info":
            try recorder.complete(process: Int(process), verb: verb, outcome: .unknown, output: nil, line: line)
        default:
            throw HistoryImportError(line: line, "unknown :type :\(type); expected :invoke, :ok, :fail or :info")
        }
    }
}
