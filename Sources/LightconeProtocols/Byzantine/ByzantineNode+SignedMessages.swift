import LightconeSimulation

/// SM(m) (§4): signed orders, forwarding with one more signature, and `choice`.
extension ByzantineNode {
    mutating func commandSigned(_ given: ByzantineOrder, _ ctx: inout Context<ByzantineNode>) {
        let base = config.strategy == .worst ? searchBase(given) : given
        for r in 1..<config.nodeCount {
            var values: [ByzantineOrder] = []
            if !isTraitor {
                values = [given]
            } else if let plan, let signedChoices, let first = plan.commanderSigns(.attack, to: r, order: base, choices: signedChoices),
                      let second = plan.commanderSigns(.retreat, to: r, order: base, choices: signedChoices) {
                values = (first ? [ByzantineOrder.attack] : []) + (second ? [ByzantineOrder.retreat] : [])
            } else {
                values = [ctx.rng.chance(ppm: 500_000) ? .attack : .retreat]
            }
            for value in values { send(.signed(value: value, chain: [id], start: ctx.now), to: r, &ctx) }
        }
    }

    mutating func receiveSigned(_ value: ByzantineOrder, chain: [NodeID], start battleStart: SimTime, from sender: NodeID, _ ctx: inout Context<ByzantineNode>) {
        // A signature cannot be forged: the chain starts with the commander, ends with the
        // sender, and signs no general twice.
        guard chain.first == NodeID(index: 0), chain.last == sender, !chain.contains(id), Set(chain).count == chain.count else { return }
        hear(start: battleStart, &ctx)
        guard decision == nil, roundsDone < config.lastRound else {
            lateCount += 1
            ctx.note("\(ByzantineMessage.chainText(value, chain)) came after the last round: too late")
            return
        }
        guard !held.contains(where: { $0.value == value }) else { return }
        held.append((value, chain))
        ctx.note("V={\(heldLetters)} (\(ByzantineMessage.chainText(value, chain)))")
        if isTraitor && plan == nil { preparePlan(base: searchBase(value), &ctx) }
        guard chain.count - 1 < config.m else { return }
        let signed = chain + [id]
        for q in 1..<config.nodeCount where q != id.index && !chain.contains(NodeID(index: q)) {
            var relays = true
            if isTraitor, let plan, let signedChoices {
                relays = plan.relays(id.index, value, to: q, choices: signedChoices) ?? ctx.rng.chance(ppm: 500_000)
            }
            if relays { send(.signed(value: value, chain: signed, start: battleStart), to: q, &ctx) }
        }
    }

    /// `A,R`: the set V in a fixed order.
    var heldLetters: String { ByzantineOrder.allCases.filter { v in held.contains { $0.value == v } }.map(\.letter).joined(separator: ",") }

    /// SM's decision: `choice(V)`, attack only when V is exactly {attack}.
    mutating func decideSigned(_ ctx: inout Context<ByzantineNode>) {
        guard !isTraitor else { return }
        let attack = held.count == 1 && held[0].value == .attack
        decision = attack ? .attack : .retreat
        ctx.note("decides \(attack ? "attack" : "retreat"): choice of V={\(heldLetters)}")
    }
}
