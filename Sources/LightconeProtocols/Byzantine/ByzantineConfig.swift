import LightconeSimulation

/// Which algorithm of Lamport, Shostak & Pease (1982) the generals run.
public enum ByzantineAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// Oral messages, OM(m) (§3): works iff n > 3m.
    case om
    /// Signed messages, SM(m) (§4): works for any n ≥ m + 2.
    case sm

    /// `OM(1)`, `SM(2)`.
    public func title(_ m: Int) -> String { "\(rawValue.uppercased())(\(m))" }
}

/// How the traitors lie.
public enum TraitorStrategy: String, Sendable, Hashable, CaseIterable {
    /// Send the opposite of what a loyal general would (in SM, where a traitor cannot forge, a
    /// traitorous lieutenant withholds everything).
    case flip
    /// Attack to odd-numbered lieutenants, retreat to even ones (in SM a traitorous lieutenant
    /// relays to odd-numbered lieutenants only).
    case split
    /// Each message's value (or, in SM, whether to relay it) drawn from the seed.
    case random
    /// A search over the traitors' choices per message for one that breaks IC1 or IC2
    /// (exhaustive up to 2^20 choices, else a seeded random search with a budget).
    case worst
}

/// The Byzantine generals' settings: `new byzantine 4 m=1 traitors=n3 strategy=worst algorithm=om`.
public struct ByzantineConfig: Sendable {
    /// How many generals (n1 is the commander).
    public var nodeCount: Int
    /// The number of traitors the algorithm is built to survive: OM(m), SM(m).
    public var m: Int = 1
    /// The traitors, one bit per node index.
    public var traitors: UInt64 = 0
    /// How the traitors lie.
    public var strategy: TraitorStrategy = .worst
    /// OM or SM.
    public var algorithm: ByzantineAlgorithm = .om
    /// How long a round lasts: a message of round k that has not arrived by its end never will
    /// (the paper's assumption A3: the absence of a message can be detected).
    public var round: SimDuration = .milliseconds(100)
    /// OM(m)'s tree of message paths (empty for SM).
    public var tree: OralTree

    /// The most messages one OM(m) run may send.
    public static let messageLimit = 100_000

    /// Default settings for `nodeCount` generals.
    public init(nodeCount: Int) {
        self.nodeCount = nodeCount
        self.tree = OralTree(nodeCount: nodeCount, m: -1)
    }

    /// True when node `index` is a traitor.
    @inlinable public func isTraitor(_ index: Int) -> Bool { traitors & (1 << UInt64(index)) != 0 }

    /// The traitors' names, `n3,n5`, or `none`.
    public var traitorNames: String {
        let names = (0..<nodeCount).filter(isTraitor).map { "n\($0 + 1)" }
        return names.isEmpty ? "none" : names.joined(separator: ",")
    }

    /// The last round: m + 1.
    public var lastRound: Int { m + 1 }

    /// Parses `m=`, `traitors=`, `strategy=`, `algorithm=`, `round=`.
    public static func parse(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> ByzantineConfig {
        var config = ByzantineConfig(nodeCount: nodeCount)
        for (key, value) in options {
            switch key {
            case "m":
                guard let m = Int(value), m >= 0, m <= nodeCount - 2 else {
                    throw OptionError("m must be a number 0..\(nodeCount - 2) for \(nodeCount) generals (m < n-1), not \(value)")
                }
                config.m = m
            case "traitors":
                config.traitors = 0
                guard value.lowercased() != "none", !value.isEmpty else { continue }
                for word in value.split(separator: ",", omittingEmptySubsequences: false) {
                    guard let id = NodeID(name: String(word)) else { throw OptionError("traitors= takes nodes like n3,n5, not '\(word)'") }
                    guard id.index < nodeCount else { throw OptionError("unknown node \(word) in traitors=; nodes are n1..n\(nodeCount)") }
                    config.traitors |= 1 << UInt64(id.index)
                }
            case "strategy":
                guard let strategy = TraitorStrategy(rawValue: value.lowercased()) else {
                    throw OptionError("strategy must be one of \(TraitorStrategy.allCases.map(\.rawValue).joined(separator: ", ")), not \(value)")
                }
                config.strategy = strategy
            case "algorithm":
                guard let algorithm = ByzantineAlgorithm(rawValue: value.lowercased()) else { throw OptionError("algorithm must be om or sm, not \(value)") }
                config.algorithm = algorithm
            case "round":
                guard let d = DurationText.parse(value), d >= 1_000 else { throw OptionError("round must be a duration of at least 1ms, like 100ms") }
                config.round = d
            default:
                throw OptionError("unknown option \(key) for byzantine; options are m=M traitors=n3,n5 strategy=NAME algorithm=om|sm round=DURATION")
            }
        }
        if config.algorithm == .om {
            let messages = OralTree.messageCount(nodeCount: nodeCount, m: config.m)
            guard messages <= messageLimit else {
                throw OptionError("OM(\(config.m)) with \(nodeCount) generals sends \(messages) messages; at most \(messageLimit), so take a smaller m")
            }
            config.tree = OralTree(nodeCount: nodeCount, m: config.m)
        }
        return config
    }
}
