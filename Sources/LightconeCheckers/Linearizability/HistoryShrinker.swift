/// Shrinks a non-linearizable sub-history to a small one that still shows the problem.
///
/// Delta debugging by removal: try dropping chunks of operations (halves, quarters, ...,
/// single ones) and keep each removal after which the rest is still not linearizable. A
/// write is only dropped while no remaining read observes its value, so that the shrunk
/// history shows the same anomaly (a stale read stays stale) rather than a read of a value
/// that nobody wrote. Effort is bounded by a step budget; a trial that runs out of steps
/// counts as "does not show it".
enum HistoryShrinker {
    /// The indices of `operations` (a non-linearizable sub-history) that are kept, ascending.
    static func shrink(_ operations: [RegisterOperation], values: inout RegisterValues,
                       budget: Int) -> [Int] {
        var kept = Array(operations.indices)
        let sources = Sources(operations, values: values)
        var remainingSteps = budget
        let trialBudget = max(1_000, budget / 50)

        func stillFails(without removed: [Int]) -> Bool {
            guard remainingSteps > 0, sources.allowsRemoving(removed, keeping: kept) else { return false }
            let removedSet = Set(removed)
            let trial = kept.filter { !removedSet.contains($0) }.map { operations[$0] }
            let (result, steps) = LinearizabilitySearch.run(trial, values: &values,
                                                            budget: min(trialBudget, remainingSteps))
            remainingSteps -= steps + 1
            return result == .notLinearizable
        }

        var chunk = max(1, kept.count / 2)
        while remainingSteps > 0 && kept.count > 1 {
            var changed = false
            // Chunks from the back: removing one leaves the positions of earlier ones alone.
            for start in stride(from: 0, to: kept.count, by: chunk).reversed() where kept.count > 1 {
                let end = min(start + chunk, kept.count)
                let removed = Array(kept[start..<end])
                if removed.count < kept.count && stillFails(without: removed) {
                    kept.removeSubrange(start..<end)
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

    /// Which writes produce the values that reads (and the expected values of cas) observe.
    struct Sources {
        /// For each operation that observes a non-empty value, the operations able to have
        /// written it; empty when none could (then nothing constrains its removal).
        private var writers: [Int: [Int]] = [:]

        init(_ operations: [RegisterOperation], values: RegisterValues) {
            for (reader, operation) in operations.enumerated() {
                let observed: Int
                switch operation.action {
                case .read(let value): observed = value
                case .compareAndSet(let expected, _): observed = expected
                case .write, .append: continue
                }
                guard observed != 0 else { continue }
                let text = values.strings[observed]
                var found: [Int] = []
                for (writer, candidate) in operations.enumerated() where writer != reader {
                    if Self.canProduce(candidate.action, text, values) { found.append(writer) }
                }
                if !found.isEmpty { writers[reader] = found }
            }
        }

        /// Whether `action` can have written (part of) `text`.
        private static func canProduce(_ action: RegisterAction, _ text: String, _ values: RegisterValues) -> Bool {
            switch action {
            case .read: return false
            case .write(let value), .compareAndSet(_, let value):
                return value != 0 && text.hasPrefix(values.strings[value])
            case .append(let value):
                return value != 0 && text.contains(values.strings[value])
            }
        }

        /// Whether every remaining observer of a value keeps a possible writer of it.
        func allowsRemoving(_ removed: [Int], keeping kept: [Int]) -> Bool {
            let removedSet = Set(removed)
            for reader in kept where !removedSet.contains(reader) {
                guard let candidates = writers[reader] else { continue }
                if !candidates.contains(where: { !removedSet.contains($0) && kept.contains($0) }) { return false }
            }
            return true
        }
    }
}
