/// A read that returned an older value than one already acknowledged: a `get` that started
/// after a write of another value had been acknowledged, and returned a value every write of
/// which had completed before that newer write began (or nil, nothing written). No
/// linearizable store answers so; a follower reading its own state (`reads=local`) or a
/// replica on the far side of a partition (`kv-ap`) can.
///
/// `StaleRead.marks(in: history, now: now)` gives `[n3: NodeMark(.marked, "⚠ stale x=1")]`.
public struct StaleRead: Sendable, Hashable {
    /// The read.
    public var read: HistoryEntry
    /// The acknowledged write of a newer value it missed.
    public var newer: HistoryEntry

    /// The read's key.
    public var key: String { read.operation.key ?? "" }
    /// What the read returned (`nil` when nothing).
    public var value: String { read.output.flatMap { $0.isEmpty ? nil : $0 } ?? "nil" }
    /// The value it should have seen at least.
    public var newerValue: String { StaleRead.written(by: newer) ?? "" }

    /// The view's mark at the node that answered, short enough for a node box: `⚠ stale x=1`.
    public var mark: String { "⚠ stale \(key)=\(value)" }

    /// How long a stale read stays marked, in simulated time.
    public static let markDuration: SimTime = 5_000_000

    /// The marks by node: each node's latest read completed in the last `markDuration`, when stale.
    public static func marks(in history: [HistoryEntry], now: SimTime) -> [NodeID: NodeMark] {
        var latest: [NodeID: HistoryEntry] = [:]
        for entry in history where isRead(entry) {
            guard let complete = entry.completeTime, complete <= now, now - complete <= markDuration else { continue }
            if let seen = latest[entry.node], (seen.completeTime ?? 0) > complete { continue }
            latest[entry.node] = entry
        }
        guard !latest.isEmpty else { return [:] }
        var marks: [NodeID: NodeMark] = [:]
        for (node, read) in latest {
            if let stale = staleness(of: read, in: history) { marks[node] = NodeMark(.marked, stale.mark) }
        }
        return marks
    }

    /// Whether `read` is stale in `history`, and the newer acknowledged write it missed
    /// (the latest acknowledged one); nil when it is not.
    public static func staleness(of read: HistoryEntry, in history: [HistoryEntry]) -> StaleRead? {
        guard isRead(read), let key = read.operation.key else { return nil }
        let value = read.output.flatMap { $0.isEmpty ? nil : $0 }
        // Siblings (`a|b`) are no single older value.
        if value?.contains("|") == true { return nil }
        var writesOfValue: [HistoryEntry] = []
        var acknowledged: [HistoryEntry] = []
        for entry in history where entry.operation.key == key {
            if entry.operation.name == "append" { return nil }
            guard let written = written(by: entry), entry.outcome != .fail else { continue }
            if written == value { writesOfValue.append(entry) }
            if entry.outcome == .ok, let complete = entry.completeTime, complete < read.invokeTime, written != value {
                acknowledged.append(entry)
            }
        }
        // The newest acknowledged write that every write of the value read had finished before.
        let missed = acknowledged.filter { newer in
            writesOfValue.allSatisfy { $0.outcome == .ok && ($0.completeTime ?? .max) < newer.invokeTime }
        }
        guard let newer = missed.max(by: { ($0.completeTime ?? 0) < ($1.completeTime ?? 0) }) else { return nil }
        return StaleRead(read: read, newer: newer)
    }

    /// A completed `get` (or `read`).
    static func isRead(_ entry: HistoryEntry) -> Bool {
        (entry.operation.name == "get" || entry.operation.name == "read") && entry.outcome == .ok
    }

    /// The value a `put KEY VALUE` or `cas KEY OLD NEW` writes; nil for anything else.
    static func written(by entry: HistoryEntry) -> String? {
        switch entry.operation.name {
        case "put", "write": entry.operation.input.first
        case "cas": entry.operation.input.count >= 2 ? entry.operation.input[1] : nil
        default: nil
        }
    }
}
