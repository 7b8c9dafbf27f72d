/// One thing that happened, kept compact and turned into text only when shown.
public enum TraceEvent<Message: ProtocolMessage>: Sendable {
    case send(Envelope<Message>)
    case deliver(MessageRef)
    case drop(Envelope<Message>, DropReason)
    case hold(Envelope<Message>)
    case timer(NodeID, String)
    case note(NodeID, String)
    /// A protocol command delivered to a node (`event n2`), as its words.
    case command(NodeID, String)
    case fault(String)
    // The rare, large cases are boxed so that every record stays small.
    indirect case invoke(client: Int, node: NodeID, Operation)
    indirect case complete(client: Int, Operation, OperationOutcome, String?)
    indirect case violation(Violation)
}

/// A trace event stamped with its time.
public struct TraceRecord<Message: ProtocolMessage>: Sendable, TraceLineWriting {
    @usableFromInline init(time: SimTime, event: TraceEvent<Message>) { self.time = time; self.event = event }
    /// When it happened.
    public var time: SimTime
    /// What happened.
    public var event: TraceEvent<Message>

    /// True for what the plain REPL narrates: state changes, faults, client results and
    /// violations (message traffic and timers are in `log`).
    public var isNotable: Bool {
        switch event {
        case .note, .fault, .complete, .violation: return true
        case .drop(_, let reason): return reason == .manual
        case .send, .deliver, .hold, .timer, .invoke, .command: return false
        }
    }

    /// The nodes this record is about, for `log NODE`.
    public func concerns(_ node: NodeID) -> Bool {
        switch event {
        case .send(let e), .hold(let e), .drop(let e, _): return e.from == node || e.to == node
        case .deliver(let e): return e.from == node || e.to == node
        case .timer(let n, _), .note(let n, _), .command(let n, _): return n == node
        case .invoke(_, let n, _): return n == node
        case .fault(let text): return text.split(separator: " ").contains { $0 == Substring(node.description) }
        case .complete, .violation: return false
        }
    }

    /// Appends `line` to `line`'s bytes.
    public func appendLine(to line: inout LineBytes) {
        line.append("t=")
        line.appendInstant(time)
        switch event {
        case .send(let e):
            line.appendMessage(e.id, e.from, e.to)
            line.append(" ")
            line.append(e.payload.traceText)
        case .deliver(let e):
            line.appendMessage(e.id, e.from, e.to)
            line.append(" delivered")
        case .drop(let e, let reason):
            line.appendDrop(e.id, e.from, e.to, reason)
        case .hold(let e):
            line.appendMessage(e.id, e.from, e.to)
            line.append(" held")
        case .timer(let node, let name):
            line.append(" ")
            line.appendNode(node)
            line.append(" timer ")
            line.append(name)
        case .note(let node, let note):
            line.appendNote(node, note)
        case .command(let node, let words):
            line.append(" ")
            line.appendNode(node)
            line.append(" command ")
            line.append(words)
        case .fault(let fault):
            line.appendFault(fault)
        case .invoke(let client, let node, let op):
            line.append(" c")
            line.append(decimal: Int64(client))
            line.append(" invoke ")
            line.appendOperation(op)
            line.append(" via ")
            line.appendNode(node)
        case .complete(let client, let op, let outcome, let output):
            line.appendCompletion(client, op, outcome, output)
        case .violation(let violation):
            line.appendViolation(violation)
        }
    }
}

/// The trace: a bounded ring of records, oldest dropped first, and beside it a second, much
/// larger ring of the notable records only (what narration shows: `TraceRecord.isNotable`),
/// so that message traffic never pushes a state change out of the narration. On a
/// 10,000-node broadcast the traffic overwrites the main ring many times over, but every
/// `knows hi` note stays in the notable ring; past `notableCapacity` notable records the
/// oldest go too, and `notableRecords(from:)` says exactly how many a reader missed.
public struct Trace<Message: ProtocolMessage>: Sendable {
    /// The most records kept.
    public let capacity: Int
    /// The most notable records kept for narration.
    public let notableCapacity: Int
    /// Whether records are kept at all (benchmarks may switch it off).
    public var isEnabled = true
    /// How many records were ever appended; record number `n` is kept while `n >= count - capacity`.
    public private(set) var count = 0
    /// How many notable records were ever appended (a cursor for narration).
    public private(set) var notableCount = 0
    private var ring: [TraceRecord<Message>] = []
    /// The notable records, without message payloads (see `NotableRecord`).
    private var notableRing: [NotableRecord] = []

    /// An empty trace keeping at most `capacity` records, and `notableCapacity` notable ones.
    public init(capacity: Int = 200_000, notableCapacity: Int = 1_000_000) {
        self.capacity = max(1, capacity)
        self.notableCapacity = max(1, notableCapacity)
    }

    /// Appends a record. (The event is taken, not borrowed: it moves into the ring.) Whether
    /// it is notable is decided here, where the caller's event is known (a send folds away).
    @inlinable @inline(__always)
    public mutating func append(_ time: SimTime, _ event: __owned TraceEvent<Message>) {
        guard isEnabled else { return }
        if let notable = NotableEvent(event) { appendNotable(NotableRecord(time: time, event: notable)) }
        appendRecord(TraceRecord(time: time, event: event))
    }

    @usableFromInline
    mutating func appendNotable(_ record: __owned NotableRecord) {
        if notableRing.count < notableCapacity { notableRing.append(record) } else { notableRing[notableCount % notableCapacity] = record }
        notableCount += 1
    }

    @usableFromInline
    mutating func appendRecord(_ record: __owned TraceRecord<Message>) {
        if ring.count < capacity { ring.append(record) } else { ring[count % capacity] = record }
        count += 1
    }

    /// The number of the oldest record still kept.
    public var firstKept: Int { max(0, count - capacity) }

    /// Records numbered `from..<count` that are still kept, oldest first.
    public func records(from start: Int) -> [TraceRecord<Message>] {
        let begin = max(start, firstKept)
        guard begin < count else { return [] }
        return (begin..<count).map { ring[$0 % capacity] }
    }

    /// The notable records from notable number `start` on (a cursor taken from
    /// `notableCount`), oldest first, and how many of those are no longer kept.
    public func notableRecords(from start: Int) -> (elided: Int, records: [NotableRecord]) {
        let (elided, range) = notableRange(from: start)
        return (elided, range.map { notableRing[$0 % notableCapacity] })
    }

    /// The lines of `notableRecords(from:)` (what narration prints), how many records are no
    /// longer kept, and the position among the lines of the first violation, if any.
    public func notableLines(from start: Int) -> (elided: Int, lines: [String], firstViolation: Int?) {
        let (elided, range) = notableRange(from: start)
        var lines: [String] = []
        lines.reserveCapacity(range.count)
        var firstViolation: Int?
        var line = LineBytes()
        for number in range {
            let slot = number % notableCapacity
            if firstViolation == nil && notableRing[slot].isViolation { firstViolation = lines.count }
            notableRing[slot].appendLine(to: &line)
            lines.append(line.take())
        }
        return (elided, lines, firstViolation)
    }

    /// The notable numbers still kept from `start` on, and how many before them are gone.
    private func notableRange(from start: Int) -> (elided: Int, range: Range<Int>) {
        let firstKept = max(0, notableCount - notableCapacity)
        let begin = max(start, firstKept)
        guard begin < notableCount else { return (max(0, notableCount - max(0, start)), notableCount..<notableCount) }
        return (begin - max(0, start), begin..<notableCount)
    }
}

/// A broken safety property, as found by a live monitor or by `check`.
public struct Violation: Sendable, Equatable {
    /// The property's name, e.g. `ElectionSafety`, `linearizability`.
    public var property: String
    /// What exactly went wrong, with the nodes, terms and indexes involved.
    public var message: String

    /// A violation of `property`.
    public init(property: String, message: String) {
        self.property = property
        self.message = message
    }
}
