import LightconeSimulation

/// The settings of `new bank N mode=acid|base accounts=K balance=B`.
public struct BankConfig: Sendable, Equatable {
    /// SQL rules or NoSQL no rules.
    public enum Mode: String, Sendable, Equatable {
        /// Transfers are atomic transactions: two-phase commit over the accounts' nodes.
        case acid
        /// Every node keeps a replica of every account; transfers apply at once where taken
        /// and propagate asynchronously (basically available, soft state, eventually consistent).
        case base
    }

    /// ACID or BASE.
    public var mode = Mode.acid
    /// Accounts `a1`..`aK`.
    public var accounts = 6
    /// Each account's opening balance.
    public var balance = 100
    /// How long a coordinator waits for votes (and a prepare waits for a lock) before it counts as a no.
    public var voteTimeout: SimDuration = .milliseconds(200)
    /// How often a coordinator resends an unacknowledged decision (and a BASE node its unacknowledged transfers).
    public var retry: SimDuration = .milliseconds(100)

    /// The node that holds account `account` (0-based) in ACID mode: `a i` on `n((i−1) mod N + 1)`.
    public func holder(of account: Int, nodeCount: Int) -> NodeID { NodeID(index: account % nodeCount) }

    /// The account index of a name `a3`, if it names one of this bank's accounts.
    public func account(named name: String) -> Int? {
        guard name.hasPrefix("a"), let number = Int(name.dropFirst()), number >= 1, number <= accounts else { return nil }
        return number - 1
    }

    /// The name of account index `account`.
    public static func name(of account: Int) -> String { "a\(account + 1)" }

    /// The total every balance adds up to, always.
    public var total: Int { accounts * balance }

    /// Builds the settings from `key=value` options, or says what is wrong.
    static func make(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> BankConfig {
        var config = BankConfig()
        for (key, value) in options {
            switch key {
            case "mode":
                guard let mode = Mode(rawValue: value.lowercased()) else { throw OptionError("mode must be acid or base, not \(value)") }
                config.mode = mode
            case "accounts":
                guard let n = Int(value), n >= 2, n <= 100 else { throw OptionError("accounts must be a number 2..100, not \(value)") }
                config.accounts = n
            case "balance":
                guard let n = Int(value), n >= 0, n <= 1_000_000 else { throw OptionError("balance must be a number 0..1000000, not \(value)") }
                config.balance = n
            case "vote-timeout":
                guard let d = DurationText.parse(value), d >= 1_000, d < .seconds(1) else {
                    throw OptionError("vote-timeout must be a duration from 1ms to under the client's 1s, like 200ms")
                }
                config.voteTimeout = d
            case "retry":
                guard let d = DurationText.parse(value), d >= 1_000 else { throw OptionError("retry must be a duration of at least 1ms, like 100ms") }
                config.retry = d
            default:
                throw OptionError("unknown option \(key) for bank; options are mode=acid|base accounts=N balance=N vote-timeout=DURATION retry=DURATION")
            }
        }
        return config
    }
}
