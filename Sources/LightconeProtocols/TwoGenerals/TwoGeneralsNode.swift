import LightconeSimulation

/// The two generals (Akkoyunlu, Ekanadham & Huber 1975; Gray 1978): two armies on the hills
/// either side of a town, messengers through a valley that swallows some of them.
///
/// `order attack` via n1 (general A) sends messenger m0 with the plan to n2 (general B). Each
/// messenger i < K that arrives is answered by messenger i+1 the other way; nothing is resent.
/// At dawn (an hour agreed before they parted) a general **attacks iff the plan is attack and
/// it received every messenger of the chain addressed to it, up to and including message K**.
/// A chain that breaks before K leaves both at home; a lost message K leaves its sender
/// attacking alone. No K avoids that, which is the point.
///
/// Everything a general knows is durable: a `kill`ed general keeps its memory.
public struct TwoGeneralsNode: ProtocolNode {
    public typealias Message = TwoGeneralsMessage
    public typealias Timer = TwoGeneralsTimer
    public typealias Config = TwoGeneralsConfig

    public static let name = "twogenerals"
    public static let summary = "two generals, one town, messengers across a lossy valley: no finite ack scheme is safe"
    public static let defaultNodeCount = 2
    public static let nodeCounts = 2...2
    public static let options = [
        OptionSpec("loss", "P%", "the chance the valley swallows a messenger, both ways (default 30%)"),
        OptionSpec("acks", "K", "acknowledgements in the chain: messengers m0..mK (default 1, at most \(TwoGeneralsConfig.acksLimit))"),
        OptionSpec("dawn", "DURATION", "when both generals act on what they received (default 1s)"),
    ]
    public static let operations = [
        OperationSpec(name: "order", hasKey: false, inputCount: 1, usage: "order attack|retreat",
                      summary: "general A (n1) picks the plan and sends messenger m0 across the valley", example: "order attack"),
    ]
    public static var roles: [RoleSpec] { [RoleSpec("general", .passive)] }

    public let id: NodeID
    let config: TwoGeneralsConfig
    /// The plan this general knows: A's own order, or what m0 brought B.
    public private(set) var plan: TwoGeneralsPlan?
    /// The indexes of the messengers this general sent, in order.
    public private(set) var sent: [Int] = []
    /// The indexes of the messengers that reached this general before dawn, in order.
    public private(set) var received: [Int] = []
    /// Messengers that arrived after dawn, too late to count.
    public private(set) var late: [Int] = []
    /// What it did at dawn; nil before.
    public private(set) var decision: TwoGeneralsDecision?

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> TwoGeneralsConfig {
        var config = TwoGeneralsConfig()
        for (key, value) in options {
            switch key {
            case "loss":
                guard let ppm = PercentText.parse(value) else { throw OptionError("loss must be a percentage 0%..100%, like 30%, not \(value)") }
                config.lossPPM = ppm
            case "acks":
                guard let k = Int(value), (0...TwoGeneralsConfig.acksLimit).contains(k) else {
                    throw OptionError("acks must be a number 0..\(TwoGeneralsConfig.acksLimit), not \(value)")
                }
                config.acks = k
            case "dawn":
                guard let d = DurationText.parse(value), d >= 1_000 else { throw OptionError("dawn must be a duration of at least 1ms, like 1s") }
                config.dawn = d
            default:
                throw OptionError("unknown option \(key) for twogenerals; options are loss=P% acks=K dawn=DURATION")
            }
        }
        return config
    }

    /// The valley: both directions lose messengers at `loss=`.
    public static func linkSettings(config: TwoGeneralsConfig) -> LinkSettings {
        var settings = LinkSettings.defaults
        settings.lossPPM = config.lossPPM
        return settings
    }

    public init(id: NodeID, nodeCount: Int, config: TwoGeneralsConfig) {
        self.id = id
        self.config = config
    }

    /// True for general A (n1), who picks the plan.
    public var isGeneralA: Bool { id.index == 0 }

    /// The messengers of the chain addressed to this general: the odd ones to A, the even to B.
    public var addressed: [Int] {
        (0...config.acks).filter { $0 % 2 == (isGeneralA ? 1 : 0) }
    }

    /// The messenger this general still waits for, if any.
    public var awaited: Int? { addressed.first { !received.contains($0) } }

    public mutating func start(_ ctx: inout Context<TwoGeneralsNode>) {
        guard decision == nil else { return }
        if ctx.now >= config.dawn { actAtDawn(&ctx) } else { ctx.setTimer(.dawn, after: config.dawn - ctx.now) }
    }

    public mutating func timerFired(_ timer: TwoGeneralsTimer, _ ctx: inout Context<TwoGeneralsNode>) {
        actAtDawn(&ctx)
    }

    /// The rule: attack iff the plan is attack and every messenger addressed to this general,
    /// up to and including message K, arrived.
    mutating func actAtDawn(_ ctx: inout Context<TwoGeneralsNode>) {
        guard decision == nil else { return }
        let hasEveryMessenger = awaited == nil
        let decision: TwoGeneralsDecision = plan == .attack && hasEveryMessenger ? .attack : .stayHome
        self.decision = decision
        let why: String
        switch (plan, awaited) {
        case (nil, _): why = isGeneralA ? "no order was given" : "no messenger came"
        case (.retreat, _): why = "the plan is retreat"
        case (.attack, nil): why = addressed.isEmpty ? "it needs no messenger" : "every messenger addressed to it came"
        case (.attack, let missing?): why = "\(TwoGeneralsMessage.label(missing)) never came"
        }
        ctx.note("dawn: \(decision.verb) (\(why))")
    }

    public mutating func receive(_ message: TwoGeneralsMessage, from sender: NodeID, _ ctx: inout Context<TwoGeneralsNode>) {
        guard case .messenger(let index, let plan) = message else { return }
        guard decision == nil else {
            late.append(index)
            ctx.note("\(message.label) arrives after dawn: too late")
            return
        }
        guard !received.contains(index) else { return }
        received.append(index)
        if self.plan == nil { self.plan = plan }
        if index < config.acks {
            dispatch(index + 1, to: sender, &ctx)
        } else {
            ctx.note("received \(message.label), the last of the chain")
        }
    }

    /// Sends messenger `index` with the plan; it is never resent.
    mutating func dispatch(_ index: Int, to peer: NodeID, _ ctx: inout Context<TwoGeneralsNode>) {
        guard let plan else { return }
        sent.append(index)
        ctx.send(.messenger(index: index, plan: plan), to: peer)
        ctx.note(index == 0 ? "orders \(plan.rawValue); sends m0" : "received \(TwoGeneralsMessage.label(index - 1)); sends \(TwoGeneralsMessage.label(index))")
    }

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<TwoGeneralsNode>) {
        guard operation.name == "order" else {
            ctx.reply(request, .fail("the two generals only take order attack|retreat"))
            return
        }
        switch give(operation.input.first ?? "", &ctx) {
        case .success(let text): ctx.reply(request, .ok(text))
        case .failure(let error): ctx.reply(request, .fail(error.message))
        }
    }

    /// `order` as a protocol command (what `trials` uses: no client, no history).
    public mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<TwoGeneralsNode>) {
        if name == "order" { _ = give(arguments.first ?? "", &ctx) }
    }

    /// General A takes the order `word` and sends messenger m0; or says why it cannot.
    mutating func give(_ word: String, _ ctx: inout Context<TwoGeneralsNode>) -> Result<String, OptionError> {
        guard isGeneralA else { return .failure(OptionError("only general A (n1) gives the order")) }
        guard let order = TwoGeneralsPlan(rawValue: word.lowercased()) else { return .failure(OptionError("the order is attack or retreat, not \(word)")) }
        guard decision == nil else { return .failure(OptionError("dawn has passed (t=\(DurationText.instant(config.dawn))): the order comes too late")) }
        if let plan { return .failure(OptionError("n1 has already ordered \(plan.rawValue)")) }
        plan = order
        dispatch(0, to: NodeID(index: 1), &ctx)
        return .success("m0 sent")
    }

    public mutating func crash() {}
}
