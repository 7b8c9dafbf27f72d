import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// The chaos measure of issue 10 (debug build, fewer seeds; the release sweep in
/// `lightcone-bench sweep` runs 1,000).
@Suite struct PaxosSweepTests {
    /// Correct Basic Paxos: no monitor fires on seeds 1..100 of the chaos script.
    @Test func basicWithoutBugsNoSeedViolatesSafety() throws {
        var failures: [String] = []
        for seed in UInt64(1)...100 {
            let sim = try paxosChaosSimulation(seed: seed, bug: nil)
            if let first = sim.violations.first { failures.append("seed \(seed): \(first.property): \(first.message)") }
            if !sim.holds(PaxosNode.agreement) { failures.append("seed \(seed): learners disagree") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Chaos catches every teaching bug within seeds 1..50 of the chaos script.
    @Test(arguments: PaxosNode.bugs.map(\.name))
    func chaosFindsEachBug(_ bug: String) throws {
        var first: (seed: UInt64, violation: Violation)?
        for seed in UInt64(1)...50 {
            if let violation = try paxosChaosSimulation(seed: seed, bug: bug).violations.first {
                first = (seed, violation)
                break
            }
        }
        #expect(first != nil, "chaos never caught \(bug) in seeds 1..50")
        if let first { print("bug \(bug): first caught at seed \(first.seed): \(first.violation.property): \(first.violation.message)") }
    }

    /// Correct Multi-Paxos under load and chaos: no monitor fires and every history is
    /// linearizable, on seeds 1..20.
    @Test func multiWithoutBugsStaysSafeAndLinearizable() throws {
        var failures: [String] = []
        for seed in UInt64(1)...20 {
            let sim = try multiPaxosChaosSimulation(seed: seed)
            if let first = sim.violations.first { failures.append("seed \(seed): \(first.property): \(first.message)") }
            let verdict = LinearizabilityChecker.check(sim.history)
            if !verdict.isLinearizable { failures.append("seed \(seed): \(verdict)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }
}
