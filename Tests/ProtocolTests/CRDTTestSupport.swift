import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation

/// A crdt cluster with fixed 10 ms links and its checker, bugs switched on by name.
func crdtCluster(_ count: Int = 3, type: String = "gcounter", bugs: [String] = [], seed: UInt64 = 1) throws -> Simulation<CRDTNode> {
    var sim = try Simulation<CRDTNode>(nodeCount: count, seed: seed, options: [("type", type)])
    CRDTChecker.configure(&sim)
    for bug in bugs { try sim.enableBug(bug) }
    sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
    return sim
}

extension Simulation where Node == CRDTNode {
    /// Submits `name input... via NODE`, runs 1 ms, and returns what it answered.
    @discardableResult
    mutating func crdt(_ name: String, _ input: String..., via node: Int) throws -> String? {
        try submit(Operation(name: name, input: input), via: NodeID(index: node - 1))
        run(for: .milliseconds(1))
        return history.last?.output
    }

    /// What each replica reads.
    var values: [String] { nodes.map(\.replica.valueText) }
}

/// Random reachable states of three replicas of `type`: `steps` random operations at random
/// replicas and merges between them (with `bugs` on, as a cluster would run).
func randomReplicas(_ type: CRDTType, seed: UInt64, steps: Int = 12, bugs: CRDTBugs = []) -> [CRDTReplica] {
    var rng = SeededGenerator(seed: seed)
    var nodes = (0..<3).map { CRDTNode(id: NodeID(index: $0), nodeCount: 3, config: { var c = CRDTConfig(); c.type = type; return c }()) }
    for step in 0..<steps {
        let i = rng.index(below: 3)
        if rng.index(below: 3) == 0 {
            let j = rng.index(below: 3)
            nodes[i].replicaForTests = nodes[i].replica.merged(with: nodes[j].replica, bugs: bugs)
        } else if let operation = CRDTNode.randomOperation(config: nodes[i].config, keys: 3, using: &rng) {
            _ = nodes[i].apply(operation, now: SimTime(step) * 1_000 + SimTime(rng.index(below: 3)) * 1_000, bugs: bugs)
        }
    }
    return nodes.map(\.replica)
}
