/// A notable trace record (what narration shows: `TraceRecord.isNotable`) without the
/// protocol's message type. The trace keeps these in a ring of their own, so narration reads
/// and formats them in plain, non-generic code, and they hold no message payloads.
public struct NotableRecord: Sendable, TraceLineWriting {
    /// When it happened.
    public var time: SimTime
    /// What happened.
    public var event: NotableEvent

    /// A record of `event` at `time`.
    @inlinable public init(time: SimTime, event: NotableEvent) {
        self.time = time
        self.event = event
    }

    /// Appends `line` to `line`'s bytes.
    public func appendLine(to line: inout LineBytes) {
        line.append("t=")
        line.appendInstant(time)
        switch event {
        case .note(let node, let note): line.appendNote(node, note)
        case .fault(let fault): line.appendFault(fault)
        case .drop(let ref, let reason, _): line.appendDrop(ref.id, ref.from, ref.to, reason)
        case .complete(let client, let op, let outcome, let output): line.appendCompletion(client, op, outcome, output)
        case .violation(let violation): line.appendViolation(violation)
        }
    }

    /// True for a violation.
    public var isViolation: Bool {
        if case .violation = event { return true }
        return false
    }

    /// The record as a typed entry, the same as the `TraceRecord`'s `entry`.
    public var entry: TraceEntry {
        switch event {
        case .note(let node, let text):
            return TraceEntry(time: time, kind: .note, from: node, text: text, isNotable: true, line: line)
        case .fault(let text):
            return TraceEntry(time: time, kind: .fault, text: text, isNotable: true, line: line)
        case .drop(let ref, let reason, let label):
            return TraceEntry(time: time, kind: .drop, from: ref.from, to: ref.to, messageID: ref.id, label: label,
                              text: "dropped (\(reason.rawValue))", isNotable: true, line: line)
        case .complete(let client, let op, let outcome, let output):
            return TraceEntry(time: time, kind: .complete, client: client,
                              text: TraceText.completionText(op, outcome, output), isNotable: true, line: line)
        case .violation(let v):
            return TraceEntry(time: time, kind: .violation, text: "\(v.property): \(v.message)", isNotable: true, line: line)
        }
    }
}

/// The notable kinds of `TraceEvent`, without message payloads.
public enum NotableEvent: Sendable {
    case note(NodeID, String)
    case fault(String)
    /// A message dropped by hand: its ends, why, and its payload's label.
    case drop(MessageRef, DropReason, label: String)
    indirect case complete(client: Int, Operation, OperationOutcome, String?)
    indirect case violation(Violation)

    /// The notable part of `event`; nil for what narration does not show (traffic, timers,
    /// invocations, protocol commands, drops not made by hand).
    @inlinable @inline(__always)
    public init?<Message>(_ event: __shared TraceEvent<Message>) {
        switch event {
        case .note(let node, let text): self = .note(node, text)
        case .fault(let text): self = .fault(text)
        case .drop(_, let reason) where reason != .manual: return nil
        case .drop(let e, let reason): self = .drop(e.ref, reason, label: e.payload.label)
        case .complete(let client, let op, let outcome, let output): self = .complete(client: client, op, outcome, output)
        case .violation(let v): self = .violation(v)
        case .send, .deliver, .hold, .timer, .invoke, .command: return nil
        }
    }
}
