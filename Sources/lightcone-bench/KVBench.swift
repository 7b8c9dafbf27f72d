import LightconeCheckers
import LightconeProtocols
import LightconeSimulation

/// Issue 11's figures: kv-ap with 5 nodes under `load 100/s` for one simulated hour with
/// anti-entropy on (simulated seconds per wall second, peak memory), and `check` on a
/// 10,000-operation kv-cp history from `load` under `chaos`.
func kvBenchmarks() {
    let clock = ContinuousClock()
    do {
        var simulation = try Simulation<KVAPNode>(nodeCount: 5, seed: 1)
        simulation.setTracing(false)
        try simulation.startLoad(LoadSpec(rate: 100, duration: .seconds(3_600)))
        let start = clock.now
        simulation.run(for: .seconds(3_600))
        let elapsed = seconds(clock.now - start)
        let answered = simulation.history.filter { $0.outcome == .ok }.count
        let converged = simulation.run(until: .converged, deadline: simulation.now + .seconds(10))?.holds == true
        print(String(format: "kv-ap 5 nodes, load 100/s, anti-entropy 1s, 1 h simulated: %.2f s wall, %.0f simulated s per wall s, %d events (%.0f/s), %d of %d operations ok, %@, peak memory %.0f MB",
                     elapsed, 3_600 / elapsed, simulation.eventsHandled, Double(simulation.eventsHandled) / elapsed,
                     answered, simulation.history.count, converged ? "converged after" : "NOT converged", peakMemoryMB()))
    } catch {
        print("kv-ap bench failed: \(error)")
    }
    do {
        var simulation = try Simulation<KVCPNode>(nodeCount: 5, seed: 1)
        simulation.setTracing(false)
        KVCPChecker.configure(&simulation)
        try simulation.startLoad(LoadSpec(rate: 100, duration: .seconds(320), keys: 5))
        try simulation.startChaos(for: .seconds(320), faults: .all)
        simulation.run(for: .seconds(322))
        if let violation = simulation.violations.first { print("kv-cp VIOLATION at \(simulation.now): \(violation.property): \(violation.message)") }
        let start = clock.now
        let report = KVCPChecker.check(simulation)
        let elapsed = seconds(clock.now - start)
        print(String(format: "kv-cp check of %d operations from load 100/s under chaos: %.3f s wall: %@",
                     simulation.history.count, elapsed, report.lines.first ?? ""))
    } catch {
        print("kv-cp bench failed: \(error)")
    }
}
