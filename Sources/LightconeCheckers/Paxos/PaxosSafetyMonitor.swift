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

    /// `open[slot]`: per slot without a chosen value (or with acceptances of another value),
    /// the ballots seen; empty once nothing is open there. Indexed by slot (slots are dense),
    /// so counting an acceptance hashes nothing.
    var open: [[Votes]] = []
    /// `chosen[slot]`: the value chosen there and its ballot, once seen.
    var chosen: [(value: PaxosValue, ballot: Ballot)?] = []
    /// Values learned where no value was seen chosen yet (which correct Paxos never does).
    var learnedUnchosen: [Int: (value: PaxosValue, node: NodeID)] = [:]
    /// Per acceptor, the highest ballot it ever promised.
    var maxPromised: [Ballot] = []
    /// Every plain value a client proposed (Basic Paxos).
    var proposedPlain: Set<String> = []
    /// Every command a client proposed: `proposedCommands[node][serial]`, by the node that
    /// took it and its serial there (serials count up from 1 on each node), so looking one up
    /// neither hashes the command's text nor rehashes a growing table.
    var proposedCommands: [[PaxosValue?]] = []

    /// A monitor that has seen nothing yet.
    public init() {}

    // The node is read field by field (`nodes[i].field`, stored properties only): copying a
    // PaxosNode out of the array, or calling one of its methods, retains and releases each of
    // its arrays, once per event.
    public mutating func observe(_ id: NodeID, in nodes: [PaxosNode], now: SimTime) -> Violation? {
        if maxPromised.count < nodes.count { maxPromised += Array(repeating: .zero, count: nodes.count - maxPromised.count) }
        let i = id.index
        if !nodes[i].proposedInEvent.isEmpty {
            for value in nodes[i].proposedInEvent { recordProposed(value) }
        }
        let promised = nodes[i].promised
        let before = maxPromised[i]
        if promised > before { maxPromised[i] = promised }
        if promised < before {
            // Reported once; from now on the acceptor is judged by what it holds.
            maxPromised[i] = promised
            return Violation(property: "Promise", message: "\(id) forgot that it promised \(before) (it now holds \(promised))")
        }
        if let promise = nodes[i].promisedInEvent, promise < before {
            return Violation(property: "Promise", message: "\(id) promised \(promise) after it had promised \(before)")
        }
        if let acceptance = nodes[i].acceptedInEvent {
            if acceptance.ballot < before {
                return Violation(property: "Promise", message: "\(id) accepted \(acceptance.ballot) after it had promised \(before)")
            }
            if let violation = countAcceptances(id, nodes, acceptance, majority: nodes.count / 2 + 1) { return violation }
        }
        if let slots = nodes[i].learnedInEvent {
            for slot in slots {
                guard let value = Self.learned(nodes, i, slot) else { continue }
                if let violation = checkLearned(id, value, slot: slot) { return violation }
            }
        }
        return nil
    }

    mutating func recordProposed(_ value: PaxosValue) {
        switch value {
        case .plain(let text): proposedPlain.insert(text)
        case .command(_, let origin, let serial):
            guard serial >= 0 else { return }
            while proposedCommands.count <= origin.index { proposedCommands.append([]) }
            while proposedCommands[origin.index].count <= serial { proposedCommands[origin.index].append(nil) }
            proposedCommands[origin.index][serial] = value
        case .noop: break
        }
    }

    /// What node `i` accepted for `slot`, read from its stored properties.
    static func accepted(_ nodes: [PaxosNode], _ i: Int, _ slot: Int) -> Proposal<PaxosValue>? {
        guard nodes[i].config.mode == .multi else { return slot == 0 ? nodes[i].accepted : nil }
        return slot >= 1 && slot < nodes[i].multi.accepted.count ? nodes[i].multi.accepted[slot] : nil
    }

    /// What node `i`'s learner learned for `slot`, read from its stored properties.
    static func learned(_ nodes: [PaxosNode], _ i: Int, _ slot: Int) -> PaxosValue? {
        guard nodes[i].config.mode == .multi else { return slot == 0 ? nodes[i].learned : nil }
        return slot >= 1 && slot <= nodes[i].multi.learned.count ? nodes[i].multi.learned[slot - 1] : nil
    }

    /// " in slot #4" (nothing for Basic Paxos's slot 0), for messages.
    static func place(_ slot: Int) -> String { slot == 0 ? "" : " in slot #\(slot)" }

    /// The ballot node `i` accepted for `slot` in, read in place (nothing is copied).
    static func acceptedBallot(_ nodes: [PaxosNode], _ i: Int, _ slot: Int) -> Ballot? {
        guard nodes[i].config.mode == .multi else { return slot == 0 ? nodes[i].accepted?.ballot : nil }
        return slot >= 1 && slot < nodes[i].multi.accepted.count ? nodes[i].multi.accepted[slot]?.ballot : nil
    }

    /// True when node `i` accepted `value` for `slot`, compared in place.
    static func accepted(_ nodes: [PaxosNode], _ i: Int, _ slot: Int, is value: PaxosValue) -> Bool {
        guard nodes[i].config.mode == .multi else { return slot == 0 && nodes[i].accepted?.value == value }
        return slot >= 1 && slot < nodes[i].multi.accepted.count && nodes[i].multi.accepted[slot]?.value == value
    }

    /// Agreement and Validity as acceptances make values chosen. The proposal is read in
    /// place and copied only when a ballot is first seen in a slot or a value becomes chosen.
    mutating func countAcceptances(_ id: NodeID, _ nodes: [PaxosNode], _ acceptance: (ballot: Ballot, from: Int, through: Int),
                                   majority: Int) -> Violation? {
        let bit: UInt64 = 1 << UInt64(id.index)
        let i = id.index
        for slot in acceptance.from...acceptance.through {
            guard Self.acceptedBallot(nodes, i, slot) == acceptance.ballot else { continue }
            let isChosen = slot < chosen.count && chosen[slot] != nil
            // Once a value is chosen, accepting it again cannot choose anything else.
            if isChosen, let value = chosen[slot]?.value, Self.accepted(nodes, i, slot, is: value) { continue }
            while open.count <= slot { open.append([]) }
            // Counted in place: the slot's votes are not copied out of the array.
            let count: Int
            if let found = open[slot].firstIndex(where: { $0.ballot == acceptance.ballot }) {
                open[slot][found].acceptors |= bit
                count = open[slot][found].acceptors.nonzeroBitCount
            } else {
                guard let proposal = Self.accepted(nodes, i, slot) else { continue }
                open[slot].append(Votes(ballot: proposal.ballot, value: proposal.value, acceptors: bit))
                count = 1
            }
            guard count >= majority, let proposal = Self.accepted(nodes, i, slot) else { continue }
            if isChosen, let known = chosen[slot] {
                return Violation(property: "Agreement",
                                 message: "two values chosen\(Self.place(slot)): \(known.value) in ballot \(known.ballot) and \(proposal.value) in ballot \(proposal.ballot)")
            }
            if let violation = checkValidity(proposal.value, what: "chosen\(Self.place(slot))") { return violation }
            while chosen.count <= slot { chosen.append(nil) }
            chosen[slot] = (proposal.value, proposal.ballot)
            open[slot].removeAll { $0.value == proposal.value }
            if open[slot].isEmpty { open[slot] = [] }
            if let early = learnedUnchosen[slot], early.value != proposal.value {
                return Violation(property: "Agreement", message: "\(early.node) learned \(early.value)\(Self.place(slot)) but \(proposal.value) was chosen")
            }
        }
        return nil
    }

    /// Agreement and Validity as a learner learns (a value seen chosen was checked for
    /// validity when it was chosen).
    mutating func checkLearned(_ id: NodeID, _ value: PaxosValue, slot: Int) -> Violation? {
        if slot < chosen.count, let known = chosen[slot] {
            guard known.value == value else {
                return Violation(property: "Agreement", message: "\(id) learned \(value)\(Self.place(slot)) but \(known.value) was chosen (ballot \(known.ballot))")
            }
            return nil
        }
        if let violation = checkValidity(value, what: "learned\(Self.place(slot)) by \(id)") { return violation }
        if let early = learnedUnchosen[slot] {
            if early.value != value {
                return Violation(property: "Agreement", message: "\(early.node) learned \(early.value)\(Self.place(slot)) but \(id) learned \(value)")
            }
        } else {
            learnedUnchosen[slot] = (value, id)
        }
        return nil
    }

    /// Validity: a chosen or learned value was proposed (a no-op is the leader's own).
    func checkValidity(_ value: PaxosValue, what: @autoclosure () -> String) -> Violation? {
        switch value {
        case .noop: return nil
        case .plain(let text): if proposedPlain.contains(text) { return nil }
        case .command(_, let origin, let serial):
            if origin.index >= 0, origin.index < proposedCommands.count, serial >= 0, serial < proposedCommands[origin.index].count,
               proposedCommands[origin.index][serial] == value { return nil }
        }
        return Violation(property: "Validity", message: "\(value) was \(what()) but never proposed")
    }
}
