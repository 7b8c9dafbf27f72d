import LightconeSimulation

/// The one message of the clocks protocol: sent at event `send`, it carries the sender's
/// Lamport timestamp Tm = C⟨send⟩ (IR2a) and its vector time.
public enum ClocksMessage: ProtocolMessage, Equatable {
    /// The message sent at event `send`, stamped with the sender's clocks.
    case message(send: ClockEventName, lamport: Int, vector: VectorTime)

    /// `m@2`: a message, and the Lamport timestamp it carries.
    public var label: String {
        switch self { case .message(_, let lamport, _): return "m@\(lamport)" }
    }

    /// `n1:2 carries L=2 V=[2,0,0]`: the send event first, so that `timeline` (which names an
    /// arrow by the first word) labels each message by the event that sent it.
    public var traceText: String {
        switch self { case .message(let send, let lamport, let vector): return "\(send) carries L=\(lamport) V=\(vector)" }
    }

    public var isReply: Bool { false }
}

/// Clocks has no timers: nothing happens unless the learner makes it happen.
public enum ClocksTimer: Int, ProtocolTimer {
    /// Never armed.
    case unused
    public var name: String { "unused" }
}

/// Clocks takes no options.
public struct ClocksConfig: Sendable, Equatable {}
