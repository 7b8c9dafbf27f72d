import LightconeSimulation

/// A counterexample drawn as a timeline: one lane per client, each operation a bar from its
/// invoke to its completion, time to the right, with the instants on an axis underneath.
///
/// ```
/// c1 |--put x 1--|
/// c2              |--put x 2--|
/// c3                            |--get x -> 1--|
///    0ms         10ms 20ms     30ms 40ms          50ms
/// ```
///
/// The columns keep the order of time, not its scale: each instant gets a column of its
/// own, far enough right that every bar holds its label and no two instants' labels touch.
/// Operations that never completed (`unknown`, `pending`) run off the right end (`-->`).
public struct HistoryTimeline: Sendable, Hashable {
    /// One operation on its client's lane.
    public struct Bar: Sendable, Hashable {
        /// The client, `c1` for 1.
        public var client: Int
        /// When it was invoked.
        public var invoke: SimTime
        /// When it completed; nil when it never did (its effect is unknown).
        public var complete: SimTime?
        /// `put x 1`, `get x -> nil`, `put x 1 -> fail`, `cas x 1 2 -> unknown`.
        public var label: String

        /// A bar for `label` from `invoke` to `complete`.
        public init(client: Int, invoke: SimTime, complete: SimTime?, label: String) {
            self.client = client
            self.invoke = invoke
            self.complete = complete
            self.label = label
        }
    }

    /// The operations, in invoke order.
    public var bars: [Bar]
    /// How the axis writes instants.
    public var notation: HistoryTimeNotation

    /// A timeline of these bars (none: an empty timeline, which draws no lines).
    public init(bars: [Bar] = [], notation: HistoryTimeNotation = .simulated) {
        self.bars = bars
        self.notation = notation
    }

    /// The timeline of `entries`: a write that took effect shows as itself (`put x 1`), a
    /// read with what it returned (`get x -> 1`), anything else with its outcome.
    init(entries: [HistoryEntry], notation: HistoryTimeNotation) {
        let ordered = entries.enumerated().sorted { a, b in
            (a.element.invokeTime, a.offset) < (b.element.invokeTime, b.offset)
        }.map(\.element)
        self.init(bars: ordered.map { entry in
            let completed = entry.outcome == .ok || entry.outcome == .fail
            let result = HistoryExplanation.result(of: entry)
            let isRead = entry.operation.name == "get" || entry.operation.name == "read"
            let label = "\(entry.operation)" + (result == "ok" && !isRead ? "" : " -> " + result)
            return Bar(client: entry.client, invoke: entry.invokeTime, complete: completed ? entry.completeTime : nil, label: label)
        }, notation: notation)
    }

    /// The clients with a lane, in order.
    public var clients: [Int] { Array(Set(bars.map(\.client))).sorted() }

    /// The text drawing: one line per client, then the axis of instants.
    public var lines: [String] {
        guard !bars.isEmpty else { return [] }
        let layout = columns()
        let names = clients.map { "c\($0)" }
        let nameWidth = (names.map(\.count).max() ?? 0) + 1
        let width = layout.end + 1
        var lanes: [Int: [Character]] = [:]
        for client in clients { lanes[client] = Array(repeating: " ", count: width) }
        for bar in bars {
            guard var lane = lanes[bar.client] else { continue }
            let start = layout.column[bar.invoke] ?? 0
            let drawn = Self.drawn(bar)
            let end = bar.complete.map { complete in
                complete == bar.invoke ? start + drawn.count - 1 : layout.column[complete] ?? start + drawn.count - 1
            } ?? layout.end
            var cells = Array(drawn)
            if bar.complete == nil {
                // Never completed: dashes to the right end and an arrow, `|--cas x 1 2 -> unknown-->`.
                while cells.count < end - start { cells.insert("-", at: cells.count - 1) }
            } else {
                while cells.count < end - start + 1 { cells.insert("-", at: cells.count - 2) }
            }
            for (offset, character) in cells.enumerated() where start + offset < width { lane[start + offset] = character }
            lanes[bar.client] = lane
        }
        var axis = Array(repeating: Character(" "), count: width + 12)
        for (instant, column) in layout.column.sorted(by: { $0.key < $1.key }) {
            for (offset, character) in instantText(instant).enumerated() where column + offset < axis.count { axis[column + offset] = character }
        }
        let pad = { (name: String) in name + String(repeating: " ", count: nameWidth - name.count) }
        var result = clients.map { client in pad("c\(client)") + String(lanes[client] ?? []).trimmedRight }
        result.append(String(repeating: " ", count: nameWidth) + String(axis).trimmedRight)
        return result
    }

    /// `|--put x 1--|`, or `|--put x 1 -> unknown-->` for a bar without an end.
    static func drawn(_ bar: Bar) -> String {
        "|--" + bar.label + (bar.complete == nil ? "-->" : "--|")
    }

    /// `30ms` (simulated) or `12` (a line number).
    func instantText(_ instant: SimTime) -> String {
        switch notation {
        case .simulated: DurationText.instant(instant)
        case .lineNumbers: "line \(instant)"
        }
    }

    /// The column of every instant, and the last column used: instants left to right in
    /// time order, each after the previous one's axis label, after every bar that ends
    /// there has room for its label, and after the bars of no duration drawn at the
    /// instant before it.
    func columns() -> (column: [SimTime: Int], end: Int) {
        var instants = Set<SimTime>()
        for bar in bars {
            instants.insert(bar.invoke)
            if let complete = bar.complete { instants.insert(complete) }
        }
        let ordered = instants.sorted()
        var column: [SimTime: Int] = [:]
        var previous: (instant: SimTime, column: Int)?
        var end = 0
        for instant in ordered {
            var x = 0
            if let previous {
                x = previous.column + instantText(previous.instant).count + 1
                for bar in bars where bar.invoke == previous.instant && bar.complete == bar.invoke {
                    x = max(x, previous.column + Self.drawn(bar).count + 1)
                }
            }
            for bar in bars where bar.complete == instant && bar.invoke != instant {
                x = max(x, (column[bar.invoke] ?? 0) + Self.drawn(bar).count - 1)
            }
            column[instant] = x
            previous = (instant, x)
            end = max(end, x + instantText(instant).count)
            for bar in bars where bar.invoke == instant {
                end = max(end, x + Self.drawn(bar).count - 1)
            }
        }
        return (column, end)
    }
}

extension String {
    /// The text without trailing spaces.
    fileprivate var trimmedRight: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
