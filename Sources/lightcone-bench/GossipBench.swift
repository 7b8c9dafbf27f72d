import Foundation
import LightconeProtocols
import LightconeSimulation

/// The peak resident memory of this process so far, in MB (VmHWM from /proc).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
    return kilobytes / 1024
}

/// Wall-clock seconds of a duration.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Gossip broadcast to 10,000 nodes (fan-out 3, 1–10 ms latency), trace on.
func gossipBenchmarks() {
    let clock = ContinuousClock()
    for nodes in [1_000, 10_000] {
        var simulation: Simulation<GossipNode>
        do {
            simulation = try Simulation<GossipNode>(nodeCount: nodes, seed: 1, options: [(key: "fanout", value: "3")])
            simulation.setNetwork(LinkSettingsChange(latency: 1_000...10_000))
            try simulation.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        } catch {
            print("gossip bench failed: \(error)")
            return
        }
        let eventsBefore = simulation.eventsHandled
        let start = clock.now
        let outcome = simulation.run(until: GossipNode.delivered("hi"), deadline: .seconds(60))
        let elapsed = seconds(clock.now - start)
        let events = simulation.eventsHandled - eventsBefore
        print(String(format: "gossip broadcast to %d nodes: %@ at t=%@ simulated; %.3f s wall, %d events, %.0f events/s, trace %d records, peak memory %.0f MB",
                     nodes, outcome?.holds == true ? "delivered everywhere" : "NOT delivered",
                     DurationText.instant(simulation.now), elapsed, events, Double(events) / elapsed,
                     simulation.trace.count, peakMemoryMB()))
    }
}

/// `lightcone --plain` from start to first prompt, measured as start to exit on `quit`
/// (an upper bound). Spawned with posix_spawn: Foundation's Process adds tens of ms of its own.
func startupBenchmark() {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lightcone").path
    guard FileManager.default.isExecutableFile(atPath: binary) else {
        print("startup: build the release lightcone first (make bench does)")
        return
    }
    let clock = ContinuousClock()
    var samples: [Double] = []
    for _ in 0..<30 {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let arguments = [binary, "--plain"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var pid: pid_t = 0
        let start = clock.now
        let status = posix_spawn(&pid, binary, &actions, nil, &argv, environ)
        close(fds[0])
        _ = "quit\n".withCString { write(fds[1], $0, 5) }
        close(fds[1])
        var exitStatus: Int32 = 0
        if status == 0 { waitpid(pid, &exitStatus, 0) }
        samples.append(seconds(clock.now - start) * 1000)
        posix_spawn_file_actions_destroy(&actions)
        argv.forEach { free($0) }
    }
    samples.sort()
    print(String(format: "lightcone --plain start to quit (upper bound of start to first prompt): median %.1f ms, min %.1f ms over %d runs",
                 samples[samples.count / 2], samples[0], samples.count))
}
