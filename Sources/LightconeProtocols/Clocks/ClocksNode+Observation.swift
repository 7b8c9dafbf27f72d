import LightconeSimulation

/// What the view, `status`, `inspect`, `hb` and the conditions see of a process.
extension ClocksNode {
    public var role: String { "process" }

    /// The node box: its clocks now, then its latest event.
    public var summaryLines: [String] {
        ["L=\(lamport) V=\(vector)", events.last.map { "\($0.name) \($0.kindText)" } ?? "no events yet"]
    }

    public func inspect() -> [String] {
        ["Lamport clock L=\(lamport), vector clock V=\(vector)"]
            + (events.isEmpty ? ["no events yet"] : events.map { "  " + $0.line })
    }

    public var statusFields: [(String, JSONValue)] {
        [("lamport", .int(Int64(lamport))),
         ("vector", .array(vector.counters.map { .int(Int64($0)) })),
         ("events", .int(Int64(events.count)))]
    }

    public static var messageLabels: [MessageLabelSpec] {
        [MessageLabelSpec("m@L", "a message sent at an event with Lamport timestamp L; it carries that timestamp and the sender's vector clock")]
    }

    /// What `hb E1 E2` prints: the order, both vector clocks, and what Lamport's clocks say.
    static func orderLines(_ a: ClockEvent, _ b: ClockEvent) -> [String] {
        let va = "V(\(a.name))=\(a.vector)", vb = "V(\(b.name))=\(b.vector)"
        switch a.relation(to: b) {
        case .same:
            return ["\(a.name) is \(b.name): the same event", "  \(va)  L(\(a.name))=\(a.lamport)"]
        case .before:
            return ["\(a.name) → \(b.name) (happens before)", "  \(va) < \(vb)", clockConditionLine(a, b)]
        case .after:
            return ["\(a.name) after \(b.name) (\(b.name) → \(a.name))", "  \(vb) < \(va)", clockConditionLine(b, a)]
        case .concurrent:
            let (first, second) = a.lamport <= b.lamport ? (a, b) : (b, a)
            let lamport = first.lamport == second.lamport
                ? "  L(\(first.name))=\(first.lamport) = L(\(second.name))=\(second.lamport): concurrent events may share a timestamp"
                : "  L(\(first.name))=\(first.lamport) < L(\(second.name))=\(second.lamport), yet they are concurrent: L(a) < L(b) does not mean a → b"
            return ["concurrent (\(a.name) ∥ \(b.name))", "  \(va)  \(vb): neither is ≤ the other", lamport,
                    "  Lamport's total order (L, then node): \(totalOrder(a, b).name) ⇒ \(totalOrder(a, b) == a ? b.name : a.name), an order agreed on, not observed"]
        }
    }

    /// The first of two events in Lamport's total order ⇒: by timestamp, ties broken by node.
    static func totalOrder(_ a: ClockEvent, _ b: ClockEvent) -> ClockEvent {
        (a.lamport, a.name.node) < (b.lamport, b.name.node) ? a : b
    }

    /// For `a → b`: `L(a)=1 < L(b)=4`, as the clock condition requires, or that it is broken.
    static func clockConditionLine(_ a: ClockEvent, _ b: ClockEvent) -> String {
        a.lamport < b.lamport
            ? "  L(\(a.name))=\(a.lamport) < L(\(b.name))=\(b.lamport), as the clock condition requires (a → b ⇒ L(a) < L(b))"
            : "  L(\(a.name))=\(a.lamport) ≥ L(\(b.name))=\(b.lamport): the clock condition is broken"
    }

    /// What `cone E` prints.
    static func coneLines(_ cone: LightCone) -> [String] {
        let list = { (names: [ClockEventName]) in names.isEmpty ? "none" : names.map(\.description).joined(separator: " ") }
        return ["light cone of \(cone.focus.name)  \(cone.focus.clocksText)  (marked in the view; cone off clears it)",
                "  past (could have influenced it): \(list(cone.past))",
                "  future so far (it can influence): \(list(cone.future))",
                "  concurrent (could not have known of it, nor it of them): \(list(cone.concurrent))"]
    }

    // MARK: - Conditions

    public static let conditions = [
        ConditionForm("happened-before", syntax: "happened-before E1 E2", summary: "event E1 happened before E2 (E1 → E2)") { words throws(OptionError) in
            try eventPair(words, form: "happened-before E1 E2")
        },
        ConditionForm("concurrent", syntax: "concurrent E1 E2", summary: "events E1 and E2 both happened, and neither happened before the other") { words throws(OptionError) in
            try eventPair(words, form: "concurrent E1 E2")
        },
        ConditionForm("events", syntax: "events N on NODE", summary: "NODE has had N events") { words throws(OptionError) in
            guard words.count == 3, let count = Int(words[0]), count >= 0, words[1].lowercased() == "on" else {
                throw OptionError("condition should read: events N on NODE")
            }
            guard let node = NodeID(name: words[2]) else { throw OptionError("'\(words[2])' is not a node; condition should read: events N on NODE") }
            return [String(count), node.description]
        },
    ]

    /// Two event names, checked for their form (`n1:2`).
    static func eventPair(_ words: [String], form: String) throws(OptionError) -> [String] {
        guard words.count == 2 else { throw OptionError("condition should read: \(form)") }
        return try words.map { word throws(OptionError) in
            guard let name = ClockEventName(text: word) else { throw OptionError(notAnEvent(word)) }
            return name.description
        }
    }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<ClocksNode>) -> ConditionOutcome? {
        guard case .protocolCondition(let keyword, let arguments) = condition else { return nil }
        switch keyword {
        case "happened-before", "concurrent":
            let names = arguments.compactMap(ClockEventName.init(text:))
            guard names.count == 2 else { return nil }
            guard let a = event(names[0], in: cluster.nodes) else { return ConditionOutcome(holds: false, actual: missing(names[0], in: cluster.nodes)) }
            guard let b = event(names[1], in: cluster.nodes) else { return ConditionOutcome(holds: false, actual: missing(names[1], in: cluster.nodes)) }
            let relation = a.relation(to: b)
            let actual: String
            switch relation {
            case .same: actual = "\(a.name) is \(b.name)"
            case .before: actual = "\(a.name) → \(b.name)"
            case .after: actual = "\(b.name) → \(a.name)"
            case .concurrent: actual = "\(a.name) ∥ \(b.name)"
            }
            return ConditionOutcome(holds: relation == (keyword == "concurrent" ? .concurrent : .before), actual: actual)
        case "events":
            guard arguments.count == 2, let count = Int(arguments[0]), let id = NodeID(name: arguments[1]) else { return nil }
            guard id.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no node \(id)") }
            let had = cluster.nodes[id.index].events.count
            return ConditionOutcome(holds: had == count, actual: "\(id) has had \(had) event\(had == 1 ? "" : "s")")
        default:
            return nil
        }
    }
}
