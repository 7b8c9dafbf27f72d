import LightconeProtocols
import LightconeSimulation

/// What the acknowledged updates of a history say the replicas must converge to: a counter's
/// per-replica sums, an OR-set's adds and the tags removes observed, a register's writes.
struct UpdateHistory {
    let type: CRDTType
    /// Acknowledged increments and decrements, by the replica that took them.
    var increments: [Int], decrements: [Int]
    /// Acknowledged adds: element and tag.
    var adds: [(element: String, tag: AddTag)] = []
    /// Tags that acknowledged removes observed.
    var removed = Set<AddTag>()
    /// Acknowledged writes: value, stamp, and the stamp it replaced where it was taken.
    var writes: [(value: String, stamp: WriteStamp, replaced: WriteStamp?)] = []
    /// Acknowledged document versions (`type=merge`).
    var versions: [String] = []
    /// Acknowledged character operations, by the node that took them (`type=text`).
    var textOps: [Int]

    init(_ history: [HistoryEntry], type: CRDTType, nodeCount: Int) {
        self.type = type
        increments = Array(repeating: 0, count: nodeCount)
        decrements = Array(repeating: 0, count: nodeCount)
        textOps = Array(repeating: 0, count: nodeCount)
        for entry in history where entry.outcome == .ok {
            let operation = entry.operation
            let node = entry.node.index
            let words = (entry.output ?? "").split(separator: " ").map(String.init)
            switch operation.name {
            case "inc" where node < nodeCount:
                increments[node] += operation.input.first.flatMap { Int($0) } ?? 1
            case "dec" where node < nodeCount:
                decrements[node] += operation.input.first.flatMap { Int($0) } ?? 1
            case "add":
                if let element = operation.input.first, let tag = words.first.flatMap(AddTag.init) { adds.append((element, tag)) }
            case "remove":
                if words.first == "removed", words.count == 2 { removed.formUnion(words[1].split(separator: ",").compactMap { AddTag(String($0)) }) }
            case "set":
                if let value = operation.input.first, let stamp = words.first.flatMap(WriteStamp.init) {
                    writes.append((value, stamp, words.count == 3 ? WriteStamp(words[2]) : nil))
                }
            case "line":
                if let version = words.first { versions.append(version) }
            case "insert" where node < nodeCount:
                textOps[node] += operation.input.count == 2 ? operation.input[1].count : 0
            case "delete" where node < nodeCount:
                textOps[node] += operation.input.count == 2 ? Int(operation.input[1]) ?? 0 : 0
            default:
                break
            }
        }
    }

    var incrementTotal: Int { increments.reduce(0, +) }
    var decrementTotal: Int { decrements.reduce(0, +) }

    /// The elements the set must hold: every acknowledged add no acknowledged remove observed.
    var expectedElements: [String] {
        Array(Set(adds.filter { !removed.contains($0.tag) }.map(\.element))).sorted()
    }

    /// The acknowledged write with the largest stamp.
    var winner: (value: String, stamp: WriteStamp, replaced: WriteStamp?)? { writes.max { $0.stamp < $1.stamp } }

    /// The first way `join` misses an acknowledged update, in words; nil when it holds them all.
    func lostUpdate(in join: CRDTReplica) -> String? {
        switch join {
        case .gcounter(let counter):
            return counterLoss(counter.counts, increments, value: counter.value, expected: incrementTotal)
        case .pncounter(let counter):
            if let lost = counterLoss(counter.p.counts, increments, value: counter.value, expected: incrementTotal - decrementTotal) { return lost }
            return counterLoss(counter.n.counts, decrements, value: counter.value, expected: incrementTotal - decrementTotal, what: "decrements")
        case .orset(let set):
            let expected = expectedElements, actual = set.elements
            if let missing = expected.first(where: { !actual.contains($0) }) {
                let tags = adds.filter { $0.element == missing && !removed.contains($0.tag) }.map(\.tag.description)
                return "the replicas merge to \(set.valueText), without \(missing): its add \(tags.joined(separator: ",")) was acknowledged and no remove observed it"
            }
            if let extra = actual.first(where: { !expected.contains($0) }) {
                return "the replicas merge to \(set.valueText), with \(extra), although every acknowledged add of it was removed"
            }
            return nil
        case .lww(let register):
            guard let winner else { return nil }
            guard register.stamp == winner.stamp else {
                return "the replicas merge to \(register.description), not the latest acknowledged write \(winner.value) (\(winner.stamp))"
            }
            return nil
        case .text:
            return nil
        case .document(let document):
            let history = document.ancestors(of: document.head)
            if let missing = versions.first(where: { !history.contains($0) }) {
                return "the merged head \(document.head) does not descend from the acknowledged version \(missing)"
            }
            return nil
        }
    }

    func counterLoss(_ counts: [Int], _ expected: [Int], value: Int, expected total: Int, what: String = "increments") -> String? {
        for index in expected.indices where index < counts.count && counts[index] != expected[index] {
            return "the replicas merge to \(value), not \(total): n\(index + 1) took \(expected[index]) in acknowledged \(what) but the merged state holds \(counts[index])"
        }
        return nil
    }

    /// One clause: what the history adds up to.
    func summary(of join: CRDTReplica) -> String {
        switch type {
        case .gcounter: return "no lost update: \(incrementTotal) acknowledged in increments"
        case .pncounter: return "no lost update: \(incrementTotal) in increments minus \(decrementTotal) in decrements"
        case .orset: return "no lost update: every add no remove observed is in \(join.valueText)"
        case .lww: return writes.isEmpty ? "no writes" : "the latest of \(writes.count) acknowledged write\(writes.count == 1 ? "" : "s") holds"
        case .text:
            return "\(textOps.reduce(0, +)) acknowledged character edits"
        case .merge:
            guard case .document(let document) = join else { return "" }
            let conflicts = document.current.conflicts
            return "the merged head descends from all \(versions.count) acknowledged edit\(versions.count == 1 ? "" : "s")"
                + (conflicts > 0 ? "; \(document.head) has \(conflicts) conflict\(conflicts == 1 ? "" : "s") waiting for resolve NODE TEXT" : "")
        }
    }

    /// LWW: the acknowledged writes that the winner did not replace knowingly (concurrent
    /// writes it dropped), as one clause; none for the other types.
    func dropped(in join: CRDTReplica) -> [String] {
        guard type == .lww, let winner else { return [] }
        var chain = Set([winner.stamp])
        var next = winner.replaced
        while let stamp = next, !chain.contains(stamp) {
            chain.insert(stamp)
            next = writes.first { $0.stamp == stamp }?.replaced
        }
        let lost = writes.filter { !chain.contains($0.stamp) }.sorted { $0.stamp < $1.stamp }
        guard !lost.isEmpty else { return ["no write dropped"] }
        return ["last write wins dropped \(lost.count) acknowledged concurrent write\(lost.count == 1 ? "" : "s"): "
                + lost.prefix(4).map { "set \($0.value) (\($0.stamp))" }.joined(separator: ", ")]
    }
}
