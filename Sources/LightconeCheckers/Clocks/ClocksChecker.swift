import LightconeProtocols
import LightconeSimulation

/// The clocks checker: after every event it compares the clocks the nodes gave their events
/// with happens-before computed on its own, from the event graph alone (each event's edges
/// are process order and, for a receive, its send; → is their transitive closure).
///
/// - `ClockCondition` (Lamport 1978): a → b ⇒ L(a) < L(b).
/// - `StrongClockCondition` (Fidge 1988, Mattern 1989): a → b ⇔ V(a) < V(b).
public enum ClocksChecker: ProtocolChecker {
    public static let properties = ["ClockCondition", "StrongClockCondition"]

    public static func configure(_ simulation: inout Simulation<ClocksNode>) {
        simulation.monitor = CausalityMonitor()
    }

    public static func check(_ simulation: Simulation<ClocksNode>) -> CheckReport {
        var monitor = CausalityMonitor()
        if let violation = monitor.catchUp(simulation.nodes) { return .violation(violation) }
        let events = monitor.eventCount
        let messages = simulation.nodes.flatMap(\.events).filter { if case .receive = $0.kind { return true }; return false }.count
        return CheckReport(lines: [
            "check: ok (\(events) event\(events == 1 ? "" : "s"), \(messages) message\(messages == 1 ? "" : "s") received:"
                + " a → b ⇒ L(a) < L(b), and a → b ⇔ V(a) < V(b), over \(monitor.pairsCompared) pairs)",
        ])
    }
}

/// Keeps the event graph the nodes' events make and, for each event, its causal past as a set
/// of names (never looking at a clock); checks every new event against every earlier one.
/// Work per event grows with the events so far: clocks runs are made by hand, and small.
public struct CausalityMonitor: SafetyMonitor {
    /// Events taken in so far, per node.
    var seen: [Int] = []
    /// Each event's causal past, from the graph alone.
    var past: [ClockEventName: Set<ClockEventName>] = [:]
    /// Every event taken in, in the order it was.
    var events: [ClockEvent] = []
    /// How many (earlier, later) pairs have been compared.
    public private(set) var pairsCompared = 0

    public init() {}

    /// How many events have been taken in.
    public var eventCount: Int { events.count }

    public mutating func observe(_ id: NodeID, in nodes: [ClocksNode], now: SimTime) -> Violation? {
        catchUp(nodes)
    }

    /// Takes in every event not seen yet, each once the send it receives (if any) is in.
    public mutating func catchUp(_ nodes: [ClocksNode]) -> Violation? {
        if seen.count != nodes.count { seen = Array(repeating: 0, count: nodes.count) }
        var progressed = true
        while progressed {
            progressed = false
            for node in nodes {
                while seen[node.id.index] < node.events.count {
                    let event = node.events[seen[node.id.index]]
                    if case .receive(let send) = event.kind, past[send] == nil { break }
                    seen[node.id.index] += 1
                    progressed = true
                    if let violation = add(event) { return violation }
                }
            }
        }
        return nil
    }

    /// Adds event `b`: its past is its predecessor's and its send's, with them; then every
    /// earlier event `a` is compared with it (b cannot happen before an event already there).
    mutating func add(_ b: ClockEvent) -> Violation? {
        var cause: Set<ClockEventName> = []
        var edges: [ClockEventName] = []
        if let predecessor = b.name.predecessor { edges.append(predecessor) }
        if case .receive(let send) = b.kind { edges.append(send) }
        for edge in edges {
            cause.insert(edge)
            cause.formUnion(past[edge] ?? [])
        }
        past[b.name] = cause
        defer { events.append(b) }
        // Latest first: a broken rule shows first at the events nearest b (the send it receives).
        for a in events.reversed() {
            pairsCompared += 1
            let happenedBefore = cause.contains(a.name)
            if happenedBefore && a.lamport >= b.lamport {
                return Violation(property: "ClockCondition",
                                 message: "\(a.name) → \(b.name) but L(\(a.name))=\(a.lamport) ≥ L(\(b.name))=\(b.lamport)")
            }
            if happenedBefore != a.vector.isBefore(b.vector) {
                return Violation(property: "StrongClockCondition", message: happenedBefore
                    ? "\(a.name) → \(b.name) but not V(\(a.name))=\(a.vector) < V(\(b.name))=\(b.vector)"
                    : "V(\(a.name))=\(a.vector) < V(\(b.name))=\(b.vector) but \(a.name) did not happen before \(b.name)")
            }
            if b.vector.isBefore(a.vector) {
                return Violation(property: "StrongClockCondition",
                                 message: "V(\(b.name))=\(b.vector) < V(\(a.name))=\(a.vector) but \(b.name) happened after it")
            }
        }
        return nil
    }
}
