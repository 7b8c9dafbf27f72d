import LightconeSimulation

/// One event of the clocks protocol, as its node recorded it: what it was, and the Lamport
/// timestamp and vector time the node gave it.
///
/// `n2:3 receive from n1:2  L=4  V=[2,3,0]` is n2's third event, the arrival of the message
/// n1 sent at its event 2.
public struct ClockEvent: Sendable, Hashable {
    /// What kind of event it was.
    public enum Kind: Sendable, Hashable {
        /// A local event (`event NODE`): something the node did by itself.
        case local
        /// The sending of a message to `to` (`send A B`).
        case send(to: NodeID)
        /// The arrival of the message sent at event `from`.
        case receive(from: ClockEventName)
    }

    /// Its name, `n2:3`.
    public var name: ClockEventName
    /// What it was.
    public var kind: Kind
    /// Its Lamport timestamp C⟨a⟩ (IR1, IR2).
    public var lamport: Int
    /// Its vector time.
    public var vector: VectorTime
    /// When it happened in the lab's simulated time: the god's-eye time no node has.
    public var time: SimTime

    /// `local`, `send to n2`, `receive from n1:2`.
    public var kindText: String {
        switch kind {
        case .local: return "local"
        case .send(let to): return "send to \(to)"
        case .receive(let from): return "receive from \(from)"
        }
    }

    /// `L=4  V=[2,3,0]`.
    public var clocksText: String { "L=\(lamport)  V=\(vector)" }

    /// `n2:3 receive from n1:2  L=4  V=[2,3,0]`, as `events` lists it.
    public var line: String { "\(name) \(kindText)  \(clocksText)" }

    /// The trace's note when it happens: `receive n2:3 from n1:2  L=4  V=[2,3,0]`, after the
    /// node's name (`t=12ms n2 receive n2:3 from n1:2 ...`).
    public var note: String {
        switch kind {
        case .local: return "event \(name)  \(clocksText)"
        case .send(let to): return "send \(name) to \(to)  \(clocksText)"
        case .receive(let from): return "receive \(name) from \(from)  \(clocksText)"
        }
    }
}
