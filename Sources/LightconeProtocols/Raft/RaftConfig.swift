import LightconeSimulation

/// Raft's settings: `new raft 5 election=150..300ms heartbeat=50ms batch=64`.
///
/// The defaults are those of SPEC §4 against the default 10–30 ms network latency:
/// election timeouts drawn uniformly from 150–300 ms, heartbeats every 50 ms, and at most
/// 64 entries per AppendEntries.
public struct RaftConfig: Sendable, Equatable {
    /// The shortest election timeout.
    public var electionMin: SimDuration = .milliseconds(150)
    /// The longest election timeout; each timeout is drawn uniformly in between (§5.2).
    public var electionMax: SimDuration = .milliseconds(300)
    /// How often a leader sends AppendEntries while idle, and a candidate resends RequestVote.
    public var heartbeat: SimDuration = .milliseconds(50)
    /// The most entries one AppendEntries carries.
    public var batch: Int = 64

    /// The default settings.
    public init() {}

    /// Parses `new raft` options, or throws a one-line `OptionError`.
    public static func parse(_ options: [(key: String, value: String)]) throws(OptionError) -> RaftConfig {
        var config = RaftConfig()
        for (key, value) in options {
            switch key {
            case "election":
                guard let range = parseRange(value), range.lowerBound >= .milliseconds(1),
                      range.upperBound <= .seconds(3_600) else {
                    throw OptionError("election must be a range of durations like 150..300ms, not \(value)")
                }
                config.electionMin = range.lowerBound
                config.electionMax = range.upperBound
            case "heartbeat":
                guard let duration = DurationText.parse(value), duration >= .milliseconds(1), duration <= .seconds(3_600) else {
                    throw OptionError("heartbeat must be a duration of at least 1ms, like 50ms, not \(value)")
                }
                config.heartbeat = duration
            case "batch":
                guard let count = Int(value), count >= 1, count <= 10_000 else {
                    throw OptionError("batch must be a number of entries 1..10000, not \(value)")
                }
                config.batch = count
            default:
                throw OptionError("unknown option \(key) for raft; options are election=MIN..MAX heartbeat=DURATION batch=N")
            }
        }
        guard config.heartbeat < config.electionMin else {
            throw OptionError("heartbeat (\(DurationText.format(config.heartbeat))) must be shorter than the shortest election timeout (\(DurationText.format(config.electionMin)))")
        }
        return config
    }

    /// Parses `150..300ms`, `150ms..300ms` or `1s..2s`: a unit on the lower end is optional
    /// and defaults to the upper end's. Nil when malformed or when the lower end is larger.
    static func parseRange(_ text: String) -> ClosedRange<SimDuration>? {
        let characters = Array(text)
        guard let dots = characters.indices.dropLast().first(where: { characters[$0] == "." && characters[$0 + 1] == "." }) else {
            return nil
        }
        let lowerText = String(characters[..<dots])
        let upperText = String(characters[(dots + 2)...])
        guard let upper = DurationText.parse(upperText) else { return nil }
        var lower = DurationText.parse(lowerText)
        if lower == nil {
            let unit = String(upperText.drop { $0.isNumber || $0 == "." })
            lower = DurationText.parse(lowerText + unit)
        }
        guard let lower, lower <= upper else { return nil }
        return lower...upper
    }
}
