import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// The chaos measure of issue 4: `new raft 5 batch=1` / `bug raft NAME` / `load 20/s for 20s`
/// / `chaos for 20s` / `run 25s`, for seeds 1..50 per bug and 1..100 without bugs.
@Suite struct RaftSweepTests {
    /// Runs the script for one seed and returns the violations it found.
    static func chaosRun(seed: UInt64, bug: String?) throws -> [Violation] {
        try chaosSimulation(seed: seed, bug: bug).violations
    }

    /// The cluster after the script.
    static func chaosSimulation(seed: UInt64, bug: String?) throws -> Simulation<RaftNode> {
        var sim = try Simulation<RaftNode>(nodeCount: 5, seed: seed, options: [("batch", "1")])
        sim.monitor = RaftSafetyMonitor()
        sim.setTracing(false)
        if let bug { try sim.enableBug(bug) }
        try sim.startLoad(LoadSpec(rate: 20, duration: .seconds(20)))
        try sim.startChaos(for: .seconds(20), faults: .all)
        sim.run(for: .seconds(25))
        return sim
    }

    /// Without bugs no monitor fires, and every client history is linearizable.
    @Test func withoutBugsNoSeedViolatesSafety() throws {
        var failures: [String] = []
        for seed in UInt64(1)...100 {
            let sim = try Self.chaosSimulation(seed: seed, bug: nil)
            if let first = sim.violations.first { failures.append("seed \(seed): \(first.property): \(first.message)") }
            let verdict = LinearizabilityChecker.check(sim.history)
            if !verdict.isLinearizable { failures.append("seed \(seed): \(verdict)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Chaos catches every teaching bug within seeds 1..50. The loop stops at the first
    /// catch; the catch rates over all 50 seeds are printed by `lightcone-bench`.
    @Test(arguments: RaftNode.bugs.map(\.name))
    func chaosFindsEachBug(_ bug: String) throws {
        var first: (seed: UInt64, violation: Violation)?
        for seed in UInt64(1)...50 {
            if let violation = try Self.chaosRun(seed: seed, bug: bug).first {
                first = (seed, violation)
                break
            }
        }
        #expect(first != nil, "chaos never caught \(bug) in seeds 1..50")
        if let first { print("bug \(bug): first caught at seed \(first.seed): \(first.violation.property): \(first.violation.message)") }
    }
}
