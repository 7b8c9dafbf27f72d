import LightconeSimulation

/// The timestamp of a last-writer-wins write: the writer's clock, then the writer's id as the
/// tie-break, so that two writes are never equal (`800ms@n1`).
public struct WriteStamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The writer's clock when it wrote, in microseconds.
    public var time: SimTime
    /// The writer.
    public var node: NodeID

    /// A stamp.
    public init(time: SimTime, node: NodeID) {
        self.time = time
        self.node = node
    }

    /// `800ms@n1`, or nil when the text is not a stamp.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2, let time = DurationText.parse(parts[0]), let node = NodeID(name: parts[1]) else { return nil }
        self.init(time: time, node: node)
    }

    public static func < (a: WriteStamp, b: WriteStamp) -> Bool { (a.time, a.node.index) < (b.time, b.node.index) }

    public var description: String { "\(DurationText.instant(time))@\(node)" }
}

/// A last-writer-wins register (Shapiro et al. 2011, Specification 8): a value and the stamp
/// of the write that put it there; merge keeps the value with the larger stamp. Convergent,
/// and it silently drops every concurrent write but one.
public struct LWWRegister: Sendable, Hashable {
    /// The value, nil before the first write.
    public private(set) var value: String?
    /// The stamp of the write that holds; nil before the first.
    public private(set) var stamp: WriteStamp?

    /// An empty register.
    public init() {}

    /// A register holding `value` written at `stamp`.
    public init(value: String, stamp: WriteStamp) {
        self.value = value
        self.stamp = stamp
    }

    /// Writes `value` at `node` whose clock reads `now`; the stamp is later than the one held,
    /// so a write always wins where it was taken. Returns the new stamp.
    @discardableResult
    public mutating func assign(_ value: String, at node: NodeID, now: SimTime) -> WriteStamp {
        var time = now
        if let stamp, time <= stamp.time { time = stamp.time + 1 }
        let new = WriteStamp(time: time, node: node)
        self.value = value
        self.stamp = new
        return new
    }

    /// The join: the write with the larger stamp.
    public mutating func merge(_ other: LWWRegister) {
        guard let theirs = other.stamp else { return }
        if let stamp, stamp >= theirs { return }
        self = other
    }

    /// The value, or `unset`.
    public var valueText: String { value ?? "unset" }

    /// `b (900ms@n2)`, or `unset`.
    public var description: String {
        guard let value, let stamp else { return "unset" }
        return "\(value) (\(stamp))"
    }
}
