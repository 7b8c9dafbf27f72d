import LightconeSimulation

/// The settings of `kv-ap`: `new kv-ap 5 n=3 r=2 w=2 anti-entropy=1s resolve=siblings consistent=BUCKET`.
public struct KVAPConfig: Sendable, Equatable {
    /// How concurrent versions are kept.
    public enum Resolve: String, Sendable {
        /// Keep every concurrent version; a read returns them all (`1|2`) (the default).
        case siblings
        /// Last write wins by the coordinator's timestamp: concurrent writes are silently dropped.
        case lww
    }

    /// Replicas per key: the length of the preference list.
    public var n = 3
    /// Replies a read waits for.
    public var r = 2
    /// Acknowledgements a write waits for.
    public var w = 2
    /// How often a node exchanges its keys with their other replicas; nil: never.
    public var antiEntropy: SimDuration? = .seconds(1)
    /// How concurrent versions are kept.
    public var resolve = Resolve.siblings
    /// The bucket whose keys (`BUCKET/...`) go through the strongly consistent group, if any.
    public var consistentBucket: String?
    /// The ring of the cluster's nodes.
    public var ring: Ring
    /// How often a node pings its peers and offers hinted data back to owners it can reach.
    public var ping: SimDuration = .milliseconds(100)
    /// A peer not heard from for this long is taken to be unreachable.
    public var suspectAfter: SimDuration = .milliseconds(300)

    /// The default settings for `nodeCount` nodes.
    public init(nodeCount: Int) { ring = Ring(nodeCount: nodeCount) }

    /// Parses `new kv-ap` options, or throws a one-line `OptionError`.
    public static func parse(nodeCount: Int, _ options: [(key: String, value: String)]) throws(OptionError) -> KVAPConfig {
        var config = KVAPConfig(nodeCount: nodeCount)
        func count(_ key: String, _ value: String) throws(OptionError) -> Int {
            guard let number = Int(value), number >= 1, number <= 64 else { throw OptionError("\(key) must be a number 1..64, not \(value)") }
            return number
        }
        for (key, value) in options {
            switch key {
            case "n": config.n = try count(key, value)
            case "r": config.r = try count(key, value)
            case "w": config.w = try count(key, value)
            case "anti-entropy":
                if value == "off" {
                    config.antiEntropy = nil
                } else {
                    guard let duration = DurationText.parse(value), duration >= .milliseconds(10), duration <= .seconds(3_600) else {
                        throw OptionError("anti-entropy must be a duration of at least 10ms, like 1s, or off, not \(value)")
                    }
                    config.antiEntropy = duration
                }
            case "resolve":
                guard let resolve = Resolve(rawValue: value) else { throw OptionError("resolve must be siblings or lww, not \(value)") }
                config.resolve = resolve
            case "consistent":
                guard !value.isEmpty, !value.contains("/"), value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                    throw OptionError("consistent takes a bucket name like accounts (its keys are accounts/...), not \(value)")
                }
                config.consistentBucket = value
            default:
                throw OptionError("unknown option \(key) for kv-ap; options are n=N r=N w=N anti-entropy=DURATION|off resolve=siblings|lww consistent=BUCKET")
            }
        }
        guard config.n <= nodeCount else { throw OptionError("n=\(config.n) needs at least \(config.n) nodes; the cluster has \(nodeCount)") }
        guard config.r <= config.n, config.w <= config.n else {
            throw OptionError("r and w must be at most n=\(config.n), not r=\(config.r) w=\(config.w)")
        }
        return config
    }

    /// Whether `key` belongs to the strongly consistent bucket.
    public func isConsistent(_ key: String) -> Bool {
        guard let bucket = consistentBucket else { return false }
        return key.hasPrefix(bucket + "/")
    }
}
