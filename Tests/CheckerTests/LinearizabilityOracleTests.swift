import LightconeCheckers
import LightconeSimulation
import Testing

/// The search's reductions for unknown operations (just-in-time placement, deferring a
/// no-op, symmetry of identical unknown operations, the unknown ones at the end) keep every
/// verdict: checked against brute force — every order of every subset of the unknown
/// operations — on thousands of small random histories with many unknown outcomes.
@Suite("Linearizability search against brute force")
struct LinearizabilityOracleTests {
    /// A register's brute-force verdict: some subset of the unknown operations, in some
    /// order that respects real time (a before b when a completed before b was invoked),
    /// is a legal sequential run.
    static func bruteForce(_ history: [HistoryEntry]) -> Bool {
        let known = history.filter { $0.outcome == .ok || ($0.outcome == .fail && $0.isObservation) }
        let unknown = history.filter { $0.outcome == .unknown && $0.operation.name != "get" }
        for mask in 0..<(1 << unknown.count) {
            let chosen = known + unknown.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element)
            if someOrder(chosen, placed: [], value: nil) { return true }
        }
        return false
    }

    static func someOrder(_ left: [HistoryEntry], placed: [HistoryEntry], value: String?) -> Bool {
        if left.isEmpty { return true }
        for (index, candidate) in left.enumerated() {
            // Nothing left may have completed before the candidate was invoked.
            let blocked = left.contains { other in
                if let done = other.completeTime { return done < candidate.invokeTime }
                return false
            }
            if blocked { continue }
            guard let next = apply(candidate, to: value) else { continue }
            var rest = left
            rest.remove(at: index)
            if someOrder(rest, placed: placed + [candidate], value: next) { return true }
        }
        return false
    }

    /// The register after `entry` (nil: it cannot happen there). `value` nil is empty.
    static func apply(_ entry: HistoryEntry, to value: String?) -> String?? {
        let input = entry.operation.input
        switch entry.operation.name {
        case "get":
            return entry.output == value ? .some(value) : nil
        case "put":
            return .some(input[0])
        default:  // cas
            if entry.outcome == .fail { return value == input[0] ? nil : .some(value) }
            if value == input[0] { return .some(input[1]) }
            return entry.outcome == .unknown ? .some(value) : nil
        }
    }

    /// A random history of up to six operations on one key: puts, gets and cases of values
    /// 1 and 2, a third of them of unknown outcome, some failed compares.
    static func randomHistory(seed: UInt64) -> [HistoryEntry] {
        var rng = SeededGenerator(seed: seed)
        var history: [HistoryEntry] = []
        for client in 0..<(2 + rng.index(below: 5)) {
            let value = { (rng: inout SeededGenerator) in String(1 + rng.index(below: 2)) }
            let operation: Operation
            switch rng.index(below: 3) {
            case 0: operation = Operation(name: "put", key: "x", input: [value(&rng)])
            case 1: operation = Operation(name: "get", key: "x")
            default: operation = Operation(name: "cas", key: "x", input: [value(&rng), value(&rng)])
            }
            let invoke = SimTime(rng.index(below: 20))
            var entry = HistoryEntry(client: client, node: NodeID(index: 0), operation: operation, invokeTime: invoke)
            switch rng.index(below: 6) {
            case 0, 1:
                entry.outcome = .unknown
            case 2 where operation.name == "cas":
                entry.outcome = .fail
                entry.isObservation = true
                entry.completeTime = invoke + SimTime(rng.index(below: 10))
            default:
                entry.outcome = .ok
                entry.completeTime = invoke + SimTime(rng.index(below: 10))
                if operation.name == "get" {
                    let read = rng.index(below: 3)
                    entry.output = read == 0 ? nil : String(read)
                }
            }
            history.append(entry)
        }
        return history
    }

    @Test("the search's verdict equals brute force on 3,000 random histories with unknown outcomes")
    func agreesWithBruteForce() {
        var linearizable = 0
        for seed in UInt64(1)...3_000 {
            let history = Self.randomHistory(seed: seed)
            let expected = Self.bruteForce(history)
            let verdict = LinearizabilityChecker.check(history)
            #expect(verdict.isLinearizable == expected, "seed \(seed): \(history.map { "\($0.operation) \($0.outcome) \($0.invokeTime)..\(String(describing: $0.completeTime)) -> \(String(describing: $0.output))" })")
            if expected { linearizable += 1 }
        }
        // Both verdicts are common, so the comparison means something.
        #expect(linearizable > 600 && linearizable < 2_400)
    }

    @Test("many interchangeable unknown writes (symmetry) are decided at once, not in 2^n orders")
    func symmetricUnknownWrites() {
        var history: [HistoryEntry] = []
        for client in 0..<60 {
            var write = HistoryEntry(client: client, node: NodeID(index: 0), operation: Operation(name: "put", key: "x", input: [String(client % 3)]), invokeTime: SimTime(client))
            write.outcome = .unknown
            history.append(write)
        }
        for client in 60..<90 {
            var read = HistoryEntry(client: client, node: NodeID(index: 0), operation: Operation(name: "get", key: "x"), invokeTime: SimTime(100 + 2 * client))
            read.outcome = .ok
            read.completeTime = SimTime(101 + 2 * client)
            read.output = String(client % 3)
            history.append(read)
        }
        let verdict = LinearizabilityChecker.check(history, budget: 200_000)
        #expect(verdict.isLinearizable, "\(verdict)")
        let big = LinearizabilityChecker.check(history, budget: 50_000_000)
        #expect(big.isLinearizable, "\(big)")
    }

    /// One timed-out `put x 1`, and two reads of 1 with a completed `put x 2` between them:
    /// the relaxed search (an unknown action may repeat) finds an order that uses the one
    /// `put x 1` twice; checking that each use has an operation of its own sends the history
    /// on to the exact search, which finds that no order exists.
    @Test("an order that uses one timed-out write twice is not taken as a linearization")
    func relaxedOrderNeedsDistinctOperations() {
        func entry(_ client: Int, _ operation: Operation, _ invoke: SimTime, _ complete: SimTime?, output: String? = nil) -> HistoryEntry {
            var result = HistoryEntry(client: client, node: NodeID(index: 0), operation: operation, invokeTime: invoke)
            result.outcome = complete == nil ? .unknown : .ok
            result.completeTime = complete
            result.output = output
            return result
        }
        let once: [HistoryEntry] = [
            entry(0, Operation(name: "put", key: "x", input: ["1"]), 0, nil),
            entry(1, Operation(name: "get", key: "x"), 1, 2, output: "1"),
            entry(2, Operation(name: "put", key: "x", input: ["2"]), 3, 4),
            entry(3, Operation(name: "get", key: "x"), 5, 6, output: "1"),
        ]
        #expect(!Self.bruteForce(once))
        #expect(LinearizabilityChecker.check(once).isViolation)
        // With a second timed-out `put x 1` the same order is a linearization.
        let twice = once + [entry(4, Operation(name: "put", key: "x", input: ["1"]), 0, nil)]
        #expect(Self.bruteForce(twice))
        #expect(LinearizabilityChecker.check(twice).isLinearizable)
        // ...but not when the second one is invoked only after the last read returned.
        let late = once + [entry(4, Operation(name: "put", key: "x", input: ["1"]), 7, nil)]
        #expect(!Self.bruteForce(late))
        #expect(LinearizabilityChecker.check(late).isViolation)
    }
}
