/// Identifies one message in flight; stable for `messages`, `drop ID` and `deliver ID`.
public typealias MessageID = UInt64

/// What travels on a link: a protocol message, or a client's request or its reply.
public enum Payload<Message: ProtocolMessage>: Sendable {
    /// A protocol message between nodes.
    case message(Message)
    /// A client request, carried from the client's node to a node that should serve it.
    /// (Boxed: it is rare, and it keeps every envelope small.)
    indirect case request(RequestID, Operation)
    /// A node's answer, carried back to the client's node.
    indirect case response(RequestID, ClientReply)

    /// A short label for the view.
    public var label: String {
        switch self {
        case .message(let m): return m.label
        case .request(_, let op): return op.name
        case .response(_, let reply):
            switch reply {
            case .ok: return "ok"
            case .fail, .checkFailed: return "fail"
            case .redirect: return "redir"
            }
        }
    }

    /// True for a protocol message that carries nothing new (`ProtocolMessage.isQuiet`).
    public var isQuiet: Bool {
        if case .message(let m) = self { return m.isQuiet }
        return false
    }

    /// The text shown in the trace.
    public var traceText: String {
        switch self {
        case .message(let m): return m.traceText
        case .request(let id, let op): return "Request r\(id) \(op)"
        case .response(let id, let reply):
            switch reply {
            case .ok(let output): return "Reply r\(id) ok" + (output.map { " \($0)" } ?? "")
            case .fail(let why), .checkFailed(let why): return "Reply r\(id) fail \(why)"
            case .redirect(let node): return "Reply r\(id) redirect " + (node.map { "\($0)" } ?? "none")
            }
        }
    }

    /// True for a reply to a client (read without copying what it carries).
    @inlinable public var isResponse: Bool {
        if case .response = self { return true }
        return false
    }

    /// True for answers; the view colours them apart.
    public var isReply: Bool {
        switch self {
        case .message(let m): return m.isReply
        case .request: return false
        case .response: return true
        }
    }
}

/// Where a message went and when, without what it carried (delivery records keep only this).
public struct MessageRef: Sendable, Equatable {
    public var id: MessageID
    public var from: NodeID
    public var to: NodeID
    public var sentAt: SimTime
    public var arrivesAt: SimTime
}

/// A message on its way: who sent it to whom, when, and whether the network will lose it.
public struct Envelope<Message: ProtocolMessage>: Sendable {
    /// Its stable id.
    public var id: MessageID
    /// The sending node.
    public var from: NodeID
    /// The receiving node.
    public var to: NodeID
    /// When it was sent.
    public var sentAt: SimTime
    /// When it is due to arrive.
    public var arrivesAt: SimTime
    /// What it carries.
    public var payload: Payload<Message>
    /// True when the network decided at send time to lose it; it dies at `arrivesAt`.
    public var isLost: Bool

    /// The link it travels on.
    @inlinable public var link: Link { Link(from, to) }

    /// Its id, ends and times.
    public var ref: MessageRef { MessageRef(id: id, from: from, to: to, sentAt: sentAt, arrivesAt: arrivesAt) }
}

extension Envelope {
    /// An envelope for the message `ref` describes.
    init(_ ref: MessageRef, payload: Payload<Message>, isLost: Bool) {
        self.init(id: ref.id, from: ref.from, to: ref.to, sentAt: ref.sentAt, arrivesAt: ref.arrivesAt, payload: payload, isLost: isLost)
    }
}

/// Why a message did not arrive.
public enum DropReason: String, Sendable {
    case loss = "lost"
    case partition = "partition"
    case cut = "cut"
    case down = "receiver down"
    case manual = "dropped by hand"
    case crashed = "receiver crashed"
}
