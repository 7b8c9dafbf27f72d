/// The simulated network's configuration: link settings, partitions, one-way cuts and held links.
///
/// It only answers questions ("may n1 reach n3 now?", "what latency does n1->n2 have?");
/// the simulation moves the messages.
public struct Network: Sendable {
    /// Settings of every link without an override.
    public var defaults: LinkSettings = .defaults
    /// Per-link overrides set by `link A B ...` (stored for both directions).
    public private(set) var overrides: [Link: LinkSettings] = [:]
    /// The partition group of each node, or nil when the network is whole.
    public private(set) var groupOf: [Int]?
    /// One-way cuts (`cut A->B`); `cut A<->B` adds both directions.
    public private(set) var cuts: Set<Link> = []
    /// Links whose messages are queued by `hold A->B` until `release A->B`.
    public private(set) var held: Set<Link> = []

    let nodeCount: Int

    /// A whole network of `nodeCount` nodes with default settings.
    public init(nodeCount: Int) { self.nodeCount = nodeCount }

    /// The settings of `link`.
    @inlinable
    public func settings(for link: Link) -> LinkSettings {
        if overrides.isEmpty { return defaults }
        return overrides[link] ?? defaults
    }

    /// True when a message on `link` would get through now (no partition wall, no cut).
    @inlinable
    public func allows(_ link: Link) -> Bool {
        if link.from == link.to { return true }
        if let groupOf, groupOf[link.from.index] != groupOf[link.to.index] { return false }
        if !cuts.isEmpty && cuts.contains(link) { return false }
        return true
    }

    /// Why `link` is blocked (`partition`, `cut`), or nil when it is open.
    public func blockReason(_ link: Link) -> String? {
        if link.from == link.to { return nil }
        if let groupOf, groupOf[link.from.index] != groupOf[link.to.index] { return "partition" }
        if cuts.contains(link) { return "cut" }
        return nil
    }

    /// True when the network is split into groups.
    public var isPartitioned: Bool { groupOf != nil }

    /// The groups of nodes that can talk among themselves, each in id order, ordered by first
    /// node; one group holding everyone when there is no partition.
    public var groups: [[NodeID]] {
        guard let groupOf else { return [(0..<nodeCount).map(NodeID.init(index:))] }
        var order: [Int] = []
        var members: [Int: [NodeID]] = [:]
        for index in 0..<nodeCount {
            let group = groupOf[index]
            if members[group] == nil { order.append(group) }
            members[group, default: []].append(NodeID(index: index))
        }
        return order.map { members[$0] ?? [] }
    }

    /// Splits the network into `groups`; nodes named in no group are each isolated alone.
    public mutating func partition(_ groups: [[NodeID]]) {
        var assignment = [Int](repeating: -1, count: nodeCount)
        for (number, group) in groups.enumerated() {
            for node in group { assignment[node.index] = number }
        }
        var next = groups.count
        for index in 0..<nodeCount where assignment[index] < 0 {
            assignment[index] = next
            next += 1
        }
        groupOf = assignment
    }

    /// Cuts `node` off from everyone (on top of any existing partition).
    public mutating func isolate(_ node: NodeID) {
        var assignment = groupOf ?? [Int](repeating: 0, count: nodeCount)
        let fresh = (assignment.max() ?? 0) + 1
        assignment[node.index] = fresh
        groupOf = assignment
    }

    /// Removes every partition and cut (held links stay held; `release` lets them go).
    public mutating func heal() {
        groupOf = nil
        cuts.removeAll()
    }

    /// Cuts `link` one way.
    public mutating func cut(_ link: Link) { cuts.insert(link) }

    /// Starts queueing messages on `link`.
    public mutating func hold(_ link: Link) { held.insert(link) }

    /// Stops queueing messages on `link`.
    public mutating func release(_ link: Link) { held.remove(link) }

    /// Applies `change` to the settings of `a->b` and `b->a`.
    public mutating func change(_ a: NodeID, _ b: NodeID, _ change: LinkSettingsChange) {
        for link in [Link(a, b), Link(b, a)] {
            overrides[link] = change.applied(to: settings(for: link))
        }
    }
}
