extension Simulation {
    func checkNode(_ id: NodeID) throws(SimulationError) {
        guard id.index >= 0 && id.index < nodeCount else {
            throw SimulationError("unknown node \(id); nodes are n1..n\(nodeCount)")
        }
    }

    /// Crashes `id`: its volatile state is lost, its durable state kept, its timers stop;
    /// messages it already sent are still in the network.
    public mutating func kill(_ id: NodeID) throws(SimulationError) {
        try checkNode(id)
        guard lives[id.index] != .down else { throw SimulationError("\(id) is already down; `restart \(id)` brings it back") }
        trace.append(now, .fault("kill \(id)"))
        crash(id)
    }

    mutating func crash(_ id: NodeID) {
        lives[id.index] = .down
        nodes[id.index].crash()
        for slot in 0..<timerSlots { disarm(id.index * timerSlots + slot) }
        let waiting = backlog[id.index]
        backlog[id.index] = []
        for action in waiting {
            if case .deliver(let envelope) = action { noteDrop(envelope, .crashed) }
        }
    }

    /// Brings a crashed node back with its durable state; it starts afresh from there.
    public mutating func restart(_ id: NodeID) throws(SimulationError) {
        try checkNode(id)
        guard lives[id.index] == .down else { throw SimulationError("\(id) is not down; `kill \(id)` crashes it") }
        trace.append(now, .fault("restart \(id)"))
        lives[id.index] = .up
        handle(id) { node, ctx in node.start(&ctx) }
    }

    /// Freezes `id` with its state (a GC pause): its timers and inbound messages wait.
    public mutating func pause(_ id: NodeID) throws(SimulationError) {
        try checkNode(id)
        switch lives[id.index] {
        case .down: throw SimulationError("\(id) is down; only a running node can be paused")
        case .paused: throw SimulationError("\(id) is already paused; `resume \(id)` lets it go on")
        case .up: break
        }
        trace.append(now, .fault("pause \(id)"))
        lives[id.index] = .paused
    }

    /// Lets a paused node carry on: what waited for it (timers, messages) happens now, in order.
    public mutating func resume(_ id: NodeID) throws(SimulationError) {
        try checkNode(id)
        guard lives[id.index] == .paused else { throw SimulationError("\(id) is not paused") }
        trace.append(now, .fault("resume \(id)"))
        lives[id.index] = .up
        let waiting = backlog[id.index]
        backlog[id.index] = []
        for action in waiting { schedule(at: now, action) }
    }

    /// Fires the election (or retry) timer of each node now, as `timeout NODE...`.
    public mutating func forceTimeout(_ ids: [NodeID]) throws(SimulationError) {
        guard let timer = Node.forcedTimeout else { throw SimulationError("\(Node.name) has no timer to fire") }
        for id in ids {
            try checkNode(id)
            guard lives[id.index] == .up else { throw SimulationError("\(id) is \(lives[id.index].rawValue); only a running node can time out") }
        }
        for id in ids {
            disarm(id.index * timerSlots + timer.rawValue)
            trace.append(now, .timer(id, timer.name + " (forced)"))
            eventsHandled += 1
            handle(id) { node, ctx in node.timerFired(timer, &ctx) }
        }
    }

    /// Switches teaching bug `name` on.
    public mutating func enableBug(_ name: String) throws(SimulationError) {
        guard let index = Node.bugs.firstIndex(where: { $0.name == name }) else {
            let names = Node.bugs.map(\.name)
            throw SimulationError(names.isEmpty ? "\(Node.name) has no teaching bugs"
                : "unknown bug \(name) for \(Node.name); bugs are \(names.joined(separator: ", "))")
        }
        bugs |= 1 << UInt64(index)
        trace.append(now, .fault("bug \(Node.name) \(name)"))
    }

    /// Switches every teaching bug off.
    public mutating func disableBugs() {
        bugs = 0
        trace.append(now, .fault("bug off"))
    }

    /// The names of the bugs switched on.
    public var enabledBugs: [String] {
        Node.bugs.enumerated().compactMap { bugs & (1 << UInt64($0.offset)) != 0 ? $0.element.name : nil }
    }
}
