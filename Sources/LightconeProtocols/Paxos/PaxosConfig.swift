import LightconeSimulation

/// Paxos's settings: `new paxos 5 mode=basic proposers=n1,n2 retry=100ms backoff=on leader=off`.
///
/// Against the default 10–30 ms network a round (prepare, promise, accept, accepted) takes
/// about 80 ms, so `retry=100ms` gives a round time to finish before its proposer tries
/// again. The election timeout (150–300 ms) and heartbeat (50 ms) of the distinguished
/// proposer are those of Raft, for comparison.
public struct PaxosConfig: Sendable, Equatable {
    /// Single-decree synod (§2) or a replicated log (§3).
    public enum Mode: String, Sendable {
        case basic, multi
    }

    /// `mode=basic|multi`.
    public var mode = Mode.basic
    /// The nodes that may propose (`proposers=n1,n2`); every node when nil.
    public var proposers: [NodeID]?
    /// How long a proposer waits for a majority before it starts again.
    public var retry: SimDuration = .milliseconds(100)
    /// Whether a proposer that lost a round waits a random 1–2× `retry` before it starts
    /// again (§2.4's way out of the duel) instead of at once.
    public var backoff = true
    /// Whether a distinguished proposer is elected (§2.4): only the node that believes it is
    /// the leader proposes. Always true in `mode=multi`.
    public var leader = false
    /// The shortest election timeout of a node that hears no leader.
    public var electionMin: SimDuration = .milliseconds(150)
    /// The longest election timeout; each is drawn uniformly in between.
    public var electionMax: SimDuration = .milliseconds(300)
    /// How often a leader tells the others that it leads.
    public var heartbeat: SimDuration = .milliseconds(50)
    /// The most log slots one Accept carries (`mode=multi`).
    public var batch = 64
    /// The most Accepts with values a leader has in flight to one follower (`mode=multi`):
    /// two keep slots independent (a later slot can arrive while an earlier one is lost, which
    /// is how a log gets holes), and under load the rest wait for a reply and go as a batch.
    public var window = 2

    /// The default settings.
    public init() {}

    /// Whether a distinguished proposer (a leader) is elected.
    public var hasLeader: Bool { leader || mode == .multi }

    /// Whether `node` may propose.
    public func isProposer(_ node: NodeID) -> Bool { proposers?.contains(node) ?? true }

    /// Parses `new paxos` options, or throws a one-line `OptionError`.
    public static func parse(_ options: [(key: String, value: String)], nodeCount: Int) throws(OptionError) -> PaxosConfig {
        var config = PaxosConfig()
        func onOff(_ key: String, _ value: String) throws(OptionError) -> Bool {
            switch value.lowercased() {
            case "on": return true
            case "off": return false
            default: throw OptionError("\(key) must be on or off, not \(value)")
            }
        }
        for (key, value) in options {
            switch key {
            case "mode":
                guard let mode = Mode(rawValue: value.lowercased()) else { throw OptionError("mode must be basic or multi, not \(value)") }
                config.mode = mode
            case "proposers":
                var nodes: [NodeID] = []
                for name in value.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                    guard let id = NodeID(name: name), id.index < nodeCount else {
                        throw OptionError("proposers must name nodes n1..n\(nodeCount) separated by commas, like n1,n2; not \(value)")
                    }
                    if !nodes.contains(id) { nodes.append(id) }
                }
                config.proposers = nodes.sorted()
            case "retry":
                guard let duration = DurationText.parse(value), duration >= .milliseconds(1), duration <= .seconds(60) else {
                    throw OptionError("retry must be a duration from 1ms to 60s, like 100ms, not \(value)")
                }
                config.retry = duration
            case "backoff":
                config.backoff = try onOff(key, value)
            case "leader":
                config.leader = try onOff(key, value)
            default:
                throw OptionError("unknown option \(key) for paxos; options are mode=basic|multi proposers=n1,n2 retry=DURATION backoff=on|off leader=on|off")
            }
        }
        if config.mode == .multi && config.proposers != nil {
            throw OptionError("proposers= is for mode=basic; in mode=multi every node can become the leader")
        }
        return config
    }
}
