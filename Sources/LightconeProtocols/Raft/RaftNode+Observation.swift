import LightconeSimulation

/// What the view, `status`, `inspect` and the conditions see of a Raft node.
extension RaftNode {
    public var role: String { raftRole.rawValue }
    public var leaderTerm: Int? { raftRole == .leader ? currentTerm : nil }
    public var epoch: Int? { currentTerm }

    /// `log 3/1 4/2 5/2`, `commit 4`, `voted n2` — most telling first, since a small box
    /// shows only the first lines (the term is shown beside them as the epoch). The log tail
    /// holds as many of the last entries as fit in 16 characters.
    public var summaryLines: [String] {
        [log.lastIndex == 0 ? "log empty" : "log " + log.tail(fitting: 16),
         "commit \(commitIndex)",
         "voted " + (votedFor?.description ?? "-")]
    }

    /// The newest entries with their terms and commands (`x=1`), committed ones marked.
    public var logObservation: LogObservation? {
        let first = max(1, log.lastIndex - LogObservation.limit + 1)
        guard log.lastIndex >= first else { return LogObservation(length: 0, entries: []) }
        let entries = (first...log.lastIndex).map { index in
            LogObservation.Entry(index: index, term: log[index].term, value: log[index].command.shortText,
                                 isCommitted: index <= commitIndex)
        }
        return LogObservation(length: log.lastIndex, entries: entries)
    }

    /// The election timer running out, on followers and candidates (a leader has none).
    public var countdown: Countdown? {
        guard raftRole != .leader, let timer = electionTimer else { return nil }
        return Countdown(armedAt: timer.armedAt, deadline: timer.deadline)
    }

    public func inspect() -> [String] {
        var lines = [
            "currentTerm \(currentTerm), votedFor \(votedFor?.description ?? "none"), leader \(leaderId?.description ?? "unknown")",
            "commitIndex \(commitIndex), lastApplied \(lastApplied), log length \(log.lastIndex)",
        ]
        let first = max(1, log.lastIndex - 9)
        if log.lastIndex > 0 {
            lines.append("log" + (first > 1 ? " (last 10 of \(log.lastIndex))" : "") + ":")
            for index in first...log.lastIndex {
                let mark = index <= lastApplied ? "applied" : index <= commitIndex ? "committed" : ""
                lines.append("  \(index)/\(log[index].term) \(log[index].command)" + (mark.isEmpty ? "" : "  (\(mark))"))
            }
        } else {
            lines.append("log: empty")
        }
        lines.append("state: " + (store.values.isEmpty ? "empty" : store.description))
        switch raftRole {
        case .leader:
            let peers = (0..<nodeCount).filter { $0 != id.index }
            lines.append("nextIndex " + peers.map { "n\($0 + 1)=\(nextIndex[$0])" }.joined(separator: " "))
            lines.append("matchIndex " + peers.map { "n\($0 + 1)=\(matchIndex[$0])" }.joined(separator: " "))
            if !waitingClients.isEmpty { lines.append("clients waiting: \(waitingClients.count)") }
        case .candidate:
            let votes = (0..<nodeCount).filter { votesGranted[$0] }.map { "n\($0 + 1)" }
            lines.append("votes \(votes.count) of \(majority) needed: " + votes.joined(separator: " "))
        case .follower:
            break
        }
        return lines
    }

    public var statusFields: [(String, JSONValue)] {
        let first = max(1, log.lastIndex - 15)
        let terms: [JSONValue] = log.lastIndex == 0 ? [] : (first...log.lastIndex).map { .int(Int64(log[$0].term)) }
        var fields: [(String, JSONValue)] = [
            ("voted_for", votedFor.map { .string($0.description) } ?? .null),
            ("leader_id", leaderId.map { .string($0.description) } ?? .null),
            ("commit_index", .int(Int64(commitIndex))),
            ("last_applied", .int(Int64(lastApplied))),
            ("log_length", .int(Int64(log.lastIndex))),
            ("log_tail_start", .int(Int64(first))),
            ("log_tail_terms", .array(terms)),
        ]
        if raftRole == .leader {
            fields.append(("next_index", .object((0..<nodeCount).filter { $0 != id.index }.map { ("n\($0 + 1)", .int(Int64(nextIndex[$0]))) })))
            fields.append(("match_index", .object((0..<nodeCount).filter { $0 != id.index }.map { ("n\($0 + 1)", .int(Int64(matchIndex[$0]))) })))
        }
        return fields
    }

    // MARK: - Conditions

    /// Answers `committed N`, `value KEY VALUE on NODE`, `converged`, `available NODE` and
    /// `unavailable NODE`; `leader`, `no leader` and `role` are answered by the simulation.
    ///
    /// `available NODE` holds when a client beside NODE would get an answer now: NODE runs,
    /// and there is a leader (the up node leading the highest term) that has heard from a
    /// majority of the cluster (itself included) within the shortest election timeout, and
    /// is NODE itself or has heard from NODE within that time while NODE follows it. Nodes
    /// cannot see the network, so "reachable" is judged from the replies that really arrived.
    public static func evaluate(_ condition: Condition, in cluster: ClusterState<RaftNode>) -> ConditionOutcome? {
        switch condition {
        case .protocolCondition("voted", let arguments):
            guard arguments.count == 2, let voter = NodeID(name: arguments[0]), voter.index < cluster.nodes.count,
                  let candidate = NodeID(name: arguments[1]) else { return ConditionOutcome(holds: false, actual: "no such node") }
            let node = cluster.nodes[voter.index]
            let actual = node.votedFor.map { "\(voter) voted for \($0) in term \(node.currentTerm)" }
                ?? "\(voter) has not voted in term \(node.currentTerm)"
            return ConditionOutcome(holds: node.votedFor == candidate, actual: actual)
        case .protocolCondition("term", let arguments):
            guard arguments.count == 2, let term = Int(arguments[1]) else { return ConditionOutcome(holds: false, actual: "no such node") }
            var named = NodeID(name: arguments[0])
            if arguments[0] == "leader" {
                // The up node that leads in the highest term, as `leader` means elsewhere.
                var best = -1
                for id in cluster.ids where cluster.isUp(id) {
                    if let leading = cluster.nodes[id.index].leaderTerm, leading > best { named = id; best = leading }
                }
                guard named != nil else { return ConditionOutcome(holds: false, actual: "there is no leader") }
            }
            guard let id = named, id.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no \(arguments[0])") }
            let current = cluster.nodes[id.index].currentTerm
            return ConditionOutcome(holds: current >= term, actual: "\(id) is in term \(current)")
        case .protocolCondition("committed", let arguments):
            let count = arguments.first.flatMap { Int($0) } ?? 0
            var best: (NodeID, Int)?
            for id in cluster.ids where cluster.isUp(id) {
                let commit = cluster.nodes[id.index].commitIndex
                if commit > (best?.1 ?? -1) { best = (id, commit) }
            }
            guard let best else { return ConditionOutcome(holds: false, actual: "every node is down") }
            return ConditionOutcome(holds: best.1 >= count, actual: "highest commitIndex is \(best.1) (\(best.0))")
        case .value(let key, let value, let node):
            guard node.index < cluster.nodes.count else { return ConditionOutcome(holds: false, actual: "there is no \(node)") }
            guard cluster.isUp(node) else { return ConditionOutcome(holds: false, actual: "\(node) is down") }
            let actual = cluster.nodes[node.index].store[key]
            return ConditionOutcome(holds: actual == value,
                                    actual: actual.map { "\(node) has \(key)=\($0)" } ?? "\(node) has no \(key)")
        case .converged:
            let up = cluster.ids.filter { cluster.isUp($0) }
            guard let first = up.first else { return ConditionOutcome(holds: true, actual: "every node is down") }
            let reference = cluster.nodes[first.index]
            let differ = up.filter {
                cluster.nodes[$0.index].lastApplied != reference.lastApplied || cluster.nodes[$0.index].store != reference.store
            }
            let applied = up.map { "\($0)=\(cluster.nodes[$0.index].lastApplied)" }.joined(separator: " ")
            return ConditionOutcome(holds: differ.isEmpty,
                                    actual: differ.isEmpty ? "every up node applied \(reference.lastApplied) entries"
                                        : "applied entries differ: \(applied)")
        case .available(let node):
            let (isAvailable, why) = availability(of: node, in: cluster)
            return ConditionOutcome(holds: isAvailable, actual: why)
        case .unavailable(let node):
            let (isAvailable, why) = availability(of: node, in: cluster)
            return ConditionOutcome(holds: !isAvailable, actual: why)
        default:
            return nil
        }
    }

    static func availability(of node: NodeID, in cluster: ClusterState<RaftNode>) -> (Bool, String) {
        guard node.index < cluster.nodes.count else { return (false, "there is no \(node)") }
        guard cluster.lives[node.index] == .up else { return (false, "\(node) is \(cluster.lives[node.index].rawValue)") }
        var leader: NodeID?
        var leaderTerm = -1
        for id in cluster.ids where cluster.lives[id.index] == .up {
            if let term = cluster.nodes[id.index].leaderTerm, term > leaderTerm {
                leader = id
                leaderTerm = term
            }
        }
        guard let leader else { return (false, "\(node) is unavailable: no leader") }
        let leaderNode = cluster.nodes[leader.index]
        let since = cluster.now - leaderNode.config.electionMin
        let heard = (0..<leaderNode.nodeCount).filter { $0 == leader.index || leaderNode.lastHeard[$0] >= since }.count
        guard heard >= leaderNode.majority else {
            return (false, "\(node) is unavailable: leader \(leader) has not heard from a majority")
        }
        if node == leader { return (true, "\(node) is available: it leads with a majority") }
        let follower = cluster.nodes[node.index]
        guard follower.leaderId == leader, follower.currentTerm == leaderNode.currentTerm,
              leaderNode.lastHeard[node.index] >= since else {
            return (false, "\(node) is unavailable: it cannot reach leader \(leader)")
        }
        return (true, "\(node) is available through leader \(leader)")
    }
}

extension RaftNode {
    /// `voted NODE CANDIDATE` (NODE's vote in its current term), `term NODE N` (NODE's term
    /// is at least N), `committed N` (at least N entries committed on some up node).
    public static let conditions = [
        ConditionForm("voted", syntax: "voted NODE CANDIDATE", summary: "NODE's votedFor in its current term is CANDIDATE") { words throws(OptionError) in
            guard words.count == 2 else { throw OptionError("condition should read: voted NODE CANDIDATE, like: voted n3 n1") }
            return try words.map { word throws(OptionError) in
                guard let id = NodeID(name: word) else { throw OptionError("'\(word)' is not a node, like n2") }
                return id.description
            }
        },
        ConditionForm("term", syntax: "term NODE N", summary: "NODE's (or the leader's) currentTerm is at least N") { words throws(OptionError) in
            guard words.count == 2 else { throw OptionError("condition should read: term NODE N, like: term leader 2") }
            guard let n = Int(words[1]), n >= 0 else { throw OptionError("term takes a number, like: term n1 2") }
            if words[0] == "leader" { return ["leader", String(n)] }
            guard let id = NodeID(name: words[0]) else { throw OptionError("'\(words[0])' is not a node, like n2 or leader") }
            return [id.description, String(n)]
        },
        ConditionForm("committed", syntax: "committed N", summary: "some up node has committed at least N entries") { words throws(OptionError) in
            guard words.count == 1 else { throw OptionError("condition 'committed \(words.joined(separator: " "))' should read: committed N") }
            guard let n = Int(words[0]), n >= 0 else { throw OptionError("committed takes a number, like: committed 3") }
            return [String(n)]
        },
    ]

    /// The condition `committed N`.
    public static func committed(_ count: Int) -> Condition { .protocolCondition("committed", [String(count)]) }
}
