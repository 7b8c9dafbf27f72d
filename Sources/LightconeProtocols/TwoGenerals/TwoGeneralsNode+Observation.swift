import LightconeSimulation

/// What the view, `status`, `inspect` and the conditions see of a general.
extension TwoGeneralsNode {
    public var role: String { "general" }

    /// The node box (which shows two lines): the decision (or, before dawn, what it waits
    /// for), then what it sent and received: `sent m0 · got m1✓`.
    public var summaryLines: [String] {
        [decisionLine, messengersLine]
    }

    /// `sent m0 · got m1✓`, or counts and the latest when the chain is long.
    var messengersLine: String {
        if sent.count + received.count <= 4 {
            return "sent " + TwoGeneralsNode.labels(sent) + " · got " + TwoGeneralsNode.labels(received)
        }
        let latest = max(sent.last ?? 0, received.last ?? 0)
        return "sent \(sent.count) · got \(received.count) · last \(TwoGeneralsMessage.label(latest))"
    }

    /// `ATTACKS`, `stays home`, or before dawn what it knows.
    var decisionLine: String {
        if let decision { return decision == .attack ? "ATTACKS" : "stays home" }
        guard let plan else { return isGeneralA ? "no order yet" : "no word yet" }
        if plan == .retreat { return "plan retreat" }
        return awaited.map { "waits for m\($0)" } ?? "will attack"
    }

    /// A short list of messenger labels: `m0 m2`, or `-`.
    static func labels(_ indexes: [Int]) -> String {
        indexes.isEmpty ? "-" : indexes.map(TwoGeneralsMessage.label).joined(separator: " ")
    }

    public func inspect() -> [String] {
        let labels = { (indexes: [Int]) in indexes.isEmpty ? "none" : indexes.map(TwoGeneralsMessage.label).joined(separator: " ") }
        var lines = [
            "general \(isGeneralA ? "A: picks the plan" : "B: follows the plan A sends"); plan \(plan?.rawValue ?? "unknown")",
            "chain m0..m\(config.acks); addressed to this general: \(labels(addressed))",
            "sent \(labels(sent)); received \(labels(received))",
        ]
        if !late.isEmpty { lines.append("arrived after dawn: \(labels(late))") }
        lines.append(decision.map { "at dawn (t=\(DurationText.instant(config.dawn))) it \($0.verb)" }
            ?? "dawn at t=\(DurationText.instant(config.dawn)); \(decisionLine)")
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        [("plan", plan.map { .string($0.rawValue) } ?? .null),
         ("sent", .array(sent.map { .string(TwoGeneralsMessage.label($0)) })),
         ("received", .array(received.map { .string(TwoGeneralsMessage.label($0)) })),
         ("decision", decision.map { .string($0.rawValue) } ?? .null)]
    }

    public static var messageLabels: [MessageLabelSpec] {
        [MessageLabelSpec("m0", "messenger 0: general A's order (attack or retreat), from n1 to n2"),
         MessageLabelSpec("m1✓ m2✓ …", "messenger i+1 acknowledges messenger i, sent back the other way; none is resent")]
    }

    // MARK: - Conditions

    public static let conditions = [
        ConditionForm("attack", syntax: "attack NODE", summary: "both generals have acted at dawn, and NODE attacks") { words throws(OptionError) in
            [try generalName(words, form: "attack NODE")]
        },
        ConditionForm("no attack", syntax: "no attack NODE", summary: "both generals have acted at dawn, and NODE stays home") { words throws(OptionError) in
            [try generalName(words, form: "no attack NODE")]
        },
        ConditionForm("agreement", syntax: "agreement", summary: "both generals have acted at dawn, alike (both attack or neither)") { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("condition 'agreement \(words.joined(separator: " "))' should read: agreement") }
            return []
        },
        ConditionForm("no agreement", syntax: "no agreement", summary: "both generals have acted at dawn, and only one attacks: the disaster") { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("condition 'no agreement \(words.joined(separator: " "))' should read: no agreement") }
            return []
        },
    ]

    /// The one word of `attack NODE`, checked: `n1` or `n2`.
    static func generalName(_ words: [String], form: String) throws(OptionError) -> String {
        guard words.count == 1 else { throw OptionError("condition should read: \(form)") }
        guard let id = NodeID(name: words[0]) else { throw OptionError("'\(words[0])' is not a node; the generals are n1 and n2") }
        guard id.index < 2 else { throw OptionError("unknown node \(words[0]); the generals are n1 and n2") }
        return id.description
    }

    /// `n1 attacks, n2 stays home`, or who has not acted yet.
    static func outcome(_ cluster: ClusterState<TwoGeneralsNode>) -> (decisions: [TwoGeneralsDecision], text: String)? {
        let decisions = cluster.nodes.compactMap(\.decision)
        guard decisions.count == cluster.nodes.count else { return nil }
        return (decisions, zip(cluster.ids, decisions).map { "\($0) \($1.verb)" }.joined(separator: ", "))
    }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<TwoGeneralsNode>) -> ConditionOutcome? {
        guard case .protocolCondition(let keyword, let arguments) = condition,
              ["attack", "no attack", "agreement", "no agreement"].contains(keyword) else { return nil }
        guard let (decisions, text) = outcome(cluster) else {
            let waiting = cluster.ids.filter { cluster.nodes[$0.index].decision == nil }.map(\.description).joined(separator: " and ")
            let dawn = cluster.nodes.first.map { DurationText.instant($0.config.dawn) } ?? "?"
            return ConditionOutcome(holds: false, actual: "\(waiting) \(waiting.contains("and") ? "have" : "has") not acted yet (dawn at t=\(dawn))")
        }
        switch keyword {
        case "attack", "no attack":
            guard let id = arguments.first.flatMap(NodeID.init(name:)), id.index < decisions.count else {
                return ConditionOutcome(holds: false, actual: "there is no such general")
            }
            return ConditionOutcome(holds: (decisions[id.index] == .attack) == (keyword == "attack"), actual: text)
        case "agreement":
            return ConditionOutcome(holds: decisions[0] == decisions[1], actual: text)
        default:
            return ConditionOutcome(holds: decisions[0] != decisions[1], actual: text)
        }
    }
}
