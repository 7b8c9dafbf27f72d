/// A value the generals send: the commander's order.
public enum Order: String, Sendable, Hashable, CaseIterable {
    case attack, retreat

    /// The other one.
    public var opposite: Order { self == .attack ? .retreat : .attack }

    /// `A` or `R`, as the view and the node box show values.
    public var letter: String { self == .attack ? "A" : "R" }
}

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
    public func commanderSigns(_ value: Order, to recipient: Int, order: Order, choices: SignedChoices) -> Bool? {
        switch moves[0] {
        case .flip: return value == order.opposite
        case .subset(let mask): return (mask & (1 << UInt64(recipient)) != 0) == (value == .attack)
        case .bits: return bit(choices.commanderIndex(value, recipient))
        case .random: return nil
        }
    }

    /// SM: whether traitorous lieutenant `sender` relays `value` to `recipient`; nil for `.random`.
    public func relays(_ sender: Int, _ value: Order, to recipient: Int, choices: SignedChoices) -> Bool? {
        switch moves[sender] {
        case .flip: return false
        case .subset(let mask): return mask & (1 << UInt64(recipient)) != 0
        case .bits: return bit(choices.relayIndex(sender, value, recipient))
        case .random: return nil
        }
    }
}

/// The choice bits of OM's traitors: one per message a traitor sends (a path ending with it,
/// and a recipient).
public struct OralChoices: Sendable {
    /// Per path and recipient, the bit's index, or -1 when a loyal general sends it.
    @usableFromInline let indexes: [Int32]
    @usableFromInline let nodeCount: Int
    /// How many bits.
    public let count: Int

    /// The choices of `traitors` in `tree`.
    public init(tree: OralTree, traitors: UInt64) {
        var indexes = [Int32](repeating: -1, count: tree.count * tree.nodeCount)
        var count = 0
        for p in 0..<tree.count where traitors & (1 << UInt64(tree.last[p])) != 0 {
            for r in 0..<tree.nodeCount where !tree.contains(p, r) {
                indexes[p * tree.nodeCount + r] = Int32(count)
                count += 1
            }
        }
        self.indexes = indexes
        self.nodeCount = tree.nodeCount
        self.count = count
    }

    /// The bit of the message on `path` to `recipient`.
    @inlinable public func index(path: Int, recipient: Int) -> Int { Int(indexes[path * nodeCount + recipient]) }
}

/// The choice bits of SM's traitors: the commander's (which value it signs to whom) and each
/// traitorous lieutenant's (which value it relays to whom). With a loyal commander a traitor
/// only ever holds the order, so only that value's relays are choices.
public struct SignedChoices: Sendable {
    let commander: [Int32]
    let relay: [Int32]
    let nodeCount: Int
    /// How many bits.
    public let count: Int

    /// The choices of `traitors` among `nodeCount` generals; `loyalOrder` is the order when
    /// the commander is loyal.
    public init(nodeCount: Int, traitors: UInt64, loyalOrder: Order?) {
        var count = 0
        var commander = [Int32](repeating: -1, count: nodeCount * 2)
        var relay = [Int32](repeating: -1, count: nodeCount * 2 * nodeCount)
        let values = loyalOrder.map { [$0] } ?? Order.allCases
        if traitors & 1 != 0 {
            for r in 1..<nodeCount { for v in Order.allCases { commander[r * 2 + SignedChoices.slot(v)] = Int32(count); count += 1 } }
        }
        for t in 1..<nodeCount where traitors & (1 << UInt64(t)) != 0 {
            for v in values {
                for q in 1..<nodeCount where q != t {
                    relay[(t * 2 + SignedChoices.slot(v)) * nodeCount + q] = Int32(count)
                    count += 1
                }
            }
        }
        self.commander = commander
        self.relay = relay
        self.nodeCount = nodeCount
        self.count = count
    }

    static func slot(_ value: Order) -> Int { value == .attack ? 1 : 0 }

    /// The bit of the commander signing `value` to `recipient`.
    public func commanderIndex(_ value: Order, _ recipient: Int) -> Int { Int(commander[recipient * 2 + SignedChoices.slot(value)]) }

    /// The bit of lieutenant `sender` relaying `value` to `recipient`.
    public func relayIndex(_ sender: Int, _ value: Order, _ recipient: Int) -> Int {
        Int(relay[(sender * 2 + SignedChoices.slot(value)) * nodeCount + recipient])
    }
}
