/// The messages of OM(m) as a tree of paths: the path `n1 n3 n2` is the message in which n2
/// tells a lieutenant "n3 told me that n1 said v". Path `n1` is the commander's own message
/// (round 1); a path of length k is sent in round k, by its last node, to every node not on it.
/// Paths stop at length m + 1, where OM(0) just uses the value received.
///
/// Paths are numbered in breadth-first order, so a path's parent always comes first.
public struct OralTree: Sendable {
    /// How many generals.
    public let nodeCount: Int
    /// OM(m)'s m (-1: the empty tree, for SM).
    public let m: Int
    /// Per path: its last node (the sender of that message).
    public private(set) var last: [Int] = []
    /// Per path: the path without its last node (-1 for the root).
    public private(set) var parent: [Int] = []
    /// Per path: its length, which is the round it is sent in.
    public private(set) var depth: [Int] = []
    /// Per path: the nodes on it, one bit per index.
    public private(set) var members: [UInt64] = []
    /// Per path and node j: the path extended by j (`count * nodeCount` entries, -1 if none).
    public private(set) var children: [Int] = []

    /// The tree of OM(m) among `nodeCount` generals (commander n1).
    public init(nodeCount: Int, m: Int) {
        self.nodeCount = nodeCount
        self.m = m
        guard m >= 0, nodeCount >= 2 else { return }
        append(last: 0, parent: -1, depth: 1, members: 1)
        var index = 0
        while index < last.count {
            if depth[index] <= m {
                for j in 0..<nodeCount where members[index] & (1 << UInt64(j)) == 0 {
                    children[index * nodeCount + j] = last.count
                    append(last: j, parent: index, depth: depth[index] + 1, members: members[index] | (1 << UInt64(j)))
                }
            }
            index += 1
        }
    }

    private mutating func append(last node: Int, parent: Int, depth: Int, members: UInt64) {
        last.append(node)
        self.parent.append(parent)
        self.depth.append(depth)
        self.members.append(members)
        children.append(contentsOf: repeatElement(-1, count: nodeCount))
    }

    /// How many paths (the root is path 0).
    public var count: Int { last.count }

    /// True when node `j` is on path `p`.
    @inlinable public func contains(_ p: Int, _ j: Int) -> Bool { members[p] & (1 << UInt64(j)) != 0 }

    /// Path `p` extended by node `j`, or -1.
    @inlinable public func child(_ p: Int, _ j: Int) -> Int { children[p * nodeCount + j] }

    /// The nodes of path `p`, commander first.
    public func nodes(of p: Int) -> [Int] {
        var result: [Int] = []
        var at = p
        while at >= 0 { result.append(last[at]); at = parent[at] }
        return result.reversed()
    }

    /// The number of the path through `nodes` (commander first), if it is in the tree.
    public func id(of nodes: [Int]) -> Int? {
        guard count > 0, nodes.first == 0 else { return nil }
        var at = 0
        for node in nodes.dropFirst() {
            guard node >= 0, node < nodeCount else { return nil }
            at = child(at, node)
            if at < 0 { return nil }
        }
        return at
    }

    /// OM(m)'s decision at lieutenant `i`, from what it received on each path (`received(p)`:
    /// true for attack; a message that never came is retreat): at the last round the value
    /// received; before it, `majority` of the value received on p and of the sub-decisions of
    /// OM(m-1) that each other lieutenant j commanded (path p extended by j).
    @inlinable
    public func decide(for i: Int, received: (Int) -> Bool) -> Bool {
        value(0, for: i, received)
    }

    @inlinable
    func value(_ p: Int, for i: Int, _ received: (Int) -> Bool) -> Bool {
        if depth[p] == m + 1 { return received(p) }
        var attacks = received(p) ? 1 : 0
        var total = 1
        for j in 0..<nodeCount where j != i && members[p] & (1 << UInt64(j)) == 0 {
            total += 1
            if value(children[p * nodeCount + j], for: i, received) { attacks += 1 }
        }
        return OralTree.majority(attacks: attacks, of: total)
    }

    /// The paper's `majority`, pinned: attack only with a strict majority of attack, else retreat.
    @inlinable public static func majority(attacks: Int, of total: Int) -> Bool { attacks * 2 > total }

    /// The messages OM(m) sends among n generals: (n-1) + (n-1)(n-2) + … (m+1 terms).
    public static func messageCount(nodeCount n: Int, m: Int) -> Int {
        var total = 0, term = 1
        for k in 0...max(0, m) {
            let factor = n - 1 - k
            guard factor > 0 else { break }
            term *= factor
            total += term
            if total > 10_000_000 { return total }
        }
        return total
    }
}
