import LightconeCheckers
import LightconeProtocols
import LightconeSimulation

/// Issue 12's figures: `bank mode=acid` on 3 nodes under `load 100/s` for one simulated hour
/// with the live Conservation/Atomicity/NoOverdraft monitor on, and `shards` on 16 nodes
/// answering 1,000 queries.
func bankBenchmarks() {
    let clock = ContinuousClock()
    do {
        var bank = try Simulation<BankNode>(nodeCount: 3, seed: 1, options: [])
        BankChecker.configure(&bank)
        bank.trace.isEnabled = false
        try bank.startLoad(LoadSpec(rate: 100, duration: .seconds(3_600), clients: 10))
        let start = clock.now
        bank.run(for: .seconds(3_600))
        let elapsed = seconds(clock.now - start)
        let committed = bank.history.filter { $0.outcome == .ok }.count
        print(String(format: "bank acid 3 nodes, load 100/s for 1 simulated hour, monitor on: %.2f s wall, %.0f simulated s per wall s, %d transfers (%d committed), %d events, %@, total %d, peak memory %.0f MB",
                     elapsed, 3_600 / elapsed, bank.history.count, committed, bank.eventsHandled,
                     bank.violations.isEmpty ? "no violation" : "VIOLATION \(bank.violations[0].property)",
                     BankNode.committedTotal(bank.nodes), peakMemoryMB()))

        var shards = try Simulation<ShardsNode>(nodeCount: 16, seed: 1, options: [(key: "replicas", value: "2")])
        shards.trace.isEnabled = false
        try shards.kill(NodeID(index: 5))
        try shards.startLoad(LoadSpec(rate: 100, duration: .milliseconds(9_990), clients: 40))
        let shardsStart = clock.now
        shards.run(for: .seconds(11))
        let shardsElapsed = seconds(clock.now - shardsStart)
        let meters = shards.meters.map { "\($0.name) \($0.text)" }.joined(separator: ", ")
        print(String(format: "shards 16 nodes replicas=2, one killed, %d queries: %.3f s wall, %d events, %@",
                     shards.history.count, shardsElapsed, shards.eventsHandled, meters))
    } catch {
        print("bank bench failed: \(error)")
    }
}
