import LightconeSimulation

/// The unique tag an OR-set add gets: the replica that added and its count of adds (`n2.3`).
public struct AddTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The replica that took the add.
    public var node: NodeID
    /// Its adds so far, this one included.
    public var number: Int

    /// A tag.
    public init(node: NodeID, number: Int) {
        self.node = node
        self.number = number
    }

    /// `n2.3`, or nil when the text is not a tag.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let node = NodeID(name: parts[0]), let number = Int(parts[1]) else { return nil }
        self.init(node: node, number: number)
    }

    public static func < (a: AddTag, b: AddTag) -> Bool { (a.node.index, a.number) < (b.node.index, b.number) }

    public var description: String { "\(node).\(number)" }
}

/// An element added under a tag.
public struct TaggedElement: Sendable, Hashable, Comparable {
    /// The element.
    public var element: String
    /// The add's tag.
    public var tag: AddTag

    /// An element and its tag.
    public init(_ element: String, _ tag: AddTag) {
        self.element = element
        self.tag = tag
    }

    public static func < (a: TaggedElement, b: TaggedElement) -> Bool { (a.element, a.tag) < (b.element, b.tag) }
}

/// An observed-remove set (Shapiro et al. 2011, Specification 15): every add carries a unique
/// tag; a remove tombstones the tags it has observed for that element, so an add it never saw
/// (a concurrent one) survives the merge — add wins. Merge is the union of adds and of
/// tombstones.
///
/// `removedByName` exists only for the teaching bug `remove-wins-all`: a remove by element,
/// without tags, as in a 2P-set, which hides every add of that element, seen or not.
public struct ORSet: Sendable, Hashable {
    /// Every add this replica knows, sorted.
    public private(set) var adds: [TaggedElement] = []
    /// The tags removes have observed, sorted.
    public private(set) var tombstones: [AddTag] = []
    /// Elements removed by name (the `remove-wins-all` bug only), sorted.
    public private(set) var removedByName: [String] = []

    /// An empty set.
    public init() {}

    /// A set of these adds and tombstones (sorted and deduplicated here).
    public init(adds: [TaggedElement], tombstones: [AddTag], removedByName: [String] = []) {
        self.adds = Array(Set(adds)).sorted()
        self.tombstones = Array(Set(tombstones)).sorted()
        self.removedByName = Array(Set(removedByName)).sorted()
    }

    /// The elements in the set: those with an add whose tag no remove observed, sorted.
    public var elements: [String] {
        var result: [String] = []
        for add in adds where result.last != add.element && isLive(add) { result.append(add.element) }
        return result
    }

    /// Whether `element` is in the set.
    public func contains(_ element: String) -> Bool {
        adds.contains { $0.element == element && isLive($0) }
    }

    /// The live adds of `element` (tags not tombstoned).
    public func liveTags(of element: String) -> [AddTag] {
        adds.filter { $0.element == element && isLive($0) }.map(\.tag)
    }

    func isLive(_ add: TaggedElement) -> Bool {
        !removedByName.contains(add.element) && !tombstones.contains(add.tag)
    }

    /// Adds `element` under a fresh `tag`.
    public mutating func add(_ element: String, tag: AddTag) {
        adds = Array(Set(adds).union([TaggedElement(element, tag)])).sorted()
    }

    /// Removes `element`: tombstones the tags of it this replica has observed and returns
    /// them (none when the element is not here). `byName` is the `remove-wins-all` bug.
    @discardableResult
    public mutating func remove(_ element: String, byName: Bool = false) -> [AddTag] {
        let observed = liveTags(of: element)
        tombstones = Array(Set(tombstones).union(observed)).sorted()
        if byName && !removedByName.contains(element) { removedByName = (removedByName + [element]).sorted() }
        return observed
    }

    /// The join: union of adds, union of tombstones.
    public mutating func merge(_ other: ORSet) {
        if other == self { return }
        adds = Array(Set(adds).union(other.adds)).sorted()
        tombstones = Array(Set(tombstones).union(other.tombstones)).sorted()
        removedByName = Array(Set(removedByName).union(other.removedByName)).sorted()
    }

    /// `{a b}` — the elements.
    public var valueText: String { "{" + elements.joined(separator: ",") + "}" }

    /// Elements with their live tags, e.g. `a(n1.1) b(n2.1,n3.1)`, then the tombstones.
    public var description: String {
        var parts: [String] = []
        for element in elements { parts.append("\(element)(" + liveTags(of: element).map(\.description).joined(separator: ",") + ")") }
        var text = parts.isEmpty ? "{}" : parts.joined(separator: " ")
        if !tombstones.isEmpty { text += " removed " + tombstones.map(\.description).joined(separator: ",") }
        if !removedByName.isEmpty { text += " removed-by-name " + removedByName.joined(separator: ",") }
        return text
    }
}
