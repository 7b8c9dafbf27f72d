import LightconeSimulation
import LightconeProtocols

/// Watches Raft's five safety properties (Figure 3) after every event, incrementally.
///
/// It keeps a summary of what it has seen instead of rescanning logs: the leader of each
/// term, per node what it last looked like (leader term, log length, commitIndex,
/// lastApplied), every (index, term) pair ever written with its predecessor's term and
/// command, the term of each committed index and the entry applied at each index. Per
/// event it looks only at what changed: the entries the node wrote (`log.writtenFrom`),
/// and the indexes its commitIndex and lastApplied moved over — work proportional to the
/// change, constant per entry.
///
/// ```swift
/// var sim = try Simulation<RaftNode>(nodeCount: 5, seed: 1)
/// sim.monitor = RaftSafetyMonitor()
/// sim.run(for: .seconds(10))   // stops at the first violation
/// ```
public struct RaftSafetyMonitor: SafetyMonitor {
    public typealias Node = RaftNode

    /// What a node looked like the last time the monitor saw it.
    struct Seen {
        var leaderTerm: Int?
        var lastIndex = 0
        var commitIndex = 0
        var lastApplied = 0
    }

    /// The first (index, term) entry the monitor saw at an index, or one of another term.
    struct Written {
        var term: Int
        var previousTerm: Int
        var command: RaftCommand
        var node: NodeID
    }

    /// An entry as applied, with who applied it first.
    struct Applied {
        var entry: RaftEntry
        var node: NodeID
    }

    var leaderOfTerm: [Int: NodeID] = [:]
    var seen: [Seen] = []
    /// `written[i - 1]`: the first entry seen at index i; others of different terms go to `writtenElse`.
    var written: [Written] = []
    var writtenElse: [IndexTerm: Written] = [:]
    /// `committedTerms[i - 1]`: the term of the entry first seen committed at index i.
    var committedTerms: [Int] = []
    /// By term, ascending: the highest index committed in that term or an earlier one.
    var commitMarks: [(term: Int, index: Int)] = []
    /// `applied[i - 1]`: the entry first seen applied at index i.
    var applied: [Applied] = []

    struct IndexTerm: Hashable {
        var index: Int
        var term: Int
    }

    /// A monitor that has seen nothing yet.
    public init() {}

    public mutating func observe(_ id: NodeID, in nodes: [RaftNode], now: SimTime) -> Violation? {
        if seen.count < nodes.count { seen += Array(repeating: Seen(), count: nodes.count - seen.count) }
        let node = nodes[id.index]
        let before = seen[id.index]
        defer {
            seen[id.index] = Seen(leaderTerm: node.leaderTerm, lastIndex: node.log.lastIndex,
                                  commitIndex: node.commitIndex, lastApplied: node.lastApplied)
        }
        if node.leaderTerm != before.leaderTerm, let violation = checkElectionSafety(id, node) { return violation }
        if let violation = checkLeaderAppendOnly(id, node, before) { return violation }
        if let violation = checkLogMatching(id, node) { return violation }
        recordCommits(id, node, before)
        if let violation = checkLeaderCompleteness(id, node) { return violation }
        return checkStateMachineSafety(id, node, before)
    }

    /// Election Safety: at most one leader can be elected in a given term.
    mutating func checkElectionSafety(_ id: NodeID, _ node: RaftNode) -> Violation? {
        guard let term = node.leaderTerm else { return nil }
        guard let other = leaderOfTerm[term] else {
            leaderOfTerm[term] = id
            return nil
        }
        guard other != id else { return nil }
        let pair = [other, id].sorted()
        return Violation(property: "ElectionSafety", message: "two leaders in term \(term): \(pair[0]) and \(pair[1])")
    }

    /// Leader Append-Only: a leader never overwrites or deletes entries in its log; it only appends.
    func checkLeaderAppendOnly(_ id: NodeID, _ node: RaftNode, _ before: Seen) -> Violation? {
        guard let term = node.leaderTerm, before.leaderTerm == term else { return nil }
        if node.log.lastIndex < before.lastIndex {
            return Violation(property: "LeaderAppendOnly",
                             message: "\(id), leader in term \(term), deleted entries \(node.log.lastIndex + 1)..\(before.lastIndex)")
        }
        if node.log.writtenFrom <= before.lastIndex {
            return Violation(property: "LeaderAppendOnly",
                             message: "\(id), leader in term \(term), overwrote entry \(node.log.writtenFrom)")
        }
        return nil
    }

    /// Log Matching: if two logs contain an entry with the same index and term, the logs
    /// are identical in all entries up through that index. Checked inductively: every
    /// (index, term) must always come with the same command and the same predecessor term.
    mutating func checkLogMatching(_ id: NodeID, _ node: RaftNode) -> Violation? {
        guard node.log.writtenFrom <= node.log.lastIndex else { return nil }
        for index in node.log.writtenFrom...node.log.lastIndex {
            let term = node.log.entries[index - 1].term
            let previousTerm = index == 1 ? 0 : node.log.entries[index - 2].term
            // The common case, read in place: the first entry seen at this index had this term.
            if index <= written.count && written[index - 1].term == term {
                if written[index - 1].previousTerm == previousTerm && written[index - 1].command == node.log.entries[index - 1].command {
                    continue
                }
            }
            let entry = node.log[index]
            let record = Written(term: entry.term, previousTerm: previousTerm, command: entry.command, node: id)
            let known: Written?
            if index <= written.count {
                if written[index - 1].term == entry.term {
                    known = written[index - 1]
                } else if let other = writtenElse[IndexTerm(index: index, term: entry.term)] {
                    known = other
                } else {
                    writtenElse[IndexTerm(index: index, term: entry.term)] = record
                    known = nil
                }
            } else {
                if index == written.count + 1 { written.append(record) }
                else { writtenElse[IndexTerm(index: index, term: entry.term)] = record }
                known = nil
            }
            guard let known else { continue }
            if known.previousTerm != record.previousTerm {
                return Violation(property: "LogMatching",
                                 message: "\(known.node) and \(id) both hold entry \(index)/\(entry.term) but differ at \(index - 1) (term \(known.previousTerm) vs \(record.previousTerm))")
            }
            if known.command != record.command {
                return Violation(property: "LogMatching",
                                 message: "\(known.node) and \(id) both hold entry \(index)/\(entry.term) with different commands (\(known.command) vs \(record.command))")
            }
        }
        return nil
    }

    /// Remembers the entry term of each newly committed index (the first node to commit it
    /// decides), and how far the cluster had committed by the end of each term.
    mutating func recordCommits(_ id: NodeID, _ node: RaftNode, _ before: Seen) {
        let from = node.commitIndex < before.commitIndex ? 1 : before.commitIndex + 1
        guard node.commitIndex >= from else { return }
        if node.commitIndex >= committedTerms.count + 1 {
            for index in max(from, committedTerms.count + 1)...node.commitIndex {
                guard let term = node.log.term(at: index) else { break }
                committedTerms.append(term)
            }
        }
        markCommitted(upTo: min(node.commitIndex, committedTerms.count), inTerm: node.currentTerm)
    }

    /// Notes that entries up to `index` were committed in term `term` (so for every later term too).
    mutating func markCommitted(upTo index: Int, inTerm term: Int) {
        var position = commitMarks.count
        while position > 0 && commitMarks[position - 1].term > term { position -= 1 }
        if position > 0 && commitMarks[position - 1].term == term {
            position -= 1
            guard commitMarks[position].index < index else { return }
            commitMarks[position].index = index
        } else {
            let floor = position > 0 ? commitMarks[position - 1].index : 0
            guard index > floor else { return }
            commitMarks.insert((term, index), at: position)
        }
        // Later terms had committed at least as much.
        for later in (position + 1)..<commitMarks.count where commitMarks[later].index < index {
            commitMarks[later].index = index
        }
    }

    /// Leader Completeness: if an entry is committed in a given term, it is present in the
    /// logs of the leaders of all higher terms. With Log Matching checked separately, it is
    /// enough that a leader of term T holds the last entry committed in a term below T.
    /// (The term an entry is committed in is the committing leader's term, not the entry's:
    /// a leader elected in term 17 whose votes were delayed need not hold what term 19 committed.)
    func checkLeaderCompleteness(_ id: NodeID, _ node: RaftNode) -> Violation? {
        guard let term = node.leaderTerm, let first = commitMarks.first, first.term < term else { return nil }
        // The last mark of a term below T (marks are sorted by term, few, and checked from the end).
        var position = commitMarks.count - 1
        while commitMarks[position].term >= term { position -= 1 }
        let index = commitMarks[position].index
        let committedTerm = committedTerms[index - 1]
        guard node.log.term(at: index) != committedTerm else { return nil }
        let has = node.log.term(at: index).map { "holds \(index)/\($0) instead" } ?? "its log ends at \(node.log.lastIndex)"
        return Violation(property: "LeaderCompleteness",
                         message: "\(id) leads term \(term) without entry \(index)/\(committedTerm), committed in term \(commitMarks[position].term) (\(has))")
    }

    /// State Machine Safety: if a server has applied a log entry at a given index to its
    /// state machine, no other server ever applies a different log entry for that index.
    mutating func checkStateMachineSafety(_ id: NodeID, _ node: RaftNode, _ before: Seen) -> Violation? {
        let from = node.lastApplied < before.lastApplied ? 1 : before.lastApplied + 1
        guard node.lastApplied >= from else { return nil }
        for index in from...node.lastApplied {
            guard index <= node.log.lastIndex else { break }
            let entry = node.log[index]
            if index > applied.count {
                applied.append(Applied(entry: entry, node: id))
            } else if applied[index - 1].entry != entry {
                let first = applied[index - 1]
                return Violation(property: "StateMachineSafety",
                                 message: "\(id) applied \(index)/\(entry.term) \(entry.command) where \(first.node) applied \(index)/\(first.entry.term) \(first.entry.command)")
            }
        }
        return nil
    }
}
