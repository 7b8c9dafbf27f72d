import LightconeSimulation

/// A proposal number of "Paxos Made Simple" §2.2: a round and the proposer that chose it,
/// so that no two proposers ever issue the same number. Ordered by round, then by node.
///
/// `Ballot(round: 3, node: NodeID(index: 1)).description == "3.n2"`; `Ballot.zero` (printed
/// `0`) is below every ballot a proposer issues.
public struct Ballot: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The round, from 1 (0 only in `zero`).
    public var round: Int
    /// The proposer that issued it (n1 in `zero`, which no proposer issues).
    public var node: NodeID

    /// Ballot `round.node`.
    public init(round: Int, node: NodeID) {
        self.round = round
        self.node = node
    }

    /// Below every issued ballot: what an acceptor has promised before its first promise.
    public static let zero = Ballot(round: 0, node: NodeID(index: -1))

    /// True for `zero`.
    public var isZero: Bool { round == 0 }

    public var description: String { isZero ? "0" : "\(round).\(node)" }

    /// One integer that orders ballots as they are ordered (for `leader`, which compares
    /// terms or ballots as integers).
    public var ordinal: Int { round * 1_024 + node.index + 1 }

    public static func < (lhs: Ballot, rhs: Ballot) -> Bool {
        lhs.round != rhs.round ? lhs.round < rhs.round : lhs.node.index < rhs.node.index
    }
}

/// A value some acceptor has accepted, with the ballot it accepted it in.
public struct Proposal<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The ballot of the accept request.
    public var ballot: Ballot
    /// The value.
    public var value: Value

    /// `value` accepted in `ballot`.
    public init(ballot: Ballot, value: Value) {
        self.ballot = ballot
        self.value = value
    }
}
