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
/// their whole spell, because the interesting histories need a sequence of faults:
/// - leader flapping (a partition fault): every 150–400 ms the isolation moves to whoever
///   leads now, so leaders of successive terms each keep entries the others lack — the
///   shape of Raft's Figure 8;
/// - bouncing (a kill fault): the leader is crashed and restarted within tens of
///   milliseconds, and while an election runs a voter is crashed and restarted in the middle
///   of it, between the vote requests of competing candidates.
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
        let kinds = ChaosFaults.names.map(\.1).filter { state.faults.contains($0) }
        let kind = kinds[rng.index(below: kinds.count)]
        injectChaos(kind, &state)
        state.isFaultActive = true
        let end = max(now + 1, min(state.until, now + rng.uniform(in: .milliseconds(800) ... .milliseconds(4_000))))
        state.faultEnd = end
        chaos = state
        schedule(at: state.ongoing == nil ? end : now + 1, .nemesis)
    }

    /// One more act of an ongoing fault; returns how long until the next.
    mutating func continueChaos(_ ongoing: ChaosState.Ongoing, _ state: inout ChaosState) -> SimDuration {
        switch ongoing {
        case .flapLeader:
            if let leader, !(network.groups.count == 2 && network.groups.contains([leader])) {
                network.isolate(leader)
                trace.append(now, .fault("chaos: isolate \(leader)"))
            }
            return rng.uniform(in: .milliseconds(150) ... .milliseconds(400))
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
            guard state.bounced.isEmpty else { return .milliseconds(5) }
            let downCount = lives.filter { $0 == .down }.count
            guard downCount < (nodeCount - 1) / 2 else { return .milliseconds(10) }
            let running = (0..<nodeCount).filter { lives[$0] == .up }
            let candidates = running.filter { nodes[$0].role == "candidate" }
            var victim: NodeID?
            if !candidates.isEmpty {
                // An election runs: crash a voter between the requests of competing candidates.
                let voters = running.filter { !candidates.contains($0) }
                if !voters.isEmpty, rng.chance(ppm: 300_000) { victim = NodeID(index: voters[rng.index(below: voters.count)]) }
            } else if let leader, lives[leader.index] == .up, rng.chance(ppm: 60_000) {
                victim = leader
            }
            if let victim {
                trace.append(now, .fault("chaos: kill \(victim)"))
                crash(victim)
                state.bounced.append((victim, now + rng.uniform(in: .milliseconds(5) ... .milliseconds(40))))
            }
            return .milliseconds(5)
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
            if rng.chance(ppm: 300_000) {
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
            if rng.chance(ppm: 500_000) {
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
        state.savedLossPPM = nil
        state.isFaultActive = false
    }
}
