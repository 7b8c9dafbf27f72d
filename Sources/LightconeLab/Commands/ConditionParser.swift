import LightconeSimulation

/// Parses the conditions of SPEC §3 (`leader n2`, `delivered hi everywhere`, `harvest >= 0.9`).
public enum ConditionParser {
    /// The roles a `role NODE ROLE` condition may name on `protocolName`: the protocol's
    /// declared roles, and `down`.
    public static func roles(of protocolName: String) -> [String] {
        (ProtocolRegistry.entry(named: protocolName)?.roles.map(\.name) ?? []) + ["down"]
    }

    /// Every condition's form, for help and errors.
    public static let forms = [
        "leader", "leader NODE", "no leader", "role NODE ROLE", "up NODE", "down NODE", "committed N",
        "chosen VALUE", "agreement", "no agreement", "converged", "linearizable", "not linearizable",
        "value KEY VALUE on NODE", "available NODE", "unavailable NODE", "siblings KEY N", "balance-total N",
        "delivered VALUE everywhere", "METER >= X", "METER <= X", "violation [PROPERTY]",
    ]

    static let keywords = ["leader", "no", "role", "up", "down", "committed", "chosen", "agreement", "converged",
                           "linearizable", "not", "value", "available", "unavailable", "siblings", "balance-total",
                           "delivered", "violation"]

    /// Parses a condition from its words.
    public static func parse(_ words: [String], context: ParseContext) throws(CommandError) -> ConditionSpec {
        guard let first = words.first?.lowercased() else {
            throw CommandError("a condition is missing; conditions are like: leader, up n2, committed 3, delivered hi everywhere")
        }
        let text = words.joined(separator: " ")
        let args = Array(words.dropFirst())
        func node(_ word: String) throws(CommandError) -> NodeRef { try NodeNames.parse(word, nodeCount: context.nodeCount) }
        func expectCount(_ n: Int, _ form: String) throws(CommandError) {
            guard args.count == n else { throw CommandError("condition '\(text)' should read: \(form)") }
        }
        func withNode(_ ref: NodeRef, _ build: @escaping @Sendable (NodeID) -> Condition) -> ConditionSpec {
            ConditionSpec(text: text) { leader in
                switch ref {
                case .node(let id): return build(id)
                case .leader: return leader.map(build)
                }
            }
        }
        func fixed(_ condition: Condition) -> ConditionSpec { ConditionSpec(text: text) { _ in condition } }

        switch first {
        case "leader":
            if args.isEmpty { return fixed(.leader(nil)) }
            try expectCount(1, "leader NODE")
            return withNode(try node(args[0])) { .leader($0) }
        case "no":
            guard args.count == 1 else { throw CommandError("condition '\(text)' should read: no leader, or no agreement") }
            switch args[0].lowercased() {
            case "leader": return fixed(.noLeader)
            case "agreement": return fixed(.noAgreement)
            default: throw CommandError("condition '\(text)' should read: no leader, or no agreement")
            }
        case "role":
            try expectCount(2, "role NODE ROLE")
            let role = args[1].lowercased()
            let roles = roles(of: context.protocolName)
            guard roles.contains(role) else {
                let hint = Suggestion.closest(to: role, in: roles).map { "did you mean \($0)? " } ?? ""
                throw CommandError("unknown role '\(args[1])'; \(hint)\(context.protocolName) roles are \(roles.joined(separator: ", "))")
            }
            return withNode(try node(args[0])) { .role($0, role) }
        case "up", "down", "available", "unavailable":
            try expectCount(1, "\(first) NODE")
            let ref = try node(args[0])
            switch first {
            case "up": return withNode(ref) { .up($0) }
            case "down": return withNode(ref) { .down($0) }
            case "available": return withNode(ref) { .available($0) }
            default: return withNode(ref) { .unavailable($0) }
            }
        case "chosen":
            try expectCount(1, "chosen VALUE")
            return fixed(.chosen(args[0]))
        case "agreement":
            try expectCount(0, "agreement")
            return fixed(.agreement)
        case "converged":
            try expectCount(0, "converged")
            return fixed(.converged)
        case "linearizable":
            try expectCount(0, "linearizable")
            return fixed(.linearizable)
        case "not":
            guard args.map({ $0.lowercased() }) == ["linearizable"] else { throw CommandError("condition '\(text)' should read: not linearizable") }
            return fixed(.notLinearizable)
        case "value":
            guard args.count == 4, args[2].lowercased() == "on" else { throw CommandError("condition '\(text)' should read: value KEY VALUE on NODE") }
            let key = args[0], value = args[1]
            return withNode(try node(args[3])) { .value(key: key, value: value, node: $0) }
        case "siblings":
            try expectCount(2, "siblings KEY N")
            guard let n = Int(args[1]), n >= 0 else { throw CommandError("siblings takes a count, like: siblings x 2") }
            return fixed(.siblings(key: args[0], count: n))
        case "balance-total":
            try expectCount(1, "balance-total N")
            guard let n = Int64(args[0]) else { throw CommandError("balance-total takes a number, like: balance-total 300") }
            return fixed(.balanceTotal(n))
        case "violation":
            guard args.count <= 1 else { throw CommandError("condition '\(text)' should read: violation [PROPERTY]") }
            let property = args.first
            if let property {
                let known = ProtocolRegistry.entry(named: context.protocolName)?.properties ?? []
                guard let match = known.first(where: { $0.lowercased() == property.lowercased() }) else {
                    if known.isEmpty { throw CommandError("\(context.protocolName) has no safety property to violate; `violation` alone asks for any") }
                    let hint = Suggestion.closest(to: property, in: known.map { $0.lowercased() })
                        .flatMap { lowered in known.first { $0.lowercased() == lowered } }.map { "did you mean \($0)? " } ?? ""
                    throw CommandError("unknown property '\(property)'; \(hint)\(context.protocolName) properties are \(known.joined(separator: ", "))")
                }
                return fixed(.violation(match))
            }
            return fixed(.violation(nil))
        default:
            if let form = ProtocolRegistry.entry(named: context.protocolName)?.conditions.first(where: { $0.keyword == first }) {
                do {
                    let arguments = try form.parse(args)
                    return fixed(.protocolCondition(form.keyword, arguments))
                } catch {
                    throw CommandError(error.message)
                }
            }
            if let owner = ProtocolRegistry.entries.first(where: { $0.conditions.contains { $0.keyword == first } }) {
                throw CommandError("condition '\(text)' belongs to \(owner.name); the cluster runs \(context.protocolName)")
            }
            if args.count == 2, [">=", "<=", ">", "<", "=", "=="].contains(args[0]) {
                return try meter(first, args, text: text, context: context)
            }
            let hint = Suggestion.closest(to: first, in: keywords).map { "did you mean \($0)? " } ?? ""
            throw CommandError("unknown condition '\(text)'; \(hint)conditions are: \(forms.joined(separator: ", "))")
        }
    }

    /// `METER >= X` or `METER <= X`, for a meter of the current protocol.
    static func meter(_ name: String, _ args: [String], text: String, context: ParseContext) throws(CommandError) -> ConditionSpec {
        guard let comparison = Condition.Comparison(rawValue: args[0]) else {
            throw CommandError("condition '\(text)' should read: \(name) >= X or \(name) <= X, X like 0.9 or 90%")
        }
        let meters = ProtocolRegistry.entry(named: context.protocolName)?.meters.map(\.name) ?? []
        guard meters.contains(name) else {
            if meters.isEmpty { throw CommandError("\(context.protocolName) has no meters, so '\(name)' cannot be compared") }
            let hint = Suggestion.closest(to: name, in: meters).map { "did you mean \($0)? " } ?? ""
            throw CommandError("unknown meter '\(name)'; \(hint)\(context.protocolName) meters are \(meters.joined(separator: ", "))")
        }
        let value: Int64?
        if args[1].hasSuffix("%") { value = PercentText.parse(args[1]).map(Int64.init) } else { value = DecimalText.parse(args[1], scale: 1_000_000) }
        guard let bound = value else { throw CommandError("\(name) compares with a number like 0.9 or 90%, not '\(args[1])'") }
        let condition = Condition.meter(name, comparison, bound)
        return ConditionSpec(text: text) { _ in condition }
    }
}
