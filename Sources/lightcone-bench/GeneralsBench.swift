import LightconeCheckers
import LightconeProtocols
import LightconeSimulation

/// The generals (issue 9): `byzantine table` with worst traitors (n=3..7 m=1..2 in < 1 s; also
/// n=3..8 m=0..3), one OM(3) battle of
/// 10 generals, 3609 messages with the trace on (< 50 ms), `trials 100000` (< 1 s).
func generalsBenchmarks() {
    let clock = ContinuousClock()
    for (algorithm, nodes, ms) in [(ByzantineAlgorithm.om, 3...7, 1...2), (.sm, 3...7, 1...2), (.om, 3...8, 0...3)] {
        let start = clock.now
        let table = ByzantineTable.build(nodes: nodes, ms: ms, algorithm: algorithm)
        let elapsed = seconds(clock.now - start)
        let tried = table.rows.map(\.tried).reduce(0, +)
        let matches = table.rows.allSatisfy { $0.kept == $0.paperSaysKept(algorithm) }
        print(String(format: "byzantine table n=%d..%d m=%d..%d algorithm=%@ (worst): %.3f s wall, %d plans tried, %@",
                     nodes.lowerBound, nodes.upperBound, ms.lowerBound, ms.upperBound, algorithm.rawValue, elapsed, tried,
                     matches ? "matches the paper" : "DIFFERS FROM THE PAPER"))
    }
    do {
        var simulation = try Simulation<ByzantineNode>(nodeCount: 10, seed: 1, options: [(key: "m", value: "3")])
        ByzantineChecker.configure(&simulation)
        let start = clock.now
        try simulation.submit(Operation(name: "order", input: ["attack"]), via: NodeID(index: 0))
        simulation.run(to: .seconds(1))
        let elapsed = seconds(clock.now - start)
        let sent = simulation.nodes.map(\.sentCount).reduce(0, +)
        let agreed = simulation.evaluate(.protocolCondition("agreement", []))?.holds == true
        print(String(format: "byzantine OM(3), 10 generals: %d messages, %@; %.1f ms wall, trace %d records",
                     sent, agreed ? "agreement" : "NO AGREEMENT", elapsed * 1000, simulation.trace.count))
    } catch {
        print("byzantine bench failed: \(error)")
    }
    let start = clock.now
    let tally = TwoGeneralsTrials.run(runs: 100_000, acks: 1, lossPPM: 300_000, seed: 1)
    let elapsed = seconds(clock.now - start)
    print(String(format: "twogenerals trials 100000 acks=1 loss=30%%: %.3f s wall; %@", elapsed, tally.lines[1]))
}
