import LightconeSimulation

/// Logical clocks (Lamport 1978, "Time, Clocks, and the Ordering of Events in a Distributed
/// System"; vector clocks after Fidge 1988 and Mattern 1989). There is no background traffic:
/// the learner makes every event, with `event NODE` (a local event) and `send A B` (a send on A
/// now, and a receive on B when the message arrives, through the simulated network).
///
/// Each node keeps a Lamport clock C and a vector clock V, and gives every event both:
/// - IR1: the node ticks C before each event (and its own counter of V);
/// - IR2: a message carries Tm = C⟨send⟩ (and V⟨send⟩); on receipt the node sets
///   C = max(C, Tm) + 1, and V = max(V, Vm) with its own counter ticked.
///
/// So `a → b` ⇒ C⟨a⟩ < C⟨b⟩ (the clock condition), and `a → b` ⇔ V⟨a⟩ < V⟨b⟩. A node's clocks
/// and events are kept across `kill`: a clock that went back would break the clock condition.
public struct ClocksNode: ProtocolNode {
    public typealias Message = ClocksMessage
    public typealias Timer = ClocksTimer
    public typealias Config = ClocksConfig

    public static let name = "clocks"
    public static let summary = "Lamport and vector clocks: happens-before, concurrency and light cones; you make the events"
    public static let defaultNodeCount = 3
    public static let nodeCounts = 1...12
    public static let options: [OptionSpec] = []
    public static let operations: [OperationSpec] = []
    public static var roles: [RoleSpec] { [RoleSpec("process", .passive)] }
    public static var bugs: [BugSpec] {
        [BugSpec("no-receive-max", "IR2 off: a receive just ticks the Lamport clock, ignoring the message's timestamp; the clock condition breaks")]
    }

    /// The index of `no-receive-max` in `bugs`.
    static let noReceiveMax = 0

    public let id: NodeID
    /// The Lamport clock C: the timestamp of the node's latest event (0 before any).
    public private(set) var lamport = 0
    /// The vector clock: the vector time of the node's latest event.
    public private(set) var vector: VectorTime
    /// Every event of this node, in process order (`events[k-1]` is `nK:k`).
    public private(set) var events: [ClockEvent] = []

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> ClocksConfig {
        if let first = options.first { throw OptionError("clocks takes no options, not \(first.key)=") }
        return ClocksConfig()
    }

    public init(id: NodeID, nodeCount: Int, config: ClocksConfig) {
        self.id = id
        self.vector = VectorTime(nodeCount: nodeCount)
    }

    /// The name the node's next event will have.
    var nextName: ClockEventName { ClockEventName(node: id, number: events.count + 1) }

    /// The event called `name` on this node, if it has happened.
    public func event(_ name: ClockEventName) -> ClockEvent? {
        guard name.node == id, name.number >= 1, name.number <= events.count else { return nil }
        return events[name.number - 1]
    }

    public mutating func start(_ ctx: inout Context<ClocksNode>) {}

    /// `event` (a local event) and `send B` (a send to B), delivered by the commands.
    public mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<ClocksNode>) {
        switch name {
        case "event":
            record(.local, tickTo: lamport + 1, &ctx)
        case "send":
            guard let word = arguments.first, let to = NodeID(name: word), to.index < ctx.nodeCount, to != id else { return }
            let event = record(.send(to: to), tickTo: lamport + 1, &ctx)
            // IR2(a): the message carries the sender's timestamp of the send event.
            ctx.send(.message(send: event.name, lamport: event.lamport, vector: event.vector), to: to)
        default:
            break
        }
    }

    /// IR2(b): on receipt, C = max(C, Tm) + 1 (greater than both what it had and the message's
    /// timestamp), and V = max(V, Vm), its own counter ticked.
    public mutating func receive(_ message: ClocksMessage, from sender: NodeID, _ ctx: inout Context<ClocksNode>) {
        guard case .message(let send, let stamp, let carried) = message else { return }
        vector = vector.merged(with: carried)
        let lamport = ctx.isBugOn(Self.noReceiveMax) ? self.lamport + 1 : max(self.lamport, stamp) + 1
        record(.receive(from: send), tickTo: lamport, &ctx)
    }

    /// IR1: one more event, its Lamport timestamp `lamport` (the old clock plus one, or IR2's
    /// value), its own vector counter ticked; narrated as a note.
    @discardableResult
    mutating func record(_ kind: ClockEvent.Kind, tickTo lamport: Int, _ ctx: inout Context<ClocksNode>) -> ClockEvent {
        self.lamport = lamport
        vector.tick(id)
        let event = ClockEvent(name: nextName, kind: kind, lamport: lamport, vector: vector, time: ctx.now)
        events.append(event)
        ctx.note(event.note)
        return event
    }

    public mutating func timerFired(_ timer: ClocksTimer, _ ctx: inout Context<ClocksNode>) {}

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<ClocksNode>) {
        ctx.reply(request, .fail("clocks has no client operations; use event NODE and send A B"))
    }

    /// Clocks and events are durable: nothing is forgotten.
    public mutating func crash() {}

    /// The event loop compiled for clocks.
    public static func runEvents(_ simulation: inout Simulation<ClocksNode>, to time: SimTime) -> Bool {
        simulation.eventLoop(to: time)
    }

    /// `run until`, compiled for clocks.
    public static func runEvents(_ simulation: inout Simulation<ClocksNode>, until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        simulation.eventLoop(until: condition, deadline: deadline)
    }
}
