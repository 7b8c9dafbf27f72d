import Foundation
import LightconeCheckers
import LightconeProtocols
import LightconeSimulation

/// Multi-Paxos under `load 100/s` for one simulated hour on 5 nodes, monitors off and on,
/// trace off: simulated seconds per wall second, beside Raft's figures from the same run
/// (`lightcone-bench paxos-hour`; issue 10's target is at least Raft's; `paxos-hour-only`
/// leaves Raft's out, for the table, which measures Raft itself).
func paxosHourBenchmarks(besideRaft: Bool = true) {
    if besideRaft { raftHourBenchmarks() }
    let clock = ContinuousClock()
    for monitored in [false, true] {
        var simulation: Simulation<PaxosNode>
        do {
            simulation = try Simulation<PaxosNode>(nodeCount: 5, seed: 1, options: [(key: "mode", value: "multi")])
            simulation.setTracing(false)
            if monitored { PaxosChecker.configure(&simulation) }
            try simulation.startLoad(LoadSpec(rate: 100, duration: .seconds(3_600)))
        } catch {
            print("paxos bench failed: \(error)")
            return
        }
        let start = clock.now
        simulation.run(for: .seconds(3_600))
        let elapsed = seconds(clock.now - start)
        let completed = simulation.history.filter { $0.outcome == .ok || $0.outcome == .fail }.count
        let chosen = simulation.nodes.map(\.multi.learnedThrough).max() ?? 0
        print(String(format: "paxos mode=multi 5 nodes, load 100/s, 1 h simulated, monitors %@: %.2f s wall, %.0f simulated s per wall s, %d events (%.0f/s), %d of %d operations answered, chosen %d, violations %d, peak memory %.0f MB",
                     monitored ? "on" : "off", elapsed, 3_600 / elapsed, simulation.eventsHandled,
                     Double(simulation.eventsHandled) / elapsed, completed, simulation.history.count, chosen,
                     simulation.violations.count, peakMemoryMB()))
    }
}

/// One run of issue 10's Basic Paxos chaos script: `new paxos 5` / `bug paxos NAME` /
/// `propose x via n1` / `propose y via n2` / `chaos for 20s` / `propose z via n3` /
/// `run 25s` / `check`; the first violation (of a monitor, or learners that disagree).
func paxosChaosRun(seed: UInt64, bug: String?) -> Violation? {
    do {
        var simulation = try Simulation<PaxosNode>(nodeCount: 5, seed: seed)
        simulation.setTracing(false)
        PaxosChecker.configure(&simulation)
        if let bug { try simulation.enableBug(bug) }
        _ = try simulation.submit(Operation(name: "propose", input: ["x"]), via: NodeID(index: 0))
        _ = try simulation.submit(Operation(name: "propose", input: ["y"]), via: NodeID(index: 1))
        try simulation.startChaos(for: .seconds(20), faults: .all)
        _ = try simulation.submit(Operation(name: "propose", input: ["z"]), via: NodeID(index: 2))
        simulation.run(for: .seconds(25))
        if let first = simulation.violations.first { return first }
        if let outcome = simulation.evaluate(PaxosNode.agreement), !outcome.holds {
            return Violation(property: "Agreement", message: outcome.actual)
        }
        return nil
    } catch {
        return Violation(property: "setup", message: "\(error)")
    }
}

/// One run of the Multi-Paxos chaos script: `new paxos 5 mode=multi` / `load 50/s for 20s` /
/// `chaos for 20s` / `run 25s` / `check` (monitors, then the client history's linearizability).
func multiPaxosChaosRun(seed: UInt64) -> Violation? {
    do {
        var simulation = try Simulation<PaxosNode>(nodeCount: 5, seed: seed, options: [(key: "mode", value: "multi")])
        simulation.setTracing(false)
        PaxosChecker.configure(&simulation)
        try simulation.startLoad(LoadSpec(rate: 50, duration: .seconds(20)))
        try simulation.startChaos(for: .seconds(20), faults: .all)
        simulation.run(for: .seconds(25))
        if let first = simulation.violations.first { return first }
        switch LinearizabilityChecker.check(simulation.history) {
        case .linearizable: return nil
        case .notLinearizable(let key, _, _): return Violation(property: "linearizability", message: "not linearizable on key \(key)")
        case .unknown(let reason): return Violation(property: "linearizability", message: "unknown: \(reason)")
        }
    } catch {
        return Violation(property: "setup", message: "\(error)")
    }
}

/// Issue 10's release sweep: each teaching bug over seeds 1...`seedsPerBug` of the Basic
/// Paxos script (must be caught), then seeds 1...`seedsWithoutBugs` of it and of the
/// Multi-Paxos script without bugs (must find nothing). False when either fails.
@discardableResult
func paxosChaosSweeps(seedsPerBug: UInt64, seedsWithoutBugs: UInt64) -> Bool {
    let clock = ContinuousClock()
    var allCaught = true
    for bug in PaxosNode.bugs.map(\.name) {
        var caught: [UInt64] = []
        var properties: [String: Int] = [:]
        let start = clock.now
        for seed in 1...seedsPerBug {
            if let violation = paxosChaosRun(seed: seed, bug: bug) {
                caught.append(seed)
                properties[violation.property, default: 0] += 1
            }
        }
        if caught.isEmpty { allCaught = false }
        let elapsed = seconds(clock.now - start)
        print(String(format: "paxos chaos, bug %@: first seed %@, caught %d/%d (%@); %.3f s wall per run",
                     bug, caught.first.map { "\($0)" } ?? "none", caught.count, Int(seedsPerBug),
                     properties.keys.sorted().map { "\($0) \(properties[$0] ?? 0)" }.joined(separator: ", "),
                     elapsed / Double(seedsPerBug)))
    }
    guard seedsWithoutBugs >= 1 else { return allCaught }
    var clean = true
    for (name, run) in [("paxos chaos without bugs", { paxosChaosRun(seed: $0, bug: nil) }),
                        ("paxos mode=multi load 50/s and chaos without bugs", multiPaxosChaosRun)] as [(String, (UInt64) -> Violation?)] {
        var failures: [String] = []
        let start = clock.now
        for seed in 1...seedsWithoutBugs {
            if let violation = run(seed) { failures.append("seed \(seed): \(violation.property): \(violation.message)") }
        }
        let elapsed = seconds(clock.now - start)
        print(String(format: "%@, seeds 1..%d: %d violations; %.3f s wall per run", name, Int(seedsWithoutBugs), failures.count, elapsed / Double(seedsWithoutBugs)))
        for failure in failures.prefix(10) { print("  \(failure)") }
        if !failures.isEmpty { clean = false }
    }
    return allCaught && clean
}
