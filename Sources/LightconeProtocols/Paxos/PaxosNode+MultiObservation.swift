import LightconeSimulation

/// What the view, `status`, `inspect` and the conditions see of a Multi-Paxos node.
extension PaxosNode {
    /// `log 5@3.n2 6@3.n2`, `chosen 6 applied 6`, `promised 3.n2`: the last slots with the
    /// ballot each was accepted in, most telling first.
    var multiSummaryLines: [String] {
        var tail: [String] = []
        var width = 0
        var slot = multi.lastAccepted
        while slot >= 1, tail.count < 4 {
            let entry = "\(slot)@" + (multi.accepted[slot].map { $0.ballot.description } ?? "-")
            if width + entry.count + (tail.isEmpty ? 0 : 1) > 18 && !tail.isEmpty { break }
            width += entry.count + (tail.isEmpty ? 0 : 1)
            tail.insert(entry, at: 0)
            slot -= 1
        }
        return [tail.isEmpty ? "log empty" : "log " + tail.joined(separator: " "),
                "chosen \(multi.learnedThrough) applied \(multi.applied)",
                "promised \(promised)"]
    }

    /// Multi-Paxos's log for the view: per slot, the ballot round it was accepted in (the
    /// log table's "term") and its command; chosen slots are committed.
    var multiLogObservation: LogObservation {
        let last = max(multi.lastAccepted, multi.learnedThrough)
        let first = max(1, last - LogObservation.limit + 1)
        guard last >= first else { return LogObservation(length: 0, entries: []) }
        let entries = (first...last).map { slot in
            let proposal = multi.proposal(at: slot)
            let value = multi.learnedValue(at: slot) ?? proposal?.value
            let text: String
            switch value {
            case .command(let command, _, _)?: text = command.shortText
            case .plain(let plain)?: text = plain
            case .noop?: text = "noop"
            case nil: text = "-"
            }
            return LogObservation.Entry(index: slot, term: proposal?.ballot.round ?? 0, value: text,
                                        isCommitted: slot <= multi.learnedThrough)
        }
        return LogObservation(length: last, entries: entries)
    }

    /// The box's lines in at most 10 columns: the last slots with their ballots (`2@- 3@1.n1`:
    /// slot 2 holds nothing), `chosen 6` (with `ap 5` while applying lags), `prom 3.n2`.
    var multiBoxLines: [String] {
        var tail: [String] = []
        var width = 0
        var slot = multi.lastAccepted
        while slot >= 1, tail.count < 3 {
            let entry = "\(slot)@" + (multi.accepted[slot].map { $0.ballot.description } ?? "-")
            if !tail.isEmpty && width + 1 + entry.count > 10 { break }
            width += entry.count + (tail.isEmpty ? 0 : 1)
            tail.insert(entry, at: 0)
            slot -= 1
        }
        let chosen = "chosen \(multi.learnedThrough)" + (multi.applied < multi.learnedThrough ? " ap \(multi.applied)" : "")
        return [tail.isEmpty ? "log empty" : tail.joined(separator: " "), chosen, "prom \(promised)"]
    }

    func multiInspect() -> [String] {
        var lines = [
            "promised \(promised), leader " + (multi.isLeader ? "this node (\(ballot))" : multi.leaderId?.description ?? "unknown"),
            "learned \(multi.learnedThrough) slots, applied \(multi.applied), accepted through #\(multi.lastAccepted)",
        ]
        let last = max(multi.lastAccepted, multi.learnedThrough)
        if last >= 1 {
            let first = max(1, last - 9)
            lines.append("log" + (first > 1 ? " (last 10 of \(last))" : "") + ":")
            for slot in first...last {
                let proposal = multi.proposal(at: slot)
                let accepted = proposal.map { "\($0.ballot) \($0.value)" } ?? "-"
                let mark = slot <= multi.applied ? "  (applied)" : slot <= multi.learnedThrough ? "  (chosen)" : ""
                var line = "  #\(slot) \(accepted)\(mark)"
                if let learned = multi.learnedValue(at: slot), learned != proposal?.value { line += " chosen \(learned)" }
                lines.append(line)
            }
        } else {
            lines.append("log: empty")
        }
        lines.append("state: " + (multi.store.values.isEmpty ? "empty" : multi.store.description))
        if multi.isLeader {
            let peers = (0..<nodeCount).filter { $0 != id.index }
            lines.append("proposed through #\(multi.lastProposed); nextSlot " + peers.map { "n\($0 + 1)=\(multi.nextSlot[$0])" }.joined(separator: " "))
            lines.append("learned by " + peers.map { "n\($0 + 1)=\(multi.learnedBy[$0])" }.joined(separator: " "))
            if !multi.waitingClients.isEmpty { lines.append("clients waiting: \(multi.waitingClients.count)") }
        } else if multi.isCandidate {
            let from = (0..<nodeCount).filter { multi.promisedBy & (1 << UInt64($0)) != 0 }.map { "n\($0 + 1)" }
            lines.append("phase 1 of \(ballot) from slot #\(multi.prepareFrom): promises \(from.count) of \(majority) needed: " + from.joined(separator: " "))
        }
        return lines
    }

    var multiStatusFields: [(String, JSONValue)] {
        [("leader_id", multi.leaderId.map { .string($0.description) } ?? .null),
         ("chosen", .int(Int64(multi.learnedThrough))),
         ("applied", .int(Int64(multi.applied))),
         ("log_length", .int(Int64(multi.lastAccepted)))]
    }

    /// The slots some learner learned `text` in.
    static func multiChosenSlots(of text: String, in cluster: ClusterState<PaxosNode>) -> [Int] {
        var slots: [Int] = []
        for node in cluster.nodes { if let slot = node.multi.learnedSlot(of: text), !slots.contains(slot) { slots.append(slot) } }
        return slots.sorted()
    }

    /// `committed N`: at least N slots are chosen and applied on a majority of the nodes.
    static func multiCommittedOutcome(_ count: Int, in cluster: ClusterState<PaxosNode>) -> ConditionOutcome {
        let applied = cluster.nodes.enumerated().map { cluster.isUp(NodeID(index: $0.offset)) ? $0.element.multi.applied : 0 }.sorted(by: >)
        let majority = cluster.nodes.count / 2 + 1
        let onMajority = applied.count >= majority ? applied[majority - 1] : 0
        return ConditionOutcome(holds: onMajority >= count, actual: "\(onMajority) slots applied on a majority")
    }

    /// `agreement` in Multi-Paxos: in every slot, the learners that learned it learned the same.
    static func multiAgreementOutcome(in cluster: ClusterState<PaxosNode>) -> ConditionOutcome {
        let longest = cluster.nodes.map(\.multi.learnedThrough).max() ?? 0
        guard longest > 0 else { return ConditionOutcome(holds: true, actual: "no learner has learned a slot") }
        for slot in 1...longest {
            var first: (NodeID, PaxosValue)?
            for id in cluster.ids {
                guard let value = cluster.nodes[id.index].multi.learnedValue(at: slot) else { continue }
                guard let (node, known) = first else { first = (id, value); continue }
                if value != known {
                    return ConditionOutcome(holds: false, actual: "slot #\(slot): \(node) learned \(known) but \(id) learned \(value)")
                }
            }
        }
        return ConditionOutcome(holds: true, actual: "learners agree on every slot (\(longest) learned)")
    }

    /// Basic Paxos: `propose vN`; Multi-Paxos: a random `put`, `get` or `cas` over keys
    /// `k1`..`kK` with values 1..5, like Raft's, so that a linearizability checker has work.
    public static func randomOperation(config: PaxosConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        guard config.mode == .multi else { return Operation(name: "propose", input: ["v\(rng.uniform(below: 1_000))"]) }
        let key = "k\(1 + rng.index(below: max(1, keys)))"
        let value = { (rng: inout SeededGenerator) in String(1 + rng.index(below: 5)) }
        switch rng.index(below: 10) {
        case 0..<4: return Operation(name: "put", key: key, input: [value(&rng)])
        case 4..<8: return Operation(name: "get", key: key)
        default: return Operation(name: "cas", key: key, input: [value(&rng), value(&rng)])
        }
    }
}
