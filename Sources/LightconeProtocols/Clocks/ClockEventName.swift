import LightconeSimulation

/// The name of an event: `n2:3` is the third event on node n2 (events are numbered from 1 on
/// each node, in the order the node has them: Lamport's process order).
///
/// ```swift
/// ClockEventName(text: "n2:3")   // node n2, number 3
/// ```
public struct ClockEventName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The node the event happened on.
    public var node: NodeID
    /// Its place among that node's events, from 1.
    public var number: Int

    /// The `number`-th event on `node`.
    public init(node: NodeID, number: Int) {
        self.node = node
        self.number = number
    }

    /// Parses `n2:3`; nil for anything else. Does not check the cluster's size.
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let node = NodeID(name: String(parts[0])),
              let number = Int(parts[1]), number >= 1, number <= 1_000_000 else { return nil }
        self.init(node: node, number: number)
    }

    /// `n2:3`.
    public var description: String { "\(node):\(number)" }

    /// The event before this one on the same node, if there is one.
    public var predecessor: ClockEventName? { number > 1 ? ClockEventName(node: node, number: number - 1) : nil }

    public static func < (a: ClockEventName, b: ClockEventName) -> Bool { (a.node, a.number) < (b.node, b.number) }
}
