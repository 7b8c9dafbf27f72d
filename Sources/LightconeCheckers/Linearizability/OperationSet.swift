/// A set of operation indices as a bitset, the "linearized so far" part of a memo key.
///
/// Lowe's memoisation caches (set of linearized operations, model state); the set is a
/// bitset of 64-bit words so that copying, comparing and hashing it is cheap:
/// `var set = OperationSet(capacity: 100); set.insert(3)`.
struct OperationSet: Hashable, Sendable {
    /// The bits, operation `i` in word `i / 64`, bit `i % 64`.
    private(set) var words: [UInt64]

    /// An empty set able to hold indices `0..<capacity`.
    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: max(1, (capacity + 63) / 64))
    }

    /// Adds `index`.
    mutating func insert(_ index: Int) {
        words[index >> 6] |= (1 as UInt64) << UInt64(index & 63)
    }

    /// Removes `index`.
    mutating func remove(_ index: Int) {
        words[index >> 6] &= ~((1 as UInt64) << UInt64(index & 63))
    }

    /// Whether `index` is in the set.
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & ((1 as UInt64) << UInt64(index & 63)) != 0
    }

    /// A 64-bit mix of the words and `state`, for the memo table.
    func fingerprint(with state: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 &+ UInt64(bitPattern: Int64(state)) &* 0x9e37_79b9_7f4a_7c15
        for word in words {
            hash = (hash ^ word) &* 0x0000_0100_0000_01b3
            hash ^= hash >> 29
        }
        return hash
    }
}

/// One memo entry: Lowe's (linearized set, model state) pair, with its hash computed once.
struct MemoKey: Hashable, Sendable {
    let linearized: OperationSet
    let state: Int
    let fingerprint: UInt64

    init(linearized: OperationSet, state: Int) {
        self.linearized = linearized
        self.state = state
        self.fingerprint = linearized.fingerprint(with: state)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    static func == (lhs: MemoKey, rhs: MemoKey) -> Bool {
        lhs.fingerprint == rhs.fingerprint && lhs.state == rhs.state && lhs.linearized == rhs.linearized
    }
}
