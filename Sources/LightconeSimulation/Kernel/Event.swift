/// Something scheduled to happen at an instant. Events are ordered by (time, insertion
/// sequence), so ties never depend on hashing or memory addresses. The event itself is small
/// and trivially copyable (the heap moves it often); what it does waits in a slot of the
/// simulation's action table. Two kinds of events skip that table: node timers need no
/// action — a negative `slot` is `-1 - timerIndex` (see `TimerState`) and `generation` tells
/// which arming of the timer the event was queued for — and message deliveries, the most
/// common events, wait in the simulation's delivery table (`generation` is `deliveryTag`).
struct Event: Comparable, Sendable {
    let time: SimTime
    let sequence: UInt64
    let slot: Int32
    var generation: UInt32 = 0

    /// Marks a delivery: `slot` is in the delivery table.
    static let deliveryTag = UInt32.max

    /// True for a node timer's event (no action slot).
    var isTimer: Bool { slot < 0 }
    /// True for a message delivery (a slot of the delivery table).
    var isDelivery: Bool { slot >= 0 && generation == Event.deliveryTag }

    @inline(__always)
    static func < (lhs: Event, rhs: Event) -> Bool {
        lhs.time != rhs.time ? lhs.time < rhs.time : lhs.sequence < rhs.sequence
    }
    static func == (lhs: Event, rhs: Event) -> Bool { lhs.time == rhs.time && lhs.sequence == rhs.sequence }
}

/// What an event does.
enum Action<Message: ProtocolMessage>: Sendable {
    /// A message arrives (or dies, when lost). (Boxed: deliveries queue in their own table,
    /// this case is rare — released and backlogged messages — and it keeps every action small,
    /// so that queueing a client timeout or a workload tick copies a few words.)
    indirect case deliver(Envelope<Message>)
    /// A node's timer fires, unless it was re-armed or cancelled since (generation differs).
    case timer(node: Int32, slot: Int32, generation: UInt32)
    /// A client gives up waiting.
    case clientTimeout(RequestID)
    /// A `load` issues its next operation.
    case workload(Int)
    /// The `chaos` nemesis acts.
    case nemesis
}

/// The bookkeeping of one node timer (one per node and `Node.Timer` case), which keeps
/// re-armed timers out of the event queue.
///
/// Protocols re-arm some timers on almost every message (Raft's election timeout), and each
/// arming used to queue an event whose predecessors then fired as stale no-ops. Now an
/// arming takes its place in the (time, sequence) order — it draws its sequence number at
/// once — but it is queued only when no earlier event of the same timer is queued: that
/// earlier event pops first and queues the current arming then, at its own time and
/// sequence, still before anything that follows it in the order. The events a timer has
/// queued always pop in the order they were queued in reverse (each is queued only when it
/// is earlier than all the others), so their times form a stack.
///
/// The top of that stack (the earliest queued time, the one that pops next) is kept inline:
/// almost always it is the only one, and reading it from an array of its own cost a cache
/// miss on every timer event (12% of a 10,000-node gossip run).
struct TimerState: Sendable {
    /// When the current arming is due.
    var deadline: SimTime = 0
    /// The sequence number the current arming drew.
    var sequence: UInt64 = 0
    /// The earliest time of this timer's events in the queue (meaningful when `queuedCount > 0`).
    var earliestQueued: SimTime = 0
    /// The times of the other queued events, latest first (below `earliestQueued` on the stack).
    var laterQueued: [SimTime] = []
    /// Bumped by every arming and disarming; a queued event fires only if it still matches.
    var generation: UInt32 = 0
    /// How many events of this timer are in the queue.
    var queuedCount: UInt32 = 0
    /// True between an arming and its firing, a cancel or a crash.
    var isArmed = false
    /// True when the current arming has its own event in the queue.
    var isQueued = false

    /// Whether an arming due at `deadline` must be queued now, or can wait behind an
    /// earlier event of this timer that is already queued.
    func needsEvent(dueAt deadline: SimTime) -> Bool {
        queuedCount == 0 || earliestQueued > deadline
    }

    /// Records an event queued at `time` (earlier than every other queued one).
    mutating func pushQueued(_ time: SimTime) {
        if queuedCount > 0 { laterQueued.append(earliestQueued) }
        earliestQueued = time
        queuedCount += 1
    }

    /// Records that the earliest queued event popped.
    mutating func popQueued() {
        queuedCount -= 1
        if queuedCount > 0 { earliestQueued = laterQueued.removeLast() }
    }
}
