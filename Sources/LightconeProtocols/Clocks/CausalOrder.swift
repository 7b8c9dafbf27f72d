import LightconeSimulation

/// How two events are ordered by happens-before (Lamport's →), as their vector times tell.
public enum CausalRelation: Sendable, Equatable {
    /// The same event.
    case same
    /// The first happened before the second: it could have influenced it.
    case before
    /// The second happened before the first.
    case after
    /// Neither happened before the other: neither could have known of the other.
    case concurrent
}

/// The light cone of an event: the events that could have influenced it (its past), those it
/// can influence (its future, so far), and the rest, concurrent with it.
public struct LightCone: Sendable, Equatable {
    /// The event the cone is of.
    public var focus: ClockEvent
    /// The events that happened before it, by node then number.
    public var past: [ClockEventName]
    /// The events it happened before, so far.
    public var future: [ClockEventName]
    /// The events concurrent with it.
    public var concurrent: [ClockEventName]
}

extension ClockEvent {
    /// How this event and `other` are ordered: `a → b` exactly when `V(a) < V(b)`.
    public func relation(to other: ClockEvent) -> CausalRelation {
        if name == other.name { return .same }
        if vector.isBefore(other.vector) { return .before }
        if other.vector.isBefore(vector) { return .after }
        return .concurrent
    }
}

extension ClocksNode {
    /// The event called `name`, from whichever node has it.
    public static func event(_ name: ClockEventName, in nodes: [ClocksNode]) -> ClockEvent? {
        guard name.node.index < nodes.count else { return nil }
        return nodes[name.node.index].event(name)
    }

    /// Why `name` names no event: `unknown event n1:9; n1's last event is n1:3`.
    public static func missing(_ name: ClockEventName, in nodes: [ClocksNode]) -> String {
        guard name.node.index < nodes.count else {
            return "unknown node \(name.node) in \(name); nodes are \(nodes.count == 1 ? "n1" : "n1..n\(nodes.count)")"
        }
        let last = nodes[name.node.index].events.last
        return "unknown event \(name); " + (last.map { "\(name.node)'s last event is \($0.name)" } ?? "\(name.node) has no events yet")
    }

    /// The event called `name`, or the error that says why there is none.
    static func lookup(_ word: String, in nodes: [ClocksNode]) throws(SimulationError) -> ClockEvent {
        guard let name = ClockEventName(text: word) else { throw SimulationError(notAnEvent(word)) }
        guard let event = event(name, in: nodes) else { throw SimulationError(missing(name, in: nodes)) }
        return event
    }

    /// The light cone of `focus` among every event so far.
    public static func cone(of focus: ClockEvent, in nodes: [ClocksNode]) -> LightCone {
        var cone = LightCone(focus: focus, past: [], future: [], concurrent: [])
        for node in nodes {
            for event in node.events {
                switch event.relation(to: focus) {
                case .same: break
                case .before: cone.past.append(event.name)
                case .after: cone.future.append(event.name)
                case .concurrent: cone.concurrent.append(event.name)
                }
            }
        }
        return cone
    }

    /// The view's mark of `focus`'s light cone on each node: the focus node, then on every
    /// other node the last of its events in the past (a prefix of its events: Lamport's process
    /// order) and the first in the future (a suffix), or `outside the cone`.
    static func coneMarks(of focus: ClockEvent, in nodes: [ClocksNode]) -> [NodeMark?] {
        nodes.map { node in
            if node.id == focus.name.node { return NodeMark(.focus, "cone of \(focus.name)") }
            let past = focus.vector[node.id]
            let future = node.events.first { $0.vector[focus.name.node] >= focus.name.number }?.name.number
            var parts: [String] = []
            if past > 0 { parts.append("past<=\(past)") }
            if let future { parts.append("fut>=\(future)") }
            return parts.isEmpty ? NodeMark(.outside, "outside the cone") : NodeMark(.marked, parts.joined(separator: " "))
        }
    }

    /// `cone E` stores `[E]`: the marks of that event's cone, following the cluster as it runs.
    public static func marks(focus: [String], in cluster: ClusterState<ClocksNode>) -> [NodeID: NodeMark] {
        guard let word = focus.first, let name = ClockEventName(text: word), let event = event(name, in: cluster.nodes) else { return [:] }
        var marks: [NodeID: NodeMark] = [:]
        for (index, mark) in coneMarks(of: event, in: cluster.nodes).enumerated() { marks[NodeID(index: index)] = mark }
        return marks
    }

    /// The error for a word that is not an event name.
    static func notAnEvent(_ word: String) -> String {
        "'\(word)' is not an event; events are named NODE:K, like n1:2 (the 2nd event on n1)"
    }
}
