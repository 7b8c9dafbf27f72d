/// How one traitor chooses, message by message.
public enum TraitorMove: Sendable, Hashable {
    /// OM: the opposite of what a loyal general would send. SM: the commander signs the
    /// opposite of its order; a lieutenant withholds everything.
    case flip
    /// OM: attack to the recipients in the mask (one bit per node index), retreat to the
    /// others. SM: the commander signs attack to the mask and retreat to the others; a
    /// lieutenant relays only to the mask.
    case subset(UInt64)
    /// Each message's choice is a bit of the plan (what `worst` searches over).
    case bits
    /// Each message's choice is drawn from the simulation's seed as it is sent.
    case random
}

/// What every traitor will do: a move each, and the bits of the `.bits` moves.
public struct TraitorPlan: Sendable, Hashable {
    /// Per node index (loyal nodes' entries are not used).
    public var moves: [TraitorMove]
    /// The choice bits, indexed by `OralChoices` or `SignedChoices`.
    public var bits: [UInt64]

    /// Every traitor making `move`.
    public init(nodeCount: Int, move: TraitorMove) {
        moves = Array(repeating: move, count: nodeCount)
        bits = []
    }

    /// Bit `index` (false beyond the stored words).
    @inlinable public func bit(_ index: Int) -> Bool {
        guard index >= 0, index / 64 < bits.count else { return false }
        return bits[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    /// The recipients of the `split` strategy: the odd-numbered lieutenants (n3, n5, …).
    public static func oddLieutenants(_ nodeCount: Int) -> UInt64 {
        var mask: UInt64 = 0
        for index in 1..<max(1, nodeCount) where (index + 1) % 2 == 1 { mask |= 1 << UInt64(index) }
        return mask
    }

    /// The plan of a strategy other than `worst` (whose plan comes from `TraitorSearch`).
    public static func of(_ strategy: TraitorStrategy, nodeCount: Int) -> TraitorPlan {
        switch strategy {
        case .flip, .worst: return TraitorPlan(nodeCount: nodeCount, move: .flip)
        case .split: return TraitorPlan(nodeCount: nodeCount, move: .subset(oddLieutenants(nodeCount)))
        case .random: return TraitorPlan(nodeCount: nodeCount, move: .random)
        }
    }

    /// OM: what traitor `sender` sends on `path` (which ends with it) to `recipient`, where a loyal
    /// general would send `loyal`; nil for `.random` (the caller draws).
    @inlinable
    public func oralValue(sender: Int, path: Int, recipient: Int, loyal: Bool, choices: OralChoices) -> Bool? {
        switch moves[sender] {
        case .flip: return !loyal
        case .subset(let mask): return mask & (1 << UInt64(recipient)) != 0
        case .bits: return bit(choices.index(path: path, recipient: recipient))
        case .random: return nil
        }
    }

    /// SM: whether the traitorous commander signs `value` to `recipient` (its order `order`);
    /// nil for `.random`.
    public func commanderSigns(_ value: ByzantineOrder, to recipient: Int, order: ByzantineOrder, choices: SignedChoices) -> Bool? {
        switch moves[0] {
        case .flip: return value == order.opposite
        case .subset(let mask): return (mask & (1 << UInt64(recipient)) != 0) == (value == .attack)
        case .bits: return bit(choices.commanderIndex(value, recipient))
        case .random: return nil
        }
    }

    /// SM: whether traitorous lieutenant `sender` relays `value` to `recipient`; nil for `.random`.
    public func relays(_ sender: Int, _ value: ByzantineOrder, to recipient: Int, choices: SignedChoices) -> Bool? {
        switch moves[sender] {
        case .flip: return false
        case .subset(let mask): return mask & (1 << UInt64(recipient)) != 0
        case .bits: return bit(choices.relayIndex(sender, value, recipient))
        case .random: return nil
        }
    }
}
