import LightconeSimulation

/// What Paxos chooses: a value typed with `propose` (Basic Paxos), or in `mode=multi` a
/// client's command for one log slot, or the no-op a new leader fills a hole with (§3).
///
/// A command carries the node that first received it and that node's serial number, so two
/// clients' identical `put x 1` are different values and each client gets its own answer.
public enum PaxosValue: Sendable, Hashable, CustomStringConvertible {
    /// A value proposed with `propose VALUE`.
    case plain(String)
    /// A client command (`put`, `get`, `cas`), tagged by the node that took it and a serial.
    case command(RaftCommand, origin: NodeID, serial: Int)
    /// "No operation": fills a slot that no promise reported (§3).
    case noop

    /// As the trace shows it: `x`, `put x 1`, `noop`.
    public var description: String {
        switch self {
        case .plain(let text): return text
        case .command(let command, _, _): return command.description
        case .noop: return "noop"
        }
    }

    /// The command to apply to the state machine (a no-op for a plain value).
    public var command: RaftCommand {
        if case .command(let command, _, _) = self { return command }
        return .noop
    }
}

/// An accepted proposal for one log slot, as a promise reports it.
public struct SlotProposal: Sendable, Hashable, CustomStringConvertible {
    /// The slot (0 in Basic Paxos, which has one).
    public var slot: Int
    /// What the acceptor accepted there.
    public var proposal: Proposal<PaxosValue>

    /// `proposal` at `slot`.
    public init(slot: Int, proposal: Proposal<PaxosValue>) {
        self.slot = slot
        self.proposal = proposal
    }

    /// `#4 1.n1:put x 1`, or `1.n1:x` for Basic Paxos's slot.
    public var description: String {
        (slot == 0 ? "" : "#\(slot) ") + "\(proposal.ballot):\(proposal.value)"
    }
}
