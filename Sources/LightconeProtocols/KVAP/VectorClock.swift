import LightconeSimulation

/// A vector clock (Fidge 1988, Mattern 1989) with one counter per node of the cluster; in
/// `kv-ap` the actor is the node that coordinated the write, as in Riak.
///
/// ```swift
/// var a = VectorClock(nodeCount: 3); a.advance(NodeID(index: 0), to: 1)   // [n1:1]
/// var b = VectorClock(nodeCount: 3); b.advance(NodeID(index: 1), to: 1)   // [n2:1]
/// a.descends(from: b)          // false: a and b are concurrent, so both are kept (siblings)
/// ```
public struct VectorClock: Sendable, Hashable, CustomStringConvertible {
    /// The counter of each node, by node index.
    public private(set) var counters: [Int]

    /// The clock of nothing: every counter 0.
    public init(nodeCount: Int) { counters = Array(repeating: 0, count: nodeCount) }

    /// The counter of `node`.
    public subscript(node: NodeID) -> Int { node.index < counters.count ? counters[node.index] : 0 }

    /// Sets `node`'s counter to `value` when that is higher.
    public mutating func advance(_ node: NodeID, to value: Int) {
        guard node.index < counters.count else { return }
        counters[node.index] = max(counters[node.index], value)
    }

    /// The pointwise maximum of this clock and `other`.
    public func merged(with other: VectorClock) -> VectorClock {
        var result = self
        for index in 0..<min(counters.count, other.counters.count) where other.counters[index] > result.counters[index] {
            result.counters[index] = other.counters[index]
        }
        return result
    }

    /// Whether this clock has seen everything `other` has (it equals or follows it).
    public func descends(from other: VectorClock) -> Bool {
        for index in 0..<other.counters.count where other.counters[index] > (index < counters.count ? counters[index] : 0) {
            return false
        }
        return true
    }

    /// `[n1:2 n3:1]`: the non-zero counters in node order.
    public var description: String {
        "[" + counters.indices.filter { counters[$0] > 0 }.map { "n\($0 + 1):\(counters[$0])" }.joined(separator: " ") + "]"
    }
}
