import HeapModule

/// Something scheduled to happen at an instant. Events are ordered by (time, insertion
/// sequence), so ties never depend on hashing or memory addresses. The event itself is small
/// and trivially copyable (the heap moves it often); what it does waits in a slot of the
/// simulation's action table.
struct Event: Comparable, Sendable {
    let time: SimTime
    let sequence: UInt64
    let slot: Int32

    @inline(__always)
    static func < (lhs: Event, rhs: Event) -> Bool {
        lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
    }
    static func == (lhs: Event, rhs: Event) -> Bool { lhs.time == rhs.time && lhs.sequence == rhs.sequence }
}

/// What an event does.
enum Action<Message: ProtocolMessage>: Sendable {
    /// A message arrives (or dies, when lost).
    case deliver(Envelope<Message>)
    /// A node's timer fires, unless it was re-armed or cancelled since (generation differs).
    case timer(node: Int32, slot: Int32, generation: UInt32)
    /// A client gives up waiting.
    case clientTimeout(RequestID)
    /// A `load` issues its next operation.
    case workload(Int)
    /// The `chaos` nemesis acts.
    case nemesis
}
