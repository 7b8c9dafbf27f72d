import LightconeSimulation

/// What general A (n1) decides: the plan the messengers carry across the valley.
public enum TwoGeneralsPlan: String, Sendable, Hashable {
    case attack, retreat
}

/// What a general does at dawn.
public enum TwoGeneralsDecision: String, Sendable, Hashable {
    /// It attacks the town.
    case attack
    /// It stays in its camp.
    case stayHome = "stay home"

    /// `attacks`, `stays home`, as the node box and the conditions say it.
    public var verb: String { self == .attack ? "attacks" : "stays home" }
}

/// A messenger crossing the valley. Messenger 0 carries A's order to B; messenger i+1 goes back
/// the other way and acknowledges messenger i. Nothing is ever resent.
public enum TwoGeneralsMessage: ProtocolMessage, Equatable {
    /// Messenger `index`, carrying `plan`.
    case messenger(index: Int, plan: TwoGeneralsPlan)

    /// The messenger's index in the chain.
    public var index: Int {
        switch self { case .messenger(let index, _): return index }
    }

    /// `m0` for the order, `m1✓`, `m2✓`, ... for the acknowledgements.
    public var label: String { TwoGeneralsMessage.label(index) }

    public var traceText: String {
        switch self {
        case .messenger(let index, let plan):
            return index == 0 ? "Messenger m0 order \(plan.rawValue)"
                : "Messenger m\(index) ack of m\(index - 1) (\(plan.rawValue))"
        }
    }

    public var isReply: Bool { index > 0 }

    /// The label of messenger `index`.
    public static func label(_ index: Int) -> String { index == 0 ? "m0" : "m\(index)✓" }
}

/// The two generals' one timer: dawn, when each general acts on what it has received.
public enum TwoGeneralsTimer: Int, ProtocolTimer {
    case dawn
    public var name: String { "dawn" }
}

/// The two generals' settings: `new twogenerals loss=30% acks=1 dawn=1s`.
public struct TwoGeneralsConfig: Sendable, Equatable {
    /// The chance the valley swallows a messenger, both ways, in parts per million.
    public var lossPPM: Int = 300_000
    /// K: the last messenger of the chain is message K (`acks=1`: the order and one ack).
    public var acks: Int = 1
    /// When both generals act: an hour they agreed on before they parted.
    public var dawn: SimDuration = .seconds(1)

    /// The most acknowledgements a chain may ask for.
    public static let acksLimit = 30
}
