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
/// case .notLinearizable(let key, let explanation, let timeline): ...
/// case .unknown(let reason): ...
/// }
/// ```
public enum LinearizabilityChecker {
    /// The default step budget per key: several times what the hardest recorded history of
    /// `testdata/histories` needs to be decided (about 800,000 steps, `etcd_002.log`), and
    /// a few seconds of search at most.
    public static let defaultBudget = 5_000_000

    /// Checks `history`; a key whose search needs more than `budget` steps makes the verdict
    /// `unknown` (deterministic: the same history always gets the same verdict, whatever the
    /// machine, since the budget counts steps and never time).
    ///
    /// Keys are searched by iterative deepening: every undecided key gets 10,000 steps, then
    /// ten times more, up to `budget` (so a key costs at most about 1.1 × `budget` steps), so
    /// that a violation on an easy key is found before a hard key eats the budget. The first key found not linearizable (in that order, then
    /// sorted by key) is reported with its sub-history shrunk.
    public static func check(_ history: [HistoryEntry], budget: Int = defaultBudget,
                             times: HistoryTimeNotation = .simulated) -> LinearizabilityVerdict {
        struct KeyHistory {
            let key: String
            let entries: [HistoryEntry]
            let operations: [RegisterOperation]
            var values: RegisterValues
        }
        var undecided: [KeyHistory] = subHistories(of: history).map { key, entries in
            var values = RegisterValues()
            let operations = RegisterModel.operations(of: entries, values: &values)
            return KeyHistory(key: key, entries: entries, operations: operations, values: values)
        }
        var roundBudget = min(budget, 10_000)
        while !undecided.isEmpty {
            var stillUndecided: [KeyHistory] = []
            for var sub in undecided {
                let (result, steps) = LinearizabilitySearch.run(sub.operations, values: &sub.values, budget: roundBudget)
                switch result {
                case .linearizable:
                    continue
                case .exhausted:
                    stillUndecided.append(sub)
                case .notLinearizable:
                    let kept = HistoryShrinker.shrink(sub.operations, values: &sub.values,
                                                      budget: min(budget, shrinkBudget),
                                                      trialBudget: max(10_000, 4 * steps))
                    let shown = kept.map { sub.entries[sub.operations[$0].source] }
                    return .notLinearizable(key: sub.key, explanation: HistoryExplanation.lines(for: shown, times: times),
                                            timeline: HistoryTimeline(entries: shown, notation: times))
                }
            }
            undecided = stillUndecided
            if undecided.isEmpty { break }
            if roundBudget >= budget {
                let more = undecided.count > 1 ? " (and \(undecided.count - 1) more keys)" : ""
                return .unknown(reason: "search budget of \(budget) steps exhausted on key \(undecided[0].key)\(more)")
            }
            roundBudget = roundBudget > budget / 10 ? budget : roundBudget * 10
        }
        return .linearizable
    }

    /// The steps spent at most on shrinking a counterexample.
    static let shrinkBudget = 2_000_000

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
    /// violation line followed by the operations that show it, indented, then their timeline.
    public static func report(_ verdict: LinearizabilityVerdict, operationCount: Int) -> [String] {
        switch verdict {
        case .linearizable:
            return ["check: ok (linearizable, \(operationCount) ops)"]
        case .notLinearizable(let key, let explanation, let timeline):
            return ["check: VIOLATION linearizability: not linearizable on key \(key)"]
                + (explanation + timelineLines(timeline)).map { "  " + $0 }
        case .unknown(let reason):
            return ["check: unknown (\(reason))"]
        }
    }

    /// `timeline:` and the lanes under it, indented; nothing for an empty timeline.
    public static func timelineLines(_ timeline: HistoryTimeline) -> [String] {
        let lines = timeline.lines
        return lines.isEmpty ? [] : ["timeline:"] + lines.map { "  " + $0 }
    }

    /// One `check-history` line: `etcd_000.log: not linearizable (key x, 12 ops shown)`,
    /// `etcd_002.log: linearizable (1034 ops)`, `etcd_095.log: unknown (...)`.
    public static func verdictLine(file: String, operationCount: Int, verdict: LinearizabilityVerdict) -> String {
        switch verdict {
        case .linearizable:
            return "\(file): linearizable (\(operationCount) ops)"
        case .notLinearizable(let key, let explanation, _):
            return "\(file): not linearizable (key \(key), \(explanation.count) ops shown)"
        case .unknown(let reason):
            return "\(file): unknown (\(reason))"
        }
    }
}
