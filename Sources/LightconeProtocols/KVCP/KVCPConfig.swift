import LightconeSimulation

/// The settings of `kv-cp`: Raft's (`election=`, `heartbeat=`, `batch=`) and `reads=`.
///
/// `new kv-cp 3 reads=local election=150..300ms`
public struct KVCPConfig: Sendable, Equatable {
    /// Where a `get` is answered.
    public enum Reads: String, Sendable {
        /// Through the leader's log, after a quorum has agreed: linearizable (the default).
        case leader
        /// By the node the client is beside, from its own applied state: ZooKeeper's
        /// default, sequentially consistent but not linearizable (a follower can lag).
        case local
    }

    /// The embedded Raft group's settings.
    public var raft = RaftConfig()
    /// Where reads are answered.
    public var reads = Reads.leader

    /// The default settings.
    public init() {}

    /// The options `kv-cp` takes.
    static let keys = ["election", "heartbeat", "batch", "reads"]

    /// Parses `new kv-cp` options, or throws a one-line `OptionError`.
    public static func parse(_ options: [(key: String, value: String)]) throws(OptionError) -> KVCPConfig {
        var config = KVCPConfig()
        var raftOptions: [(key: String, value: String)] = []
        for (key, value) in options {
            switch key {
            case "reads":
                guard let reads = Reads(rawValue: value) else { throw OptionError("reads must be leader or local, not \(value)") }
                config.reads = reads
            case "election", "heartbeat", "batch":
                raftOptions.append((key: key, value: value))
            default:
                throw OptionError("unknown option \(key) for kv-cp; options are reads=leader|local election=MIN..MAX heartbeat=DURATION batch=N")
            }
        }
        config.raft = try RaftConfig.parse(raftOptions)
        return config
    }
}
