/// A `load RATE [for DURATION] [clients=N] [keys=K]` request.
public struct LoadSpec: Sendable, Equatable {
    /// Operations per simulated second.
    public var rate: Int
    /// How long it runs.
    public var duration: SimDuration
    /// The most concurrent clients (each has at most one operation outstanding); 0: as many
    /// as the rate needs (up to 1,000).
    public var clients: Int
    /// How many keys, `k1`..`kK`.
    public var keys: Int

    /// The defaults: 10 s, as many clients as needed (one per node to start with), 3 keys.
    public init(rate: Int, duration: SimDuration = .seconds(10), clients: Int = 0, keys: Int = 3) {
        self.rate = rate
        self.duration = duration
        self.clients = clients
        self.keys = keys
    }
}

/// One running `load`: open-loop, as Jepsen's generator with `stagger` is, but on a fixed
/// interval. Every `interval` an operation starts, whatever happened to the earlier ones: it
/// goes to the next idle client in turn (round robin from the one after the last used);
/// when every client is busy a new one joins (its home the next node in id order), unless
/// `clients=` caps them, and then that operation is not issued (`skipped`). It starts with
/// one client per node (or `clients=` of them).
///
/// Each client stands beside its home node (clients are dealt to nodes in id order) and
/// reaches the cluster as through a load balancer on its side of any partition: it stays
/// connected to its node while that is up, and when it is down reconnects to the first up
/// node, from its home on in id order (wrapping), that its home's links reach (no partition
/// wall or cut between them). With no such node it keeps its node and fails at once.
struct LoadState: Sendable {
    struct Worker: Sendable {
        var client: Int
        /// The node the client stands beside: its side of a partition.
        let home: NodeID
        /// The node it is connected to.
        var node: NodeID
        var isBusy: Bool
    }
    let interval: SimDuration
    let until: SimTime
    let keys: Int
    /// The most clients (`clients=`, else 1,000).
    let maxWorkers: Int
    var workers: [Worker]
    var nextWorker = 0
    /// Operations issued and ticks that found every client busy at the cap.
    var issued = 0
    var skipped = 0
}

extension Simulation {
    /// Starts a random workload of the protocol's operations from now on.
    public mutating func startLoad(_ spec: LoadSpec) throws(SimulationError) {
        var probe = SeededGenerator(seed: 0)
        guard Node.randomOperation(config: config, keys: 1, using: &probe) != nil else {
            throw SimulationError("\(Node.name) has no client operations to load")
        }
        guard spec.rate >= 1 && spec.rate <= 100_000 else { throw SimulationError("load rate must be 1/s..100000/s") }
        guard spec.keys >= 1 && spec.keys <= 1_000 else { throw SimulationError("keys must be 1..1000") }
        guard spec.clients <= 1_000 else { throw SimulationError("clients must be 1..1000") }
        let maxWorkers = spec.clients > 0 ? spec.clients : 1_000
        var workers: [LoadState.Worker] = []
        for index in 0..<(spec.clients > 0 ? spec.clients : nodeCount) {
            workers.append(.init(client: nextClientID, home: NodeID(index: index % nodeCount), node: NodeID(index: index % nodeCount), isBusy: false))
            nextClientID += 1
        }
        let interval = max(1, SimDuration.seconds(1) / Int64(spec.rate))
        loads.append(LoadState(interval: interval, until: now + spec.duration, keys: spec.keys, maxWorkers: maxWorkers, workers: workers))
        let clients = spec.clients > 0 ? "clients=\(spec.clients)" : "clients as needed"
        trace.append(now, .fault("load \(spec.rate)/s for \(DurationText.format(spec.duration)) \(clients) keys=\(spec.keys)"))
        schedule(at: now, .workload(loads.count - 1))
    }

    mutating func issueLoad(_ index: Int) {
        guard now <= loads[index].until else { return }
        // The next tick is queued after this one's messages, as it always was (same order).
        defer { schedule(at: now + loads[index].interval, .workload(index)) }
        guard let slot = idleWorker(of: index) else {
            loads[index].skipped += 1
            return
        }
        loads[index].nextWorker = (slot + 1) % loads[index].workers.count
        if lives[loads[index].workers[slot].node.index] == .down, let other = upNode(besideOrReachableFrom: loads[index].workers[slot].home) {
            // As behind a load balancer on its side: a client whose node went down connects to another.
            loads[index].workers[slot].node = other
        }
        let worker = loads[index].workers[slot]
        guard let operation = Node.randomOperation(config: config, keys: loads[index].keys, using: &rng) else { return }
        loads[index].workers[slot].isBusy = true
        loads[index].issued += 1
        invoke(operation, client: worker.client, at: worker.node, worker: (index, slot))
    }

    /// The next idle client of load `index` from `nextWorker` on (wrapping); when all are
    /// busy, a new one (unless the load is at its cap: nil).
    mutating func idleWorker(of index: Int) -> Int? {
        let count = loads[index].workers.count
        let start = loads[index].nextWorker
        for step in 0..<count {
            let slot = (start + step) % count
            if !loads[index].workers[slot].isBusy { return slot }
        }
        guard count < loads[index].maxWorkers else { return nil }
        let home = NodeID(index: count % nodeCount)
        loads[index].workers.append(.init(client: nextClientID, home: home, node: home, isBusy: false))
        nextClientID += 1
        return count
    }

    /// Operations the `load`s have issued so far, and ticks that found every client busy.
    public var loadCounts: (issued: Int, skipped: Int) {
        loads.reduce((0, 0)) { ($0.0 + $1.issued, $0.1 + $1.skipped) }
    }

    /// The first node that is not down, from `home` on in id order (wrapping), that `home`'s
    /// links reach now (its side of any partition), if any.
    func upNode(besideOrReachableFrom home: NodeID) -> NodeID? {
        for step in 0..<nodeCount {
            let candidate = NodeID(index: (home.index + step) % nodeCount)
            if lives[candidate.index] != .down && network.allows(Link(home, candidate)) { return candidate }
        }
        return nil
    }

    mutating func workerFinished(_ worker: (load: Int, index: Int), outcome: OperationOutcome) {
        loads[worker.load].workers[worker.index].isBusy = false
        if outcome == .unknown {
            // As in Jepsen: a client whose operation may still happen is retired; a new one takes its place.
            loads[worker.load].workers[worker.index].client = nextClientID
            nextClientID += 1
        }
    }
}
