import LightconeSimulation

/// A vector clock (Fidge 1988; Mattern 1989, who calls it vector time): one counter per node.
/// Counter j of an event's vector says how many of node j's events are in its causal past (its
/// own counter includes the event itself), so `a → b` exactly when `V(a) < V(b)`.
///
/// ```swift
/// var a = VectorTime(nodeCount: 3); a.tick(NodeID(index: 0))      // [1,0,0]
/// var b = VectorTime(nodeCount: 3); b.tick(NodeID(index: 2))      // [0,0,1]
/// a.isConcurrent(with: b)                                         // true
/// ```
public struct VectorTime: Sendable, Hashable, CustomStringConvertible {
    /// The counter of each node, by node index.
    public private(set) var counters: [Int]

    /// The time before any event: every counter 0.
    public init(nodeCount: Int) { counters = Array(repeating: 0, count: nodeCount) }

    /// A vector of these counters.
    public init(_ counters: [Int]) { self.counters = counters }

    /// Node `node`'s counter.
    public subscript(node: NodeID) -> Int { node.index < counters.count ? counters[node.index] : 0 }

    /// One more event on `node`: its counter goes up by one.
    public mutating func tick(_ node: NodeID) {
        guard node.index < counters.count else { return }
        counters[node.index] += 1
    }

    /// The pointwise maximum of this vector and `other` (what a receive learns from a message).
    public func merged(with other: VectorTime) -> VectorTime {
        var result = self
        for index in 0..<min(counters.count, other.counters.count) where other.counters[index] > result.counters[index] {
            result.counters[index] = other.counters[index]
        }
        return result
    }

    /// `V ≤ W`: no counter of this vector is above the other's.
    public func isAtMost(_ other: VectorTime) -> Bool {
        for index in counters.indices where counters[index] > (index < other.counters.count ? other.counters[index] : 0) {
            return false
        }
        return true
    }

    /// `V < W`: at most, and not equal. For events, exactly happened-before.
    public func isBefore(_ other: VectorTime) -> Bool { isAtMost(other) && self != other }

    /// Neither is at most the other: for events, neither could have known of the other.
    public func isConcurrent(with other: VectorTime) -> Bool { !isAtMost(other) && !other.isAtMost(self) }

    /// `[2,3,0]`: the counters in node order.
    public var description: String { "[" + counters.map(String.init).joined(separator: ",") + "]" }
}
