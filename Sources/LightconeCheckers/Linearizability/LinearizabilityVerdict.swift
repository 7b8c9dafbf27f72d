/// What the linearizability checker concluded about a history.
///
/// `check: ok (linearizable, 120 ops)` or `check: VIOLATION linearizability: not linearizable
/// on key x` followed by the smallest sub-history found that shows it.
public enum LinearizabilityVerdict: Sendable, Hashable {
    /// Every key's operations fit one sequential order within their invoke/complete intervals.
    case linearizable
    /// The operations on `key` fit no such order; `explanation` lists, one per line, the
    /// operations of the smallest sub-history found that still fits none, and `timeline`
    /// draws the same operations as one lane per client.
    case notLinearizable(key: String, explanation: [String], timeline: HistoryTimeline = HistoryTimeline())
    /// The search ran out of its step budget before deciding.
    case unknown(reason: String)

    /// Whether the verdict is `linearizable`.
    public var isLinearizable: Bool {
        if case .linearizable = self { return true }
        return false
    }

    /// Whether the verdict is `notLinearizable`.
    public var isViolation: Bool {
        if case .notLinearizable = self { return true }
        return false
    }
}

/// How operation times are written in an explanation.
public enum HistoryTimeNotation: Sendable, Hashable {
    /// Simulated instants, `1250ms`.
    case simulated
    /// Line numbers of an imported file (the recorded logs carry no usable timestamps).
    case lineNumbers
}
