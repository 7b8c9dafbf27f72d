import LightconeSimulation

/// The state one replica holds: one of the data types, all state-based (CvRDTs: the states
/// form a join-semilattice and `merge` is the least upper bound — commutative, associative,
/// idempotent — so replicas that have seen the same updates hold the same state).
public enum CRDTReplica: Sendable, Hashable {
    case gcounter(GCounter)
    case pncounter(PNCounter)
    case orset(ORSet)
    case lww(LWWRegister)
    /// Not a CvRDT: a text merged by operational transform through the server n1 (`type=text`).
    case text(TextDocument)
    /// Not a CRDT: git-style versions merged three ways (`type=merge`).
    case document(MergeDocument)

    /// The initial state of `type` for `nodeCount` replicas.
    public init(_ type: CRDTType, nodeCount: Int) {
        switch type {
        case .gcounter: self = .gcounter(GCounter(nodeCount: nodeCount))
        case .pncounter: self = .pncounter(PNCounter(nodeCount: nodeCount))
        case .orset: self = .orset(ORSet())
        case .lww: self = .lww(LWWRegister())
        case .text: self = .text(TextDocument(nodeCount: nodeCount))
        case .merge: self = .document(MergeDocument())
        }
    }

    /// Its type.
    public var type: CRDTType {
        switch self {
        case .gcounter: return .gcounter
        case .pncounter: return .pncounter
        case .orset: return .orset
        case .lww: return .lww
        case .text: return .text
        case .document: return .merge
        }
    }

    /// What `read` returns: the count, `{a,b}`, or the register's value (`unset`).
    public var valueText: String {
        switch self {
        case .gcounter(let counter): return String(counter.value)
        case .pncounter(let counter): return String(counter.value)
        case .orset(let set): return set.valueText
        case .lww(let register): return register.valueText
        case .text(let document): return document.text.isEmpty ? "(empty)" : document.string
        case .document(let document): return document.valueText
        }
    }

    /// The counter's value (nil for a set or a register).
    public var count: Int? {
        switch self {
        case .gcounter(let counter): return counter.value
        case .pncounter(let counter): return counter.value
        default: return nil
        }
    }

    /// The whole state: G-counter's vector, OR-set's elements with tags, LWW's stamp.
    public var description: String {
        switch self {
        case .gcounter(let counter): return "\(counter.value) \(counter.description)"
        case .pncounter(let counter): return "\(counter.value) \(counter.description)"
        case .orset(let set): return set.description
        case .lww(let register): return register.description
        case .text(let document): return document.description
        case .document(let document): return document.description
        }
    }

    /// Whether two replicas hold the same: equal states, or for a text the same text and
    /// revision with nothing pending (the server's copy also keeps the history).
    public func agrees(with other: CRDTReplica) -> Bool {
        if case .text(let mine) = self, case .text(let theirs) = other { return mine.settled == theirs.settled }
        return self == other
    }

    /// The join of this state and `other` — or, with a teaching bug on, what the bug does instead.
    public func merged(with other: CRDTReplica, bugs: CRDTBugs = []) -> CRDTReplica {
        if bugs.contains(.mergeOverwrites) { return other }
        switch (self, other) {
        case (.gcounter(var mine), .gcounter(let theirs)):
            if bugs.contains(.maxNotSum) { return mine.value >= theirs.value ? self : other }
            mine.merge(theirs)
            return .gcounter(mine)
        case (.pncounter(var mine), .pncounter(let theirs)):
            if bugs.contains(.maxNotSum) { return mine.value >= theirs.value ? self : other }
            mine.merge(theirs)
            return .pncounter(mine)
        case (.orset(var mine), .orset(let theirs)):
            mine.merge(theirs)
            return .orset(mine)
        case (.lww(var mine), .lww(let theirs)):
            mine.merge(theirs)
            return .lww(mine)
        case (.document(var mine), .document(let theirs)):
            mine.merge(theirs)
            return .document(mine)
        case (.text, .text):
            // A text is merged by transforming operations through the server, not by states.
            return self
        default:
            // Replicas of one cluster always hold one type; a stray state changes nothing.
            return self
        }
    }
}

/// The teaching bugs that change how replicas merge or remove.
public struct CRDTBugs: OptionSet, Sendable, Hashable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// `max-not-sum`: a counter merges by the larger total, not entry by entry.
    public static let maxNotSum = CRDTBugs(rawValue: 1 << 0)
    /// `merge-overwrites`: merge takes the incoming state.
    public static let mergeOverwrites = CRDTBugs(rawValue: 1 << 1)
    /// `remove-wins-all`: an OR-set remove goes by name, not by the tags it observed.
    public static let removeWinsAll = CRDTBugs(rawValue: 1 << 2)
}
