import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// A Paxos cluster for step-by-step stories: every message takes exactly 10 ms, and the
/// live monitors are on.
func paxosCluster(_ count: Int = 5, options: [(key: String, value: String)] = [],
                  bugs: [String] = [], monitored: Bool = true) throws -> Simulation<PaxosNode> {
    var sim = try Simulation<PaxosNode>(nodeCount: count, seed: 1, options: options)
    sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
    if monitored { PaxosChecker.configure(&sim) }
    for bug in bugs { try sim.enableBug(bug) }
    return sim
}

/// The chaos script for Basic Paxos: `new paxos 5` / `bug paxos NAME` /
/// `propose x via n1` / `propose y via n2` / `chaos for 20s` / `propose z via n3` /
/// `run 25s`; the cluster after it (violations hold what the monitors found).
func paxosChaosSimulation(seed: UInt64, bug: String?) throws -> Simulation<PaxosNode> {
    var sim = try Simulation<PaxosNode>(nodeCount: 5, seed: seed)
    PaxosChecker.configure(&sim)
    sim.setTracing(false)
    if let bug { try sim.enableBug(bug) }
    _ = try sim.submit(Operation(name: "propose", input: ["x"]), via: NodeID(index: 0))
    _ = try sim.submit(Operation(name: "propose", input: ["y"]), via: NodeID(index: 1))
    try sim.startChaos(for: .seconds(20), faults: .all)
    _ = try sim.submit(Operation(name: "propose", input: ["z"]), via: NodeID(index: 2))
    sim.run(for: .seconds(25))
    return sim
}

/// Multi-Paxos under `load 50/s` and chaos: `new paxos 5 mode=multi` / `load 50/s for 20s`
/// / `chaos for 20s` / `run 25s`.
func multiPaxosChaosSimulation(seed: UInt64, bug: String? = nil) throws -> Simulation<PaxosNode> {
    var sim = try Simulation<PaxosNode>(nodeCount: 5, seed: seed, options: [("mode", "multi")])
    PaxosChecker.configure(&sim)
    sim.setTracing(false)
    if let bug { try sim.enableBug(bug) }
    try sim.startLoad(LoadSpec(rate: 50, duration: .seconds(20)))
    try sim.startChaos(for: .seconds(20), faults: .all)
    sim.run(for: .seconds(25))
    return sim
}

extension Simulation where Node == PaxosNode {
    /// Node `number`'s state (1-based, as in the stories).
    func node(_ number: Int) -> PaxosNode { nodes[number - 1] }

    /// The properties of the violations found so far.
    var violatedProperties: [String] { violations.map(\.property) }

    /// Whether `condition` holds now.
    func holds(_ condition: Condition) -> Bool { evaluate(condition)?.holds == true }
}
