/// One battle of OM(m) or SM(m) in lockstep rounds, off the network, for a given traitor plan:
/// what `worst` searches with and `byzantine table` counts. Every message arrives (the live
/// cluster is where messages can be lost). Its buffers are reused from run to run.
///
/// ```swift
/// var battle = Battle(config: config, order: .attack)
/// let breach = battle.breach(TraitorPlan.of(.flip, nodeCount: 3))   // IC2 at n2, for n=3 traitors=n3
/// ```
public struct Battle: Sendable {
    /// The settings (n, m, traitors, algorithm, tree).
    public let config: ByzantineConfig
    /// What the commander orders (a traitorous commander's "loyal" value, which flip inverts).
    public let order: ByzantineOrder
    /// The traitors' choice bits.
    public let oralChoices: OralChoices
    /// The traitors' choice bits under SM.
    public let signedChoices: SignedChoices
    /// Messages sent in the last run.
    public private(set) var messages = 0

    var values: [Bool] = []
    var held: [UInt8] = []
    var queue: [(value: ByzantineOrder, chain: UInt64, length: Int, to: Int)] = []

    /// A battle of `config`'s generals in which the commander orders `order`.
    public init(config: ByzantineConfig, order: ByzantineOrder) {
        self.config = config
        self.order = order
        let loyalOrder: ByzantineOrder? = config.isTraitor(0) ? nil : order
        oralChoices = OralChoices(tree: config.tree, traitors: config.algorithm == .om ? config.traitors : 0)
        signedChoices = SignedChoices(nodeCount: config.nodeCount, traitors: config.algorithm == .sm ? config.traitors : 0, loyalOrder: loyalOrder)
    }

    /// How many choice bits the traitors have.
    public var choiceCount: Int { config.algorithm == .om ? oralChoices.count : signedChoices.count }

    /// Runs the battle; the loyal lieutenants' decisions (nil for the commander and traitors).
    public mutating func decisions(_ plan: TraitorPlan) -> [ByzantineOrder?] {
        let n = config.nodeCount
        var result = [ByzantineOrder?](repeating: nil, count: n)
        switch config.algorithm {
        case .om:
            runOral(plan)
            for i in 1..<n where !config.isTraitor(i) { result[i] = decideOral(i) ? .attack : .retreat }
        case .sm:
            runSigned(plan)
            for i in 1..<n where !config.isTraitor(i) { result[i] = held[i] == 2 ? .attack : .retreat }
        }
        return result
    }

    /// Runs the battle and returns how IC1 or IC2 broke, if it did (without building the
    /// decisions when nothing broke).
    public mutating func breach(_ plan: TraitorPlan) -> Breach? {
        let n = config.nodeCount
        let loyalOrder: ByzantineOrder? = config.isTraitor(0) ? nil : order
        switch config.algorithm {
        case .om: runOral(plan)
        case .sm: runSigned(plan)
        }
        var attacking = -1, retreating = -1
        for i in 1..<n where !config.isTraitor(i) {
            let attacks = config.algorithm == .om ? decideOral(i) : held[i] == 2
            let decided: ByzantineOrder = attacks ? .attack : .retreat
            if let loyalOrder, decided != loyalOrder { return .ic2(i, decided: decided, order: loyalOrder) }
            if attacks { if attacking < 0 { attacking = i } } else if retreating < 0 { retreating = i }
            if attacking >= 0 && retreating >= 0 { return .ic1(attacking: attacking, retreating: retreating) }
        }
        return nil
    }

    /// OM: fills `values[p * n + r]`, what node r receives on path p, round by round.
    mutating func runOral(_ plan: TraitorPlan) {
        let tree = config.tree, n = config.nodeCount
        if values.count != tree.count * n { values = Array(repeating: false, count: tree.count * n) }
        let attack = order == .attack
        for p in 0..<tree.count {
            let sender = tree.last[p]
            let parent = tree.parent[p]
            let members = tree.members[p]
            let traitor = config.isTraitor(sender)
            let loyal = parent < 0 ? attack : values[parent * n + sender]
            for r in 0..<n where members & (1 << UInt64(r)) == 0 {
                values[p * n + r] = traitor
                    ? plan.oralValue(sender: sender, path: p, recipient: r, loyal: loyal, choices: oralChoices) ?? !loyal
                    : loyal
            }
        }
        messages = OralTree.messageCount(nodeCount: n, m: config.m)
    }

    func decideOral(_ i: Int) -> Bool {
        let n = config.nodeCount
        return values.withUnsafeBufferPointer { buffer in config.tree.decide(for: i) { buffer[$0 * n + i] } }
    }

    /// SM: delivers every signed message in the order sent; `held[i]` is the set V_i (bit 1
    /// retreat, bit 2 attack).
    mutating func runSigned(_ plan: TraitorPlan) {
        let n = config.nodeCount, m = config.m
        held = Array(repeating: 0, count: n)
        queue.removeAll(keepingCapacity: true)
        messages = 0
        for r in 1..<n {
            for value in ByzantineOrder.allCases {
                let signs = config.isTraitor(0)
                    ? plan.commanderSigns(value, to: r, order: order, choices: signedChoices) ?? (value == order.opposite)
                    : value == order
                if signs { queue.append((value, 1, 1, r)) }
            }
        }
        var head = 0
        while head < queue.count {
            let message = queue[head]
            head += 1
            let r = message.to
            let bit: UInt8 = message.value == .attack ? 2 : 1
            guard held[r] & bit == 0 else { continue }
            held[r] |= bit
            // Forward with r's signature while the chain has fewer than m lieutenants' signatures.
            guard message.length - 1 < m else { continue }
            let traitor = config.isTraitor(r)
            for q in 1..<n where q != r && message.chain & (1 << UInt64(q)) == 0 {
                let relays = traitor ? plan.relays(r, message.value, to: q, choices: signedChoices) ?? false : true
                if relays { queue.append((message.value, message.chain | (1 << UInt64(r)), message.length + 1, q)) }
            }
        }
        messages = queue.count
    }
}
