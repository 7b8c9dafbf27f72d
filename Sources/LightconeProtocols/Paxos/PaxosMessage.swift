import LightconeSimulation

/// The messages of "Paxos Made Simple": phase 1 (prepare, promise), phase 2 (accept,
/// accepted), the nack of §2.3's optimisation, and the leader's heartbeat (§2.4, §3).
///
/// In Basic Paxos slots are 0 and not printed; in Multi-Paxos a prepare covers every slot
/// from `from` on, and an accept carries consecutive slots with the leader's chosen prefix.
public enum PaxosMessage: ProtocolMessage, Equatable {
    /// Phase 1a: "promise never to accept a ballot below `ballot`, and tell me what you
    /// accepted" (from slot `from` on in Multi-Paxos).
    case prepare(Ballot, from: Int)
    /// Phase 1b: the promise, with the highest-ballot proposal accepted (per slot).
    case promise(Ballot, accepted: [SlotProposal])
    /// The acceptor has promised a higher ballot, so it ignores `ballot`'s prepare or accept.
    case nack(Ballot, promised: Ballot)
    /// Phase 2a: "accept these values in `ballot`" for slots `from`, `from + 1`, ...; `chosen`
    /// is the leader's chosen prefix (Multi-Paxos). With no values it is a heartbeat.
    case accept(Ballot, from: Int, values: [PaxosValue], chosen: Int)
    /// Phase 2b, Basic Paxos: the acceptor accepted `value` in `ballot`; sent to every learner.
    case accepted(Ballot, value: PaxosValue)
    /// Phase 2b, Multi-Paxos: to the leader, the acceptor accepted `ballot`'s values for slots
    /// `from...through` (none for a heartbeat), and has learned every slot through `learned`.
    case acceptedSlots(Ballot, from: Int, through: Int, learned: Int)
    /// The distinguished proposer of Basic Paxos tells the others that it leads.
    case heartbeat(Ballot)

    /// The ballot the message is about.
    public var ballot: Ballot {
        switch self {
        case .prepare(let b, _), .promise(let b, _), .nack(let b, _), .accept(let b, _, _, _),
             .accepted(let b, _), .acceptedSlots(let b, _, _, _), .heartbeat(let b):
            return b
        }
    }

    public var label: String {
        switch self {
        case .prepare(let b, _): return "P \(b)"
        case .promise(let b, _): return "P✓ \(b)"
        case .nack(let b, _): return "P✗ \(b)"
        case .accept(let b, _, let values, _): return values.isEmpty ? "HB \(b)" : "A \(b)"
        case .accepted(let b, _), .acceptedSlots(let b, _, _, _): return "A✓ \(b)"
        case .heartbeat(let b): return "HB \(b)"
        }
    }

    public var traceText: String {
        switch self {
        case .prepare(let b, let from):
            return "Prepare \(b)" + (from == 0 ? "" : " from=#\(from)")
        case .promise(let b, let accepted):
            let isBasic = accepted.allSatisfy { $0.slot == 0 }
            if isBasic { return "Promise \(b) accepted=" + (accepted.first.map(\.description) ?? "none") }
            return "Promise \(b) accepted=[" + PaxosMessage.shortList(accepted.map(\.description)) + "]"
        case .nack(let b, let promised):
            return "Nack \(b) promised=\(promised)"
        case .accept(let b, let from, let values, let chosen):
            if from == 0 { return "Accept \(b) " + (values.first?.description ?? "") }
            if values.isEmpty { return "Accept \(b) heartbeat chosen=\(chosen)" }
            let slots = values.count == 1 ? "#\(from)" : "#\(from)..#\(from + values.count - 1)"
            return "Accept \(b) \(slots) [" + PaxosMessage.shortList(values.map(\.description)) + "] chosen=\(chosen)"
        case .accepted(let b, let value):
            return "Accepted \(b) \(value)"
        case .acceptedSlots(let b, let from, let through, let learned):
            let slots = through < from ? "heartbeat" : through == from ? "#\(from)" : "#\(from)..#\(through)"
            return "Accepted \(b) \(slots) learned=\(learned)"
        case .heartbeat(let b):
            return "Heartbeat \(b)"
        }
    }

    public var isReply: Bool {
        switch self {
        case .promise, .nack, .accepted, .acceptedSlots: return true
        case .prepare, .accept, .heartbeat: return false
        }
    }

    /// At most four items, then how many more.
    static func shortList(_ items: [String]) -> String {
        items.count <= 4 ? items.joined(separator: ", ") : items.prefix(4).joined(separator: ", ") + ", +\(items.count - 4)"
    }
}

extension PaxosNode {
    /// What the labels of `PaxosMessage.label` mean, for `help paxos`.
    public static var messageLabels: [MessageLabelSpec] {
        [
            MessageLabelSpec("P", "prepare (phase 1a) with its ballot, e.g. P 3.n2"),
            MessageLabelSpec("P✓", "promise (phase 1b): never to accept a lower ballot, with what it accepted"),
            MessageLabelSpec("P✗", "nack: the acceptor promised a higher ballot, so it ignored a prepare or accept"),
            MessageLabelSpec("A", "accept (phase 2a): accept this value in this ballot"),
            MessageLabelSpec("A✓", "accepted (phase 2b): to the learners (in mode=multi, to the leader)"),
            MessageLabelSpec("HB", "the leader's heartbeat (leader=on, mode=multi)"),
        ]
    }
}
