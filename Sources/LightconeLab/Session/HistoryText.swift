import LightconeSimulation

/// How `history` and `history --json` print client operations.
public enum HistoryText {
    /// `c1 n2 put x 1 -> ok [120ms..150ms]`.
    public static func line(_ entry: HistoryEntry) -> String {
        let end = entry.completeTime.map(DurationText.instant) ?? "?"
        var result = "c\(entry.client) \(entry.node) \(entry.operation) -> \(entry.outcome.rawValue)"
        if let output = entry.output { result += " \(output)" }
        return result + " [\(DurationText.instant(entry.invokeTime))..\(end)]"
    }

    /// The history as one line of JSON: a list of objects with `client`, `node`, `op`, `key`,
    /// `input`, `output`, `invoke_us`, `complete_us`, `result`.
    public static func json(_ history: [HistoryEntry]) -> String {
        JSONValue.array(history.map { entry in
            .object([
                ("client", .string("c\(entry.client)")),
                ("node", .string(entry.node.description)),
                ("op", .string(entry.operation.name)),
                ("key", .string(entry.operation.key)),
                ("input", entry.operation.input.isEmpty ? .null
                    : entry.operation.input.count == 1 ? .string(entry.operation.input[0])
                    : .array(entry.operation.input.map { .string($0) })),
                ("output", .string(entry.output)),
                ("invoke_us", .int(entry.invokeTime)),
                ("complete_us", entry.completeTime.map { .int($0) } ?? .null),
                ("result", .string(entry.outcome.rawValue)),
            ])
        }).text
    }
}
