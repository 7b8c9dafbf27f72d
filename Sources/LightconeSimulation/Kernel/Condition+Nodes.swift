extension Condition {
    /// The node the condition names, if any (`up n2`, `value x 1 on n3`), so that a condition
    /// parsed for one cluster can be refused on a smaller one instead of read out of range.
    public var namedNode: NodeID? {
        switch self {
        case .leader(let id): return id
        case .role(let id, _), .up(let id), .down(let id), .available(let id), .unavailable(let id): return id
        case .value(_, _, let node): return node
        default: return nil
        }
    }
}
