import Foundation
import LightconeLab
import LightconeProtocols
import LightconeSimulation

/// The C reference's gossip workload (`../shared/bench/gossip_des_reference.c`): `nodes`
/// nodes, a round every 10 ms, fan-out 3, latency 1–10 ms, only informed nodes push
/// (`mode=push`), one value broadcast from n1 at time 0, run to `end`. In process
/// (a `Simulation<GossipNode>`, trace off) or through the session (a `Lab` running the
/// script's lines, trace on, as `lightcone run` does). Prints `events=E wall=S informed=K`;
/// the table runs it in a child process, so that each figure has its own peak memory.
func gossipReference(nodes: Int, end: SimTime, throughSession: Bool) {
    let clock = ContinuousClock()
    if throughSession {
        var options = SessionOptions()
        options.startCommand = "new gossip \(nodes) fanout=3 round=10ms mode=push"
        var lab = Lab(options: options).withoutSavedState()
        for line in ["net latency=1..10ms", "broadcast hi via n1"] {
            let output = lab.execute(line)
            if output.isError { print("gossip-ref: \(line): \(output.lines.joined(separator: " "))"); return }
        }
        let before = lab.cluster.eventsHandled
        let cpuStart = processCPUSeconds()
        let start = clock.now
        let output = lab.execute("run \(DurationText.format(end - lab.cluster.now))")
        let wall = seconds(clock.now - start)
        let narrated = output.lines.filter { $0.contains(" knows hi") }.count
        let elided = output.lines.first { $0.contains("elided") } ?? ""
        print("events=\(lab.cluster.eventsHandled - before) wall=\(wall) cpu=\(processCPUSeconds() - cpuStart) peak=\(peakMemoryMB()) narrated=\(narrated) lines=\(output.lines.count) \(elided)")
        return
    }
    do {
        var simulation = try Simulation<GossipNode>(nodeCount: nodes, seed: 1, options: [(key: "fanout", value: "3"), (key: "round", value: "10ms"), (key: "mode", value: "push")])
        simulation.setTracing(false)
        simulation.setNetwork(LinkSettingsChange(latency: 1_000...10_000))
        try simulation.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        let before = simulation.eventsHandled
        let cpuStart = processCPUSeconds()
        let start = clock.now
        simulation.run(to: end)
        let wall = seconds(clock.now - start)
        let informed = simulation.nodes.filter { $0.knows("hi") }.count
        print("events=\(simulation.eventsHandled - before) wall=\(wall) cpu=\(processCPUSeconds() - cpuStart) peak=\(peakMemoryMB()) informed=\(informed)")
    } catch {
        print("gossip-ref failed: \(error)")
    }
}
