/// A live safety monitor: looks at each node right after it handled an event and reports
/// a broken invariant. It must do constant work per event (keep its own summary of what
/// it has seen), so that it can stay on in long runs.
public protocol SafetyMonitor<Node>: Sendable {
    /// The protocol it watches.
    associatedtype Node: ProtocolNode
    /// Node `id` has just handled an event at `now`; `nodes[id.index]` is its new state.
    mutating func observe(_ id: NodeID, in nodes: [Node], now: SimTime) -> Violation?
}
