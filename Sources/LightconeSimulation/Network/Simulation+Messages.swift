/// A message in flight as `messages` lists it and the view draws it.
public struct InFlightMessage: Sendable, Equatable {
    /// Where it is.
    public enum State: String, Sendable {
        /// Travelling; arrives (or dies) at `arrivesAt`.
        case travelling
        /// Queued on a held link until `release`.
        case held
        /// Arrived at a paused node; waits for `resume`.
        case waiting
    }
    public var id: MessageID
    public var from: NodeID
    public var to: NodeID
    public var sentAt: SimTime
    public var arrivesAt: SimTime
    public var label: String
    public var text: String
    public var isReply: Bool
    public var state: State
    /// True when the network will lose it (not shown by `messages`; the view lets it die).
    public var isLost: Bool
    /// True when it carries nothing new (`ProtocolMessage.isQuiet`): drawn faintly.
    public var isQuiet: Bool

    /// A message in flight (the simulation builds these; tests and benchmarks may too).
    public init(id: MessageID, from: NodeID, to: NodeID, sentAt: SimTime, arrivesAt: SimTime, label: String,
                text: String, isReply: Bool, state: State, isLost: Bool, isQuiet: Bool = false) {
        self.isQuiet = isQuiet
        self.id = id
        self.from = from
        self.to = to
        self.sentAt = sentAt
        self.arrivesAt = arrivesAt
        self.label = label
        self.text = text
        self.isReply = isReply
        self.state = state
        self.isLost = isLost
    }
}

extension Simulation {
    /// Every message not yet delivered or dropped, ordered by id.
    public var messagesInFlight: [InFlightMessage] {
        var result: [InFlightMessage] = []
        func add(_ e: Envelope<Node.Message>, _ state: InFlightMessage.State) {
            result.append(InFlightMessage(id: e.id, from: e.from, to: e.to, sentAt: e.sentAt, arrivesAt: e.arrivesAt,
                                          label: e.payload.label, text: e.payload.traceText, isReply: e.payload.isReply,
                                          state: state, isLost: e.isLost, isQuiet: e.payload.isQuiet))
        }
        for action in queuedActions {
            if case .deliver(let e) = action, !cancelled.contains(e.id) { add(e, .travelling) }
        }
        for (_, queued) in heldMessages { for e in queued { add(e, .held) } }
        for waiting in backlog {
            for action in waiting { if case .deliver(let e) = action { add(e, .waiting) } }
        }
        return result.sorted { $0.id < $1.id }
    }

    /// Drops message `id` wherever it is (travelling, held, or waiting at a paused node).
    public mutating func dropMessage(_ id: MessageID) throws(SimulationError) {
        if let envelope = travellingEnvelope(id) {
            cancelled.insert(id)
            noteDrop(envelope, .manual)
            return
        }
        for (link, queued) in heldMessages {
            if let position = queued.firstIndex(where: { $0.id == id }) {
                let envelope = queued[position]
                heldMessages[link]?.remove(at: position)
                noteDrop(envelope, .manual)
                return
            }
        }
        for index in 0..<nodeCount {
            if let position = backlog[index].firstIndex(where: { if case .deliver(let e) = $0 { e.id == id } else { false } }),
               case .deliver(let envelope) = backlog[index][position] {
                backlog[index].remove(at: position)
                noteDrop(envelope, .manual)
                return
            }
        }
        throw SimulationError("no message #\(id) in flight; `messages` lists them")
    }

    /// Delivers travelling message `id` now, whatever latency or loss the network chose for
    /// it; a partition or cut still stops it, and its receiver must be running.
    public mutating func deliverMessage(_ id: MessageID) throws(SimulationError) {
        var found = travellingEnvelope(id)
        var heldLink: Link?
        if found == nil {
            for (link, queued) in heldMessages {
                if let e = queued.first(where: { $0.id == id }) { found = e; heldLink = link }
            }
        }
        guard var envelope = found else { throw SimulationError("no message #\(id) in flight; `messages` lists them") }
        if let reason = network.blockReason(envelope.link) {
            throw SimulationError("#\(id) cannot cross the \(reason) between \(envelope.from) and \(envelope.to); `heal` first")
        }
        if case .response = envelope.payload {} else if lives[envelope.to.index] != .up {
            throw SimulationError("\(envelope.to) is \(lives[envelope.to.index].rawValue); it cannot receive #\(id)")
        }
        if let heldLink {
            heldMessages[heldLink]?.removeAll { $0.id == id }
        } else {
            cancelled.insert(id)
        }
        envelope.isLost = false
        envelope.arrivesAt = now
        stopRequested = false
        let savedHolds = network.held
        if heldLink != nil { network.release(heldLink!) }
        _ = arrive(envelope)
        if let heldLink, savedHolds.contains(heldLink) { network.hold(heldLink) }
    }

    func travellingEnvelope(_ id: MessageID) -> Envelope<Node.Message>? {
        guard !cancelled.contains(id) else { return nil }
        for action in queuedActions {
            if case .deliver(let e) = action, e.id == id { return e }
        }
        return nil
    }
}
