import LightconeSimulation
import Testing

/// A history entry `put x 1` from `invoke` to `complete` with an outcome.
private func entry(_ client: Int, _ text: String, _ invoke: SimTime, _ complete: SimTime?,
                   _ outcome: OperationOutcome = .ok, output: String? = nil, node: Int = 0) -> HistoryEntry {
    let words = text.split(separator: " ").map(String.init)
    var result = HistoryEntry(client: client, node: NodeID(index: node),
                              operation: Operation(name: words[0], key: words.count > 1 ? words[1] : nil, input: Array(words.dropFirst(2))),
                              invokeTime: invoke)
    result.outcome = outcome
    result.completeTime = complete
    result.output = output
    return result
}

/// The rule behind `⚠ stale`: a read older than a write already acknowledged.
@Suite struct StaleReadTests {
    @Test("rule: a read that returns a value every write of which finished before an acknowledged newer write is stale")
    func staleAfterAcknowledged() throws {
        let history = [entry(1, "put x 1", 0, 10), entry(2, "put x 2", 20, 30), entry(3, "get x", 40, 50, output: "1", node: 2)]
        let stale = try #require(StaleRead.staleness(of: history[2], in: history))
        #expect(stale.mark == "⚠ stale x=1")
        #expect(StaleRead.marks(in: history, now: 60) == [NodeID(index: 2): NodeMark(.marked, "⚠ stale x=1")])
        // Long after, the mark is gone.
        #expect(StaleRead.marks(in: history, now: 50 + StaleRead.markDuration + 1).isEmpty)
    }

    @Test("rule: a read concurrent with the newer write, or of a value written again later, is not stale")
    func notStale() {
        // The read overlaps the write of 2: it may linearize before it.
        let overlapping = [entry(1, "put x 1", 0, 10), entry(2, "put x 2", 20, 60), entry(3, "get x", 40, 50, output: "1")]
        #expect(StaleRead.staleness(of: overlapping[2], in: overlapping) == nil)
        // 1 is written again after 2: reading 1 is the newest value.
        let rewritten = [entry(1, "put x 1", 0, 10), entry(2, "put x 2", 20, 30), entry(1, "put x 1", 32, 35),
                         entry(3, "get x", 40, 50, output: "1")]
        #expect(StaleRead.staleness(of: rewritten[3], in: rewritten) == nil)
        // An unknown write of 1 might take effect after 2.
        let unknown = [entry(1, "put x 1", 0, nil, .unknown), entry(2, "put x 2", 20, 30), entry(3, "get x", 40, 50, output: "1")]
        #expect(StaleRead.staleness(of: unknown[2], in: unknown) == nil)
        // A refused write acknowledges nothing; siblings are no single older value.
        let refused = [entry(1, "put x 1", 0, 10), entry(2, "put x 2", 20, 30, .fail), entry(3, "get x", 40, 50, output: "1")]
        #expect(StaleRead.staleness(of: refused[2], in: refused) == nil)
        let siblings = [entry(1, "put x 1", 0, 10), entry(2, "put x 2", 20, 30), entry(3, "get x", 40, 50, output: "1|2")]
        #expect(StaleRead.staleness(of: siblings[2], in: siblings) == nil)
    }

    @Test("rule: reading nothing after an acknowledged write is stale; only a node's latest read is marked")
    func nilAndLatest() {
        let history = [entry(1, "put x 1", 0, 10), entry(2, "get x", 20, 30, output: nil, node: 1),
                       entry(3, "get x", 40, 50, output: "1", node: 1)]
        #expect(StaleRead.staleness(of: history[1], in: history)?.mark == "⚠ stale x=nil")
        #expect(StaleRead.marks(in: history, now: 35) == [NodeID(index: 1): NodeMark(.marked, "⚠ stale x=nil")])
        #expect(StaleRead.marks(in: history, now: 60).isEmpty, "n2's latest read, 1, is fresh")
    }
}
