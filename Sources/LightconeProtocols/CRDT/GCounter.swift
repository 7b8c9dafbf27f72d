import LightconeSimulation

/// A grow-only counter (Shapiro et al. 2011, Specification 6): one entry per replica, each
/// incremented only by its own replica. The value is the sum; merge takes the maximum of
/// each entry, the least upper bound of the two vectors.
///
/// ```swift
/// var a = GCounter(nodeCount: 2), b = GCounter(nodeCount: 2)
/// a.increment(at: NodeID(index: 0), by: 2); b.increment(at: NodeID(index: 1), by: 3)
/// a.merge(b)  // a.value == 5
/// ```
public struct GCounter: Sendable, Hashable {
    /// How much each replica has added, by node index.
    public private(set) var counts: [Int]

    /// A counter at zero for `nodeCount` replicas.
    public init(nodeCount: Int) { counts = Array(repeating: 0, count: nodeCount) }

    /// A counter with these entries.
    public init(counts: [Int]) { self.counts = counts }

    /// The counter's value: the sum of the entries.
    public var value: Int { counts.reduce(0, +) }

    /// Replica `node` adds `amount` (at least 0) to its own entry.
    public mutating func increment(at node: NodeID, by amount: Int) {
        counts[node.index] += max(amount, 0)
    }

    /// The join: each entry's maximum.
    public mutating func merge(_ other: GCounter) {
        for index in counts.indices where index < other.counts.count { counts[index] = max(counts[index], other.counts[index]) }
    }

    /// `[n1:2 n2:0 n3:1]`.
    public var description: String {
        "[" + counts.enumerated().map { "n\($0.offset + 1):\($0.element)" }.joined(separator: " ") + "]"
    }
}
