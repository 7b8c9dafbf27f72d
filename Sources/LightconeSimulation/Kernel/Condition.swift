/// A condition of SPEC §3, as used by `expect`, `run until` and lesson goals.
///
/// The generic conditions are cases of their own; a protocol's own conditions (`committed 3`,
/// `chosen x`, `no agreement`) are declared by the protocol as `ConditionForm`s and arrive as
/// `.protocolCondition`. Parsed once by the command layer.
public enum Condition: Sendable, Hashable {
    /// `leader` (someone leads) or `leader n2` (n2 is the leader).
    case leader(NodeID?)
    /// `no leader`.
    case noLeader
    /// `role n1 follower`.
    case role(NodeID, String)
    /// `up n1`, `down n1`.
    case up(NodeID), down(NodeID)
    /// A condition its protocol declares (`committed 3`, `delivered x everywhere`): the
    /// keyword and the arguments its `ConditionForm` returned.
    case protocolCondition(String, [String])
    /// `converged`: every up replica holds the same state.
    case converged
    /// `linearizable`, `not linearizable`: the client history so far.
    case linearizable, notLinearizable
    /// `value KEY VALUE on NODE`: NODE's applied state machine.
    case value(key: String, value: String, node: NodeID)
    /// `available NODE`, `unavailable NODE`: whether NODE would serve a request now.
    case available(NodeID), unavailable(NodeID)
    /// `METER >= X`, `METER <= X` (`harvest >= 0.75`, `yield <= 0.1`), X in millionths.
    case meter(String, Comparison, Int64)
    /// `violation` or `violation PROPERTY`: a monitor or `check` found one.
    case violation(String?)
    /// `not COND`... is not in SPEC; kept out on purpose.

    /// A comparison in `harvest >= 0.9`.
    public enum Comparison: String, Sendable, Hashable {
        case atLeast = ">=", atMost = "<="

        /// Whether `value` compares so with `bound`.
        public func holds(_ value: Int64, _ bound: Int64) -> Bool {
            switch self {
            case .atLeast: return value >= bound
            case .atMost: return value <= bound
            }
        }
    }
}

/// The answer to a condition: whether it holds, and what is, for a failed `expect`.
public struct ConditionOutcome: Sendable, Equatable {
    /// True when the condition holds.
    public var holds: Bool
    /// What is, in words: `leader is n3`, `n2 is down`.
    public var actual: String

    /// An outcome.
    public init(holds: Bool, actual: String) {
        self.holds = holds
        self.actual = actual
    }
}
