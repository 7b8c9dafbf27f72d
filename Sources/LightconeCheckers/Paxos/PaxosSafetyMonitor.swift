import LightconeProtocols
import LightconeSimulation

/// Watches Paxos's safety after every event, incrementally (per slot in Multi-Paxos):
///
/// - **Agreement**: at most one value is ever chosen (accepted by a majority of acceptors in
///   one ballot), and every learner learns that value;
/// - **Validity**: only a value some client proposed (or a leader's no-op) is chosen or learned;
/// - **Promise**: an acceptor never promises or accepts a ballot below one it promised, and
///   never forgets a promise (its promised ballot never goes down, across restarts: §2.3's
///   "an acceptor must remember this information even if it fails and then restarts"; once
///   forgotten, nothing stops it accepting a lower ballot).
///
/// It keeps, per slot not yet chosen, the acceptors seen accepting each ballot; per slot the
/// chosen value; per acceptor the highest ballot it ever promised; and every proposed value.
/// Per event it looks only at what the node changed (`acceptedInEvent`, `learnedInEvent`,
/// `promisedInEvent`, `proposedInEvent`).
///
/// ```swift
/// var sim = try Simulation<PaxosNode>(nodeCount: 5, seed: 1)
/// sim.monitor = PaxosSafetyMonitor()
/// ```
public struct PaxosSafetyMonitor: SafetyMonitor {
    public typealias Node = PaxosNode

    /// The acceptors seen accepting `value` in `ballot` for one slot.
    struct Votes {
        var ballot: Ballot
        var value: PaxosValue
        var acceptors: UInt64
    }

    /// Per slot without a chosen value (or with acceptances of another value), the ballots seen.
    var open: [Int: [Votes]] = [:]
    /// `chosen[slot]`: the value chosen there and its ballot, once seen.
    var chosen: [(value: PaxosValue, ballot: Ballot)?] = []
    /// Values learned where no value was seen chosen yet (which correct Paxos never does).
    var learnedUnchosen: [Int: (value: PaxosValue, node: NodeID)] = [:]
    /// Per acceptor, the highest ballot it ever promised.
    var maxPromised: [Ballot] = []
    /// Every value a client proposed.
    var proposed: Set<PaxosValue> = []

    /// A monitor that has seen nothing yet.
    public init() {}

    public mutating func observe(_ id: NodeID, in nodes: [PaxosNode], now: SimTime) -> Violation? {
        if maxPromised.count < nodes.count { maxPromised += Array(repeating: .zero, count: nodes.count - maxPromised.count) }
        let node = nodes[id.index]
        for value in node.proposedInEvent { proposed.insert(value) }
        let before = maxPromised[id.index]
        if node.promised > before { maxPromised[id.index] = node.promised }
        if node.promised < before {
            // Reported once; from now on the acceptor is judged by what it holds.
            maxPromised[id.index] = node.promised
            return Violation(property: "Promise", message: "\(id) forgot that it promised \(before) (it now holds \(node.promised))")
        }
        if let promise = node.promisedInEvent, promise < before {
            return Violation(property: "Promise", message: "\(id) promised \(promise) after it had promised \(before)")
        }
        if let acceptance = node.acceptedInEvent {
            if acceptance.ballot < before {
                return Violation(property: "Promise", message: "\(id) accepted \(acceptance.ballot) after it had promised \(before)")
            }
            if let violation = countAcceptances(id, node, acceptance, majority: nodes.count / 2 + 1) { return violation }
        }
        if let slots = node.learnedInEvent {
            for slot in slots {
                guard let value = node.learnedValue(at: slot) else { continue }
                if let violation = checkLearned(id, value, slot: slot) { return violation }
            }
        }
        return nil
    }

    /// Agreement and Validity as acceptances make values chosen.
    mutating func countAcceptances(_ id: NodeID, _ node: PaxosNode, _ acceptance: (ballot: Ballot, from: Int, through: Int),
                                   majority: Int) -> Violation? {
        let bit: UInt64 = 1 << UInt64(id.index)
        for slot in acceptance.from...acceptance.through {
            guard let proposal = node.acceptedProposal(at: slot), proposal.ballot == acceptance.ballot else { continue }
            let known = slot < chosen.count ? chosen[slot] : nil
            // Once a value is chosen, accepting it again cannot choose anything else.
            if let known, known.value == proposal.value { continue }
            var votes = open[slot] ?? []
            let index: Int
            if let found = votes.firstIndex(where: { $0.ballot == proposal.ballot }) {
                index = found
            } else {
                votes.append(Votes(ballot: proposal.ballot, value: proposal.value, acceptors: 0))
                index = votes.count - 1
            }
            votes[index].acceptors |= bit
            let count = votes[index].acceptors.nonzeroBitCount
            guard count >= majority else {
                open[slot] = votes
                continue
            }
            let where_ = slot == 0 ? "" : " in slot #\(slot)"
            if let known {
                return Violation(property: "Agreement",
                                 message: "two values chosen\(where_): \(known.value) in ballot \(known.ballot) and \(proposal.value) in ballot \(proposal.ballot)")
            }
            if let violation = checkValidity(proposal.value, what: "chosen\(where_)") { return violation }
            while chosen.count <= slot { chosen.append(nil) }
            chosen[slot] = (proposal.value, proposal.ballot)
            votes.removeAll { $0.value == proposal.value }
            if votes.isEmpty { open[slot] = nil } else { open[slot] = votes }
            if let early = learnedUnchosen[slot], early.value != proposal.value {
                return Violation(property: "Agreement", message: "\(early.node) learned \(early.value)\(where_) but \(proposal.value) was chosen")
            }
        }
        return nil
    }

    /// Agreement and Validity as a learner learns.
    mutating func checkLearned(_ id: NodeID, _ value: PaxosValue, slot: Int) -> Violation? {
        let where_ = slot == 0 ? "" : " in slot #\(slot)"
        if let violation = checkValidity(value, what: "learned\(where_) by \(id)") { return violation }
        if slot < chosen.count, let known = chosen[slot] {
            guard known.value == value else {
                return Violation(property: "Agreement", message: "\(id) learned \(value)\(where_) but \(known.value) was chosen (ballot \(known.ballot))")
            }
            return nil
        }
        if let early = learnedUnchosen[slot] {
            if early.value != value {
                return Violation(property: "Agreement", message: "\(early.node) learned \(early.value)\(where_) but \(id) learned \(value)")
            }
        } else {
            learnedUnchosen[slot] = (value, id)
        }
        return nil
    }

    /// Validity: a chosen or learned value was proposed (a no-op is the leader's own).
    func checkValidity(_ value: PaxosValue, what: String) -> Violation? {
        if value == .noop || proposed.contains(value) { return nil }
        return Violation(property: "Validity", message: "\(value) was \(what) but never proposed")
    }
}
