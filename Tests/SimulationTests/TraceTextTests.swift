import LightconeProtocols
@testable import LightconeSimulation
import Testing

/// Narration formats its lines with appends (`TraceText`) and from payload-free notable
/// records (`NotableRecord`); the bytes must be those of the interpolated forms (issue 14:
/// transcripts byte-identical before and after).
@Suite struct TraceTextTests {
    @Test("appendInstant writes exactly DurationText.instant")
    func instants() {
        let samples: [SimTime] = [0, 1, 9, 10, 99, 100, 999, 1_000, 1_001, 1_010, 1_100, 20_005, 20_050, 20_500,
                                  21_034, 999_999, 1_000_000, 3_599_999_999, 3_600_000_000, -1, -1_500]
        for us in samples + (0..<3_000).map { SimTime($0 * 37 + 3) } {
            var text = ""
            TraceText.appendInstant(us, to: &text)
            #expect(text == DurationText.instant(us), "\(us)")
        }
    }

    @Test("LineBytes writes decimals as String does")
    func decimals() {
        let values: [Int64] = [0, 1, 9, 10, 11, 99, 100, 12_345, -1, -10, -987, .max, .min]
        for value in values {
            var line = LineBytes()
            line.append(decimal: value)
            #expect(line.take() == String(value))
        }
        var line = LineBytes()
        line.append(unsigned: .max)
        #expect(line.take() == String(UInt64.max))
        line.appendNode(NodeID(index: 41))
        #expect(line.take() == "n42")
    }

    @Test("an operation is written as its description")
    func operations() {
        let operations = [Operation(name: "put", key: "x", input: ["1"]), Operation(name: "get", key: "k1"),
                          Operation(name: "cas", key: "k2", input: ["1", "2"]), Operation(name: "broadcast", input: ["hi"]),
                          Operation(name: "noop"), Operation(name: "", key: "", input: [""])]
        for operation in operations { #expect(TraceText.operation(operation) == operation.description) }
    }

    @Test("a notable record's line and entry are the trace record's, and narration gets every line")
    func notableRecordsMatchTheTrace() throws {
        var sim = try Simulation<RaftNode>(nodeCount: 3, seed: 4)
        try sim.startLoad(LoadSpec(rate: 50, duration: .seconds(5)))
        try sim.kill(NodeID(index: 1))
        sim.run(for: .seconds(2))
        try sim.restart(NodeID(index: 1))
        sim.report(Violation(property: "Example", message: "a test violation"))
        sim.run(for: .seconds(4))
        let notable = sim.trace.records(from: 0).filter(\.isNotable)
        let (elided, records) = sim.trace.notableRecords(from: 0)
        #expect(elided == 0 && records.count == notable.count && notable.count > 100)
        for (record, original) in zip(records, notable) {
            #expect(record.line == original.line)
            #expect(record.entry == original.entry)
        }
        let (linesElided, lines, firstViolation) = sim.trace.notableLines(from: 0)
        #expect(linesElided == 0 && lines == notable.map(\.line))
        #expect(firstViolation == notable.firstIndex { if case .violation = $0.event { true } else { false } })
        #expect(firstViolation != nil)
    }

    @Test("every kind of trace record is written as before (interpolated forms)")
    func recordLines() {
        let a = NodeID(index: 0), b = NodeID(index: 11)
        let op = Operation(name: "cas", key: "x", input: ["1", "2"])
        let cases: [(TraceEvent<RaftMessage>, String)] = [
            (.timer(a, "election"), "t=21.034ms n1 timer election"),
            (.note(b, "becomes leader"), "t=21.034ms n12 becomes leader"),
            (.command(a, "event n1"), "t=21.034ms n1 command event n1"),
            (.fault("partition n1 | n12"), "t=21.034ms partition n1 | n12"),
            (.invoke(client: 3, node: b, op), "t=21.034ms c3 invoke cas x 1 2 via n12"),
            (.complete(client: 3, op, .ok, nil), "t=21.034ms c3 ok cas x 1 2"),
            (.complete(client: 4, Operation(name: "get", key: "x"), .ok, "5"), "t=21.034ms c4 ok get x -> 5"),
            (.violation(Violation(property: "P", message: "m")), "t=21.034ms VIOLATION P: m"),
        ]
        for (event, line) in cases {
            let record = TraceRecord(time: 21_034, event: event)
            #expect(record.line == line)
            #expect(record.entry.line == line)
            if let notable = NotableEvent(event) { #expect(NotableRecord(time: 21_034, event: notable).line == line) }
        }
    }
}
