import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// Random operations under partitions, kills and pauses; then heal and converge.
func crdtChaosRun(type: CRDTType, seed: UInt64, bugs: [String] = []) throws -> Simulation<CRDTNode> {
    var sim = try Simulation<CRDTNode>(nodeCount: 5, seed: seed, options: [("type", type.rawValue)])
    CRDTChecker.configure(&sim)
    for bug in bugs { try sim.enableBug(bug) }
    try sim.startLoad(LoadSpec(rate: 40, duration: .seconds(6), clients: 5, keys: 3))
    try sim.startChaos(for: .seconds(6), faults: .all)
    sim.run(to: .seconds(7))
    for index in 0..<sim.nodeCount where sim.lives[index] == .down { try sim.restart(NodeID(index: index)) }
    _ = sim.run(until: .converged, deadline: .seconds(30))
    return sim
}

@Suite("crdt: convergence under faults")
struct CRDTSweepTests {
    @Test("after chaos and load, every type converges, holds every acknowledged update, and check is ok", arguments: 1...20)
    func converges(seed: UInt64) throws {
        for type in CRDTType.conflictFree {
            let sim = try crdtChaosRun(type: type, seed: seed)
            #expect(sim.evaluate(.converged)?.holds == true, "\(type) seed \(seed): \(sim.evaluate(.converged)?.actual ?? "")")
            let report = CRDTChecker.check(sim)
            #expect(report.violation == nil, "\(type) seed \(seed): \(report.lines)")
            #expect(sim.history.filter { $0.outcome == .ok }.count > 100, "\(type) seed \(seed): replicas answer while partitioned")
            if let count = sim.nodes[0].replica.count, type == .gcounter {
                let total = sim.history.filter { $0.outcome == .ok && $0.operation.name == "inc" }
                    .reduce(0) { $0 + (Int($1.operation.input.first ?? "1") ?? 1) }
                #expect(count == total, "seed \(seed): the converged counter is the sum of acknowledged increments")
            }
        }
    }

    @Test("each teaching bug is caught by check under chaos on most seeds", arguments: [
        ("max-not-sum", CRDTType.gcounter), ("max-not-sum", .pncounter), ("merge-overwrites", .gcounter),
        ("merge-overwrites", .orset), ("merge-overwrites", .lww), ("remove-wins-all", .orset),
    ])
    func bugsCaught(bug: String, type: CRDTType) throws {
        var caught: [UInt64] = []
        for seed in UInt64(1)...20 {
            let sim = try crdtChaosRun(type: type, seed: seed, bugs: [bug])
            if CRDTChecker.check(sim).violation != nil { caught.append(seed) }
        }
        #expect(caught.count >= 15, "\(bug) on \(type): caught on \(caught.count) of 20 seeds: \(caught)")
    }
}
