import DequeModule

/// A deterministic simulated cluster of `Node`s: virtual clock, event queue, network,
/// node lifecycle, clients and trace. Same seed and same calls give the same trace, byte
/// for byte.
///
/// ```swift
/// var sim = try Simulation<GossipNode>(nodeCount: 5, seed: 1)
/// _ = sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
/// sim.run(for: .seconds(1))
/// ```
public struct Simulation<Node: ProtocolNode>: Sendable {
    /// The seed the generator started from.
    public let seed: UInt64
    /// How many nodes there are.
    public let nodeCount: Int
    /// The protocol's shared settings.
    public let config: Node.Config
    /// The current simulated time.
    public internal(set) var now: SimTime = 0
    /// Every node's state, in id order (a down node keeps only its durable state).
    public internal(set) var nodes: [Node]
    /// Up, down or paused, per node.
    public internal(set) var lives: [NodeLife]
    /// Link settings, partitions, cuts and held links.
    public internal(set) var network: Network
    /// Everything that happened, in a bounded ring.
    public var trace: Trace<Node.Message>
    /// Every client operation so far.
    public internal(set) var history: [HistoryEntry] = []
    /// Safety violations found so far (by monitors or `check`).
    public internal(set) var violations: [Violation] = []
    /// Teaching bugs switched on, one bit per index of `Node.bugs`.
    public internal(set) var bugs: UInt64 = 0
    /// The live safety monitor, if the protocol has one.
    public var monitor: (any SafetyMonitor<Node>)?
    /// Whether the monitor runs after every event.
    public var isMonitoring = true
    /// Extra condition answers (those that need a checker, like `linearizable`).
    public var conditionHook: (@Sendable (Condition, ClusterState<Node>) -> ConditionOutcome?)?
    /// Meters a checker adds to the protocol's own (set by the registry's checker).
    public var meterHook: (@Sendable (ClusterState<Node>) -> [MeterReading])?
    /// Asked every few thousand events during `run` and `step`; when it answers true the run
    /// stops where it is (Ctrl-C in the view) and `wasInterrupted` is set.
    public var interruptCheck: (@Sendable () -> Bool)?
    /// Told the simulated time and the events handled so far, every few thousand events of a
    /// `run` or `step` (the front ends print progress during long runs from it).
    public var progressReport: (@Sendable (_ now: SimTime, _ events: Int) -> Void)?
    /// True when the last run or step was stopped by `interruptCheck`.
    public internal(set) var wasInterrupted = false
    /// What the view marks on the node boxes, as the words of the protocol command that set it
    /// (`cone n2:3` stores `["n2:3"]`); empty for no marks. The protocol's
    /// `marks(focus:in:)` turns it into marks at every snapshot. A view setting: not journaled.
    public var markFocus: [String] = []
    /// How long a client waits for a reply before its result becomes unknown.
    public var clientTimeout: SimDuration = .seconds(1)
    /// How many events have been handled (stale timers and cancelled messages not counted).
    public internal(set) var eventsHandled = 0
    /// Messages that died recently (for the view's dying animation), newest last, at most 64.
    public internal(set) var recentDrops: Deque<(envelope: Envelope<Node.Message>, reason: DropReason, time: SimTime)> = []

    var rng: SeededGenerator
    var queue = EventQueue()
    /// What each queued event does, by slot; freed slots are reused.
    var actions: [Action<Node.Message>?] = []
    var freeSlots: [Int32] = []
    /// The messages on their way, by slot; freed slots are reused. (Kept apart from
    /// `actions`, and split into the trivially copyable part and the payload, so that a
    /// payload moves in and out of its slot once, never copied.)
    var deliveryHeads: [(ref: MessageRef, isLost: Bool)] = []
    var deliveryPayloads: [Payload<Node.Message>?] = []
    var freeDeliverySlots: [Int32] = []
    var sequence: UInt64 = 0
    var nextMessageID: MessageID = 1
    /// Per node and timer (index `node * timerSlots + timer.rawValue`): see `TimerState`.
    var timers: [TimerState]
    let timerSlots: Int
    /// The latest time any event or timer arming was ever due at. Superseded timer armings
    /// are never queued; when the queue runs dry, the clock still moves to here, as if each
    /// had been queued and had fired as a no-op.
    var latestDue: SimTime = 0
    var backlog: [[Action<Node.Message>]]
    var heldMessages: [Link: Deque<Envelope<Node.Message>>] = [:]
    var cancelled: Set<MessageID> = []
    var pending = PendingRequests()
    var nextRequestID: RequestID = 1
    var nextClientID = 1
    var loads: [LoadState] = []
    var chaos: ChaosState?
    var effectBuffer: [Effect<Node>] = []
    /// Set when a violation is found; `run` stops at once.
    var stopRequested = false

    /// A new cluster of `nodeCount` nodes with options `key=value`, started at time 0.
    public init(nodeCount: Int, seed: UInt64, options: [(key: String, value: String)] = []) throws(OptionError) {
        guard Node.nodeCounts.contains(nodeCount) else {
            throw OptionError("\(Node.name) takes \(Node.nodeCounts.lowerBound)..\(Node.nodeCounts.upperBound) nodes, not \(nodeCount)")
        }
        let config = try Node.makeConfig(nodeCount: nodeCount, options: options)
        self.seed = seed
        self.nodeCount = nodeCount
        self.config = config
        self.rng = SeededGenerator(seed: seed)
        self.nodes = (0..<nodeCount).map { Node(id: NodeID(index: $0), nodeCount: nodeCount, config: config) }
        self.lives = Array(repeating: .up, count: nodeCount)
        self.network = Network(nodeCount: nodeCount)
        self.network.defaults = Node.linkSettings(config: config)
        self.trace = Trace()
        self.timerSlots = Node.Timer.allCases.count
        self.timers = Array(repeating: TimerState(), count: nodeCount * Node.Timer.allCases.count)
        self.backlog = Array(repeating: [], count: nodeCount)
        for index in 0..<nodeCount {
            handle(NodeID(index: index)) { node, ctx in node.start(&ctx) }
        }
    }

    // MARK: - Reading the state

    /// All node ids, in order.
    public var ids: [NodeID] { (0..<nodeCount).map(NodeID.init(index:)) }

    /// A read-only view for conditions and checkers.
    public var state: ClusterState<Node> { ClusterState(nodes: nodes, lives: lives, now: now, history: history) }

    /// The current leader: of the up nodes that believe they lead, the one with the highest
    /// term (or ballot); ties go to the lower id. Nil when nobody leads.
    public var leader: NodeID? {
        var best: (NodeID, Int)?
        for index in 0..<nodeCount where lives[index] != .down {
            if let term = nodes[index].leaderTerm, best == nil || term > best!.1 {
                best = (NodeID(index: index), term)
            }
        }
        return best?.0
    }

    /// The time of the next queued event, if any. (A timer re-armed to a later time is
    /// queued only when its earlier event is due, so this may be later than that arming.)
    public var nextEventTime: SimTime? { queue.min?.time }

    // MARK: - Handling one event at a node

    /// Runs `body` as node `id`'s handler, then applies its effects and runs the monitor.
    @inline(__always)
    mutating func handle(_ id: NodeID, _ body: (inout Node, inout Context<Node>) -> Void) {
        var ctx = Context<Node>(now: now, id: id, nodeCount: nodeCount, rng: rng, bugs: bugs,
                                isTracing: trace.isEnabled, recorded: [])
        // Lend the buffer (only the context holds it, so appending never copies it).
        swap(&ctx.recorded, &effectBuffer)
        body(&nodes[id.index], &ctx)
        rng = ctx.rng
        // Carry the effects out in order, moving each out of the buffer (no copies): its slot
        // keeps an empty note, which costs nothing to destroy; the emptied buffer keeps its
        // capacity for the next event.
        var recorded: [Effect<Node>] = []
        swap(&recorded, &ctx.recorded)
        let count = recorded.count
        recorded.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for index in 0..<count {
                let effect = (base + index).move()
                (base + index).initialize(to: .note(""))
                apply(effect, from: id)
            }
        }
        recorded.removeAll(keepingCapacity: true)
        effectBuffer = recorded
        if isMonitoring && monitor != nil {
            if let violation = monitor?.observe(id, in: nodes, now: now) ?? nil { report(violation) }
        }
    }

    @inline(__always)
    mutating func apply(_ effect: __owned Effect<Node>, from id: NodeID) {
        switch effect {
        case .send(let to, let message):
            send(.message(message), from: id, to: to)
        case .setTimer(let timer, let delay):
            arm(id.index * timerSlots + timer.rawValue, at: now + max(0, delay))
        case .cancelTimer(let timer):
            disarm(id.index * timerSlots + timer.rawValue)
        case .reply(let request, let reply):
            guard let request = pending[request] else { return }  // the client already gave up
            send(.response(request.id, reply), from: id, to: request.clientNode)
        case .note(let text):
            trace.append(now, .note(id, text))
        }
    }

    /// Records a violation, narrates it, and stops the current run.
    public mutating func report(_ violation: Violation) {
        guard !violations.contains(violation) else { return }
        violations.append(violation)
        trace.append(now, .violation(violation))
        stopRequested = true
    }

    /// Every 4096 events, asks `interruptCheck`; true stops the run.
    @inline(__always)
    mutating func checkInterrupt(_ counter: inout Int) {
        counter &+= 1
        guard counter & 4095 == 0 else { return }
        progressReport?(now, eventsHandled)
        guard let interruptCheck, interruptCheck() else { return }
        wasInterrupted = true
        stopRequested = true
    }

    @inline(__always)
    mutating func schedule(at time: SimTime, _ action: __owned Action<Node.Message>) {
        sequence &+= 1
        if time > latestDue { latestDue = time }
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            actions[Int(free)] = action
        } else {
            slot = Int32(actions.count)
            actions.append(action)
        }
        queue.insert(Event(time: time, sequence: sequence, slot: slot))
    }

    /// Queues the arrival of a message (`ref` says which, from where to where, and when).
    @inline(__always)
    mutating func scheduleDelivery(_ ref: MessageRef, isLost: Bool, _ payload: __owned Payload<Node.Message>) {
        sequence &+= 1
        let time = ref.arrivesAt
        if time > latestDue { latestDue = time }
        let slot: Int32
        if let free = freeDeliverySlots.popLast() {
            slot = free
            deliveryHeads[Int(free)] = (ref, isLost)
            deliveryPayloads[Int(free)] = payload
        } else {
            slot = Int32(deliveryHeads.count)
            deliveryHeads.append((ref, isLost))
            deliveryPayloads.append(payload)
        }
        queue.insert(Event(time: time, sequence: sequence, slot: slot, generation: Event.deliveryTag))
    }

    /// Puts `payload` on the network from `from` to `to`, deciding its latency and fate now.
    mutating func send(_ payload: __owned Payload<Node.Message>, from: NodeID, to: NodeID) {
        let link = Link(from, to)
        if from == to {
            let ref = MessageRef(id: takeMessageID(), from: from, to: to, sentAt: now, arrivesAt: now)
            if trace.isEnabled { trace.append(now, .send(Envelope(ref, payload: payload, isLost: false))) }
            scheduleDelivery(ref, isLost: false, payload)
            return
        }
        let settings = network.settings(for: link)
        if settings.duplicatePPM > 0 && rng.chance(ppm: settings.duplicatePPM) {
            put(payload, from: from, to: to, settings)
        }
        put(payload, from: from, to: to, settings)
    }

    /// One copy of a message goes on the wire: its latency and fate are drawn now.
    @inline(__always)
    mutating func put(_ payload: __owned Payload<Node.Message>, from: NodeID, to: NodeID, _ settings: LinkSettings) {
        let latency = settings.drawLatency(using: &rng)
        let lost = settings.lossPPM > 0 && rng.chance(ppm: settings.lossPPM)
        let ref = MessageRef(id: takeMessageID(), from: from, to: to, sentAt: now, arrivesAt: now + latency)
        if trace.isEnabled { trace.append(now, .send(Envelope(ref, payload: payload, isLost: lost))) }
        scheduleDelivery(ref, isLost: lost, payload)
    }

    // MARK: - Timers

    /// Arms timer `index` (see `timers`) to fire at `deadline`, replacing its earlier arming.
    /// The arming draws its sequence number now; its event is queued now only when no
    /// earlier event of this timer is queued (see `TimerState`).
    @inline(__always)
    mutating func arm(_ index: Int, at deadline: SimTime) {
        sequence &+= 1
        if deadline > latestDue { latestDue = deadline }
        timers[index].generation &+= 1
        timers[index].isArmed = true
        timers[index].deadline = deadline
        timers[index].sequence = sequence
        timers[index].isQueued = false
        if timers[index].needsEvent(dueAt: deadline) { queueArming(index) }
    }

    /// Disarms timer `index`; its queued events fire as no-ops.
    @inline(__always)
    mutating func disarm(_ index: Int) {
        timers[index].generation &+= 1
        timers[index].isArmed = false
        timers[index].isQueued = false
    }

    /// Queues the event of timer `index`'s current arming.
    mutating func queueArming(_ index: Int) {
        // Read the fields, not a copy of the whole state: a copy would share `laterQueued`,
        // and the push below would then copy that array.
        let deadline = timers[index].deadline, sequence = timers[index].sequence, generation = timers[index].generation
        timers[index].isQueued = true
        timers[index].pushQueued(deadline)
        queue.insert(Event(time: deadline, sequence: sequence, slot: -1 - Int32(index), generation: generation))
    }

    /// A timer's event popped: it fires when it belongs to the current arming; otherwise it
    /// queues the current arming if that was waiting behind it.
    mutating func timerEventDue(_ event: Event) -> Bool {
        let index = Int(-1 - event.slot)
        timers[index].popQueued()
        if event.generation == timers[index].generation {
            timers[index].isArmed = false
            timers[index].isQueued = false
            return fire(.timer(node: Int32(index / timerSlots), slot: Int32(index % timerSlots), generation: event.generation))
        }
        if timers[index].isArmed && !timers[index].isQueued && timers[index].needsEvent(dueAt: timers[index].deadline) { queueArming(index) }
        return false
    }

    @inline(__always)
    mutating func takeMessageID() -> MessageID {
        defer { nextMessageID += 1 }
        return nextMessageID
    }

    mutating func noteDrop(_ envelope: Envelope<Node.Message>, _ reason: DropReason) {
        trace.append(now, .drop(envelope, reason))
        recentDrops.append((envelope, reason, now))
        if recentDrops.count > 64 { recentDrops.removeFirst() }
    }

    // MARK: - The event loop

    /// Pops and carries out the next event. Returns nil when the queue is empty, false when
    /// the event turned out to do nothing (a stale timer, a cancelled message), true otherwise.
    mutating func processNext() -> Bool? {
        guard let event = queue.popMin() else { return nil }
        if event.time > now { now = event.time }
        if event.isTimer { return timerEventDue(event) }
        if event.isDelivery {
            let slot = Int(event.slot)
            guard let payload = deliveryPayloads[slot].take() else { return false }
            freeDeliverySlots.append(event.slot)
            let head = deliveryHeads[slot]
            return arrive(head.ref, isLost: head.isLost, payload)
        }
        // Move the action out of its slot (no copy, no reference counting).
        guard let action = actions[Int(event.slot)].take() else { return false }
        freeSlots.append(event.slot)
        return perform(action)
    }

    /// The actions still queued (not yet due), in no particular order.
    var queuedActions: [Action<Node.Message>] {
        zip(deliveryHeads, deliveryPayloads).compactMap { head, payload in
            payload.map { .deliver(Envelope(head.ref, payload: $0, isLost: head.isLost)) }
        } + actions.compactMap { $0 }
    }

    mutating func perform(_ action: __owned Action<Node.Message>) -> Bool {
        switch action {
        case .deliver(let envelope):
            return arrive(envelope)
        case .timer(let nodeIndex, let slot, let generation):
            // A timer that waited for a paused node to resume.
            guard timers[Int(nodeIndex) * timerSlots + Int(slot)].generation == generation else { return false }
            return fire(.timer(node: nodeIndex, slot: slot, generation: generation))
        case .clientTimeout(let request):
            guard pending[request] != nil else { return false }
            eventsHandled += 1
            complete(request, outcome: .unknown, output: nil)
            return true
        case .workload(let loadIndex):
            eventsHandled += 1
            issueLoad(loadIndex)
            return true
        case .nemesis:
            eventsHandled += 1
            actNemesis()
            return true
        }
    }

    /// A current timer fires at its node (or waits, when the node is paused).
    mutating func fire(_ action: Action<Node.Message>) -> Bool {
        guard case .timer(let nodeIndex, let slot, _) = action else { return false }
        let index = Int(nodeIndex)
        guard lives[index] != .down else { return false }
        if lives[index] == .paused {
            backlog[index].append(action)
            return false
        }
        guard let timer = Node.Timer(rawValue: Int(slot)) else { return false }
        let id = NodeID(index: index)
        if trace.isEnabled { trace.append(now, .timer(id, timer.name)) }
        eventsHandled += 1
        handle(id) { node, ctx in node.timerFired(timer, &ctx) }
        return true
    }

    /// A message reaches the end of its link: it may die, wait, hit a wall, or arrive.
    mutating func arrive(_ envelope: Envelope<Node.Message>) -> Bool {
        arrive(envelope.ref, isLost: envelope.isLost, envelope.payload)
    }

    /// A message (`ref` says which) reaches the end of its link: it may die, wait, hit a
    /// wall, or arrive. Only the rare cases put its envelope back together.
    mutating func arrive(_ ref: MessageRef, isLost: Bool, _ payload: __owned Payload<Node.Message>) -> Bool {
        if !cancelled.isEmpty, cancelled.remove(ref.id) != nil { return false }
        eventsHandled += 1
        if isLost {
            noteDrop(Envelope(ref, payload: payload, isLost: isLost), .loss)
            return true
        }
        let link = Link(ref.from, ref.to)
        if !network.held.isEmpty && ref.from != ref.to && network.held.contains(link) {
            let envelope = Envelope(ref, payload: payload, isLost: isLost)
            heldMessages[link, default: []].append(envelope)
            trace.append(now, .hold(envelope))
            return true
        }
        if !network.allows(link) {
            noteDrop(Envelope(ref, payload: payload, isLost: isLost), network.blockReason(link) == "cut" ? .cut : .partition)
            return true
        }
        // The client lives beside its node but is not the node: it hears replies even
        // when that node is down or paused.
        if !payload.isResponse {
            switch lives[ref.to.index] {
            case .down:
                noteDrop(Envelope(ref, payload: payload, isLost: isLost), .down)
                return true
            case .paused:
                backlog[ref.to.index].append(.deliver(Envelope(ref, payload: payload, isLost: isLost)))
                return false
            case .up:
                break
            }
        }
        if trace.isEnabled { trace.append(now, .deliver(ref)) }
        hand(payload, from: ref.from, to: ref.to)
        return true
    }

    /// A payload that arrived: a message or request for node `to`, or a reply for a client.
    @inline(__always)
    mutating func hand(_ payload: __owned Payload<Node.Message>, from: NodeID, to: NodeID) {
        switch payload {
        case .message(let message):
            handle(to) { node, ctx in node.receive(message, from: from, &ctx) }
        case .request(let request, let operation):
            guard pending[request] != nil else { return }
            handle(to) { node, ctx in node.clientRequest(operation, request: request, &ctx) }
        case .response(let request, let reply):
            clientHears(reply, for: request, from: from)
        }
    }

    // MARK: - Moving time

    /// Handles the next `count` events that do something; returns how many were handled.
    /// Time moves to each event's instant.
    /// Events after `limit` are left alone.
    @discardableResult
    public mutating func step(_ count: Int = 1, notAfter limit: SimTime = .max) -> Int {
        stopRequested = false
        wasInterrupted = false
        var handled = 0
        var counter = 0
        while handled < count, !stopRequested, let next = queue.min, next.time <= limit, let did = processNext() {
            if did { handled += 1 }
            checkInterrupt(&counter)
        }
        // Ran dry: the clock stands where the last superseded timer arming was due.
        if queue.isEmpty && latestDue <= limit && latestDue > now { now = latestDue }
        return handled
    }

    /// Runs every event up to and including `now + duration`, then sets the clock there.
    /// Stops early (clock at the violation) when a monitor reports a violation.
    public mutating func run(for duration: SimDuration) {
        run(to: now + max(0, duration))
    }

    /// Runs every event up to and including `time`, then sets the clock there; stops early
    /// at a violation. Returns false when it stopped early.
    @discardableResult
    public mutating func run(to time: SimTime) -> Bool {
        Node.runEvents(&self, to: time)
    }

    /// The event loop of `run(to:)`. A protocol's `runEvents` calls it from its own module, so
    /// that the loop is compiled for that protocol (see `ProtocolNode.runEvents`).
    @discardableResult
    public mutating func eventLoop(to time: SimTime) -> Bool {
        stopRequested = false
        wasInterrupted = false
        var counter = 0
        while let next = queue.min, next.time <= time {
            _ = processNext()
            checkInterrupt(&counter)
            if stopRequested { return false }
        }
        if time > now { now = time }
        return true
    }

    /// Runs until `condition` holds, checked before starting and after every event, or until
    /// `deadline`. Returns the outcome at the moment it stopped (the clock stays there when
    /// the condition held; at the deadline otherwise).
    ///
    /// Conditions look at every node, so on clusters above 16 nodes the check runs after every
    /// `nodeCount / 16` events instead (still deterministic; it may stop a few events late).
    public mutating func run(until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        Node.runEvents(&self, until: condition, deadline: deadline)
    }

    /// The event loop of `run(until:deadline:)` (see `eventLoop(to:)`).
    public mutating func eventLoop(until condition: Condition, deadline: SimTime) -> ConditionOutcome? {
        stopRequested = false
        wasInterrupted = false
        var counter = 0
        guard var outcome = evaluate(condition) else { return nil }
        let checkEvery = max(1, nodeCount / 16)
        var sinceCheck = 0
        while !outcome.holds {
            guard let next = queue.min, next.time <= deadline else {
                if deadline > now { now = deadline }
                return evaluate(condition)
            }
            checkInterrupt(&counter)
            if processNext() == true {
                sinceCheck += 1
                if sinceCheck >= checkEvery || stopRequested {
                    sinceCheck = 0
                    outcome = evaluate(condition) ?? outcome
                }
            }
            if stopRequested && !outcome.holds {
                if case .violation = condition { outcome = evaluate(condition) ?? outcome }
                return outcome
            }
        }
        return outcome
    }
}
