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
    public init(nodeCount: Int, traitors: UInt64, loyalOrder: ByzantineOrder?) {
        var count = 0
        var commander = [Int32](repeating: -1, count: nodeCount * 2)
        var relay = [Int32](repeating: -1, count: nodeCount * 2 * nodeCount)
        let values = loyalOrder.map { [$0] } ?? ByzantineOrder.allCases
        if traitors & 1 != 0 {
            for r in 1..<nodeCount { for v in ByzantineOrder.allCases { commander[r * 2 + SignedChoices.slot(v)] = Int32(count); count += 1 } }
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

    static func slot(_ value: ByzantineOrder) -> Int { value == .attack ? 1 : 0 }

    /// The bit of the commander signing `value` to `recipient`.
    public func commanderIndex(_ value: ByzantineOrder, _ recipient: Int) -> Int { Int(commander[recipient * 2 + SignedChoices.slot(value)]) }

    /// The bit of lieutenant `sender` relaying `value` to `recipient`.
    public func relayIndex(_ sender: Int, _ value: ByzantineOrder, _ recipient: Int) -> Int {
        Int(relay[(sender * 2 + SignedChoices.slot(value)) * nodeCount + recipient])
    }
}
