/// One trace record as everyone above the kernel reads it: typed fields instead of a line to
/// parse back. The lab narrates from these, `log` prints their `line`, the timeline pairs a
/// message's send with its fate by `messageID`, and violations and client lines are found by
/// `kind`.
public struct TraceEntry: Sendable, Equatable {
    /// What kind of thing happened.
    public enum Kind: String, Sendable, Hashable {
        /// A message was sent (`from` → `to`, `label` and `text` are the payload's).
        case send
        /// A message arrived.
        case deliver
        /// A message was lost (to loss, a partition, a cut, a down receiver or `drop`).
        case drop
        /// A message was queued on a held link.
        case hold
        /// A node's timer fired (`node`, `text` is the timer's name).
        case timer
        /// A node narrated a state change (`node`, `text`).
        case note
        /// A protocol command was delivered to a node (`node`, `text` is its words).
        case command
        /// A fault was injected or healed (`text`).
        case fault
        /// A client invoked an operation (`client`, `node`).
        case invoke
        /// A client operation completed: ok, fail or unknown (`client`).
        case complete
        /// A safety property broke (`text` is `PROPERTY: message`).
        case violation
    }

    /// When it happened.
    public var time: SimTime
    /// What kind of thing it is.
    public var kind: Kind
    /// The sender of a message; for a timer, note or invoke, the node it is about.
    public var from: NodeID?
    /// The receiver of a message.
    public var to: NodeID?
    /// The message's id (`#17`), for messages.
    public var messageID: MessageID?
    /// The message's short label for the view (`AE`, `RV✓`), for sends, drops and holds.
    public var label: String?
    /// The client's number (`c3`), for invokes and completions.
    public var client: Int?
    /// The text after the time and the parties: the payload's trace text, the timer's name,
    /// the note, the fault, the operation and its outcome, or the violation.
    public var text: String
    /// True for what the plain REPL narrates (state changes, faults, client results, violations).
    public var isNotable: Bool
    /// The stable one-line form shared by `log`, lessons and goldens: `t=120ms #17 n1->n2 ...`.
    public var line: String

    /// The node a timer, note or invoke is about (the same as `from`).
    public var node: NodeID? { from }

    /// An entry; `line` is the stable one-line form.
    public init(time: SimTime, kind: Kind, from: NodeID? = nil, to: NodeID? = nil, messageID: MessageID? = nil,
                label: String? = nil, client: Int? = nil, text: String, isNotable: Bool, line: String) {
        self.time = time
        self.kind = kind
        self.from = from
        self.to = to
        self.messageID = messageID
        self.label = label
        self.client = client
        self.text = text
        self.isNotable = isNotable
        self.line = line
    }
}

extension TraceRecord {
    /// The record as a typed entry.
    public var entry: TraceEntry {
        let notable = isNotable
        switch event {
        case .send(let e):
            return TraceEntry(time: time, kind: .send, from: e.from, to: e.to, messageID: e.id, label: e.payload.label,
                              text: e.payload.traceText, isNotable: notable, line: line)
        case .deliver(let e):
            return TraceEntry(time: time, kind: .deliver, from: e.from, to: e.to, messageID: e.id,
                              text: "delivered", isNotable: notable, line: line)
        case .drop(let e, let reason):
            return TraceEntry(time: time, kind: .drop, from: e.from, to: e.to, messageID: e.id, label: e.payload.label,
                              text: "dropped (\(reason.rawValue))", isNotable: notable, line: line)
        case .hold(let e):
            return TraceEntry(time: time, kind: .hold, from: e.from, to: e.to, messageID: e.id, label: e.payload.label,
                              text: "held", isNotable: notable, line: line)
        case .timer(let node, let name):
            return TraceEntry(time: time, kind: .timer, from: node, text: name, isNotable: notable, line: line)
        case .note(let node, let text):
            return TraceEntry(time: time, kind: .note, from: node, text: text, isNotable: notable, line: line)
        case .command(let node, let words):
            return TraceEntry(time: time, kind: .command, from: node, text: words, isNotable: notable, line: line)
        case .fault(let text):
            return TraceEntry(time: time, kind: .fault, text: text, isNotable: notable, line: line)
        case .invoke(let client, let node, let op):
            return TraceEntry(time: time, kind: .invoke, from: node, client: client, text: TraceText.operation(op), isNotable: notable, line: line)
        case .complete(let client, let op, let outcome, let output):
            return TraceEntry(time: time, kind: .complete, client: client,
                              text: TraceText.completionText(op, outcome, output), isNotable: notable, line: line)
        case .violation(let v):
            return TraceEntry(time: time, kind: .violation, text: "\(v.property): \(v.message)", isNotable: notable, line: line)
        }
    }
}
