/// A value the generals send: the commander's order.
public enum ByzantineOrder: String, Sendable, Hashable, CaseIterable {
    case attack, retreat

    /// The other one.
    public var opposite: ByzantineOrder { self == .attack ? .retreat : .attack }

    /// `A` or `R`, as the view and the node box show values.
    public var letter: String { self == .attack ? "A" : "R" }
}
