/// A failure of the paper's interactive consistency conditions in one battle.
///
/// IC1: all loyal lieutenants obey the same order. IC2: if the commander is loyal, every loyal
/// lieutenant obeys the order it sends.
public struct Breach: Sendable, Hashable {
    /// `IC1` or `IC2`.
    public var property: String
    /// `n2 decided retreat, the loyal commander ordered attack`.
    public var message: String

    /// A breach of `property`.
    public init(property: String, message: String) {
        self.property = property
        self.message = message
    }

    /// IC2 failing at `lieutenant`.
    public static func ic2(_ lieutenant: Int, decided: ByzantineOrder, order: ByzantineOrder) -> Breach {
        Breach(property: "IC2", message: "n\(lieutenant + 1) decided \(decided.rawValue), the loyal commander ordered \(order.rawValue)")
    }

    /// IC1 failing between an attacking and a retreating loyal lieutenant.
    public static func ic1(attacking: Int, retreating: Int) -> Breach {
        Breach(property: "IC1", message: "loyal lieutenants disagree: n\(attacking + 1) decided attack, n\(retreating + 1) decided retreat")
    }

    /// The verdict on `decisions` (per node; nil for the commander, traitors and the undecided),
    /// `order` the loyal commander's order (nil when the commander is a traitor). IC2 is named
    /// first: with a loyal commander, a lieutenant that disobeys breaks it.
    public static func verdict(_ decisions: [ByzantineOrder?], loyalOrder order: ByzantineOrder?) -> Breach? {
        if let order {
            for (i, decision) in decisions.enumerated() {
                if let decision, decision != order { return .ic2(i, decided: decision, order: order) }
            }
        }
        let attacking = decisions.indices.first { decisions[$0] == .attack }
        let retreating = decisions.indices.first { decisions[$0] == .retreat }
        if let attacking, let retreating { return .ic1(attacking: attacking, retreating: retreating) }
        return nil
    }
}
