import LightconeSimulation

/// The words `check` adds about a store's client history: its linearizability, and who was
/// refused (`1 refused: c1 put x 1 at n1 (unavailable: no quorum)`).
public enum StoreHistoryReport {
    /// `linearizable, 2 operations` with the refusals after it; or the violation with the
    /// smallest sub-history that cannot be linearized.
    public static func linearizability(_ history: [HistoryEntry]) -> (summary: String, violation: CheckReport?) {
        let count = history.count
        let refusals = refused(history)
        switch LinearizabilityChecker.check(history) {
        case .linearizable:
            return ("linearizable, \(count) operation\(count == 1 ? "" : "s")" + refusals, nil)
        case .unknown(let reason):
            return ("linearizability unknown: \(reason)" + refusals, nil)
        case .notLinearizable(let key, let explanation, let timeline):
            let report = CheckReport.violation(Violation(property: "linearizability", message: "not linearizable on key \(key)"),
                                               details: explanation + siblingReads(history, key: key)
                                                   + LinearizabilityChecker.timelineLines(timeline))
            return ("", report)
        }
    }

    /// `; n1 refused 1 (unavailable: no quorum)`, by node, or nothing.
    static func refused(_ history: [HistoryEntry]) -> String {
        var byNode: [NodeID: [String]] = [:]
        for entry in history where entry.outcome == .fail && !entry.isObservation {
            byNode[entry.node, default: []].append(entry.output ?? "refused")
        }
        guard !byNode.isEmpty else { return "" }
        let parts = byNode.keys.sorted().map { node -> String in
            let reasons = byNode[node] ?? []
            let distinct = reasons.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return "\(node) refused \(reasons.count) (\(distinct.prefix(2).joined(separator: "; ")))"
        }
        return "; " + parts.joined(separator: ", ")
    }

    /// A line for each read of `key` that returned siblings (`a|b`): a value nobody wrote alone.
    static func siblingReads(_ history: [HistoryEntry], key: String) -> [String] {
        history.filter { $0.operation.key == key && $0.operation.name == "get" && $0.outcome == .ok && ($0.output ?? "").contains("|") }
            .prefix(3)
            .map { "c\($0.client) read siblings \($0.output ?? ""): a value nobody wrote alone" }
    }
}
