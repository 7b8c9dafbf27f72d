import LightconeSimulation

/// One character operation on a shared text, as in Ellis & Gibbs (1989): insert a character
/// at a position, or delete the one there. Every operation remembers the node it came from,
/// which breaks ties between two inserts at one position the same way everywhere.
public enum TextOperation: Sendable, Hashable, CustomStringConvertible {
    case insert(Int, Character, NodeID)
    case delete(Int, NodeID)
    /// What a delete becomes when a concurrent delete already removed its character.
    case noop

    /// Applies it to `text` (positions past the end are clamped: never a crash).
    public func apply(to text: inout [Character]) {
        switch self {
        case .insert(let position, let character, _): text.insert(character, at: min(max(position, 0), text.count))
        case .delete(let position, _): if position >= 0 && position < text.count { text.remove(at: position) }
        case .noop: break
        }
    }

    /// Inclusion transformation (Ellis & Gibbs' T, with Jupiter's tie-break): `self` rewritten
    /// to apply after `other`, both defined on the same text. Two inserts at one position: the
    /// lower node id goes first. Two deletes of one character: the second becomes a no-op.
    public func transformed(after other: TextOperation) -> TextOperation {
        switch (self, other) {
        case (.noop, _), (_, .noop):
            return self
        case (.insert(let p, let c, let site), .insert(let q, _, let otherSite)):
            return p < q || (p == q && site.index < otherSite.index) ? self : .insert(p + 1, c, site)
        case (.insert(let p, let c, let site), .delete(let q, _)):
            return p <= q ? self : .insert(p - 1, c, site)
        case (.delete(let p, let site), .insert(let q, _, _)):
            return p < q ? self : .delete(p + 1, site)
        case (.delete(let p, let site), .delete(let q, _)):
            if p == q { return .noop }
            return p < q ? self : .delete(p - 1, site)
        }
    }

    /// Transforms two sequences defined on the same text past each other: `a` to apply after
    /// `b`, and `b` after `a` (so that a·b' and b·a' reach one text).
    public static func transform(_ a: [TextOperation], _ b: [TextOperation]) -> (a: [TextOperation], b: [TextOperation]) {
        var a = a
        var bOut: [TextOperation] = []
        for var op in b {
            var next: [TextOperation] = []
            for mine in a {
                next.append(mine.transformed(after: op))
                op = op.transformed(after: mine)
            }
            a = next
            bOut.append(op)
        }
        return (a, bOut)
    }

    public var description: String {
        switch self {
        case .insert(let p, let c, let site): return "ins(\(p),\(c))@\(site)"
        case .delete(let p, let site): return "del(\(p))@\(site)"
        case .noop: return "noop"
        }
    }
}
