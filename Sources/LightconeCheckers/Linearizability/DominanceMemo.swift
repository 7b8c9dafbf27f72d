/// Lowe's cache for the exact just-in-time search, with dominance: a state is (the
/// operations that returned and are placed, the model state, how many of each action's
/// unknown operations are placed). Unknown operations of one action are placed in invoke
/// order (symmetry), so using fewer of them leaves a superset of them, each invoked no later,
/// for what comes next: a state whose counts are all at least those of a state already
/// reached with the same placed operations and model state can do nothing that one could
/// not, and is dropped. Without this the counts multiply the states of a history with many
/// timed-out writes of a few values (issue 14's Raft history under chaos).
struct DominanceMemo {
    /// A (placed set, state) key: the whole bitset up to `MemoTable.exactWordLimit` words,
    /// else its two independent Zobrist hashes (as in `MemoTable`).
    private struct Key: Hashable {
        let words: [UInt64]
        let hash: UInt64
        let state: Int

        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.state == b.state && a.words == b.words }
        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
            hasher.combine(state)
        }
    }

    private let isExact: Bool
    /// Per key: the count vectors reached, none dominating another that was kept before it.
    private var counts: [Key: [[Int]]] = [:]

    /// An empty cache for sets of `bitsetWords` words.
    init(bitsetWords: Int) {
        isExact = bitsetWords <= MemoTable.exactWordLimit
    }

    /// Records (set, state, placed); false when a recorded entry with the same set and state
    /// has every count at most `placed`'s.
    mutating func insert(_ set: OperationSet, state: Int, placed: [Int]) -> Bool {
        let key = Key(words: isExact ? set.words : [set.zobristHash, set.secondZobristHash],
                      hash: set.zobristHash, state: state)
        if let known = counts[key] {
            for old in known where zip(old, placed).allSatisfy({ $0 <= $1 }) { return false }
        }
        counts[key, default: []].append(placed)
        return true
    }
}
