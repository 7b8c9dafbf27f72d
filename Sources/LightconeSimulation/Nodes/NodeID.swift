/// A node of the cluster, named `n1`..`nN` to users and indexed from 0 inside.
///
/// `NodeID(index: 0).description == "n1"`; nodes are always iterated in id order.
public struct NodeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position in the cluster's node array, from 0.
    public let index: Int

    /// The node at `index` (0-based).
    @inlinable public init(index: Int) { self.index = index }

    /// The user-facing name, `n1` for index 0.
    public var description: String { "n\(index + 1)" }

    /// Parses `n1`..`nN` (1-based); nil for anything else. Does not check the cluster size.
    public init?(name: String) {
        guard name.count >= 2, name.first == "n" || name.first == "N",
              let number = Int(name.dropFirst()), number >= 1, number <= 1_000_000 else { return nil }
        self.index = number - 1
    }

    public static func < (lhs: NodeID, rhs: NodeID) -> Bool { lhs.index < rhs.index }
}

/// A directed link between two nodes, `from -> to`.
public struct Link: Hashable, Sendable, CustomStringConvertible {
    /// The sending end.
    public let from: NodeID
    /// The receiving end.
    public let to: NodeID

    /// The link `from -> to`.
    public init(_ from: NodeID, _ to: NodeID) { self.from = from; self.to = to }

    public var description: String { "\(from)->\(to)" }
}
