import LightconeSimulation

/// What the view, `status`, `inspect` and the conditions see of a replica.
extension CRDTNode {
    public var role: String { "replica" }

    /// The value, then the state behind it (the vector, the tags, the stamp).
    public var summaryLines: [String] {
        switch replica {
        case .gcounter(let counter):
            return ["= \(counter.value)", Self.compact(counter.counts)]
        case .pncounter(let counter):
            let value = "= \(counter.value)"
            return [value + " +" + Self.compact(counter.p.counts),
                    String(repeating: " ", count: value.count) + " -" + Self.compact(counter.n.counts)]
        case .orset(let set):
            let elements = set.elements.map { "\($0)(" + set.liveTags(of: $0).map(\.description).joined(separator: ",") + ")" }
            var lines = [set.valueText, elements.isEmpty ? "no live adds" : elements.joined(separator: " ")]
            if !set.tombstones.isEmpty { lines.append("removed " + set.tombstones.map(\.description).joined(separator: ",")) }
            return lines
        case .lww(let register):
            return ["= \(register.valueText)", register.stamp.map { "at \($0)" } ?? "never written"]
        case .text(let document):
            return ["\"\(document.string)\"", "r\(document.revision)" + (document.isDrained ? "" : " pending \((document.outstanding?.ops.count ?? 0) + document.buffer.count)")
                    + (id.index == 0 ? " server" : "")]
        case .document(let document):
            let commit = document.current
            return ["\(commit.id)" + (commit.conflicts > 0 ? " CONFLICT" : ""), document.valueText]
        }
    }

    /// A vector for the node's box: `[2 3 1]`, entries in node order.
    static func compact(_ counts: [Int]) -> String { "[" + counts.map(String.init).joined(separator: " ") + "]" }

    public func inspect() -> [String] {
        ["type=\(config.type.rawValue) sync=\(DurationText.format(config.sync))",
         "value: \(replica.valueText)",
         "state: \(replica.description)",
         "states merged: \(merges)" + (config.type == .orset ? ", adds taken here: \(addsTaken)" : "")]
            + versionLines
    }

    /// `type=merge`: the versions, newest first.
    var versionLines: [String] {
        guard case .document(let document) = replica else { return [] }
        let versions = document.commits.values.sorted { ($0.generation, $0.id) > ($1.generation, $1.id) }
        return ["versions (\(versions.count)):"] + versions.prefix(12).map { commit in
            "  \(commit.id)" + (commit.parents.isEmpty ? "" : " <- " + commit.parents.joined(separator: " "))
                + ": " + (commit.lines.isEmpty ? "(empty)" : commit.lines.joined(separator: "|"))
        }
    }

    public var statusFields: [(String, JSONValue)] {
        [("type", .string(config.type.rawValue)), ("value", .string(replica.valueText)), ("state", .string(replica.description))]
    }

    // MARK: - Conditions

    /// `value-of NODE V`.
    public static let conditions = [
        ConditionForm("value-of", syntax: "value-of NODE V",
                      summary: "NODE's replica reads V (a count, a set like {a,b}, or a register's value)") { words throws(OptionError) in
            guard words.count == 2 else { throw OptionError("condition 'value-of \(words.joined(separator: " "))' should read: value-of NODE V, like value-of n1 3") }
            guard NodeID(name: words[0]) != nil else { throw OptionError("'\(words[0])' is not a node; value-of NODE V, like value-of n1 3") }
            return words
        },
    ]

    /// The condition `value-of NODE V`.
    public static func valueOf(_ node: NodeID, _ value: String) -> Condition { .protocolCondition("value-of", [node.description, value]) }

    /// `converged`: every up replica holds the same state.
    public static func convergence(in cluster: ClusterState<CRDTNode>) -> ConditionOutcome {
        let up = cluster.ids.filter { cluster.isUp($0) }
        guard let first = up.first else { return ConditionOutcome(holds: true, actual: "no replica is up") }
        let state = cluster.nodes[first.index].replica
        let differ = up.filter { !cluster.nodes[$0.index].replica.agrees(with: state) }
        if differ.isEmpty { return ConditionOutcome(holds: true, actual: "every up replica holds \(state.valueText)") }
        let values = up.map { "\($0)=\(cluster.nodes[$0.index].replica.valueText)" }.joined(separator: " ")
        return ConditionOutcome(holds: false, actual: "replicas differ: \(values)")
    }

    /// Answers `converged` and `value-of NODE V`.
    public static func evaluate(_ condition: Condition, in cluster: ClusterState<CRDTNode>) -> ConditionOutcome? {
        switch condition {
        case .converged:
            return convergence(in: cluster)
        case .protocolCondition("value-of", let arguments):
            guard arguments.count == 2, let id = NodeID(name: arguments[0]) else { return nil }
            guard id.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no \(id)") }
            let value = cluster.nodes[id.index].replica.valueText
            return ConditionOutcome(holds: value == arguments[1], actual: "\(id) reads \(value)" + (cluster.isUp(id) ? "" : " (down)"))
        default:
            return nil
        }
    }
}
