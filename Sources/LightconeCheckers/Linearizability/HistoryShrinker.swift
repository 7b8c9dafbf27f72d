/// Shrinks a non-linearizable sub-history to a small one that still shows the problem.
///
/// Two stages, each keeping only candidates that are still not linearizable:
/// 1. the shortest prefix (operations in invoke order) that fails, found by bisection —
///    what happens after the anomaly rarely matters;
/// 2. delta debugging by removal: drop chunks (halves, quarters, ..., single operations).
///
/// A write is only dropped while a remaining read that observes its value keeps another
/// possible writer, and an append while no remaining read contains its text, so that the
/// shrunk history shows the same anomaly (a stale read stays stale) rather than a read of
/// a value nobody wrote. Effort is bounded by a step budget; a trial that runs out of steps
/// counts as "does not show it".
enum HistoryShrinker {
    /// The indices of `operations` (a non-linearizable sub-history) that are kept, ascending.
    /// Spends at most `budget` steps in all, `trialBudget` on each candidate.
    static func shrink(_ operations: [RegisterOperation], values: inout RegisterValues,
                       budget: Int, trialBudget: Int) -> [Int] {
        let sources = Sources(operations, values: values)
        var remainingSteps = budget

        func fails(_ candidate: [Int], removing removed: [Int], from kept: [Int]) -> Bool {
            guard remainingSteps > 0 else { return false }
            remainingSteps -= kept.count  // the witness check's work counts too
            guard sources.allowsRemoving(removed, keeping: kept) else { return false }
            let (result, steps) = LinearizabilitySearch.run(candidate.map { operations[$0] }, values: &values,
                                                            budget: min(trialBudget, remainingSteps))
            remainingSteps -= steps + 1
            return result == .notLinearizable
        }

        // 1. The shortest failing prefix in invoke order.
        let byInvoke = operations.indices.sorted {
            (operations[$0].invokeTime, $0) < (operations[$1].invokeTime, $1)
        }
        var low = 1
        var high = byInvoke.count
        while low < high {
            let middle = (low + high) / 2
            let prefix = Array(byInvoke[..<middle]).sorted()
            if fails(prefix, removing: Array(byInvoke[middle...]), from: byInvoke.sorted()) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        var kept = Array(byInvoke[..<high]).sorted()

        // 2. Removal of chunks, from the back (removing one leaves earlier positions alone).
        var chunk = max(1, kept.count / 2)
        while remainingSteps > 0 && kept.count > 1 {
            var changed = false
            for start in stride(from: 0, to: kept.count, by: chunk).reversed() where kept.count > 1 {
                let end = min(start + chunk, kept.count)
                guard end - start < kept.count else { continue }
                var candidate = kept
                candidate.removeSubrange(start..<end)
                if fails(candidate, removing: Array(kept[start..<end]), from: kept) {
                    kept = candidate
                    changed = true
                }
            }
            if chunk > 1 {
                chunk = max(1, chunk / 2)
            } else if !changed {
                break
            }
        }
        return kept
    }

    /// Which writes can have produced the values that reads (and the expected values of
    /// cas) observe: only writes invoked before the observer returned.
    struct Sources {
        /// Observers whose value a put or cas wrote: at least one of these writers must stay.
        private var anyOf: [Int: [Int]] = [:]
        /// Observers whose value contains appended text: all of these appends must stay.
        private var allOf: [Int: [Int]] = [:]

        init(_ operations: [RegisterOperation], values: RegisterValues) {
            let hasAppends = operations.contains { if case .append = $0.action { return true } else { return false } }
            // Without appends a value comes whole from one put or cas: index writers by value.
            var writersOfValue: [Int: [Int]] = [:]
            if !hasAppends {
                for (writer, operation) in operations.enumerated() {
                    switch operation.action {
                    case .write(let value), .compareAndSet(_, let value): writersOfValue[value, default: []].append(writer)
                    case .read, .append, .compareFailed: break
                    }
                }
            }
            for (reader, operation) in operations.enumerated() {
                let observed: Int
                switch operation.action {
                case .read(let value): observed = value
                case .compareAndSet(let expected, _): observed = expected
                // A failed compare observes only that the value was not the expected one.
                case .write, .append, .compareFailed: continue
                }
                guard observed != 0 else { continue }
                if !hasAppends {
                    let writers = (writersOfValue[observed] ?? []).filter {
                        $0 != reader && operations[$0].invokeTime < operation.returnTime
                    }
                    if !writers.isEmpty { anyOf[reader] = writers }
                    continue
                }
                // With appends a value is a put's text followed by appended texts.
                let text = values.strings[observed]
                var writers: [Int] = []
                var appends: [Int] = []
                for (writer, candidate) in operations.enumerated()
                where writer != reader && candidate.invokeTime < operation.returnTime {
                    switch candidate.action {
                    case .read, .compareFailed:
                        break
                    case .write(let value), .compareAndSet(_, let value):
                        if value != 0 && text.hasPrefix(values.strings[value]) { writers.append(writer) }
                    case .append(let value):
                        if value != 0 && text.contains(values.strings[value]) { appends.append(writer) }
                    }
                }
                if !writers.isEmpty { anyOf[reader] = writers }
                if !appends.isEmpty { allOf[reader] = appends }
            }
        }

        /// Whether every remaining observer keeps the writers of what it observed.
        func allowsRemoving(_ removed: [Int], keeping kept: [Int]) -> Bool {
            let removedSet = Set(removed)
            let remaining = Set(kept).subtracting(removedSet)
            for reader in remaining {
                if let writers = anyOf[reader], !writers.contains(where: remaining.contains) { return false }
                if let appends = allOf[reader], !appends.allSatisfy(remaining.contains) { return false }
            }
            return true
        }
    }
}
