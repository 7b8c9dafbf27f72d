import LightconeSimulation

/// The replicated state machine: a map from keys to values, changed only by applying
/// committed log entries in index order.
///
/// ```swift
/// var store = KeyValueStore()
/// store.apply(.put(key: "x", value: "1"))           // .ok(nil)
/// store.apply(.cas(key: "x", old: "2", new: "3"))   // .checkFailed("expected 2, found 1")
/// store.apply(.get(key: "x"))                       // .ok("1")
/// ```
public struct KeyValueStore: Sendable, Equatable {
    /// The current values.
    public private(set) var values: [String: String] = [:]

    /// An empty store.
    public init() {}

    /// The value of `key`, nil when it was never written.
    public subscript(key: String) -> String? { values[key] }

    /// Applies `command` and returns what the client that issued it is told.
    /// A `cas` whose old value does not match is applied too: it changes nothing and fails.
    @discardableResult
    public mutating func apply(_ command: RaftCommand) -> ClientReply {
        switch command {
        case .noop:
            return .ok(nil)
        case .put(let key, let value):
            values[key] = value
            return .ok(nil)
        case .get(let key):
            return .ok(values[key])
        case .cas(let key, let old, let new):
            guard let current = values[key], current == old else {
                return .checkFailed("expected \(old), found \(values[key] ?? "nothing")")
            }
            values[key] = new
            return .ok(nil)
        }
    }

    /// Applies `command` exactly as `apply` does, without working out what a client would
    /// be told (for entries no client waits for on this server, e.g. on followers).
    public mutating func update(_ command: RaftCommand) {
        switch command {
        case .noop, .get:
            return
        case .put(let key, let value):
            values[key] = value
        case .cas(let key, let old, let new):
            if let current = values[key], current == old { values[key] = new }
        }
    }

    /// The keys in order with their values, `x=1 y=2`.
    public var description: String {
        values.keys.sorted().map { "\($0)=\(values[$0] ?? "")" }.joined(separator: " ")
    }
}
