import LightconeSimulation

/// The consistent-hash ring of `kv-ap` (Karger et al. 1997, as Dynamo and Riak use it): each
/// node has a position given by a deterministic integer hash of its name, a key hashes onto
/// the ring, and its preference list is the first `n` nodes clockwise from it.
///
/// ```swift
/// let ring = Ring(nodeCount: 5)
/// ring.order(for: "x")          // every node, clockwise from x: [n4, n1, n5, n2, n3]
/// ```
public struct Ring: Sendable, Equatable {
    /// The nodes in ring order, with their positions.
    public let positions: [(position: UInt64, node: NodeID)]

    /// The ring of nodes `n1`..`nN`.
    public init(nodeCount: Int) {
        positions = (0..<nodeCount).map { (position: Ring.hash("n\($0 + 1)"), node: NodeID(index: $0)) }
            .sorted { ($0.position, $0.node) < ($1.position, $1.node) }
    }

    public static func == (lhs: Ring, rhs: Ring) -> Bool { lhs.positions.map(\.node) == rhs.positions.map(\.node) }

    /// FNV-1a, 64 bits, over the UTF-8 bytes, then MurmurHash3's 64-bit finalizer so that
    /// names differing in one letter land far apart: the same on every platform and run.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash = hash &* 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    /// Every node, clockwise from `key`'s position: the preference list, then the fallbacks.
    public func order(for key: String) -> [NodeID] {
        let point = Ring.hash(key)
        let start = positions.firstIndex { $0.position >= point } ?? 0
        return (0..<positions.count).map { positions[(start + $0) % positions.count].node }
    }

    /// `key`'s preference list: the first `n` nodes clockwise.
    public func preferenceList(for key: String, n: Int) -> [NodeID] { Array(order(for: key).prefix(n)) }
}
