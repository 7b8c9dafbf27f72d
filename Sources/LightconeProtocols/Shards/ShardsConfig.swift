import LightconeSimulation

/// The settings of `new shards N replicas=R policy=degrade|strict records=K`.
public struct ShardsConfig: Sendable, Equatable {
    /// What a query answers when some shard is missing at the deadline.
    public enum Policy: String, Sendable, Equatable {
        /// Answer with whatever arrived: full yield, reduced harvest.
        case degrade
        /// Fail unless every shard answered: full harvest, reduced yield.
        case strict
    }

    /// Copies of each shard: shard i lives on node i and the next `replicas - 1` of the ring.
    public var replicas = 1
    /// Degrade or refuse.
    public var policy = Policy.degrade
    /// How many records the data set has, split over the shards.
    public var records = 100
    /// How long a query waits for a shard's replica before asking the next replica.
    public var shardTimeout: SimDuration = .milliseconds(50)
    /// When a query answers (degrade) or fails (strict) with shards still missing.
    public var deadline: SimDuration = .milliseconds(200)

    /// How many records shard `shard` (0-based) of `shardCount` holds: an even split, the
    /// first `records % shardCount` shards one more.
    public func records(inShard shard: Int, of shardCount: Int) -> Int {
        records / shardCount + (shard < records % shardCount ? 1 : 0)
    }

    /// The nodes holding shard `shard` (0-based), in ring order from its home node.
    public func holders(ofShard shard: Int, nodeCount: Int) -> [NodeID] {
        (0..<replicas).map { NodeID(index: (shard + $0) % nodeCount) }
    }

    /// Builds the settings from `key=value` options, or says what is wrong.
    static func make(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> ShardsConfig {
        var config = ShardsConfig()
        for (key, value) in options {
            switch key {
            case "replicas":
                guard let n = Int(value), n >= 1, n <= nodeCount else {
                    throw OptionError("replicas must be a number 1..\(nodeCount) (at most the node count), not \(value)")
                }
                config.replicas = n
            case "policy":
                guard let policy = Policy(rawValue: value.lowercased()) else { throw OptionError("policy must be degrade or strict, not \(value)") }
                config.policy = policy
            case "records":
                guard let n = Int(value), n >= nodeCount, n <= 1_000_000 else {
                    throw OptionError("records must be a number \(nodeCount)..1000000 (at least one per shard), not \(value)")
                }
                config.records = n
            case "shard-timeout":
                guard let d = DurationText.parse(value), d >= 1_000 else { throw OptionError("shard-timeout must be a duration of at least 1ms, like 50ms") }
                config.shardTimeout = d
            case "deadline":
                guard let d = DurationText.parse(value), d >= 1_000, d < .seconds(1) else {
                    throw OptionError("deadline must be a duration from 1ms to under the client's 1s, like 200ms")
                }
                config.deadline = d
            default:
                throw OptionError("unknown option \(key) for shards; options are replicas=N policy=degrade|strict records=N shard-timeout=DURATION deadline=DURATION")
            }
        }
        return config
    }
}
