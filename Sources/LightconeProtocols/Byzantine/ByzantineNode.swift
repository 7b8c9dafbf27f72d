import LightconeSimulation

/// The Byzantine generals (Lamport, Shostak & Pease 1982): a commander (n1) and n-1
/// lieutenants, some of them traitors, must agree on attack or retreat.
///
/// `order attack` reaches the commander, which sends its value to every lieutenant; then the
/// algorithm runs as real messages, round by round (a round lasts `round=`; a message that has
/// not come by the end of its round never will, and counts as retreat):
/// - **OM(m)** (§3): a message on path `n1 j1 … jk` arriving at lieutenant i in round k+1 is
///   relayed by i in round k+2, on path `n1 j1 … jk i`, to every node not on it, up to round
///   m+1. Then i decides by `majority`, recursively: the value it got from the commander
///   against what each other lieutenant said in its own OM(m-1).
/// - **SM(m)** (§4): a lieutenant that receives `v:n1:j1:…:jk` with v new to its set V adds v,
///   and if k < m signs and sends it on to every lieutenant not on the chain. After round m+1
///   it decides `choice(V)`: attack only when V is exactly {attack}.
///
/// Traitors follow `strategy=`. Everything is durable (a killed general keeps its memory).
public struct ByzantineNode: ProtocolNode {
    public typealias Message = ByzantineMessage
    public typealias Timer = ByzantineTimer
    public typealias Config = ByzantineConfig

    public static let name = "byzantine"
    public static let summary = "Byzantine generals: oral messages OM(m) and signed messages SM(m) against traitors; IC1 and IC2"
    public static let defaultNodeCount = 4
    public static let nodeCounts = 3...12
    public static let options = [
        OptionSpec("m", "M", "traitors the algorithm is built for: OM(m) or SM(m) (default 1; m < n-1)"),
        OptionSpec("traitors", "n3,n5", "which generals are traitors (default none; n1 is the commander)"),
        OptionSpec("strategy", "NAME", "how traitors lie: flip, split, random or worst (default worst)"),
        OptionSpec("algorithm", "om|sm", "oral messages or signed messages (default om)"),
        OptionSpec("round", "DURATION", "how long a round lasts; later messages count as never sent (default 100ms)"),
    ]
    public static let operations = [
        OperationSpec(name: "order", hasKey: false, inputCount: 1, usage: "order attack|retreat",
                      summary: "the commander (n1) sends its order to every lieutenant, and the algorithm runs", example: "order retreat"),
    ]
    public static var roles: [RoleSpec] { [RoleSpec("commander", .leading), RoleSpec("lieutenant", .following)] }

    public let id: NodeID
    let config: ByzantineConfig
    /// The commander's order (as given; a traitorous commander lies about it).
    public internal(set) var order: ByzantineOrder?
    /// When the battle began, learnt from the first message.
    public internal(set) var start: SimTime?
    /// Rounds this general has closed.
    public internal(set) var roundsDone = 0
    /// OM: what arrived on each path of the tree (-1: nothing, 0 retreat, 1 attack).
    var oral: [Int8] = []
    /// SM: the set V of values received, in the order they came, with the chain each first came with.
    public internal(set) var held: [(value: ByzantineOrder, chain: [NodeID])] = []
    /// A loyal lieutenant's decision, after the last round.
    public internal(set) var decision: ByzantineOrder?
    /// Messages this general sent.
    public internal(set) var sentCount = 0
    /// Messages that came after their round had ended.
    public internal(set) var lateCount = 0
    /// A traitor's plan, fixed the first time it lies.
    var plan: TraitorPlan?
    var oralChoices: OralChoices?
    var signedChoices: SignedChoices?
    /// What `worst` found, for `inspect`.
    public internal(set) var searchReport: String?

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> ByzantineConfig {
        try ByzantineConfig.parse(nodeCount: nodeCount, options: options)
    }

    public init(id: NodeID, nodeCount: Int, config: ByzantineConfig) {
        self.id = id
        self.config = config
    }

    /// True for n1.
    public var isCommander: Bool { id.index == 0 }
    /// True when this general is a traitor.
    public var isTraitor: Bool { config.isTraitor(id.index) }
    /// The end of round `k` (1-based).
    func deadline(_ k: Int) -> SimTime? { start.map { $0 + SimDuration(k) * config.round } }

    public mutating func start(_ ctx: inout Context<ByzantineNode>) {
        guard start != nil, decision == nil, !isCommander else { return }
        advance(&ctx)
    }

    public mutating func timerFired(_ timer: ByzantineTimer, _ ctx: inout Context<ByzantineNode>) {
        advance(&ctx)
    }

    public mutating func crash() {}

    // MARK: - The order

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<ByzantineNode>) {
        guard operation.name == "order" else {
            ctx.reply(request, .fail("the Byzantine generals only take order attack|retreat"))
            return
        }
        guard isCommander else {
            ctx.reply(request, .fail("only the commander (n1) takes the order"))
            return
        }
        let word = operation.input.first ?? ""
        guard let given = ByzantineOrder(rawValue: word.lowercased()) else {
            ctx.reply(request, .fail("the order is attack or retreat, not \(word)"))
            return
        }
        if let order {
            ctx.reply(request, .fail("n1 has already ordered \(order.rawValue)"))
            return
        }
        order = given
        start = ctx.now
        roundsDone = 1
        ctx.note(isTraitor ? "TRAITOR: told to \(given.rawValue), lies (\(config.strategy.rawValue))" : "orders \(given.rawValue)")
        if isTraitor { preparePlan(base: searchBase(given), &ctx) }
        switch config.algorithm {
        case .om: commandOral(given, &ctx)
        case .sm: commandSigned(given, &ctx)
        }
        ctx.reply(request, .ok("\(config.algorithm.title(config.m)) begins"))
    }

    /// The value a traitor's search takes as the commander's: the order it was given when
    /// the commander is loyal; attack otherwise, so that every traitor computes the same plan.
    func searchBase(_ value: ByzantineOrder) -> ByzantineOrder { config.isTraitor(0) ? .attack : value }

    // MARK: - Traitors

    /// Fixes this traitor's plan; `worst` searches for it (every traitor finds the same one).
    mutating func preparePlan(base: ByzantineOrder, _ ctx: inout Context<ByzantineNode>) {
        guard plan == nil else { return }
        if config.algorithm == .om { oralChoices = OralChoices(tree: config.tree, traitors: config.traitors) }
        else { signedChoices = SignedChoices(nodeCount: config.nodeCount, traitors: config.traitors, loyalOrder: config.isTraitor(0) ? nil : base) }
        guard config.strategy == .worst else {
            plan = TraitorPlan.of(config.strategy, nodeCount: config.nodeCount)
            return
        }
        let result = TraitorSearch.worst(config, order: base)
        plan = result.plan
        let how = "\(result.tried) plan\(result.tried == 1 ? "" : "s") tried, 2^\(result.bits) choices"
        if let breach = result.breach {
            searchReport = "worst: breaks \(breach.property) (\(breach.message)); \(how)"
        } else {
            searchReport = "worst: no choice found that breaks IC1 or IC2 (\(how)\(result.isComplete ? ", all" : ", a sample")); lies as \(config.isTraitor(0) && isCommander ? "split" : "flip")"
        }
        let report = searchReport ?? ""
        ctx.note(report)
    }

    /// A traitor's OM value on `path` (ending with it) to `recipient`, where loyalty says `loyal`.
    mutating func oralLie(path: Int, to recipient: Int, loyal: Bool, _ ctx: inout Context<ByzantineNode>) -> Bool {
        guard let plan, let oralChoices else { return !loyal }
        return plan.oralValue(sender: id.index, path: path, recipient: recipient, loyal: loyal, choices: oralChoices)
            ?? ctx.rng.chance(ppm: 500_000)
    }

    // MARK: - Rounds

    mutating func send(_ message: ByzantineMessage, to r: Int, _ ctx: inout Context<ByzantineNode>) {
        sentCount += 1
        ctx.send(message, to: NodeID(index: r))
    }

    /// Learns when the battle began, from its first message.
    mutating func hear(start battleStart: SimTime, _ ctx: inout Context<ByzantineNode>) {
        guard start == nil else { return }
        start = battleStart
        if config.algorithm == .om { oral = Array(repeating: -1, count: config.tree.count) }
        if let end = deadline(1) { ctx.setTimer(.round, after: max(0, end - ctx.now)) }
    }

    public mutating func receive(_ message: ByzantineMessage, from sender: NodeID, _ ctx: inout Context<ByzantineNode>) {
        guard !isCommander else { return }
        switch message {
        case .oral(let path, let value, let battleStart):
            // Oral messages: the receiver knows who sent it (A2), so the path must end with the sender.
            guard path.last == sender, let p = config.tree.id(of: path.map(\.index)), !config.tree.contains(p, id.index) else { return }
            hear(start: battleStart, &ctx)
            guard path.count > roundsDone else {
                lateCount += 1
                ctx.note("\(message.label) came after round \(path.count) ended: it counts as retreat")
                return
            }
            guard oral[p] < 0 else { return }
            oral[p] = value == .attack ? 1 : 0
            advance(&ctx)
        case .signed(let value, let chain, let battleStart):
            receiveSigned(value, chain: chain, start: battleStart, from: sender, &ctx)
        }
    }

    /// Closes every round whose end has passed, then waits for the next one.
    mutating func advance(_ ctx: inout Context<ByzantineNode>) {
        guard start != nil, !isCommander else { return }
        var closed = false
        while roundsDone < config.lastRound, let end = deadline(roundsDone + 1), ctx.now >= end {
            let k = roundsDone + 1
            roundsDone = k
            closed = true
            switch config.algorithm {
            case .om: closeOralRound(k, &ctx)
            case .sm: if k == config.lastRound { decideSigned(&ctx) }
            }
        }
        if closed, roundsDone < config.lastRound, let end = deadline(roundsDone + 1) {
            ctx.setTimer(.round, after: end - ctx.now)
        }
    }
}
