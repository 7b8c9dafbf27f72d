import LightconeSimulation

/// Linearizability of key-value histories: Wing & Gong's search with Lowe's memoisation,
/// as in Knossos and Porcupine, one key at a time (Herlihy & Wing's locality: a history is
/// linearizable iff each key's sub-history is).
///
/// The model is a register per key, initially empty (nil): `get` reads it, `put KEY VALUE`
/// writes, `cas KEY OLD NEW` writes NEW if it holds OLD, `append KEY VALUE` adds text at the
/// end (Jepsen's kv histories). Outcomes: `ok` took effect between invoke and completion;
/// `fail` did not take effect; `unknown` and `pending` may have taken effect at any time
/// after invoke, or never. Operations of other protocols are ignored.
///
/// ```
/// switch LinearizabilityChecker.check(history) {
/// case .linearizable: ...
/// case .notLinearizable(let key, let explanation): ...
/// case .unknown(let reason): ...
/// }
/// ```
public enum LinearizabilityChecker {
    /// The default step budget per key: far more than any recorded history here needs
    /// (the hardest etcd log takes about 10^5 steps), small enough to end in seconds.
    public static let defaultBudget = 5_000_000

    /// Checks `history`, spending at most `budget` search steps on each key (deterministic:
    /// the same history always gets the same verdict). Keys are checked in sorted order and
    /// the first one that is not linearizable is reported, shrunk to a small sub-history.
    public static func check(_ history: [HistoryEntry], budget: Int = defaultBudget,
                             times: HistoryTimeNotation = .simulated) -> LinearizabilityVerdict {
        var exhausted: [String] = []
        for (key, entries) in subHistories(of: history) {
            var values = RegisterValues()
            let operations = RegisterModel.operations(of: entries, values: &values)
            let (result, _) = LinearizabilitySearch.run(operations, values: &values, budget: budget)
            switch result {
            case .linearizable:
                continue
            case .exhausted:
                exhausted.append(key)
            case .notLinearizable:
                let kept = HistoryShrinker.shrink(operations, values: &values, budget: budget)
                let shown = kept.map { entries[operations[$0].source] }
                return .notLinearizable(key: key, explanation: HistoryExplanation.lines(for: shown, times: times))
            }
        }
        if let first = exhausted.first {
            let more = exhausted.count > 1 ? " (and \(exhausted.count - 1) more keys)" : ""
            return .unknown(reason: "search budget of \(budget) steps exhausted on key \(first)\(more)")
        }
        return .linearizable
    }

    /// The register operations of `history` grouped by key, keys in sorted order
    /// (operations without a key share the key "").
    static func subHistories(of history: [HistoryEntry]) -> [(key: String, entries: [HistoryEntry])] {
        var byKey: [String: [HistoryEntry]] = [:]
        for entry in history where RegisterModel.handles(entry.operation.name) {
            byKey[entry.operation.key ?? "", default: []].append(entry)
        }
        return byKey.keys.sorted().map { ($0, byKey[$0] ?? []) }
    }

    /// The `check` command's text for `verdict`: `check: ok (linearizable, 12 ops)`, or the
    /// violation line followed by the operations that show it, indented.
    public static func report(_ verdict: LinearizabilityVerdict, operationCount: Int) -> [String] {
        switch verdict {
        case .linearizable:
            return ["check: ok (linearizable, \(operationCount) ops)"]
        case .notLinearizable(let key, let explanation):
            return ["check: VIOLATION linearizability: not linearizable on key \(key)"]
                + explanation.map { "  " + $0 }
        case .unknown(let reason):
            return ["check: unknown (\(reason))"]
        }
    }

    /// One `check-history` line: `etcd_000.log: not linearizable (key x, 12 ops shown)`,
    /// `etcd_002.log: linearizable (1034 ops)`, `etcd_095.log: unknown (...)`.
    public static func verdictLine(file: String, operationCount: Int, verdict: LinearizabilityVerdict) -> String {
        switch verdict {
        case .linearizable:
            return "\(file): linearizable (\(operationCount) ops)"
        case .notLinearizable(let key, let explanation):
            return "\(file): not linearizable (key \(key), \(explanation.count) ops shown)"
        case .unknown(let reason):
            return "\(file): unknown (\(reason))"
        }
    }
}
