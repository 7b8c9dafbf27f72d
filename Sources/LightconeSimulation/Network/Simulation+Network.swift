import DequeModule

extension Simulation {
    /// Splits the network into groups; with two or more, nodes named in none are isolated;
    /// one group is cut off from everyone else (`partition leader`: the leader | the rest).
    public mutating func partition(_ groups: [[NodeID]]) throws(SimulationError) {
        var seen = Set<NodeID>()
        for group in groups {
            for id in group {
                try checkNode(id)
                guard seen.insert(id).inserted else { throw SimulationError("\(id) is named twice; each node belongs to one group") }
            }
        }
        var groups = groups
        // One group means "these nodes | everyone else", as turmoil's partition does.
        if groups.count == 1 {
            let rest = (0..<nodeCount).map(NodeID.init(index:)).filter { !seen.contains($0) }
            if !rest.isEmpty { groups.append(rest) }
        }
        network.partition(groups)
        trace.append(now, .fault("partition " + network.groups.map { $0.map(\.description).joined(separator: " ") }.joined(separator: " | ")))
    }

    /// Cuts `id` off from every other node.
    public mutating func isolate(_ id: NodeID) throws(SimulationError) {
        try checkNode(id)
        network.isolate(id)
        trace.append(now, .fault("isolate \(id)"))
    }

    /// Removes every partition and cut.
    public mutating func heal() {
        network.heal()
        trace.append(now, .fault("heal"))
    }

    /// Cuts a link one way, or both ways.
    public mutating func cut(_ a: NodeID, _ b: NodeID, bothWays: Bool) throws(SimulationError) {
        try checkNode(a); try checkNode(b)
        guard a != b else { throw SimulationError("a node cannot be cut from itself") }
        network.cut(Link(a, b))
        if bothWays { network.cut(Link(b, a)) }
        trace.append(now, .fault("cut \(a)\(bothWays ? "<->" : "->")\(b)"))
    }

    /// Queues messages on `a->b` until `release`.
    public mutating func hold(_ a: NodeID, _ b: NodeID) throws(SimulationError) {
        try checkNode(a); try checkNode(b)
        guard a != b else { throw SimulationError("a node's messages to itself cannot be held") }
        network.hold(Link(a, b))
        trace.append(now, .fault("hold \(a)->\(b)"))
    }

    /// Lets the messages queued on `a->b` go, in the order they were queued; returns how many.
    @discardableResult
    public mutating func release(_ a: NodeID, _ b: NodeID) throws(SimulationError) -> Int {
        try checkNode(a); try checkNode(b)
        let link = Link(a, b)
        guard network.held.contains(link) else { throw SimulationError("\(link) is not held; `hold \(link)` queues its messages") }
        network.release(link)
        let queued = heldMessages.removeValue(forKey: link) ?? []
        trace.append(now, .fault("release \(link) (\(queued.count) message\(queued.count == 1 ? "" : "s"))"))
        let settings = network.settings(for: link)
        var earliest = now
        for var envelope in queued {
            let latency = settings.drawLatency(using: &rng)
            // In order: each arrives no earlier than the one queued before it.
            earliest = max(earliest, now + latency)
            envelope.arrivesAt = earliest
            schedule(at: earliest, .deliver(envelope))
        }
        return queued.count
    }

    /// Changes the settings of every link without an override (`net latency=.. loss=..`).
    public mutating func setNetwork(_ change: LinkSettingsChange) {
        network.defaults = change.applied(to: network.defaults)
        trace.append(now, .fault("net \(network.defaults.description)"))
    }

    /// Changes the settings of the link between `a` and `b`, both ways.
    public mutating func setLink(_ a: NodeID, _ b: NodeID, _ change: LinkSettingsChange) throws(SimulationError) {
        try checkNode(a); try checkNode(b)
        guard a != b else { throw SimulationError("a link joins two different nodes") }
        network.change(a, b, change)
        trace.append(now, .fault("link \(a) \(b) \(network.settings(for: Link(a, b)).description)"))
    }
}
