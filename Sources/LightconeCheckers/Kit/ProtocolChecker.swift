import LightconeSimulation

/// The checker of one protocol, kept in `Sources/LightconeCheckers/<Protocol>/`: the live
/// monitors and condition hooks it puts on every new cluster, and what `check` runs. The
/// lab's registry entry for a protocol is then one line:
/// `entry(RaftNode.self, checker: RaftChecker.self)`.
public protocol ProtocolChecker {
    /// The protocol it checks.
    associatedtype Node: ProtocolNode

    /// The safety properties its monitors and `check` can find violated (for
    /// `violation PROPERTY`); default none.
    static var properties: [String] { get }

    /// The meters the checker adds to the protocol's (set `meterHook` in `configure` to
    /// read them); default none.
    static var meters: [MeterSpec] { get }

    /// Puts the live monitors and hooks on a cluster just built (default: none).
    static func configure(_ simulation: inout Simulation<Node>)

    /// `check`: the verdict line and its details, and the violation found, if any. It runs
    /// only when no live monitor has reported a violation yet.
    static func check(_ simulation: Simulation<Node>) -> CheckReport
}

extension ProtocolChecker {
    public static func configure(_ simulation: inout Simulation<Node>) {}
    public static var meters: [MeterSpec] { [] }
    public static var properties: [String] { [] }
}

/// What `check` found.
public struct CheckReport: Sendable {
    /// The verdict line and its details, e.g. `check: ok (5 properties hold, linearizable)`.
    public var lines: [String]
    /// The violation found, if any.
    public var violation: Violation?

    /// A report of these lines and, if one was found, the violation.
    public init(lines: [String], violation: Violation? = nil) {
        self.lines = lines
        self.violation = violation
    }

    /// `check: VIOLATION PROPERTY: message`, with indented details under it.
    public static func violation(_ violation: Violation, details: [String] = []) -> CheckReport {
        CheckReport(lines: ["check: VIOLATION \(violation.property): \(violation.message)"] + details.map { "  " + $0 },
                    violation: violation)
    }
}
