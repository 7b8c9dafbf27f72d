import LightconeSimulation

/// What the view, `status`, `inspect` and the conditions see of a Paxos node.
extension PaxosNode {
    /// `leader` (it believes it leads), `proposer` (running a round, or backing off),
    /// `learner` (Basic Paxos: it has learned the value), else `acceptor`.
    public var role: String {
        if config.mode == .multi { return multiRole }
        if isLeader { return "leader" }
        if phase != .idle { return "proposer" }
        return learned == nil ? "acceptor" : "learner"
    }

    public var leaderTerm: Int? {
        if config.mode == .multi { return multi.isLeader ? ballot.ordinal : nil }
        return isLeader ? ballot.ordinal : nil
    }

    /// Multi-Paxos keeps a log (one slot per command); single-decree Paxos does not.
    public var logObservation: LogObservation? { config.mode == .multi ? multiLogObservation : nil }

    /// `promised 3.n2`, `accepted 2.n1:x`, `learned x` (Multi-Paxos: the log tail).
    public var summaryLines: [String] {
        if config.mode == .multi { return multiSummaryLines }
        return ["promised \(promised)",
                "accepted " + (accepted.map { "\($0.ballot):\($0.value)" } ?? "-"),
                "learned " + (learned?.description ?? "-")]
    }

    /// The node's box, in at most 10 columns (a box's width on the 80x24 screen) and two
    /// lines (a box shows two under its id and role): an acceptor's promise and acceptance
    /// (`prom 3.n2`, `acc 2.n1:x`); once its learner has learned, what it learned comes first
    /// (`learned x`, `acc 2.n1:x`), since that is what `Beat Paxos` is about.
    public var boxLines: [String] {
        if config.mode == .multi { return multiBoxLines }
        let promise = "prom \(promised)"
        let acceptance = "acc " + (accepted.map { "\($0.ballot):\($0.value)" } ?? "-")
        guard let learned else { return [promise, acceptance, "learned -"] }
        return ["learned \(learned)", acceptance, promise]
    }

    public func inspect() -> [String] {
        if config.mode == .multi { return multiInspect() }
        var lines = [
            "acceptor: promised \(promised), accepted " + (accepted.map { "\($0.ballot):\($0.value)" } ?? "nothing"),
            "learner: " + (learned.map { "learned \($0)" } ?? "has learned nothing"),
        ]
        if !config.isProposer(id) {
            lines.append("proposer: no (proposers are " + (config.proposers ?? []).map(\.description).joined(separator: ",") + ")")
        } else {
            var proposer = "proposer: \(phase.rawValue)"
            if phase != .idle || isLeader { proposer += ", ballot \(ballot)" }
            if let value { proposer += ", own value \(value)" }
            if let proposing, phase == .accepting { proposer += ", proposing \(proposing)" }
            lines.append(proposer)
            if phase == .preparing {
                let from = (0..<nodeCount).filter { promisedBy & (1 << UInt64($0)) != 0 }.map { "n\($0 + 1)" }
                lines.append("promises \(from.count) of \(majority) needed: " + (from.isEmpty ? "none" : from.joined(separator: " ")))
            }
            if phase == .preparing || phase == .accepting {
                lines.append("highest reported: " + (highestReported.map { "\($0.ballot):\($0.value)" } ?? "none"))
            }
            if !waiting.isEmpty { lines.append("clients waiting: \(waiting.count)") }
        }
        if config.leader {
            lines.append("leader: " + (isLeader ? "this node (\(ballot))" : leaderId.map { "\($0) (\(leaderBallot))" } ?? "unknown"))
        }
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [("promised", .string(promised.description))]
        if config.mode == .multi { return fields + multiStatusFields }
        fields.append(("accepted_ballot", accepted.map { .string($0.ballot.description) } ?? .null))
        fields.append(("accepted_value", accepted.map { .string($0.value.description) } ?? .null))
        fields.append(("learned", learned.map { .string($0.description) } ?? .null))
        fields.append(("phase", .string(phase.rawValue)))
        fields.append(("ballot", .string(ballot.description)))
        return fields
    }

    // MARK: - Meters

    /// `round`: the highest round any acceptor has promised.
    public static func readMeters(in cluster: ClusterState<PaxosNode>) -> [MeterReading] {
        [MeterReading("round", millionths: Int64(cluster.nodes.map(\.promised.round).max() ?? 0) * 1_000_000)]
    }

    // MARK: - Conditions

    public static let conditions = [
        ConditionForm("chosen", syntax: "chosen VALUE",
                      summary: "a majority of acceptors accepted VALUE in one ballot (even before any learner knows)") { words throws(OptionError) in
            guard words.count == 1 else { throw OptionError("condition 'chosen \(words.joined(separator: " "))' should read: chosen VALUE") }
            return words
        },
        ConditionForm("agreement", syntax: "agreement", summary: "no two learners learned different values (per slot)") { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("condition 'agreement \(words.joined(separator: " "))' should read: agreement") }
            return []
        },
        ConditionForm("no agreement", syntax: "no agreement", summary: "two learners learned different values") { words throws(OptionError) in
            guard words.isEmpty else { throw OptionError("condition 'no agreement \(words.joined(separator: " "))' should read: no agreement") }
            return []
        },
        ConditionForm("learned", syntax: "learned VALUE on NODE", summary: "NODE's learner has learned VALUE") { words throws(OptionError) in
            guard words.count == 3, words[1].lowercased() == "on" else {
                throw OptionError("condition 'learned \(words.joined(separator: " "))' should read: learned VALUE on NODE")
            }
            guard let node = NodeID(name: words[2]) else { throw OptionError("'\(words[2])' is not a node, like n1") }
            return [words[0], node.description]
        },
        ConditionForm("committed", syntax: "committed N", summary: "mode=multi: at least N log slots are chosen and applied on a majority") { words throws(OptionError) in
            guard words.count == 1 else { throw OptionError("condition 'committed \(words.joined(separator: " "))' should read: committed N") }
            guard let n = Int(words[0]), n >= 0 else { throw OptionError("committed takes a number, like: committed 3") }
            return [String(n)]
        },
    ]

    /// The condition `chosen VALUE`.
    public static func chosen(_ value: String) -> Condition { .protocolCondition("chosen", [value]) }
    /// The condition `agreement`.
    public static var agreement: Condition { .protocolCondition("agreement", []) }
    /// The condition `no agreement`.
    public static var noAgreement: Condition { .protocolCondition("no agreement", []) }
    /// The condition `learned VALUE on NODE`.
    public static func learned(_ value: String, on node: NodeID) -> Condition { .protocolCondition("learned", [value, node.description]) }
    /// The condition `committed N`.
    public static func committed(_ count: Int) -> Condition { .protocolCondition("committed", [String(count)]) }

    public static func evaluate(_ condition: Condition, in cluster: ClusterState<PaxosNode>) -> ConditionOutcome? {
        guard let mode = cluster.nodes.first?.config.mode else { return nil }
        switch condition {
        case .protocolCondition("chosen", let arguments):
            let value = arguments.first ?? ""
            if mode == .multi {
                let slots = multiChosenSlots(of: value, in: cluster)
                return ConditionOutcome(holds: !slots.isEmpty, actual: slots.isEmpty ? "\(value) is chosen in no slot" : "\(value) is chosen in slot #\(slots[0])")
            }
            return chosenOutcome(value, in: cluster)
        case .protocolCondition("agreement", _):
            let outcome = agreementOutcome(in: cluster)
            return outcome
        case .protocolCondition("no agreement", _):
            let outcome = agreementOutcome(in: cluster)
            return ConditionOutcome(holds: !outcome.holds, actual: outcome.actual)
        case .protocolCondition("learned", let arguments):
            guard arguments.count == 2, let node = NodeID(name: arguments[1]) else { return nil }
            guard node.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no \(node)") }
            let learner = cluster.nodes[node.index]
            if mode == .multi {
                let slot = learner.multi.learnedSlot(of: arguments[0])
                return ConditionOutcome(holds: slot != nil, actual: slot.map { "\(node) learned \(arguments[0]) in slot #\($0)" } ?? "\(node) has not learned \(arguments[0])")
            }
            return ConditionOutcome(holds: learner.learned?.description == arguments[0],
                                    actual: learner.learned.map { "\(node) learned \($0)" } ?? "\(node) has learned nothing")
        case .protocolCondition("committed", let arguments):
            guard mode == .multi else { return ConditionOutcome(holds: false, actual: "committed N counts log slots: it needs mode=multi") }
            return multiCommittedOutcome(arguments.first.flatMap { Int($0) } ?? 0, in: cluster)
        case .value(let key, let value, let node):
            guard mode == .multi else { return nil }
            guard cluster.isUp(node) else { return ConditionOutcome(holds: false, actual: "\(node) is down") }
            let actual = cluster.nodes[node.index].multi.store[key]
            return ConditionOutcome(holds: actual == value, actual: actual.map { "\(node) has \(key)=\($0)" } ?? "\(node) has no \(key)")
        default:
            return nil
        }
    }

    /// `chosen VALUE` in Basic Paxos: some ballot in which a majority of acceptors (up or
    /// down: what they accepted is durable) accepted VALUE.
    static func chosenOutcome(_ value: String, in cluster: ClusterState<PaxosNode>) -> ConditionOutcome {
        var counts: [Ballot: (value: PaxosValue, count: Int)] = [:]
        for node in cluster.nodes {
            for proposal in node.acceptedEver { counts[proposal.ballot, default: (proposal.value, 0)].count += 1 }
        }
        let majority = cluster.nodes.count / 2 + 1
        let chosen = counts.filter { $0.value.count >= majority }.sorted { $0.key < $1.key }
        if let match = chosen.first(where: { $0.value.value.description == value }) {
            return ConditionOutcome(holds: true, actual: "\(value) is chosen in ballot \(match.key)")
        }
        if let other = chosen.first {
            return ConditionOutcome(holds: false, actual: "\(other.value.value) is chosen (ballot \(other.key)), not \(value)")
        }
        return ConditionOutcome(holds: false, actual: "nothing is chosen yet")
    }

    /// `agreement`: no two learners learned different values (per slot in Multi-Paxos).
    static func agreementOutcome(in cluster: ClusterState<PaxosNode>) -> ConditionOutcome {
        if cluster.nodes.first?.config.mode == .multi { return multiAgreementOutcome(in: cluster) }
        var first: (NodeID, PaxosValue)?
        for id in cluster.ids {
            guard let learned = cluster.nodes[id.index].learned else { continue }
            guard let (firstNode, firstValue) = first else { first = (id, learned); continue }
            if learned != firstValue {
                return ConditionOutcome(holds: false, actual: "\(firstNode) learned \(firstValue) but \(id) learned \(learned)")
            }
        }
        return ConditionOutcome(holds: true, actual: first.map { "every learner that learned learned \($0.1)" } ?? "no learner has learned a value")
    }
}

extension PaxosNode {
    /// What this acceptor accepted for `slot` (slot 0 is Basic Paxos's one decree).
    public func acceptedProposal(at slot: Int) -> Proposal<PaxosValue>? {
        config.mode == .multi ? multi.proposal(at: slot) : (slot == 0 ? accepted : nil)
    }

    /// What this learner learned for `slot` (slot 0 is Basic Paxos's one decree).
    public func learnedValue(at slot: Int) -> PaxosValue? {
        config.mode == .multi ? multi.learnedValue(at: slot) : (slot == 0 ? learned : nil)
    }
}
