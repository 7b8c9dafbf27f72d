import LightconeSimulation

/// Lamport's space-time diagram as text (1978, Figure 1): one column per node, its vertical
/// line `|`, and one row per event, time running down. Sends say where they went, receives
/// which send they took in. The time column is the lab's: no node has it.
///
/// ```
/// time      n1               n2
/// 0ms       n1:1 ->n2   L=1  |
/// 24.059ms  |                n2:1 <-n1:1 L=2
/// ```
public enum SpaceTimeDiagram {
    /// The most rows drawn; earlier events are counted in a line above them.
    public static let rowLimit = 40

    /// The diagram of every event of `nodes` (the latest `rowLimit` of them).
    public static func lines(_ nodes: [ClocksNode]) -> [String] {
        // Time, then Lamport order (which respects → among events at one instant), then node.
        let events = nodes.flatMap(\.events).sorted { a, b in
            (a.time, a.lamport, a.name.node, a.name.number) < (b.time, b.lamport, b.name.node, b.name.number)
        }
        guard !events.isEmpty else { return ["no events yet: `event NODE` and `send A B` make them"] }
        let cells = events.map(cell)
        let width = max(6, (cells.map(\.count).max() ?? 0) + 2)
        let timeWidth = max(6, (events.map { DurationText.instant($0.time).count }.max() ?? 0) + 2)
        func row(_ time: String, _ columns: [String]) -> String {
            var line = pad(time, timeWidth)
            for column in columns { line += pad(column, width) }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        var lines = ["space-time diagram: time runs down (t= is the lab's clock; no node has it)",
                     row("time", nodes.map(\.id.description))]
        let shown = events.suffix(rowLimit)
        if events.count > shown.count {
            lines.append("  (\(events.count - shown.count) earlier events; `events` lists them all)")
        }
        for (event, text) in zip(shown, cells.suffix(rowLimit)) {
            let columns = nodes.map { $0.id == event.name.node ? text : "|" }
            lines.append(row(DurationText.instant(event.time), columns))
        }
        return lines
    }

    /// `n1:1 ->n2   L=1`, `n2:1 <-n1:1 L=2`, `n3:2 local  L=2`.
    static func cell(_ event: ClockEvent) -> String {
        let what: String
        switch event.kind {
        case .local: what = "local"
        case .send(let to): what = "->\(to)"
        case .receive(let from): what = "<-\(from)"
        }
        return "\(event.name) \(pad(what, 7))L=\(event.lamport)"
    }

    /// `text` padded with spaces to `width` characters (never cut).
    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
