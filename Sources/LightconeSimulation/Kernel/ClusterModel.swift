/// A simulated cluster of any protocol, as the command layer drives it. `Simulation<Node>`
/// is the one implementation; this protocol erases the node type so that one session can
/// hold a raft cluster now and a gossip one after `new gossip`.
public protocol ClusterModel: Sendable {
    var protocolName: String { get }
    var nodeCount: Int { get }
    var now: SimTime { get }
    var seed: UInt64 { get }
    var leader: NodeID? { get }
    var lives: [NodeLife] { get }
    var history: [HistoryEntry] { get }
    var violations: [Violation] { get }
    /// Every meter now (the protocol's, then its checker's).
    var meters: [MeterReading] { get }
    var enabledBugs: [String] { get }
    var bugNames: [BugSpec] { get }
    var operationSpecs: [OperationSpec] { get }
    var eventsHandled: Int { get }
    var isChaosRunning: Bool { get }
    var network: Network { get }
    var isMonitoring: Bool { get set }
    var clientTimeout: SimDuration { get set }
    var interruptCheck: (@Sendable () -> Bool)? { get set }
    var progressReport: (@Sendable (_ now: SimTime, _ events: Int) -> Void)? { get set }
    var wasInterrupted: Bool { get }

    mutating func kill(_ id: NodeID) throws(SimulationError)
    mutating func restart(_ id: NodeID) throws(SimulationError)
    mutating func pause(_ id: NodeID) throws(SimulationError)
    mutating func resume(_ id: NodeID) throws(SimulationError)
    mutating func forceTimeout(_ ids: [NodeID]) throws(SimulationError)
    mutating func partition(_ groups: [[NodeID]]) throws(SimulationError)
    mutating func isolate(_ id: NodeID) throws(SimulationError)
    mutating func heal()
    mutating func cut(_ a: NodeID, _ b: NodeID, bothWays: Bool) throws(SimulationError)
    mutating func hold(_ a: NodeID, _ b: NodeID) throws(SimulationError)
    @discardableResult mutating func release(_ a: NodeID, _ b: NodeID) throws(SimulationError) -> Int
    mutating func setNetwork(_ change: LinkSettingsChange)
    mutating func setLink(_ a: NodeID, _ b: NodeID, _ change: LinkSettingsChange) throws(SimulationError)
    mutating func dropMessage(_ id: MessageID) throws(SimulationError)
    mutating func deliverMessage(_ id: MessageID) throws(SimulationError)
    mutating func enableBug(_ name: String) throws(SimulationError)
    mutating func disableBugs()
    @discardableResult mutating func submit(_ operation: Operation, via: NodeID?) throws(SimulationError) -> Int
    mutating func startLoad(_ spec: LoadSpec) throws(SimulationError)
    mutating func startChaos(for duration: SimDuration, faults: ChaosFaults) throws(SimulationError)
    mutating func report(_ violation: Violation)

    @discardableResult mutating func step(_ count: Int, notAfter limit: SimTime) -> Int
    @discardableResult mutating func run(to time: SimTime) -> Bool
    mutating func run(until condition: Condition, deadline: SimTime) -> ConditionOutcome?

    func evaluate(_ condition: Condition) -> ConditionOutcome?
    func inspect(_ id: NodeID) throws(SimulationError) -> [String]
    var statusJSON: String { get }
    var statusLines: [String] { get }
    var nodeLines: [String] { get }
    var messagesInFlight: [InFlightMessage] { get }
    var snapshot: ClusterSnapshot { get }

    /// How many trace records were ever written (a cursor for narration).
    var traceCount: Int { get }
    /// Trace entries from record `start` on (those still kept); only notable ones if asked,
    /// only those about `node` if given.
    func traceEntries(from start: Int, notableOnly: Bool, node: NodeID?) -> [TraceEntry]
    /// How many notable trace records were ever written (narration's cursor).
    var notableCount: Int { get }
    /// The notable trace entries (what narration shows) from notable number `start` on, and
    /// how many of them the trace no longer keeps (more than `Trace.notableCapacity`).
    func notableEntries(from start: Int) -> (elided: Int, entries: [TraceEntry])
    /// The lines of `notableEntries(from:)` alone (narration's fast path: no entries built),
    /// how many the trace no longer keeps, and the position of the first violation among them.
    func notableLines(from start: Int) -> (elided: Int, lines: [String], firstViolation: Int?)
    /// Turns the trace on or off (benchmarks).
    mutating func setTracing(_ isOn: Bool)

    /// The commands the protocol brings, for the parser, `help` and completion.
    var protocolCommands: [AnyProtocolCommand] { get }
    /// Performs protocol command `name` with the words its parse returned; the lines to print.
    mutating func performProtocolCommand(_ name: String, arguments: [String]) throws(SimulationError) -> [String]
    /// What protocol command `name`'s own completion offers after the words `typed` (see
    /// `ProtocolCommand.complete`); nil when it has none.
    func protocolCompletions(_ name: String, typed: [String]) -> [String]?
}

extension Simulation: ClusterModel {
    public var protocolName: String { Node.name }
    public var bugNames: [BugSpec] { Node.bugs }
    public var operationSpecs: [OperationSpec] { Node.operations }
    public var protocolCommands: [AnyProtocolCommand] { Node.commands.map(\.erased) }
    public var traceCount: Int { trace.count }

    public func traceEntries(from start: Int, notableOnly: Bool, node: NodeID?) -> [TraceEntry] {
        trace.records(from: start).compactMap { record in
            if notableOnly && !record.isNotable { return nil }
            if let node, !record.concerns(node) { return nil }
            return record.entry
        }
    }

    public var notableCount: Int { trace.notableCount }

    public func notableEntries(from start: Int) -> (elided: Int, entries: [TraceEntry]) {
        let (elided, records) = trace.notableRecords(from: start)
        return (elided, records.map { $0.entry })
    }

    public func notableLines(from start: Int) -> (elided: Int, lines: [String], firstViolation: Int?) {
        trace.notableLines(from: start)
    }

    public mutating func setTracing(_ isOn: Bool) { trace.isEnabled = isOn }
}

extension ClusterModel {
    /// The one-line forms of `traceEntries(from:notableOnly:node:)`, as `log` prints them.
    public func traceLines(from start: Int, notableOnly: Bool, node: NodeID?) -> [String] {
        traceEntries(from: start, notableOnly: notableOnly, node: node).map(\.line)
    }
}
