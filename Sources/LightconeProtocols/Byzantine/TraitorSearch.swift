import LightconeSimulation

/// What `worst` found: the plan the traitors follow and how it breaks IC1 or IC2 (nil when no
/// choice it tried breaks them).
public struct TraitorSearchResult: Sendable {
    /// The traitors' plan: the breaking one, or else split for a commander and flip for lieutenants.
    public var plan: TraitorPlan
    /// How IC1 or IC2 broke under it.
    public var breach: Breach?
    /// How many plans were tried.
    public var tried: Int
    /// The traitors' choice bits (the search space is 2^bits).
    public var bits: Int
    /// True when every plan of the space was tried (or a break was found).
    public var isComplete: Bool
}

/// `worst`: a search over the traitors' choices, message by message, for one that breaks IC1
/// or IC2. It tries structured plans first (flip; attack to a subset of lieutenants, for each
/// traitor; the same subset for all of them), then every assignment of the choice bits while
/// there are at most 2^20, else a seeded random sample of them with a budget.
public enum TraitorSearch {
    /// Exhaustive up to 2^20 choices.
    public static let exhaustiveBits = 20
    /// Random plans tried beyond that.
    public static let budget = 4_096

    /// The worst the traitors of `config` can do when the commander orders `order` (for a
    /// traitorous commander, the order it was given).
    public static func worst(_ config: ByzantineConfig, order: ByzantineOrder, budget: Int = budget) -> TraitorSearchResult {
        let n = config.nodeCount
        var battle = Battle(config: config, order: order)
        let traitors = (0..<n).filter(config.isTraitor)
        var tried = 0
        func result(_ plan: TraitorPlan, _ breach: Breach?, complete: Bool) -> TraitorSearchResult {
            TraitorSearchResult(plan: plan, breach: breach, tried: tried, bits: battle.choiceCount, isComplete: complete)
        }
        guard !traitors.isEmpty, n >= 2 else { return result(TraitorPlan.of(.flip, nodeCount: n), nil, complete: true) }

        // Structured plans: every traitor flips or sends attack to a subset of the lieutenants.
        let lieutenants = n - 1
        var masks: [UInt64] = lieutenants <= 5
            ? (0..<(UInt64(1) << UInt64(lieutenants))).map { $0 << 1 }
            : [0, ((UInt64(1) << UInt64(lieutenants)) - 1) << 1, TraitorPlan.oddLieutenants(n)]
        if lieutenants > 5 { masks.append(masks[1] & ~masks[2]) }
        let moves: [TraitorMove] = [.flip] + masks.map { .subset($0) }
        var combinations = 1
        for _ in traitors { combinations = combinations > 4_096 ? combinations : combinations * moves.count }
        var plan = TraitorPlan(nodeCount: n, move: .flip)
        if combinations <= 4_096 {
            for combination in 0..<combinations {
                var rest = combination
                for t in traitors { plan.moves[t] = moves[rest % moves.count]; rest /= moves.count }
                tried += 1
                if let breach = battle.breach(plan) { return result(plan, breach, complete: true) }
            }
        }
        // Colluding traitors: all of them tell the same subset of lieutenants attack and the
        // rest retreat (every subset, up to 2^11), or the commander splits by a subset while
        // the lieutenant traitors flip.
        if (lieutenants > 5 || combinations > 4_096) && lieutenants <= 11 {
            for subset in 0..<(UInt64(1) << UInt64(lieutenants)) {
                for alone in [false, true] where !alone || config.isTraitor(0) {
                    for t in traitors { plan.moves[t] = alone && t != 0 ? .flip : .subset(subset << 1) }
                    tried += 1
                    if let breach = battle.breach(plan) { return result(plan, breach, complete: true) }
                }
            }
        }

        // Message by message: every assignment of the bits, or a seeded sample.
        let bits = battle.choiceCount
        plan = TraitorPlan(nodeCount: n, move: .bits)
        let words = (bits + 63) / 64
        var complete = true
        if bits > 0 && bits <= exhaustiveBits {
            for assignment in 0..<(UInt64(1) << UInt64(bits)) {
                plan.bits = [assignment]
                tried += 1
                if let breach = battle.breach(plan) { return result(plan, breach, complete: true) }
            }
        } else if bits > exhaustiveBits {
            complete = false
            var rng = SeededGenerator(seed: searchSeed(config, order: order))
            for _ in 0..<budget {
                plan.bits = (0..<words).map { _ in rng.next() }
                tried += 1
                if let breach = battle.breach(plan) { return result(plan, breach, complete: true) }
            }
        }
        var fallback = TraitorPlan.of(.flip, nodeCount: n)
        if config.isTraitor(0) { fallback.moves[0] = .subset(TraitorPlan.oddLieutenants(n)) }
        return result(fallback, nil, complete: complete)
    }

    /// The random sample's seed: the same settings give the same plan to every traitor.
    static func searchSeed(_ config: ByzantineConfig, order: ByzantineOrder) -> UInt64 {
        UInt64(config.nodeCount) | UInt64(config.m) << 8 | config.traitors << 16
            | (config.algorithm == .sm ? 1 << 62 : 0) | (order == .attack ? 1 << 63 : 0)
    }
}
