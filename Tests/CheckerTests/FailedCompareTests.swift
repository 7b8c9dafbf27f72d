import LightconeCheckers
import LightconeLab
import LightconeSimulation
import Testing

/// A `cas` whose compare ran and failed is an observation (the value was not the expected
/// one), unlike a `fail` that means the operation never ran.
@Suite("Failed compare-and-set")
struct FailedCompareTests {
    static func failedCompare(_ client: Int, _ text: String, _ invoke: SimTime, _ complete: SimTime) -> HistoryEntry {
        var result = entry(client, text, invoke, complete, .fail, output: "compare failed")
        result.isObservation = true
        return result
    }

    @Test("put x 0, then a cas x 0 1 whose compare failed, is not linearizable; a refused cas is")
    func minimalCase() {
        let observed = [entry(1, "put x 0", 0, 10), Self.failedCompare(1, "cas x 0 1", 20, 30)]
        #expect(LinearizabilityChecker.check(observed).isViolation)
        let refused = [entry(1, "put x 0", 0, 10), entry(1, "cas x 0 1", 20, 30, .fail, output: "no leader known")]
        #expect(LinearizabilityChecker.check(refused).isLinearizable)
        // Concurrent with a put of another value, the failed compare may read that value.
        let concurrent = [entry(1, "put x 0", 0, 10), entry(2, "put x 5", 15, 40), Self.failedCompare(1, "cas x 0 1", 20, 30)]
        #expect(LinearizabilityChecker.check(concurrent).isLinearizable)
    }

    @Test("Jepsen's :fail :cas is read as a failed compare")
    func importedFailIsAnObservation() {
        let text = [
            "INFO  jepsen.util - 0\t:invoke\t:write\t0",
            "INFO  jepsen.util - 0\t:ok\t:write\t0",
            "INFO  jepsen.util - 0\t:invoke\t:cas\t[0 1]",
            "INFO  jepsen.util - 0\t:fail\t:cas\t[0 1]",
        ].joined(separator: "\n") + "\n"
        let (line, verdict) = LinearizabilityChecker.checkHistoryFile(named: "h.log", contents: text)
        #expect(verdict?.isViolation == true, "\(line)")
    }

    @Test("the lab records a Raft cas whose compare failed as an observation, and a refused one not")
    func labRecordsTheDifference() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        _ = lab.execute("run until leader within 5s")
        _ = lab.execute("put x 1")
        _ = lab.execute("run 1s")
        _ = lab.execute("cas x 2 3")
        _ = lab.execute("run 1s")
        let cas = lab.cluster.history.last
        #expect(cas?.outcome == .fail)
        #expect(cas?.output == "expected 2, found 1")
        #expect(cas?.isObservation == true)
        #expect(lab.execute("check").lines.first?.hasPrefix("check: ok") == true)
    }

    // MARK: - Against a brute-force checker

    /// One operation of a small single-key history, for the brute-force checker.
    struct SmallOperation {
        enum Action { case read(String?), write(String), cas(String, String), compareFailed(String) }
        var action: Action
        var invoke: SimTime
        /// nil: unknown outcome (it may take effect at any time after its invoke, or never).
        var complete: SimTime?
    }

    /// Tries every order that respects real time (and every choice of the unknown operations
    /// that took effect): Herlihy and Wing's definition, by exhaustion.
    static func bruteForce(_ operations: [SmallOperation]) -> Bool {
        func search(_ remaining: [SmallOperation], _ state: String?) -> Bool {
            if remaining.allSatisfy({ $0.complete == nil }) { return true }
            let deadline = remaining.compactMap(\.complete).min() ?? .max
            for (index, operation) in remaining.enumerated() where operation.invoke <= deadline {
                var rest = remaining
                rest.remove(at: index)
                let next: String??
                switch operation.action {
                case .read(let observed): next = (observed ?? "") == (state ?? "") ? .some(state) : nil
                case .write(let value): next = .some(value)
                case .cas(let old, let new):
                    if (state ?? "") == old { next = .some(new) } else { next = operation.complete == nil ? .some(state) : nil }
                case .compareFailed(let old): next = (state ?? "") == old ? nil : .some(state)
                }
                if let next, search(rest, next) { return true }
                // An unknown operation may also never take effect.
                if operation.complete == nil, search(rest, state) { return true }
            }
            return false
        }
        return search(operations, nil)
    }

    @Test("agrees with a brute-force checker on small random histories with failed compares",
          arguments: 1...300)
    func agreesWithBruteForce(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let values = ["1", "2", "3"]
        var entries: [HistoryEntry] = []
        var small: [SmallOperation] = []
        var clock: [SimTime] = [0, 0, 0]
        for _ in 0..<(2 + rng.index(below: 7)) {
            let client = rng.index(below: 3)
            let invoke = clock[client] + SimTime(rng.index(below: 20))
            let complete = invoke + 1 + SimTime(rng.index(below: 30))
            clock[client] = complete + 1
            let value = values[rng.index(below: 3)], other = values[rng.index(below: 3)]
            let isUnknown = rng.index(below: 10) == 0
            switch rng.index(below: 4) {
            case 0:
                let observed: String? = rng.index(below: 4) == 0 ? nil : value
                entries.append(entry(client, "get x", invoke, complete, isUnknown ? .unknown : .ok, output: observed))
                if !isUnknown { small.append(SmallOperation(action: .read(observed), invoke: invoke, complete: complete)) }
            case 1:
                entries.append(entry(client, "put x \(value)", invoke, complete, isUnknown ? .unknown : .ok))
                small.append(SmallOperation(action: .write(value), invoke: invoke, complete: isUnknown ? nil : complete))
            case 2:
                entries.append(entry(client, "cas x \(value) \(other)", invoke, complete, isUnknown ? .unknown : .ok))
                small.append(SmallOperation(action: .cas(value, other), invoke: invoke, complete: isUnknown ? nil : complete))
            default:
                if rng.index(below: 3) == 0 {
                    entries.append(entry(client, "cas x \(value) \(other)", invoke, complete, .fail, output: "no leader known"))
                } else {
                    entries.append(Self.failedCompare(client, "cas x \(value) \(other)", invoke, complete))
                    small.append(SmallOperation(action: .compareFailed(value), invoke: invoke, complete: complete))
                }
            }
        }
        let verdict = LinearizabilityChecker.check(entries)
        #expect(verdict.isLinearizable == Self.bruteForce(small), "seed \(seed): \(entries.map { "\($0.client) \($0.operation) \($0.invokeTime)..\($0.completeTime.map(String.init) ?? "?") \($0.outcome) \($0.output ?? "-")" })")
    }
}
