import LightconeCheckers
import LightconeSimulation
import Testing

/// A violation drawn as one lane per client (`check`'s `timeline:`).
@Suite struct HistoryTimelineTests {
    static func spaces(_ count: Int) -> String { String(repeating: " ", count: count) }

    @Test("the stale read's lanes: each bar holds its label, each instant its own column, the axis under them")
    func staleReadLanes() throws {
        let history = [
            entry(1, "put x 1", 1_000, 2_000),
            entry(2, "put x 2", 3_000, 4_000),
            entry(3, "get x", 5_000, 6_000, output: "1"),
        ]
        guard case .notLinearizable(_, let explanation, let timeline) = LinearizabilityChecker.check(history) else {
            Issue.record("expected a violation")
            return
        }
        #expect(explanation.count == 3, "the op list stays")
        #expect(timeline.lines == [
            "c1 |--put x 1--|",
            "c2 " + Self.spaces(16) + "|--put x 2--|",
            "c3 " + Self.spaces(32) + "|--get x -> 1--|",
            "   1ms" + Self.spaces(9) + "2ms 3ms" + Self.spaces(9) + "4ms 5ms" + Self.spaces(12) + "6ms",
        ])
        let report = LinearizabilityChecker.report(.notLinearizable(key: "x", explanation: explanation, timeline: timeline), operationCount: 3)
        #expect(report.count == 1 + 3 + 1 + 4)
        #expect(report[4] == "  timeline:")
        #expect(report[5] == "    c1 |--put x 1--|")
    }

    @Test("an operation that never completed runs off the right end; one of no duration still holds its label")
    func unknownAndInstant() {
        let timeline = HistoryTimeline(bars: [
            .init(client: 1, invoke: 0, complete: nil, label: "put x 1 -> unknown"),
            .init(client: 2, invoke: 1_000, complete: 1_000, label: "put x 2"),
            .init(client: 3, invoke: 2_000, complete: 3_000, label: "get x -> 1"),
        ])
        let lines = timeline.lines
        #expect(lines[0].hasPrefix("c1 |--put x 1 -> unknown-") && lines[0].hasSuffix("->"))
        #expect(lines[0].count >= lines[2].count, "the unknown bar reaches the right end")
        #expect(lines[1] == "c2 " + Self.spaces(4) + "|--put x 2--|")
        #expect(lines[3].hasPrefix("   0ms 1ms"))
    }

    /// Random small histories: up to three clients, each with up to three operations one
    /// after another (a client waits for each answer), the last one perhaps never completed.
    static func randomBars(seed: UInt64) -> [HistoryTimeline.Bar] {
        var rng = SeededGenerator(seed: seed)
        var bars: [HistoryTimeline.Bar] = []
        for client in 1...3 {
            var time = SimTime(rng.next() % 30) * 1_000
            for index in 0..<Int(rng.next() % 4) {
                let length = SimTime(rng.next() % 20) * 1_000
                let isUnknown = index == 2 && rng.next() % 2 == 0
                let label = ["put x 1", "get x -> nil", "cas x 1 2", "get x -> 12"][Int(rng.next() % 4)]
                bars.append(.init(client: client, invoke: time, complete: isUnknown ? nil : time + length,
                                  label: label + (isUnknown ? " -> unknown" : "")))
                time += length + 1_000 + SimTime(rng.next() % 10) * 1_000
            }
        }
        return bars.isEmpty ? [.init(client: 1, invoke: 0, complete: 1_000, label: "put x 1")] : bars
    }

    @Test("over 500 random histories: every bar is drawn whole on its lane, time order is kept, axis labels never touch")
    func layoutProperties() {
        for seed in 1...500 as ClosedRange<UInt64> {
            let timeline = HistoryTimeline(bars: Self.randomBars(seed: seed))
            let lines = timeline.lines
            let clients = timeline.clients
            #expect(lines.count == clients.count + 1, "seed \(seed)")
            let layout = timeline.testColumns()
            // Instants in time order get increasing columns, each after the previous label.
            let instants = layout.keys.sorted()
            for (a, b) in zip(instants, instants.dropFirst()) {
                let gap = (layout[b] ?? 0) - (layout[a] ?? 0)
                #expect(gap > DurationText.instant(a).count, "seed \(seed): labels of \(a) and \(b) touch")
            }
            for bar in timeline.bars {
                let lane = lines[clients.firstIndex(of: bar.client) ?? 0]
                let start = (layout[bar.invoke] ?? 0) + 3
                let drawn = Array(lane)
                #expect(start < drawn.count && String(drawn[start...]).hasPrefix("|--" + bar.label + "--"),
                        "seed \(seed): \(bar.label) is drawn whole at its invoke's column:\n\(lines.joined(separator: "\n"))")
                if let complete = bar.complete, complete != bar.invoke, let end = layout[complete] {
                    #expect(end + 3 < drawn.count && drawn[end + 3] == "|", "seed \(seed): \(bar.label) ends at its completion's column")
                }
            }
        }
    }
}

extension HistoryTimeline {
    /// The column of each instant (for the layout's properties).
    func testColumns() -> [SimTime: Int] {
        // The axis line marks each instant where its label starts.
        var columns: [SimTime: Int] = [:]
        let axis = Array(lines.last ?? "")
        var instants = Set<SimTime>()
        for bar in bars {
            instants.insert(bar.invoke)
            if let complete = bar.complete { instants.insert(complete) }
        }
        var from = 0
        for instant in instants.sorted() {
            let label = Array(DurationText.instant(instant))
            var x = from
            while x + label.count <= axis.count, Array(axis[x..<(x + label.count)]) != label { x += 1 }
            columns[instant] = x - 3
            from = x + label.count
        }
        return columns
    }
}
