import LightconeSimulation

/// Parses the conditions of SPEC §3 (`leader n2`, `delivered hi everywhere`, `harvest >= 0.9`).
public enum ConditionParser {
    /// The roles a `role NODE ROLE` condition may name on `protocolName`: the protocol's
    /// declared roles, and `down`.
    public static func roles(of entry: ProtocolEntry?) -> [String] {
        (entry?.roles.map(\.name) ?? []) + ["down"]
    }

    /// The generic conditions every protocol answers (the core's), before the meters and
    /// `violation`.
    static let genericForms = [
        "leader", "leader NODE", "no leader", "role NODE ROLE", "up NODE", "down NODE", "converged",
        "linearizable", "not linearizable", "value KEY VALUE on NODE", "available NODE", "unavailable NODE",
    ]

    /// Every condition `protocolName` understands: the generic ones, the protocol's own, the
    /// meters and `violation`, for help and errors.
    public static func forms(of entry: ProtocolEntry?) -> [String] {
        let own = entry?.conditions.map(\.syntax) ?? []
        return genericForms + own + ["METER >= X", "METER <= X", "violation [PROPERTY]"]
    }

    static let genericKeywords = ["leader", "no", "role", "up", "down", "converged", "linearizable", "not", "value",
                                  "available", "unavailable", "violation"]

    /// The first words of the conditions `protocolName` understands, for completion and hints.
    public static func keywords(of entry: ProtocolEntry?) -> [String] {
        var words = genericKeywords
        for form in entry?.conditions ?? [] {
            let first = form.keywordWords[0]
            if !words.contains(first) { words.append(first) }
        }
        for meter in entry?.meters ?? [] where !words.contains(meter.name) { words.append(meter.name) }
        return words
    }

    /// The form among `forms` whose keyword's words begin `words`, the longest if several.
    static func form(matching words: [String], in forms: [ConditionForm]) -> ConditionForm? {
        let lowered = words.map { $0.lowercased() }
        return forms.filter { form in
            let keyword = form.keywordWords
            return lowered.count >= keyword.count && Array(lowered.prefix(keyword.count)) == keyword
        }.max { $0.keywordWords.count < $1.keywordWords.count }
    }

    /// Parses a condition from its words.
    public static func parse(_ words: [String], context: ParseContext) throws(CommandError) -> ConditionSpec {
        guard let first = words.first?.lowercased() else {
            let own = context.protocolEntry?.conditions.first.map { ", " + $0.syntax } ?? ""
            throw CommandError("a condition is missing; conditions are like: leader, up n2\(own); `help` lists them all")
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

        let current = context.protocolEntry
        if let form = form(matching: words, in: current?.conditions ?? []) {
            do throws(OptionError) {
                let arguments = try form.parse(Array(words.dropFirst(form.keywordWords.count)))
                return fixed(.protocolCondition(form.keyword, arguments))
            } catch {
                throw CommandError(error.message)
            }
        }
        if let owner = context.catalog.entries.first(where: { form(matching: words, in: $0.conditions) != nil }) {
            throw CommandError("condition '\(text)' belongs to \(owner.name); the cluster runs \(context.protocolName)")
        }

        switch first {
        case "leader":
            if args.isEmpty { return fixed(.leader(nil)) }
            try expectCount(1, "leader NODE")
            return withNode(try node(args[0])) { .leader($0) }
        case "no":
            guard args.map({ $0.lowercased() }) == ["leader"] else {
                let noForms = ["no leader"] + (current?.conditions.map(\.syntax).filter { $0.hasPrefix("no ") } ?? [])
                throw CommandError("condition '\(text)' should read: \(noForms.joined(separator: ", or "))")
            }
            return fixed(.noLeader)
        case "role":
            try expectCount(2, "role NODE ROLE")
            let role = args[1].lowercased()
            let roles = roles(of: context.protocolEntry)
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
        case "violation":
            guard args.count <= 1 else { throw CommandError("condition '\(text)' should read: violation [PROPERTY]") }
            let property = args.first
            if let property {
                let known = context.protocolEntry?.properties ?? []
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
            if args.count == 2, [">=", "<=", ">", "<", "=", "=="].contains(args[0]) {
                return try meter(first, args, text: text, context: context)
            }
            let hint = Suggestion.closest(to: first, in: keywords(of: context.protocolEntry)).map { "did you mean \($0)? " } ?? ""
            throw CommandError("unknown condition '\(text)'; \(hint)conditions are: \(forms(of: context.protocolEntry).joined(separator: ", "))")
        }
    }

    /// `METER >= X` or `METER <= X`, for a meter of the current protocol.
    static func meter(_ name: String, _ args: [String], text: String, context: ParseContext) throws(CommandError) -> ConditionSpec {
        guard let comparison = Condition.Comparison(rawValue: args[0]) else {
            throw CommandError("condition '\(text)' should read: \(name) >= X or \(name) <= X, X like 0.9 or 90%")
        }
        let meters = context.protocolEntry?.meters.map(\.name) ?? []
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
