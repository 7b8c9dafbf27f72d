import LightconeSimulation

/// OM(m) (§3): the commander's round, each lieutenant's relays, and `majority`.
extension ByzantineNode {
    mutating func commandOral(_ given: ByzantineOrder, _ ctx: inout Context<ByzantineNode>) {
        let base = config.strategy == .worst ? searchBase(given) : given
        for r in 1..<config.nodeCount {
            let attack = isTraitor ? oralLie(path: 0, to: r, loyal: base == .attack, &ctx) : given == .attack
            send(.oral(path: [id], value: attack ? .attack : .retreat, start: ctx.now), to: r, &ctx)
        }
    }

    /// OM, end of round k: relay each value of round k (a missing one as retreat) in round
    /// k+1, or after round m+1 decide.
    mutating func closeOralRound(_ k: Int, _ ctx: inout Context<ByzantineNode>) {
        let tree = config.tree, me = id.index
        var missing = 0
        for p in 0..<tree.count where tree.depth[p] == k && !tree.contains(p, me) && oral[p] < 0 { missing += 1 }
        if missing > 0 { ctx.note("round \(k): \(missing) message\(missing == 1 ? "" : "s") never came; each counts as retreat") }
        guard k <= config.m else {
            if !isTraitor { decideOral(&ctx) }
            return
        }
        if isTraitor && plan == nil { preparePlan(base: searchBase(oral[0] == 1 ? .attack : .retreat), &ctx) }
        let start = self.start ?? ctx.now
        for p in 0..<tree.count where tree.depth[p] == k && !tree.contains(p, me) {
            let loyal = oral[p] == 1
            let path = tree.nodes(of: p).map(NodeID.init(index:)) + [id]
            let extended = tree.child(p, me)
            for r in 0..<config.nodeCount where r != me && !tree.contains(p, r) {
                let attack = isTraitor ? oralLie(path: extended, to: r, loyal: loyal, &ctx) : loyal
                send(.oral(path: path, value: attack ? .attack : .retreat, start: start), to: r, &ctx)
            }
        }
    }

    /// OM's decision: `majority` of the commander's value and of each other lieutenant's OM(m-1).
    mutating func decideOral(_ ctx: inout Context<ByzantineNode>) {
        let tree = config.tree, me = id.index
        let oral = self.oral
        let attack = tree.decide(for: me) { oral[$0] == 1 }
        decision = attack ? .attack : .retreat
        ctx.note("decides \(attack ? "attack" : "retreat"): majority of \(majorityInputs.joined(separator: " "))")
    }

    /// The values OM's top-level majority weighs at this lieutenant: `n1:A`, then `n3:R` for
    /// what lieutenant n3's OM(m-1) gave. Before the last round closes, a value whose message
    /// has not come yet is `-` (at the end it counts as retreat).
    public var majorityInputs: [String] {
        let tree = config.tree, me = id.index
        guard !oral.isEmpty, tree.count > 0 else { return [] }
        let oral = self.oral
        let pending = roundsDone < config.lastRound
        func letter(_ p: Int, _ attack: Bool) -> String { pending && oral[p] < 0 ? "-" : attack ? "A" : "R" }
        var inputs = ["n1:" + letter(0, oral[0] == 1)]
        guard config.m > 0 else { return inputs }
        for j in 1..<config.nodeCount where j != me {
            let p = tree.child(0, j)
            inputs.append("n\(j + 1):" + letter(p, tree.value(p, for: me) { oral[$0] == 1 }))
        }
        return inputs
    }

    /// What arrived on path `p` (nil: nothing).
    public func received(onPath p: Int) -> ByzantineOrder? {
        guard p >= 0, p < oral.count, oral[p] >= 0 else { return nil }
        return oral[p] == 1 ? .attack : .retreat
    }
}
