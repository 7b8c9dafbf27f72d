import LightconeSimulation

/// One version of a key's value in `kv-ap`: the value, its vector clock, and who wrote it
/// when (the coordinator's timestamp, which `resolve=lww` compares).
public struct Version: Sendable, Hashable, CustomStringConvertible {
    /// The value written.
    public var value: String
    /// The clock: it descends from every version the coordinator held for the key.
    public var clock: VectorClock
    /// The coordinating node (the clock's actor for this write).
    public var writer: NodeID
    /// The coordinator's write counter for this write: `(writer, counter)` is the write's dot.
    public var counter: Int
    /// When the coordinator took the write.
    public var timestamp: SimTime

    /// A version.
    public init(value: String, clock: VectorClock, writer: NodeID, counter: Int, timestamp: SimTime) {
        self.value = value
        self.clock = clock
        self.writer = writer
        self.counter = counter
        self.timestamp = timestamp
    }

    /// `2 [n1:1 n2:1]`.
    public var description: String { "\(value) \(clock)" }

    /// Whether this version's clock has seen the write `(writer, counter)`.
    public func covers(writer: NodeID, counter: Int) -> Bool { clock[writer] >= counter }

    /// Whether this version is the later of two under last-write-wins: the later timestamp,
    /// then the higher writer, then the higher counter (so that every node picks the same).
    public func winsLastWrite(over other: Version) -> Bool {
        (timestamp, writer.index, counter) > (other.timestamp, other.writer.index, other.counter)
    }
}

/// The versions a replica holds for one key: no version descends from another (siblings
/// are concurrent writes), sorted by value, writer and counter so that every node shows them alike.
public struct Siblings: Sendable, Hashable {
    /// The versions, sorted.
    public private(set) var versions: [Version] = []

    /// No versions.
    public init() {}

    /// These versions, merged.
    public init(_ versions: [Version]) { for version in versions { _ = add(version) } }

    /// Whether there is no version.
    public var isEmpty: Bool { versions.isEmpty }

    /// The values a read returns: distinct, sorted, joined with `|` (`1|2`); nil when empty.
    public var readValue: String? {
        guard !versions.isEmpty else { return nil }
        var values: [String] = []
        for version in versions where !values.contains(version.value) { values.append(version.value) }
        return values.sorted().joined(separator: "|")
    }

    /// The pointwise maximum of every version's clock (a new write descends from it).
    public func mergedClock(nodeCount: Int) -> VectorClock {
        versions.reduce(VectorClock(nodeCount: nodeCount)) { $0.merged(with: $1.clock) }
    }

    /// Adds `version` unless a version here already descends from it; drops the versions
    /// it descends from. Returns whether anything changed.
    @discardableResult
    public mutating func add(_ version: Version) -> Bool {
        if versions.contains(where: { $0.clock.descends(from: version.clock) }) { return false }
        versions.removeAll { version.clock.descends(from: $0.clock) }
        let position = versions.firstIndex { ($0.value, $0.writer, $0.counter) > (version.value, version.writer, version.counter) } ?? versions.count
        versions.insert(version, at: position)
        return true
    }

    /// Merges every version of `other`; returns whether anything changed.
    @discardableResult
    public mutating func merge(_ other: Siblings) -> Bool {
        var changed = false
        for version in other.versions where add(version) { changed = true }
        return changed
    }

    /// Last write wins: keeps only the latest version; returns the versions dropped.
    public mutating func resolveLastWriteWins() -> [Version] {
        guard versions.count > 1, var winner = versions.first else { return [] }
        for version in versions where version.winsLastWrite(over: winner) { winner = version }
        let dropped = versions.filter { $0 != winner }
        versions = [winner]
        return dropped
    }

    /// Removes the versions equal to one of `handed` (after a hinted handoff was acknowledged).
    public mutating func remove(_ handed: Siblings) {
        versions.removeAll { handed.versions.contains($0) }
    }

    /// Whether some version here has seen the write `(writer, counter)`.
    public func covers(writer: NodeID, counter: Int) -> Bool {
        versions.contains { $0.covers(writer: writer, counter: counter) }
    }

    /// `1 [n1:1] | 2 [n2:1]`.
    public var description: String { versions.map(\.description).joined(separator: " | ") }
}

/// The store of one `kv-ap` replica, or the hinted data a fallback holds for one owner:
/// each key's siblings. Keys are kept sorted so that nodes iterate them in one order.
public struct VersionStore: Sendable, Hashable {
    /// The keys held, sorted.
    public private(set) var keys: [String] = []
    var entries: [String: Siblings] = [:]

    /// An empty store.
    public init() {}

    /// The siblings of `key` (empty when it holds none).
    public subscript(key: String) -> Siblings { entries[key] ?? Siblings() }

    /// Whether it holds nothing.
    public var isEmpty: Bool { keys.isEmpty }

    /// Merges `siblings` into `key`; under `lastWriteWins` keeps only the latest version and
    /// returns what that dropped. `changed` says whether the key's versions changed.
    @discardableResult
    public mutating func merge(_ key: String, _ siblings: Siblings, lastWriteWins: Bool) -> (changed: Bool, dropped: [Version]) {
        var current = self[key]
        let before = current
        current.merge(siblings)
        let dropped = lastWriteWins ? current.resolveLastWriteWins() : []
        guard current != before else { return (false, dropped) }
        set(key, current)
        return (true, dropped)
    }

    /// Replaces the versions of `key` (removing the key when `siblings` is empty).
    public mutating func set(_ key: String, _ siblings: Siblings) {
        if siblings.isEmpty {
            if entries.removeValue(forKey: key) != nil { keys.removeAll { $0 == key } }
            return
        }
        if entries.updateValue(siblings, forKey: key) == nil {
            let position = keys.firstIndex { $0 > key } ?? keys.count
            keys.insert(key, at: position)
        }
    }
}
