import LightconeSimulation

/// A counter that goes up and down (Shapiro et al. 2011, Specification 7): two G-counters,
/// one of increments (`p`) and one of decrements (`n`); the value is their difference and
/// merge joins each.
public struct PNCounter: Sendable, Hashable {
    /// The increments.
    public private(set) var p: GCounter
    /// The decrements.
    public private(set) var n: GCounter

    /// A counter at zero for `nodeCount` replicas.
    public init(nodeCount: Int) {
        p = GCounter(nodeCount: nodeCount)
        n = GCounter(nodeCount: nodeCount)
    }

    /// A counter of these two halves.
    public init(p: GCounter, n: GCounter) {
        self.p = p
        self.n = n
    }

    /// Increments minus decrements.
    public var value: Int { p.value - n.value }

    /// Replica `node` adds `amount`.
    public mutating func increment(at node: NodeID, by amount: Int) { p.increment(at: node, by: amount) }

    /// Replica `node` subtracts `amount`.
    public mutating func decrement(at node: NodeID, by amount: Int) { n.increment(at: node, by: amount) }

    /// The join of both halves.
    public mutating func merge(_ other: PNCounter) {
        p.merge(other.p)
        n.merge(other.n)
    }

    /// `+[n1:2 n2:0] -[n1:0 n2:1]`.
    public var description: String { "+\(p.description) -\(n.description)" }
}
