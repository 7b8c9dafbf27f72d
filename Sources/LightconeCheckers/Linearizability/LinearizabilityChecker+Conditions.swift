import LightconeSimulation

extension LinearizabilityChecker {
    /// Answers `linearizable` and `not linearizable` for a key-value history; nil for any
    /// other condition.
    public static func outcome(_ condition: Condition, history: [HistoryEntry]) -> ConditionOutcome? {
        let wantsLinearizable: Bool
        switch condition {
        case .linearizable: wantsLinearizable = true
        case .notLinearizable: wantsLinearizable = false
        default: return nil
        }
        let verdict = check(history)
        let actual: String
        switch verdict {
        case .linearizable: actual = "the history is linearizable"
        case .notLinearizable(let key, _, _): actual = "the history is not linearizable on key \(key)"
        case .unknown(let reason): actual = "linearizability unknown: \(reason)"
        }
        return ConditionOutcome(holds: wantsLinearizable ? verdict.isLinearizable : verdict.isViolation, actual: actual)
    }
}
