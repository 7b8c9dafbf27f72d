import LightconeSimulation

/// Writes the operations of a counterexample one per line, in invoke order, columns aligned:
///
/// ```
/// c2  120ms..140ms  put x 1 -> ok
/// c1  150ms..?      cas x 1 2 -> unknown
/// c3  160ms..170ms  get x -> nil
/// ```
enum HistoryExplanation {
    /// The lines for `entries`.
    static func lines(for entries: [HistoryEntry], times: HistoryTimeNotation) -> [String] {
        let ordered = entries.enumerated().sorted { a, b in
            if a.element.invokeTime != b.element.invokeTime { return a.element.invokeTime < b.element.invokeTime }
            return a.offset < b.offset
        }.map(\.element)
        let columns = ordered.map { entry -> (client: String, interval: String, rest: String) in
            ("c\(entry.client)", interval(of: entry, times), "\(entry.operation) -> \(result(of: entry))")
        }
        let clientWidth = columns.map(\.client.count).max() ?? 0
        let intervalWidth = columns.map(\.interval.count).max() ?? 0
        return columns.map { column in
            pad(column.client, clientWidth) + "  " + pad(column.interval, intervalWidth) + "  " + column.rest
        }
    }

    /// `ok`, a read's value (`nil` when empty), `fail`, `unknown` or `pending`.
    static func result(of entry: HistoryEntry) -> String {
        switch entry.outcome {
        case .ok:
            switch entry.operation.name {
            case "get", "read":
                if let output = entry.output, !output.isEmpty { return output }
                return "nil"
            default:
                return "ok"
            }
        case .fail: return "fail"
        case .unknown: return "unknown"
        case .pending: return "pending"
        }
    }

    /// `120ms..140ms` (simulated) or `line 12..15` (imported); `?` for no completion.
    static func interval(of entry: HistoryEntry, _ notation: HistoryTimeNotation) -> String {
        let completed = entry.outcome == .ok || entry.outcome == .fail
        switch notation {
        case .simulated:
            let end = completed ? entry.completeTime.map(DurationText.instant) : nil
            return DurationText.instant(entry.invokeTime) + ".." + (end ?? "?")
        case .lineNumbers:
            let end = completed ? entry.completeTime.map { String($0) } : nil
            return "line \(entry.invokeTime).." + (end ?? "?")
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
