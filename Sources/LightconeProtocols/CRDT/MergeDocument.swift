import LightconeSimulation

/// One version of a `type=merge` document, as in git: its lines and the versions it came from.
public struct DocumentCommit: Sendable, Hashable {
    /// `root`, `n1.2` (n1's second edit), or `n1.2+n2.1` (the merge of two heads).
    public var id: String
    /// The versions it was made from (none for the root, two for a merge).
    public var parents: [String]
    /// The document's lines.
    public var lines: [String]
    /// Chunks that conflicted when it was merged (marked in `lines`); 0 once resolved.
    public var conflicts: Int
    /// 0 for the root, else one more than its highest parent's.
    public var generation: Int
}

/// A document replicated like a git repository: every replica keeps every version (a
/// grow-only set of commits) and a head. Merging another replica's state unions the commits;
/// when neither head descends from the other, it makes their merge commit by a three-way merge
/// from their common ancestor. The merge commit of two heads has the same id and lines
/// wherever it is made, so replicas converge — but a conflict needs a person (`resolve`):
/// this is not a CRDT.
public struct MergeDocument: Sendable, Hashable {
    /// Every version this replica knows, by id (looked up only, never iterated unsorted).
    public private(set) var commits: [String: DocumentCommit]
    /// The version the replica shows.
    public private(set) var head: String

    /// A document with only the empty root version.
    public init() {
        commits = ["root": DocumentCommit(id: "root", parents: [], lines: [], conflicts: 0, generation: 0)]
        head = "root"
    }

    /// The head version.
    public var current: DocumentCommit { commit(head) ?? DocumentCommit(id: head, parents: [], lines: [], conflicts: 0, generation: 0) }

    /// The version `id`, if known.
    public func commit(_ id: String) -> DocumentCommit? { commits[id] }

    /// `id` and every version it descends from.
    public func ancestors(of id: String) -> Set<String> {
        var seen = Set<String>(), stack = [id]
        while let next = stack.popLast() {
            guard seen.insert(next).inserted, let commit = commit(next) else { continue }
            stack += commit.parents
        }
        return seen
    }

    /// A new version `id` on top of the head, with these lines (an edit, or a resolution).
    public mutating func commit(id: String, lines: [String]) {
        insert(DocumentCommit(id: id, parents: [head], lines: lines, conflicts: 0, generation: current.generation + 1))
        head = id
    }

    mutating func insert(_ commit: DocumentCommit) {
        if commits[commit.id] == nil { commits[commit.id] = commit }
    }

    /// Unions the versions, then moves the head: fast-forward when one head descends from the
    /// other, else to the two heads' merge commit (made here by a three-way merge, if new).
    public mutating func merge(_ other: MergeDocument) {
        for commit in other.commits.values { insert(commit) }
        let mine = head, theirs = other.head
        if mine == theirs || ancestors(of: mine).contains(theirs) { return }
        if ancestors(of: theirs).contains(mine) { head = theirs; return }
        let (first, second) = mine < theirs ? (mine, theirs) : (theirs, mine)
        let id = MergeDocument.mergeID(first, second)
        if commit(id) == nil, let ours = commit(first), let theirs = commit(second) {
            let base = mergeBase(first, second)
            let result = ThreeWayMerge.merge(base: commit(base)?.lines ?? [], ours: ours.lines,
                                             theirs: theirs.lines, oursName: first, theirsName: second)
            insert(DocumentCommit(id: id, parents: [first, second], lines: result.lines, conflicts: result.conflicts,
                                  generation: max(ours.generation, theirs.generation) + 1))
        }
        head = id
    }

    /// The merge commit of heads `a` < `b`: `m` and 6 hex digits of an FNV-1a hash of both ids,
    /// the same wherever it is made.
    static func mergeID(_ a: String, _ b: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (a + "+" + b).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash & 0xff_ffff, radix: 16)
        return "m" + String(repeating: "0", count: 6 - hex.count) + hex
    }

    /// The best common ancestor: the one of the highest generation (no other common ancestor
    /// descends from it), the smallest id among equals, so that every replica picks the same.
    func mergeBase(_ a: String, _ b: String) -> String {
        let common = ancestors(of: a).intersection(ancestors(of: b))
        let best = common.compactMap { commit($0) }.max { ($0.generation, $1.id) < ($1.generation, $0.id) }
        return best?.id ?? "root"
    }

    /// What `read` returns: the lines joined by `|` (`(empty)` for none).
    public var valueText: String { current.lines.isEmpty ? "(empty)" : current.lines.joined(separator: "|") }

    /// `n1.2+n2.1: a|b (1 conflict)`.
    public var description: String {
        let commit = current
        return "\(commit.id): \(valueText)" + (commit.conflicts > 0 ? " (\(commit.conflicts) conflict\(commit.conflicts == 1 ? "" : "s"))" : "")
    }
}
