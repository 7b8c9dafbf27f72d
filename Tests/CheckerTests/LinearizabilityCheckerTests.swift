import LightconeCheckers
import LightconeSimulation
import Testing

/// A history entry from a line like `put x 1` with its interval and outcome.
func entry(_ client: Int, _ text: String, _ invoke: SimTime, _ complete: SimTime?,
           _ outcome: OperationOutcome = .ok, output: String? = nil) -> HistoryEntry {
    let words = text.split(separator: " ").map(String.init)
    let operation = Operation(name: words[0], key: words.count > 1 ? words[1] : nil, input: Array(words.dropFirst(2)))
    var result = HistoryEntry(client: client, node: NodeID(index: 0), operation: operation, invokeTime: invoke)
    result.outcome = outcome
    result.completeTime = outcome == .ok || outcome == .fail ? complete : nil
    result.output = output
    return result
}

@Suite("Linearizability checker")
struct LinearizabilityCheckerTests {
    @Test("an empty history and a sequential one are linearizable")
    func sequential() {
        #expect(LinearizabilityChecker.check([]) == .linearizable)
        let history = [
            entry(1, "get x", 0, 10, output: nil),
            entry(1, "put x 1", 20, 30),
            entry(2, "get x", 40, 50, output: "1"),
            entry(2, "cas x 1 2", 60, 70),
            entry(1, "get x", 80, 90, output: "2"),
        ]
        #expect(LinearizabilityChecker.check(history) == .linearizable)
    }

    @Test("the initial value is nil, and reads as nil or the empty string")
    func initialValue() {
        #expect(LinearizabilityChecker.check([entry(1, "get x", 0, 10, output: nil)]) == .linearizable)
        #expect(LinearizabilityChecker.check([entry(1, "get x", 0, 10, output: "")]) == .linearizable)
        #expect(LinearizabilityChecker.check([entry(1, "get x", 0, 10, output: "1")]).isViolation)
    }

    @Test("a stale read is not linearizable, and the explanation shows exactly the three operations")
    func staleRead() {
        let history = [
            entry(1, "put x 1", 0, 10),
            entry(2, "put x 2", 20, 30),
            entry(3, "get x", 40, 50, output: "1"),
        ]
        let verdict = LinearizabilityChecker.check(history)
        #expect(verdict.isViolation)
        guard case .notLinearizable(let key, let explanation, _) = verdict else { return }
        #expect(key == "x")
        #expect(explanation.count == 3)
        #expect(explanation.last?.hasSuffix("get x -> 1") == true)
    }

    @Test("explanation lines: client, interval, operation and result, columns aligned")
    func explanationFormat() {
        let history = [
            entry(1, "put x 1", 1_000, 2_000),
            entry(12, "put x 2", 3_000, 4_000),
            entry(3, "get x", 5_000, 6_000, output: "1"),
        ]
        guard case .notLinearizable(_, let explanation, _) = LinearizabilityChecker.check(history) else {
            Issue.record("expected a violation")
            return
        }
        #expect(explanation == [
            "c1   1ms..2ms  put x 1 -> ok",
            "c12  3ms..4ms  put x 2 -> ok",
            "c3   5ms..6ms  get x -> 1",
        ])
        #expect(LinearizabilityChecker.report(.notLinearizable(key: "x", explanation: explanation), operationCount: 3) == [
            "check: VIOLATION linearizability: not linearizable on key x",
            "  c1   1ms..2ms  put x 1 -> ok",
            "  c12  3ms..4ms  put x 2 -> ok",
            "  c3   5ms..6ms  get x -> 1",
        ])
    }

    @Test("concurrent writes may take effect in either order, but reads must agree on one")
    func concurrentWrites() {
        let writes = [entry(1, "put x 1", 0, 100), entry(2, "put x 2", 10, 90)]
        #expect(LinearizabilityChecker.check(writes + [entry(3, "get x", 110, 120, output: "1")]) == .linearizable)
        #expect(LinearizabilityChecker.check(writes + [entry(3, "get x", 110, 120, output: "2")]) == .linearizable)
        // A read during the writes may see either; two later reads must see the same last one.
        #expect(LinearizabilityChecker.check(writes + [entry(3, "get x", 20, 30, output: "2"),
                                                        entry(3, "get x", 110, 120, output: "1")]) == .linearizable)
        #expect(LinearizabilityChecker.check(writes + [entry(3, "get x", 110, 120, output: "1"),
                                                        entry(4, "get x", 130, 140, output: "2")]).isViolation)
    }

    @Test("operations whose intervals touch count as concurrent")
    func touchingIntervals() {
        let history = [entry(1, "put x 1", 0, 10), entry(2, "get x", 10, 20, output: nil)]
        #expect(LinearizabilityChecker.check(history) == .linearizable)
    }

    @Test("an unknown write may take effect at any time after its invoke, or never")
    func unknownWrite() {
        let write = entry(1, "put x 1", 0, nil, .unknown)
        #expect(LinearizabilityChecker.check([write, entry(2, "get x", 50, 60, output: "1")]) == .linearizable)
        #expect(LinearizabilityChecker.check([write, entry(2, "get x", 50, 60, output: nil)]) == .linearizable)
        #expect(LinearizabilityChecker.check([write, entry(2, "get x", 50, 60, output: nil),
                                              entry(2, "get x", 70, 80, output: "1")]) == .linearizable)
        // Once seen, it stays done.
        #expect(LinearizabilityChecker.check([write, entry(2, "get x", 50, 60, output: "1"),
                                              entry(2, "get x", 70, 80, output: nil)]).isViolation)
        // It cannot take effect before it was invoked.
        #expect(LinearizabilityChecker.check([entry(2, "get x", 0, 10, output: "1"),
                                              entry(1, "put x 1", 20, nil, .unknown)]).isViolation)
    }

    @Test("pending operations are treated like unknown ones")
    func pendingWrite() {
        let write = entry(1, "put x 1", 0, nil, .pending)
        #expect(LinearizabilityChecker.check([write, entry(2, "get x", 50, 60, output: "1")]) == .linearizable)
        #expect(LinearizabilityChecker.check([write, entry(2, "get x", 50, 60, output: nil)]) == .linearizable)
        // A pending or unknown read constrains nothing.
        #expect(LinearizabilityChecker.check([entry(1, "get x", 0, nil, .pending)]) == .linearizable)
    }

    @Test("a failed cas did not happen; an ok cas needs its expected value")
    func compareAndSet() {
        let put = entry(1, "put x 1", 0, 10)
        #expect(LinearizabilityChecker.check([put, entry(2, "cas x 1 2", 20, 30, .fail, output: "mismatch"),
                                              entry(3, "get x", 40, 50, output: "1")]) == .linearizable)
        #expect(LinearizabilityChecker.check([put, entry(2, "cas x 1 2", 20, 30),
                                              entry(3, "get x", 40, 50, output: "2")]) == .linearizable)
        #expect(LinearizabilityChecker.check([put, entry(2, "cas x 1 2", 20, 30),
                                              entry(3, "get x", 40, 50, output: "1")]).isViolation)
        #expect(LinearizabilityChecker.check([put, entry(2, "cas x 3 4", 20, 30)]).isViolation)
        // A failed write must not be counted: the read of 2 has no writer.
        #expect(LinearizabilityChecker.check([put, entry(2, "put x 2", 20, 30, .fail, output: "no leader"),
                                              entry(3, "get x", 40, 50, output: "2")]).isViolation)
    }

    @Test("an unknown cas that does not match has no effect")
    func unknownCompareAndSet() {
        let history = [entry(1, "put x 1", 0, 10), entry(2, "cas x 5 6", 20, nil, .unknown),
                       entry(3, "get x", 40, 50, output: "1")]
        #expect(LinearizabilityChecker.check(history) == .linearizable)
        let taken = [entry(1, "put x 1", 0, 10), entry(2, "cas x 1 6", 20, nil, .unknown),
                     entry(3, "get x", 40, 50, output: "6"), entry(3, "get x", 60, 70, output: "6")]
        #expect(LinearizabilityChecker.check(taken) == .linearizable)
    }

    @Test("keys are independent: each key's history is checked on its own")
    func perKeyIndependence() {
        // As one register this would be a stale read; as two keys it is fine.
        let history = [
            entry(1, "put x 1", 0, 10),
            entry(2, "put y 2", 20, 30),
            entry(3, "get x", 40, 50, output: "1"),
            entry(3, "get y", 60, 70, output: "2"),
        ]
        #expect(LinearizabilityChecker.check(history) == .linearizable)
        let broken = history + [entry(4, "get y", 80, 90, output: nil)]
        guard case .notLinearizable(let key, let explanation, _) = LinearizabilityChecker.check(broken) else {
            Issue.record("expected a violation on y")
            return
        }
        #expect(key == "y")
        #expect(explanation.allSatisfy { !$0.contains(" x") })
    }

    @Test("append adds to the end of the value; get returns the whole text")
    func append() {
        let appends = [entry(1, "append k a", 0, 10), entry(2, "append k b", 20, 30)]
        #expect(LinearizabilityChecker.check(appends + [entry(3, "get k", 40, 50, output: "ab")]) == .linearizable)
        #expect(LinearizabilityChecker.check(appends + [entry(3, "get k", 40, 50, output: "ba")]).isViolation)
        let concurrent = [entry(1, "append k a", 0, 100), entry(2, "append k b", 10, 90)]
        #expect(LinearizabilityChecker.check(concurrent + [entry(3, "get k", 110, 120, output: "ba")]) == .linearizable)
        #expect(LinearizabilityChecker.check([entry(1, "put k a", 0, 10), entry(1, "append k b", 20, 30),
                                              entry(2, "get k", 40, 50, output: "ab")]) == .linearizable)
        // Appended values compared with reads and with the expected value of a cas.
        let three = [entry(1, "append k a", 0, 10), entry(1, "append k bc", 20, 30)]
        #expect(LinearizabilityChecker.check(three + [entry(2, "get k", 40, 50, output: "bc")]).isViolation)
        #expect(LinearizabilityChecker.check(three + [entry(2, "get k", 40, 50, output: "abc")]) == .linearizable)
        #expect(LinearizabilityChecker.check(three + [entry(2, "get k", 40, 50, output: "abcd")]).isViolation)
        #expect(LinearizabilityChecker.check(three + [entry(2, "cas k abc z", 40, 50),
                                                      entry(2, "get k", 60, 70, output: "z")]) == .linearizable)
        #expect(LinearizabilityChecker.check(three + [entry(2, "cas k ab z", 40, 50)]).isViolation)
    }

    @Test("operations of other protocols are ignored")
    func otherOperations() {
        let history = [entry(1, "broadcast hello", 0, 10), entry(2, "get x", 20, 30, output: nil)]
        #expect(LinearizabilityChecker.check(history) == .linearizable)
    }

    @Test("the budget counts search steps: too small a budget gives unknown, the same every time")
    func budget() {
        var history: [HistoryEntry] = []
        for client in 0..<8 { history.append(entry(client, "put x \(client)", 0, 100)) }
        history.append(entry(9, "get x", 200, 210, output: "3"))
        let verdict = LinearizabilityChecker.check(history, budget: 5)
        guard case .unknown(let reason) = verdict else {
            Issue.record("expected unknown, got \(verdict)")
            return
        }
        #expect(reason == "search budget of 5 steps exhausted on key x")
        #expect(LinearizabilityChecker.check(history, budget: 5) == verdict)
        #expect(LinearizabilityChecker.check(history) == .linearizable)
    }

    @Test("the explanation is shrunk to the operations that show the anomaly")
    func shrinking() {
        // Forty harmless operations around one stale read.
        var history: [HistoryEntry] = []
        var time: SimTime = 0
        for round in 0..<10 {
            history.append(entry(1, "put x \(round)", time, time + 5))
            history.append(entry(2, "get x", time + 10, time + 15, output: "\(round)"))
            history.append(entry(3, "put z \(round)", time + 10, time + 15))
            history.append(entry(4, "get z", time + 20, time + 25, output: "\(round)"))
            time += 100
        }
        history.append(entry(5, "get x", time, time + 5, output: "4"))
        guard case .notLinearizable(let key, let explanation, _) = LinearizabilityChecker.check(history) else {
            Issue.record("expected a violation")
            return
        }
        #expect(key == "x")
        #expect(explanation.count == 3)
        #expect(explanation.first?.hasSuffix("put x 4 -> ok") == true)
        #expect(explanation.last?.hasSuffix("get x -> 4") == true)
    }

    @Test("check-history verdict lines")
    func verdictLines() {
        #expect(LinearizabilityChecker.verdictLine(file: "etcd_002.log", operationCount: 1034, verdict: .linearizable)
                == "etcd_002.log: linearizable (1034 ops)")
        #expect(LinearizabilityChecker.verdictLine(file: "etcd_000.log", operationCount: 80,
                                                   verdict: .notLinearizable(key: "x", explanation: ["a", "b"]))
                == "etcd_000.log: not linearizable (key x, 2 ops shown)")
        #expect(LinearizabilityChecker.verdictLine(file: "f", operationCount: 1, verdict: .unknown(reason: "why"))
                == "f: unknown (why)")
        #expect(LinearizabilityChecker.report(.linearizable, operationCount: 4) == ["check: ok (linearizable, 4 ops)"])
    }

    @Test("a key with more operations than the exact memo holds (4,096) is checked with hashed sets")
    func longHistory() {
        var history: [HistoryEntry] = []
        var time: SimTime = 0
        for round in 0..<2_600 {
            // Each write overlaps the read before it, so the search has choices to remember.
            history.append(entry(1, "put x \(round)", time, time + 15))
            history.append(entry(2, "get x", time + 10, time + 20, output: round == 0 ? nil : "\(round - 1)"))
            time += 20
        }
        #expect(LinearizabilityChecker.check(history) == .linearizable)
        history.append(entry(3, "get x", time + 100, time + 110, output: "7"))
        guard case .notLinearizable(_, let explanation, _) = LinearizabilityChecker.check(history) else {
            Issue.record("expected a violation")
            return
        }
        #expect(explanation.last?.hasSuffix("get x -> 7") == true)
        #expect(explanation.count < 10)
    }
}
