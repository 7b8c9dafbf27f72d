/// A node's log as the view draws it: the newest entries (each with its term, a short value
/// and whether it is committed), for the node's box and the log table of log-based protocols
/// (Raft, Multi-Paxos). A protocol without a log answers nil (`ProtocolNode.logObservation`).
///
/// `LogObservation(length: 5, entries: [.init(index: 5, term: 2, value: "x=1", isCommitted: false)])`
public struct LogObservation: Sendable, Equatable {
    /// One log entry (or slot).
    public struct Entry: Sendable, Equatable {
        /// Its index, from 1.
        public var index: Int
        /// The term (or ballot round) it was created in.
        public var term: Int
        /// What it holds, in a few characters: `x=1`, `noop`.
        public var value: String
        /// True once it is committed (chosen).
        public var isCommitted: Bool

        /// An entry.
        public init(index: Int, term: Int, value: String, isCommitted: Bool) {
            self.index = index
            self.term = term
            self.value = value
            self.isCommitted = isCommitted
        }
    }

    /// The most entries an observation carries (the newest ones).
    public static let limit = 32

    /// The index of the last entry (0: empty).
    public var length: Int
    /// The newest entries (at most `limit`), oldest first.
    public var entries: [Entry]

    /// An observation of a log `length` long ending with `entries`.
    public init(length: Int, entries: [Entry]) {
        self.length = length
        self.entries = entries
    }
}

/// A timer the view draws running out on the node's box (Raft's election timeout), so that a
/// class sees who will time out next: armed at `armedAt`, firing at `deadline`.
public struct Countdown: Sendable, Equatable {
    /// When it was armed.
    public var armedAt: SimTime
    /// When it fires.
    public var deadline: SimTime

    /// A countdown from `armedAt` to `deadline`.
    public init(armedAt: SimTime, deadline: SimTime) {
        self.armedAt = armedAt
        self.deadline = deadline
    }

    /// The part still to run at `time`: 1 when just armed, 0 when due.
    public func remaining(at time: SimTime) -> Double {
        guard deadline > armedAt else { return 0 }
        return min(1, max(0, Double(deadline - time) / Double(deadline - armedAt)))
    }
}
