/// A `load RATE [for DURATION] [clients=N] [keys=K]` request.
public struct LoadSpec: Sendable, Equatable {
    /// Operations per simulated second.
    public var rate: Int
    /// How long it runs.
    public var duration: SimDuration
    /// How many concurrent clients (each has at most one operation outstanding).
    public var clients: Int
    /// How many keys, `k1`..`kK`.
    public var keys: Int

    /// The defaults: 10 s, one client per node, 3 keys.
    public init(rate: Int, duration: SimDuration = .seconds(10), clients: Int = 0, keys: Int = 3) {
        self.rate = rate
        self.duration = duration
        self.clients = clients
        self.keys = keys
    }
}

/// One running `load`.
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
    var workers: [Worker]
    var nextWorker = 0
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
        let clientCount = spec.clients > 0 ? spec.clients : nodeCount
        guard clientCount <= 1_000 else { throw SimulationError("clients must be 1..1000") }
        var workers: [LoadState.Worker] = []
        for index in 0..<clientCount {
            workers.append(.init(client: nextClientID, home: NodeID(index: index % nodeCount), node: NodeID(index: index % nodeCount), isBusy: false))
            nextClientID += 1
        }
        let interval = max(1, SimDuration.seconds(1) / Int64(spec.rate))
        loads.append(LoadState(interval: interval, until: now + spec.duration, keys: spec.keys, workers: workers))
        trace.append(now, .fault("load \(spec.rate)/s for \(DurationText.format(spec.duration)) clients=\(clientCount) keys=\(spec.keys)"))
        schedule(at: now, .workload(loads.count - 1))
    }

    mutating func issueLoad(_ index: Int) {
        guard now <= loads[index].until else { return }
        let slot = loads[index].nextWorker
        loads[index].nextWorker = (slot + 1) % loads[index].workers.count
        if lives[loads[index].workers[slot].node.index] == .down, let other = upNode(besideOrReachableFrom: loads[index].workers[slot].home) {
            // As behind a load balancer on its side: a client whose node went down connects to another.
            loads[index].workers[slot].node = other
        }
        let worker = loads[index].workers[slot]
        if !worker.isBusy, let operation = Node.randomOperation(config: config, keys: loads[index].keys, using: &rng) {
            loads[index].workers[slot].isBusy = true
            invoke(operation, client: worker.client, at: worker.node, worker: (index, slot))
        }
        schedule(at: now + loads[index].interval, .workload(index))
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
