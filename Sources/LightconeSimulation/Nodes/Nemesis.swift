/// The faults `chaos` may inject.
public struct ChaosFaults: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// Split the network (majority/minority, or the leader alone).
    public static let partition = ChaosFaults(rawValue: 1)
    /// Crash a node (often the leader) and restart it later.
    public static let kill = ChaosFaults(rawValue: 2)
    /// Freeze a node for a while.
    public static let pause = ChaosFaults(rawValue: 4)
    /// Lose a share of all messages for a while.
    public static let loss = ChaosFaults(rawValue: 8)
    /// All of them.
    public static let all: ChaosFaults = [.partition, .kill, .pause, .loss]

    /// The names typed in `faults=`, in order.
    public static let names: [(String, ChaosFaults)] = [("partition", .partition), ("kill", .kill), ("pause", .pause), ("loss", .loss)]
}

/// A running `chaos`: a Jepsen-style nemesis that alternates a random fault and a quiet spell.
///
/// Besides one-shot faults (a partition, a kill, a pause, loss), two faults keep acting for
/// their whole spell (2–6 s), because the interesting histories need a sequence of faults.
/// They are chosen only when the protocol has a leader:
/// - leader flapping (most partition faults): each new leader is isolated 0–150 ms after
///   it is first seen leading, and the one isolated before rejoins; leaders of successive
///   terms so keep entries the others lack — the shape of Raft's Figure 8;
/// - bouncing (most kill faults): each new leader is crashed 0–150 ms after it is first seen
///   leading and restarted 50–400 ms later, and while an election runs, a voter that has
///   just heard a candidate of that term is crashed for 5–40 ms, so that it may miss a
///   competing candidate's request and hear it again after its restart.
/// Partition and kill faults come three times as often as pauses and loss.
struct ChaosState: Sendable {
    /// A fault that acts again and again during its spell.
    enum Ongoing: Sendable {
        case flapLeader
        case bounce
    }

    let until: SimTime
    let faults: ChaosFaults
    var killed: [NodeID] = []
    var paused: [NodeID] = []
    var savedLossPPM: Int?
    var isFaultActive = false
    /// When the current fault's spell ends.
    var faultEnd: SimTime = 0
    /// The fault that keeps acting until `faultEnd`, if any.
    var ongoing: Ongoing?
    /// Nodes crashed by bouncing, with the instant each comes back.
    var bounced: [(node: NodeID, restartAt: SimTime)] = []
    /// Per node, the last election term in which bouncing crashed it as a voter.
    var bouncedInTerm: [Int] = []
    /// The leader that flapping watches: since when it leads, and how long it may.
    var watchedLeader: (node: NodeID, term: Int, since: SimTime, delay: SimDuration)?
    /// The leader that flapping isolated last.
    var isolatedLeader: NodeID?
}

extension Simulation {
    /// Starts injecting random faults from the seed for `duration`; everything it did is
    /// healed at the end (partitions and cuts healed, killed nodes restarted, paused resumed).
    public mutating func startChaos(for duration: SimDuration, faults: ChaosFaults) throws(SimulationError) {
        guard chaos == nil else { throw SimulationError("chaos is already running") }
        guard !faults.isEmpty else { throw SimulationError("chaos needs at least one fault") }
        chaos = ChaosState(until: now + duration, faults: faults)
        let names = ChaosFaults.names.filter { faults.contains($0.1) }.map(\.0).joined(separator: ",")
        trace.append(now, .fault("chaos for \(DurationText.format(duration)) faults=\(names)"))
        schedule(at: now + rng.uniform(in: .milliseconds(200) ... .milliseconds(800)), .nemesis)
    }

    /// True while `chaos` runs.
    public var isChaosRunning: Bool { chaos != nil }

    mutating func actNemesis() {
        guard var state = chaos else { return }
        if state.isFaultActive, let ongoing = state.ongoing, now < state.faultEnd {
            let next = continueChaos(ongoing, &state)
            chaos = state
            schedule(at: min(state.faultEnd, now + max(1, next)), .nemesis)
            return
        }
        if state.isFaultActive || now >= state.until {
            healChaos(&state)
            if now >= state.until {
                chaos = nil
                trace.append(now, .fault("chaos ends"))
                return
            }
            chaos = state
            schedule(at: now + rng.uniform(in: .milliseconds(300) ... .milliseconds(1_500)), .nemesis)
            return
        }
        // Partitions and kills come three times as often as pauses and loss: they are what
        // moves leadership around.
        let weighted: [(ChaosFaults, Int)] = [(.partition, 3), (.kill, 3), (.pause, 1), (.loss, 1)]
        let kinds = weighted.filter { state.faults.contains($0.0) }
        var pick = rng.index(below: kinds.reduce(0) { $0 + $1.1 })
        var kind = kinds[0].0
        for (candidate, weight) in kinds {
            if pick < weight { kind = candidate; break }
            pick -= weight
        }
        injectChaos(kind, &state)
        state.isFaultActive = true
        let spell: ClosedRange<SimDuration> = state.ongoing == nil ? .milliseconds(800) ... .milliseconds(4_000)
            : .milliseconds(2_000) ... .milliseconds(6_000)
        let end = max(now + 1, min(state.until, now + rng.uniform(in: spell)))
        state.faultEnd = end
        chaos = state
        schedule(at: state.ongoing == nil ? end : now + 1, .nemesis)
    }

    /// One more act of an ongoing fault; returns how long until the next.
    mutating func continueChaos(_ ongoing: ChaosState.Ongoing, _ state: inout ChaosState) -> SimDuration {
        switch ongoing {
        case .flapLeader:
            // Each new leader is isolated after a short random while (often before its
            // first entries reach a majority); the one isolated before rejoins.
            guard let current = leader, let term = nodes[current.index].leaderTerm else { return .milliseconds(5) }
            if state.watchedLeader?.node != current || state.watchedLeader?.term != term {
                state.watchedLeader = (current, term, now, rng.uniform(in: 0 ... .milliseconds(150)))
            }
            if let watched = state.watchedLeader, now - watched.since >= watched.delay, state.isolatedLeader != current {
                network.heal()
                network.isolate(current)
                state.isolatedLeader = current
                trace.append(now, .fault("chaos: isolate \(current)"))
            }
            return .milliseconds(5)
        case .bounce:
            var stillDown: [(node: NodeID, restartAt: SimTime)] = []
            for entry in state.bounced {
                if entry.restartAt <= now, lives[entry.node.index] == .down {
                    try? restart(entry.node)
                } else if lives[entry.node.index] == .down {
                    stillDown.append(entry)
                }
            }
            state.bounced = stillDown
            let downCount = lives.filter { $0 == .down }.count
            guard downCount < (nodeCount - 1) / 2 else { return .milliseconds(10) }
            let running = (0..<nodeCount).filter { lives[$0] == .up }
            let candidates = running.filter { nodes[$0].roleKind == .campaigning }
            var victim: NodeID?
            if let electionTerm = candidates.compactMap({ nodes[$0].epoch }).max() {
                // An election runs: crash a voter that has just heard a candidate of this
                // term, so that it may miss the request of a competing one and hear it again.
                if state.bouncedInTerm.count < nodeCount { state.bouncedInTerm = Array(repeating: -1, count: nodeCount) }
                let voters = running.filter {
                    !candidates.contains($0) && nodes[$0].epoch == electionTerm && state.bouncedInTerm[$0] != electionTerm
                }
                if !voters.isEmpty {
                    let chosen = voters[rng.index(below: voters.count)]
                    state.bouncedInTerm[chosen] = electionTerm
                    victim = NodeID(index: chosen)
                }
            } else if let leader, lives[leader.index] == .up, let term = nodes[leader.index].leaderTerm {
                // Each new leader is crashed after a short random while and comes back a
                // little later, so that successive leaders leave different log tails.
                if state.watchedLeader?.node != leader || state.watchedLeader?.term != term {
                    state.watchedLeader = (leader, term, now, rng.uniform(in: 0 ... .milliseconds(150)))
                }
                if let watched = state.watchedLeader, now - watched.since >= watched.delay {
                    trace.append(now, .fault("chaos: kill \(leader)"))
                    crash(leader)
                    state.bounced.append((leader, now + rng.uniform(in: .milliseconds(50) ... .milliseconds(400))))
                }
                return .milliseconds(2)
            }
            if let victim {
                trace.append(now, .fault("chaos: kill \(victim)"))
                crash(victim)
                state.bounced.append((victim, now + rng.uniform(in: .milliseconds(5) ... .milliseconds(40))))
            }
            return .milliseconds(2)
        }
    }

    /// A random running node; the leader half of the time when there is one.
    mutating func chaosVictim() -> NodeID? {
        let running = (0..<nodeCount).filter { lives[$0] == .up }
        guard !running.isEmpty else { return nil }
        if let leader, lives[leader.index] == .up, rng.chance(ppm: 500_000) { return leader }
        return NodeID(index: running[rng.index(below: running.count)])
    }

    mutating func injectChaos(_ kind: ChaosFaults, _ state: inout ChaosState) {
        switch kind {
        case .partition:
            if leader != nil, rng.chance(ppm: 600_000) {
                state.ongoing = .flapLeader
                trace.append(now, .fault("chaos: isolate each new leader"))
                _ = continueChaos(.flapLeader, &state)
                return
            }
            if let leader, rng.chance(ppm: 400_000) {
                network.isolate(leader)
                trace.append(now, .fault("chaos: isolate \(leader)"))
                return
            }
            var order = Array(0..<nodeCount)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, rng.index(below: i + 1)) }
            let minority = 1 + rng.index(below: max(1, (nodeCount - 1) / 2))
            let small = order.prefix(minority).sorted().map(NodeID.init(index:))
            let large = order.dropFirst(minority).sorted().map(NodeID.init(index:))
            network.partition([small, large])
            trace.append(now, .fault("chaos: partition " + network.groups.map { $0.map(\.description).joined(separator: " ") }.joined(separator: " | ")))
        case .kill:
            if leader != nil, rng.chance(ppm: 750_000) {
                state.ongoing = .bounce
                trace.append(now, .fault("chaos: bounce leaders and voters"))
                return
            }
            // Keep a majority alive so that the system can make progress at all.
            let downCount = lives.filter { $0 == .down }.count
            guard downCount < (nodeCount - 1) / 2 || nodeCount <= 2, let victim = chaosVictim() else { return }
            trace.append(now, .fault("chaos: kill \(victim)"))
            crash(victim)
            state.killed.append(victim)
        case .pause:
            guard let victim = chaosVictim() else { return }
            trace.append(now, .fault("chaos: pause \(victim)"))
            lives[victim.index] = .paused
            state.paused.append(victim)
        case .loss:
            let ppm = Int(rng.uniform(in: 100_000...500_000))
            if state.savedLossPPM == nil { state.savedLossPPM = network.defaults.lossPPM }
            network.defaults.lossPPM = ppm
            trace.append(now, .fault("chaos: loss \(PercentText.format(ppm))"))
        default:
            break
        }
    }

    mutating func healChaos(_ state: inout ChaosState) {
        if network.isPartitioned || !network.cuts.isEmpty {
            network.heal()
            trace.append(now, .fault("chaos: heal"))
        }
        for id in state.paused where lives[id.index] == .paused {
            try? resume(id)
        }
        for id in state.killed + state.bounced.map(\.node) where lives[id.index] == .down {
            try? restart(id)
        }
        if let saved = state.savedLossPPM {
            network.defaults.lossPPM = saved
            trace.append(now, .fault("chaos: loss \(PercentText.format(saved))"))
        }
        state.paused = []
        state.killed = []
        state.bounced = []
        state.ongoing = nil
        state.watchedLeader = nil
        state.isolatedLeader = nil
        state.savedLossPPM = nil
        state.isFaultActive = false
    }
}
