import LightconeSimulation

/// A command of the replicated key-value state machine, as stored in a log entry.
public enum RaftCommand: Sendable, Hashable, CustomStringConvertible {
    /// The entry every new leader appends at the start of its term (§8): it lets the leader
    /// commit entries of earlier terms, and it changes nothing when applied.
    case noop
    /// `put KEY VALUE`.
    case put(key: String, value: String)
    /// `get KEY`, read through the log so that it is linearizable.
    case get(key: String)
    /// `cas KEY OLD NEW`.
    case cas(key: String, old: String, new: String)

    /// The command for a client operation, or nil when Raft does not know the operation.
    public init?(_ operation: Operation) {
        switch (operation.name, operation.key, operation.input.count) {
        case ("put", let key?, 1): self = .put(key: key, value: operation.input[0])
        case ("get", let key?, 0): self = .get(key: key)
        case ("cas", let key?, 2): self = .cas(key: key, old: operation.input[0], new: operation.input[1])
        default: return nil
        }
    }

    /// As typed: `put x 1`, `noop`.
    public var description: String {
        switch self {
        case .noop: return "noop"
        case .put(let key, let value): return "put \(key) \(value)"
        case .get(let key): return "get \(key)"
        case .cas(let key, let old, let new): return "cas \(key) \(old) \(new)"
        }
    }

    /// For a log cell: `x=1`, `x?` (a read), `x:1>2` (compare-and-set), `noop`.
    public var shortText: String {
        switch self {
        case .noop: return "noop"
        case .put(let key, let value): return "\(key)=\(value)"
        case .get(let key): return "\(key)?"
        case .cas(let key, let old, let new): return "\(key):\(old)>\(new)"
        }
    }
}

/// One log entry: a command and the term in which a leader received it.
public struct RaftEntry: Sendable, Hashable {
    /// The leader's term when the entry was created.
    public var term: Int
    /// What applying the entry does.
    public var command: RaftCommand

    /// An entry.
    public init(term: Int, command: RaftCommand) {
        self.term = term
        self.command = command
    }
}

/// The log of Figure 2: entries indexed from 1, each with its term.
///
/// `log.append(RaftEntry(term: 2, command: .noop)); log.term(at: log.lastIndex) == 2`.
/// Index 0 is the empty prefix with term 0, which makes the consistency check of the first
/// entry uniform (prevLogIndex 0, prevLogTerm 0).
///
/// The log also remembers the lowest index it wrote since the node began handling the
/// current event (`writtenFrom`), so that a safety monitor can look at exactly the entries
/// that changed instead of rescanning every log after every event.
public struct RaftLog: Sendable {
    /// The entries, `entries[0]` being index 1.
    public private(set) var entries: [RaftEntry] = []
    /// The lowest index written (appended or truncated) during the current event;
    /// `Int.max` when nothing was.
    public private(set) var writtenFrom: Int = .max

    /// An empty log.
    public init() {}

    /// The index of the last entry, 0 when empty.
    @inlinable public var lastIndex: Int { entries.count }
    /// The term of the last entry, 0 when empty.
    public var lastTerm: Int { entries.last?.term ?? 0 }

    /// The term of the entry at `index` (0 for index 0); nil when there is no such entry.
    public func term(at index: Int) -> Int? {
        if index == 0 { return 0 }
        guard index >= 1 && index <= entries.count else { return nil }
        return entries[index - 1].term
    }

    /// The entry at `index` (1-based); the caller checks `1...lastIndex`.
    public subscript(index: Int) -> RaftEntry { entries[index - 1] }

    /// Up to `limit` entries from `index` on.
    public func entries(from index: Int, limit: Int) -> [RaftEntry] {
        guard index >= 1 && index <= entries.count else { return [] }
        return Array(entries[(index - 1)..<min(entries.count, index - 1 + limit)])
    }

    /// Appends `entry` at `lastIndex + 1`.
    public mutating func append(_ entry: RaftEntry) {
        entries.append(entry)
        writtenFrom = min(writtenFrom, entries.count)
    }

    /// Deletes the entry at `index` and all that follow it.
    public mutating func truncate(from index: Int) {
        guard index >= 1 && index <= entries.count else { return }
        entries.removeSubrange((index - 1)...)
        writtenFrom = min(writtenFrom, index)
    }

    /// Called as a node starts handling an event: nothing has been written in it yet.
    mutating func beginEvent() { writtenFrom = .max }

    /// Whether a log ending in (`lastIndex`, `lastTerm`) is at least as up-to-date as this one
    /// (§5.4.1): the later last term wins; with equal last terms, the longer log.
    public func isAtMostAsUpToDate(asLastIndex otherIndex: Int, lastTerm otherTerm: Int) -> Bool {
        otherTerm != lastTerm ? otherTerm > lastTerm : otherIndex >= lastIndex
    }

    /// As many of the last entries as fit in `width` characters (at least one), as `index/term`.
    public func tail(fitting width: Int) -> String {
        var parts: [String] = []
        var length = -1
        var index = entries.count
        while index >= 1 {
            let part = "\(index)/\(entries[index - 1].term)"
            guard parts.isEmpty || length + 1 + part.count <= width else { break }
            parts.append(part)
            length += 1 + part.count
            index -= 1
        }
        return parts.reversed().joined(separator: " ")
    }

    /// The last `count` entries as `index/term`, e.g. `3/1 4/2 5/2`.
    public func tail(_ count: Int) -> String {
        let start = max(1, entries.count - count + 1)
        guard start <= entries.count else { return "" }
        return (start...entries.count).map { "\($0)/\(entries[$0 - 1].term)" }.joined(separator: " ")
    }
}
