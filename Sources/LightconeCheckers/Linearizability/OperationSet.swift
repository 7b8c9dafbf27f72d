/// A set of operation indices as a bitset, the "linearized so far" part of a memo key.
///
/// Lowe's memoisation caches (set of linearized operations, model state); the set is a
/// bitset of 64-bit words, with a Zobrist hash (the XOR of one random-looking word per
/// member) kept up to date in O(1) per change:
/// `var set = OperationSet(capacity: 100); set.insert(3)`.
struct OperationSet: Hashable, Sendable {
    /// The bits, operation `i` in word `i / 64`, bit `i % 64`.
    private(set) var words: [UInt64]
    /// The XOR of `OperationSet.zobrist(i)` over the members `i`.
    private(set) var zobristHash: UInt64 = 0
    /// A second, independent Zobrist hash (for the compact memo of very long histories).
    private(set) var secondZobristHash: UInt64 = 0

    /// An empty set able to hold indices `0..<capacity`.
    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: max(1, (capacity + 63) / 64))
    }

    /// Adds `index` (which must not be a member).
    mutating func insert(_ index: Int) {
        words[index >> 6] |= (1 as UInt64) << UInt64(index & 63)
        zobristHash ^= Self.zobrist(index)
        secondZobristHash ^= Self.zobrist(~index)
    }

    /// Removes `index` (which must be a member).
    mutating func remove(_ index: Int) {
        words[index >> 6] &= ~((1 as UInt64) << UInt64(index & 63))
        zobristHash ^= Self.zobrist(index)
        secondZobristHash ^= Self.zobrist(~index)
    }

    /// Whether `index` is in the set.
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & ((1 as UInt64) << UInt64(index & 63)) != 0
    }

    /// The Zobrist word of `index`: SplitMix64's finaliser, a fixed function (no randomness).
    static func zobrist(_ index: Int) -> UInt64 {
        var z = UInt64(truncatingIfNeeded: index) &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Lowe's cache: the (linearized set, model state) pairs the search has reached, in an
/// open-addressing hash table over flat word storage, so that a lookup allocates nothing.
///
/// Up to 4,096 operations per key the whole bitset is stored and compared (exact). Beyond
/// that an entry would cost over 512 bytes, so the table keeps two independent 64-bit
/// Zobrist hashes of the set instead: two different sets are then confused with
/// probability about 2^-128 per pair, which is far below any hardware error rate.
struct MemoTable {
    /// The most bitset words stored exactly.
    static let exactWordLimit = 64
    /// Whether keys are the whole bitset (true) or its two Zobrist hashes.
    private let isExact: Bool
    /// Words per entry: the bitset's words (or two hashes), then the state.
    private let width: Int
    /// Per slot: the entry's fingerprint, never 0; 0 marks an empty slot.
    private var fingerprints: [UInt64]
    /// Per slot: `width` words.
    private var keys: [UInt64]
    private var count = 0

    /// An empty table for sets of `bitsetWords` words.
    init(bitsetWords: Int) {
        isExact = bitsetWords <= Self.exactWordLimit
        width = (isExact ? bitsetWords : 2) + 1
        fingerprints = [UInt64](repeating: 0, count: 1_024)
        keys = [UInt64](repeating: 0, count: 1_024 * width)
    }

    /// Inserts (set, state); false when it was already there.
    mutating func insert(_ set: OperationSet, state: Int) -> Bool {
        var fingerprint = set.zobristHash ^ OperationSet.zobrist(state &* 0x1_0000_0001 &+ 0x5bd1_e995)
        if fingerprint == 0 { fingerprint = 1 }
        if (count + 1) * 2 > fingerprints.count { grow() }
        let mask = fingerprints.count - 1
        var slot = Int(truncatingIfNeeded: fingerprint >> 20) & mask
        let state = UInt64(bitPattern: Int64(state))
        while true {
            let existing = fingerprints[slot]
            if existing == 0 {
                fingerprints[slot] = fingerprint
                let base = slot * width
                if isExact {
                    for (offset, word) in set.words.enumerated() { keys[base + offset] = word }
                } else {
                    keys[base] = set.zobristHash
                    keys[base + 1] = set.secondZobristHash
                }
                keys[base + width - 1] = state
                count += 1
                return true
            }
            if existing == fingerprint && matches(slot, set, state) { return false }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ slot: Int, _ set: OperationSet, _ state: UInt64) -> Bool {
        let base = slot * width
        if keys[base + width - 1] != state { return false }
        if !isExact { return keys[base] == set.zobristHash && keys[base + 1] == set.secondZobristHash }
        for (offset, word) in set.words.enumerated() where keys[base + offset] != word { return false }
        return true
    }

    /// Doubles the slots and re-places every entry.
    private mutating func grow() {
        let oldFingerprints = fingerprints
        let oldKeys = keys
        let slots = oldFingerprints.count * 2
        fingerprints = [UInt64](repeating: 0, count: slots)
        keys = [UInt64](repeating: 0, count: slots * width)
        let mask = slots - 1
        for (oldSlot, fingerprint) in oldFingerprints.enumerated() where fingerprint != 0 {
            var slot = Int(truncatingIfNeeded: fingerprint >> 20) & mask
            while fingerprints[slot] != 0 { slot = (slot + 1) & mask }
            fingerprints[slot] = fingerprint
            for offset in 0..<width { keys[slot * width + offset] = oldKeys[oldSlot * width + offset] }
        }
    }
}
