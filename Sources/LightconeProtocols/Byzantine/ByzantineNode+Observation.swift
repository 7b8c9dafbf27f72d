import LightconeSimulation

/// What the view, `status`, `inspect` and the conditions see of a general.
extension ByzantineNode {
    public var role: String { isCommander ? "commander" : "lieutenant" }
    /// A traitor is of kind faulty, whatever its role.
    public var roleKind: RoleKind { isTraitor ? .faulty : (isCommander ? .leading : .following) }

    /// The node box (which shows two lines): a traitor says so first; a loyal lieutenant its
    /// decision (or the round it is in); then what it heard (OM: the commander's value and each
    /// other lieutenant's, `A R A`; SM: the set V). The kind (`.faulty`) colours a traitor too.
    public var summaryLines: [String] {
        let traitor = "TRAITOR (\(config.strategy.rawValue))"
        if isCommander {
            guard let order else { return [isTraitor ? traitor : "loyal", "awaits the order"] }
            return isTraitor ? [traitor, "told to \(order.rawValue) · sent \(sentCount)"] : ["ordered \(order.rawValue)", "sent \(sentCount)"]
        }
        let heard: String
        switch config.algorithm {
        case .om:
            heard = oral.isEmpty ? "heard nothing" : "heard " + majorityInputs.map { String($0.suffix(1)) }.joined(separator: " ")
        case .sm:
            heard = "V={\(heldLetters)}"
        }
        return [isTraitor ? traitor : decisionLine, heard]
    }

    /// `decides attack`, `round 2 of 2`, `waits`.
    var decisionLine: String {
        if let decision { return "decides \(decision.rawValue)" }
        if isTraitor && roundsDone >= config.lastRound { return "done" }
        guard start != nil else { return "waits" }
        return "round \(min(roundsDone + 1, config.lastRound)) of \(config.lastRound)"
    }

    public func inspect() -> [String] {
        var lines = [
            "\(role) \(isTraitor ? "(TRAITOR, strategy \(config.strategy.rawValue))" : "(loyal)"); \(config.algorithm.title(config.m)), \(config.nodeCount) generals, traitors \(config.traitorNames), rounds of \(DurationText.format(config.round))",
        ]
        if isCommander { lines.append(order.map { "was told to \($0.rawValue); sent \(sentCount) messages" } ?? "awaits the order") }
        if let searchReport { lines.append(searchReport) }
        if !isCommander {
            switch config.algorithm {
            case .om:
                let tree = config.tree
                var shown = 0
                for k in 1...max(1, config.lastRound) where !oral.isEmpty {
                    let paths = (0..<tree.count).filter { tree.depth[$0] == k && !tree.contains($0, id.index) }
                    let values = paths.map { p in tree.nodes(of: p).map { "n\($0 + 1)" }.joined(separator: ":") + " " + (received(onPath: p)?.letter ?? "-") }
                    let limit = 12
                    lines.append("round \(k): " + values.prefix(limit).joined(separator: ", ") + (values.count > limit ? ", … (\(values.count))" : ""))
                    shown += 1
                    if shown >= 6 { break }
                }
                if decision != nil { lines.append("majority of " + majorityInputs.joined(separator: " ")) }
            case .sm:
                lines.append("V={\(heldLetters)}" + (held.isEmpty ? "" : ": " + held.map { ByzantineMessage.chainText($0.value, $0.chain) }.joined(separator: ", ")))
            }
            if lateCount > 0 { lines.append("\(lateCount) message\(lateCount == 1 ? "" : "s") came too late") }
            lines.append(decision.map { "decided \($0.rawValue)" } ?? decisionLine)
        }
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("traitor", .bool(isTraitor)), ("sent", .int(Int64(sentCount)))]
        if isCommander { fields.append(("order", order.map { .string($0.rawValue) } ?? .null)) }
        else {
            fields.append(("decision", decision.map { .string($0.rawValue) } ?? .null))
            if config.algorithm == .sm { fields.append(("values", .array(held.map { .string($0.value.rawValue) }))) }
        }
        return fields
    }

    public static var messageLabels: [MessageLabelSpec] {
        [MessageLabelSpec("A:n1 R:n1", "OM and SM round 1: the commander's value (attack or retreat) to a lieutenant"),
         MessageLabelSpec("A:n1:n3", "OM: n3 relays what n1 told it; SM: attack signed by n1, then by n3 (a signature chain)")]
    }

    // MARK: - Conditions

    public static let conditions = [
        ConditionForm("agreement", syntax: "agreement", summary: "every loyal lieutenant has decided, and IC1 and IC2 hold") { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("condition 'agreement \(words.joined(separator: " "))' should read: agreement") }
            return []
        },
        ConditionForm("no agreement", syntax: "no agreement", summary: "every loyal lieutenant has decided, and IC1 or IC2 fails") { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("condition 'no agreement \(words.joined(separator: " "))' should read: no agreement") }
            return []
        },
        ConditionForm("attack", syntax: "attack NODE", summary: "lieutenant NODE has decided attack") { words throws(OptionError) in
            [try lieutenantName(words, form: "attack NODE")]
        },
        ConditionForm("no attack", syntax: "no attack NODE", summary: "lieutenant NODE has decided retreat") { words throws(OptionError) in
            [try lieutenantName(words, form: "no attack NODE")]
        },
    ]

    static func lieutenantName(_ words: [String], form: String) throws(OptionError) -> String {
        guard words.count == 1 else { throw OptionError("condition should read: \(form)") }
        guard let id = NodeID(name: words[0]) else { throw OptionError("'\(words[0])' is not a node, like n2") }
        return id.description
    }

    /// The loyal lieutenants' decisions (nil for the commander, traitors and the undecided),
    /// who has not decided, and the loyal commander's order (nil if it is a traitor or gave none).
    public static func decisions(in nodes: [ByzantineNode]) -> (decisions: [ByzantineOrder?], undecided: [NodeID], loyalOrder: ByzantineOrder?) {
        var decisions = [ByzantineOrder?](repeating: nil, count: nodes.count)
        var undecided: [NodeID] = []
        for node in nodes where !node.isCommander && !node.isTraitor {
            if let decision = node.decision { decisions[node.id.index] = decision } else { undecided.append(node.id) }
        }
        let commander = nodes.first
        return (decisions, undecided, commander?.isTraitor == false ? commander?.order : nil)
    }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<ByzantineNode>) -> ConditionOutcome? {
        guard case .protocolCondition(let keyword, let arguments) = condition else { return nil }
        switch keyword {
        case "agreement", "no agreement":
            let (decisions, undecided, loyalOrder) = self.decisions(in: cluster.nodes)
            guard undecided.isEmpty else {
                return ConditionOutcome(holds: false, actual: "\(undecided.map(\.description).joined(separator: " ")) \(undecided.count == 1 ? "has" : "have") not decided yet")
            }
            let breach = Breach.verdict(decisions, loyalOrder: loyalOrder)
            let actual = breach.map { "\($0.property) fails: \($0.message)" }
                ?? (decisions.compactMap { $0 }.isEmpty ? "no loyal lieutenant" : "IC1 and IC2 hold: " + decisionsText(decisions))
            return ConditionOutcome(holds: (breach == nil) == (keyword == "agreement"), actual: actual)
        case "attack", "no attack":
            guard let id = arguments.first.flatMap(NodeID.init(name:)), id.index < cluster.nodes.count else {
                return ConditionOutcome(holds: false, actual: "there is no \(arguments.first ?? "such node")")
            }
            let node = cluster.nodes[id.index]
            guard let decision = node.decision else {
                return ConditionOutcome(holds: false, actual: node.isCommander ? "\(id) is the commander; it decides nothing" : "\(id) has not decided")
            }
            return ConditionOutcome(holds: (decision == .attack) == (keyword == "attack"), actual: "\(id) decided \(decision.rawValue)")
        default:
            return nil
        }
    }

    /// `n2 attack, n3 attack`.
    static func decisionsText(_ decisions: [ByzantineOrder?]) -> String {
        decisions.indices.compactMap { i in decisions[i].map { "n\(i + 1) \($0.rawValue)" } }.joined(separator: ", ")
    }
}
