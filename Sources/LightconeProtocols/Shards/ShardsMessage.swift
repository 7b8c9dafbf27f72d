import LightconeSimulation

/// Identifies one query: the node it fanned out from and that node's count.
public struct QueryID: Sendable, Hashable, CustomStringConvertible {
    /// The node the query fanned out from.
    public var origin: NodeID
    /// Its number at that node.
    public var number: Int
    public var description: String { "q\(origin.index + 1).\(number)" }
}

/// What the nodes of a sharded search exchange: a fan-out request for one shard and the
/// shard's answer.
public enum ShardsMessage: ProtocolMessage, Equatable {
    /// "Send me shard `shard`'s matches for query `query`."
    case fetch(query: QueryID, shard: Int)
    /// "Shard `shard` of query `query`: `records` records."
    case records(query: QueryID, shard: Int, records: Int)

    public var label: String {
        switch self {
        case .fetch: return "fetch"
        case .records: return "recs"
        }
    }

    public var traceText: String {
        switch self {
        case .fetch(let query, let shard): return "Fetch \(query) shard=s\(shard + 1)"
        case .records(let query, let shard, let records): return "Records \(query) shard=s\(shard + 1) records=\(records)"
        }
    }

    public var isReply: Bool {
        if case .records = self { return true }
        return false
    }
}

/// The one timer of a shards node: the next moment a running query must act (ask another
/// replica after `shard-timeout`, or answer at its `deadline`).
public enum ShardsTimer: Int, ProtocolTimer {
    case wake
    public var name: String { "wake" }
}
