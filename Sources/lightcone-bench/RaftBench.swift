import Foundation
import LightconeCheckers
import LightconeProtocols
import LightconeSimulation

/// Raft under `load 100/s` for one simulated hour on 5 nodes, safety monitors off and on,
/// trace off: simulated seconds per wall second. Then the chaos seed sweep of issue 4.
func raftBenchmarks() {
    raftHourBenchmarks()
    raftChaosSweeps(seedsPerBug: 50, seedsWithoutBugs: 1_000)
}

/// Only the hour runs of `raftBenchmarks` (`lightcone-bench raft-hour`, or `raft-hour-off` /
/// `raft-hour-on` for one of them), for profiling.
func raftHourBenchmarks(monitors: [Bool] = [false, true]) {
    for monitored in monitors {
        let figure = raftHour(monitored: monitored)
        print(String(format: "raft 5 nodes, load 100/s, 1 h simulated, monitors %@: %.2f s wall, %.0f simulated s per wall s, %d events (%.0f/s), %d of %d operations answered, commitIndex %d, violations %d, peak memory %.0f MB",
                     monitored ? "on" : "off", figure.wall, 3_600 / figure.wall, figure.events,
                     Double(figure.events) / figure.wall, figure.answered, figure.operations, figure.commitIndex,
                     figure.violations, peakMemoryMB()))
        print(String(format: "  load 100/s issued %.1f operations per simulated second (%d ticks found every client busy)",
                     Double(figure.issued) / 3_600, figure.skipped))
    }
}

/// One run of the chaos script: `new raft 5 batch=1` / `bug raft NAME` /
/// `load 20/s for 20s` / `chaos for 20s` / `run 25s`; returns the first violation (of a
/// monitor, or with `linearizability`, of the client history).
func raftChaosRun(seed: UInt64, bug: String?, faults: ChaosFaults = .all, checksHistory: Bool = false) -> Violation? {
    do {
        var simulation = try Simulation<RaftNode>(nodeCount: 5, seed: seed, options: [(key: "batch", value: "1")])
        simulation.setTracing(false)
        simulation.monitor = RaftSafetyMonitor()
        if let bug { try simulation.enableBug(bug) }
        try simulation.startLoad(LoadSpec(rate: 20, duration: .seconds(20)))
        try simulation.startChaos(for: .seconds(20), faults: faults)
        simulation.run(for: .seconds(25))
        if let first = simulation.violations.first { return first }
        if checksHistory {
            switch LinearizabilityChecker.check(simulation.history) {
            case .linearizable: return nil
            case .notLinearizable(let key, _, _): return Violation(property: "linearizability", message: "not linearizable on key \(key)")
            case .unknown(let reason): return Violation(property: "linearizability", message: "unknown: \(reason)")
            }
        }
        return nil
    } catch {
        return Violation(property: "setup", message: "\(error)")
    }
}

/// Each teaching bug over seeds 1...`seedsPerBug` (first seed caught, catch rate), then
/// seeds 1...`seedsWithoutBugs` without bugs (must find nothing).
/// Returns false when a run without bugs found a violation.
@discardableResult
func raftChaosSweeps(seedsPerBug: UInt64, seedsWithoutBugs: UInt64, faults: ChaosFaults = .all) -> Bool {
    let clock = ContinuousClock()
    for bug in RaftNode.bugs.map(\.name) {
        var caught: [UInt64] = []
        var properties: [String: Int] = [:]
        let start = clock.now
        for seed in 1...seedsPerBug {
            if let violation = raftChaosRun(seed: seed, bug: bug, faults: faults) {
                caught.append(seed)
                properties[violation.property, default: 0] += 1
            }
        }
        let elapsed = seconds(clock.now - start)
        print(String(format: "raft chaos, bug %@: first seed %@, caught %d/%d (%@); %.2f s wall per run",
                     bug, caught.first.map { "\($0)" } ?? "none", caught.count, Int(seedsPerBug),
                     properties.keys.sorted().map { "\($0) \(properties[$0] ?? 0)" }.joined(separator: ", "),
                     elapsed / Double(seedsPerBug)))
    }
    guard seedsWithoutBugs >= 1 else { return true }
    var failures: [String] = []
    let start = clock.now
    for seed in 1...seedsWithoutBugs {
        if let violation = raftChaosRun(seed: seed, bug: nil, faults: faults, checksHistory: true) { failures.append("seed \(seed): \(violation.property): \(violation.message)") }
    }
    let elapsed = seconds(clock.now - start)
    print(String(format: "raft chaos without bugs, seeds 1..%d: %d violations (monitors and linearizability); %.2f s wall per run", Int(seedsWithoutBugs), failures.count, elapsed / Double(seedsWithoutBugs)))
    for failure in failures.prefix(10) { print("  \(failure)") }
    return failures.isEmpty
}

/// `lightcone-bench raft-span SECONDS [on]`: the Raft hour's workload for `SECONDS` simulated
/// seconds (monitors off, or on), for profiling under callgrind (total instructions over the
/// events it prints: instructions per event).
func raftSpan(seconds span: Int, monitored: Bool) {
    do {
        var simulation = try Simulation<RaftNode>(nodeCount: 5, seed: 1)
        simulation.setTracing(false)
        if monitored { simulation.monitor = RaftSafetyMonitor() }
        try simulation.startLoad(LoadSpec(rate: 100, duration: .seconds(Int64(span))))
        let clock = ContinuousClock()
        let start = clock.now
        simulation.run(for: .seconds(Int64(span)))
        let wall = seconds(clock.now - start)
        let answered = simulation.history.filter { $0.outcome == .ok || $0.outcome == .fail }.count
        print(String(format: "raft 5 nodes, load 100/s, %d s simulated, monitors %@: %.3f s wall, %d events, %d of %d operations answered, commitIndex %d, violations %d",
                     span, monitored ? "on" : "off", wall, simulation.eventsHandled, answered, simulation.history.count,
                     simulation.nodes.map(\.commitIndex).max() ?? 0, simulation.violations.count))
    } catch {
        print("raft span failed: \(error)")
    }
}
