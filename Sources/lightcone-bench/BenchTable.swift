import Foundation
import LightconeCheckers
import LightconeLab
import LightconeProtocols
import LightconeSimulation

/// One row of the table: a measure, its figures in process and through the session (the
/// path a `lightcone run` script takes), the anchor measured in the same sitting (or quoted,
/// when it cannot run here), the target, and whether it is met.
struct BenchRow {
    var measure: String
    var inProcess: String
    var session: String
    var anchor: String
    var target: String
    var met: Bool?
}

/// `make bench`: every figure of issue 14 and the per-protocol hour runs of issues 10–12 in
/// one table, medians of `rounds` paired rounds (each round runs a row's figures and its
/// anchor back to back).
func benchmarkTable(rounds: Int) {
    let clock = ContinuousClock()
    let began = clock.now
    var rows: [BenchRow] = []
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    print("Lightcone benchmark table: \(rounds) round\(rounds == 1 ? "" : "s"), medians; load average at start \(load)")

    // Raft hour: in process with monitors off and on, and through the session.
    var off: [Double] = [], on: [Double] = [], lab: [Double] = [], ratios: [Double] = [], extra: [Double] = [], offCPU: [Double] = [], onCPU: [Double] = []
    var issuedRate = 0.0, skipped = 0, labLines = 0
    for _ in 0..<rounds {
        let a = raftHour(monitored: false)
        let b = raftHour(monitored: true)
        let c = raftHourThroughSession()
        off.append(3_600 / a.wall)
        on.append(3_600 / b.wall)
        offCPU.append(3_600 / a.cpu)
        onCPU.append(3_600 / b.cpu)
        lab.append(3_600 / c.wall)
        ratios.append(c.wall / b.wall)
        extra.append(c.wall - b.wall)
        issuedRate = Double(b.issued) / 3_600
        skipped = b.skipped
        labLines = c.lines
    }
    let offRate = median(off) ?? 0, onRate = median(on) ?? 0, labRate = median(lab) ?? 0, ratio = median(ratios) ?? 0
    rows.append(BenchRow(measure: "Raft, 5 nodes, `load 100/s`, 1 simulated hour, monitors off (sim s per wall s)",
                         inProcess: number(offRate) + " (per CPU s: \(number(median(offCPU) ?? 0)))", session: "— (the lab always monitors)",
                         anchor: "RaftScope's model: 15.3 at 100 µs steps, 137 at 1 ms (quoted from issue 14: not runnable here)",
                         target: "≥ 10,000", met: offRate >= 10_000))
    rows.append(BenchRow(measure: "same, monitors on (sim s per wall s)", inProcess: number(onRate) + " (per CPU s: \(number(median(onCPU) ?? 0)))",
                         session: number(labRate) + " (spawned `lightcone run FILE`, trace on, \(labLines) transcript lines)", anchor: "—",
                         target: "≥ 5,000", met: onRate >= 5_000))
    rows.append(BenchRow(measure: "the same Raft work through the session vs in process (wall ratio)",
                         inProcess: "1", session: String(format: "%.2f× (%+.2f s wall)", ratio, median(extra) ?? 0), anchor: "—",
                         target: "≤ 1.2×", met: ratio <= 1.2))

    // Gossip: the C reference's workload, 10,000 nodes to 2 s and 100,000 nodes to 300 ms.
    let reference = compileGossipReference()
    for (nodes, end, target) in [(10_000, SimTime(2_000_000), "≥ 0.5× C"), (100_000, SimTime(200_000), "≥ 0.5× C, < 200 MB")] {
        var ours: [Double] = [], oursCPU: [Double] = [], theirs: [Double] = [], theirsCPU: [Double] = []
        var viaSession: [Double] = [], paired: [Double] = [], pairedCPU: [Double] = []
        var memory = 0.0, cMemory = 0.0, narrated = "", events = 0.0
        for _ in 0..<(nodes > 10_000 ? 1 : rounds) {
            let c = reference.flatMap { runMeasuringMemory([$0, "\(nodes)", "\(end)"]) }
            let inProcess = runChild([selfBinary, "gossip-ref", "\(nodes)", "\(end)"])
            let session = runChild([selfBinary, "gossip-ref", "\(nodes)", "\(end)", "session"])
            if let run = inProcess, let e = field("events", in: run.output), let w = field("wall", in: run.output),
               let cpu = field("cpu", in: run.output) {
                ours.append(e / w)
                oursCPU.append(e / cpu)
                memory = field("peak", in: run.output) ?? run.peakMB
                events = e
            }
            if let run = session, let e = field("events", in: run.output), let w = field("wall", in: run.output) {
                viaSession.append(e / w)
                let count = Int(field("narrated", in: run.output) ?? -1)
                let elision = run.output.contains("elided") ? ", some elided" : ""
                narrated = "\(count) of \(number(Double(nodes))) `knows hi` narrated\(elision)"
            }
            if let (run, peak) = c, let rate = field("events_per_s", in: run.output), let cEvents = field("events", in: run.output) {
                theirs.append(rate)
                theirsCPU.append(cEvents / max(run.cpu, 1e-6))
                cMemory = peak
                if let last = ours.last { paired.append(last / rate) }
                if let last = oursCPU.last { pairedCPU.append(last / (cEvents / max(run.cpu, 1e-6))) }
            }
        }
        let ourRate = median(ours) ?? 0, sessionRate = median(viaSession) ?? 0
        let ratio = median(paired), ratioCPU = median(pairedCPU)
        let anchor = median(theirs).map { String(format: "C binary-heap DES: %.2f M events/s wall (%.2f M per CPU s), %.1f MB", $0 / 1e6, (median(theirsCPU) ?? 0) / 1e6, cMemory) }
            ?? "C: 6.75 M events/s (10k), 2.18 M events/s, 7.8 MB (100k), quoted from issue 14 (no cc here)"
        let ratioText = ratio.map { String(format: " = %.2f× C (per CPU s: %.2f×)", $0, ratioCPU ?? 0) } ?? ""
        let sessionRatio = median(theirs).map { String(format: " = %.2f× C", sessionRate / $0) } ?? ""
        var met: Bool? = ratio.map { $0 >= 0.5 }
        if nodes > 10_000, let ok = met { met = ok && memory < 200 }
        rows.append(BenchRow(measure: "gossip, \(number(Double(nodes))) nodes, the C reference's workload to \(DurationText.format(end)) (\(number(events)) events)",
                             inProcess: String(format: "%.2f M events/s%@, peak %.0f MB", ourRate / 1e6, ratioText, memory),
                             session: String(format: "%.2f M events/s%@ (trace on; %@)", sessionRate / 1e6, sessionRatio, narrated),
                             anchor: anchor, target: target, met: met))
    }

    // The checker.
    rows += checkerRows(rounds: rounds)

    // Start-up and the frame (measured by their own modes, in child processes).
    if let run = runChild([selfBinary, "startup"]), let ms = numberBefore(" ms, min", in: run.output) {
        let trivial = trivialStartup()
        rows.append(BenchRow(measure: "start to first prompt, `--plain` (start to exit on `quit`, median of 30)",
                             inProcess: "—", session: String(format: "%.1f ms", ms),
                             anchor: trivial.map { String(format: "/bin/true: %.1f ms", $0) } ?? "—", target: "≤ 10 ms", met: ms <= 10))
    }
    if let run = runChild([selfBinary, "view"]) {
        let lines = run.output.split(separator: "\n").map(String.init)
        let five = lines.first { ($0.contains("5 nodes") || $0.contains("5 Raft nodes")) && $0.contains("(whole)") }.flatMap { numberBefore(" µs CPU", in: $0) }
        let thousand = lines.first { $0.contains("1000 nodes") }.flatMap { numberBefore(" µs CPU", in: $0) }
        rows.append(BenchRow(measure: "frame, 160x48, 5 nodes, 100 messages (CPU per frame)",
                             inProcess: five.map { String(format: "%.1f µs", $0) } ?? "n/a", session: "—", anchor: "—",
                             target: "≤ 200 µs", met: five.map { $0 <= 200 }))
        rows.append(BenchRow(measure: "frame, 160x48, 1,000 nodes, 300 messages (CPU per frame)",
                             inProcess: thousand.map { String(format: "%.1f µs", $0) } ?? "n/a", session: "—", anchor: "—",
                             target: "≤ 1 ms", met: thousand.map { $0 <= 1_000 }))
    }

    // The other issues' hour runs.
    rows += protocolHourRows(raftOff: offRate, raftOn: onRate)

    print("")
    print("| measure | in process | through the session (`lightcone run`) | anchor, same sitting | target | met |")
    print("|---|---|---|---|---|---|")
    for row in rows {
        let met = row.met.map { $0 ? "yes" : "**no**" } ?? "—"
        print("| \(row.measure) | \(row.inProcess) | \(row.session) | \(row.anchor) | \(row.target) | \(met) |")
    }
    print("")
    let endLoad = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    print(String(format: "table took %.0f s wall; load average at end %@", seconds(clock.now - began), endLoad))
    print(String(format: "Raft hour, load 100/s: %.1f operations issued per simulated second (%d ticks found every client busy)", issuedRate, skipped))
}

/// One Raft hour's figures.
struct RaftHourFigure {
    var wall: Double
    var cpu: Double
    var events: Int
    var issued: Int
    var skipped: Int
    var answered: Int
    var operations: Int
    var commitIndex: Int
    var violations: Int
}

/// Raft, 5 nodes, `load 100/s` for one simulated hour, trace off, in process.
func raftHour(monitored: Bool) -> RaftHourFigure {
    let clock = ContinuousClock()
    do {
        var simulation = try Simulation<RaftNode>(nodeCount: 5, seed: 1)
        simulation.setTracing(false)
        if monitored { simulation.monitor = RaftSafetyMonitor() }
        try simulation.startLoad(LoadSpec(rate: 100, duration: .seconds(3_600)))
        let cpuStart = processCPUSeconds()
        let start = clock.now
        simulation.run(for: .seconds(3_600))
        let wall = seconds(clock.now - start)
        let cpu = processCPUSeconds() - cpuStart
        let answered = simulation.history.filter { $0.outcome == .ok || $0.outcome == .fail }.count
        let counts = simulation.loadCounts
        return RaftHourFigure(wall: wall, cpu: cpu, events: simulation.eventsHandled, issued: counts.issued, skipped: counts.skipped,
                              answered: answered, operations: simulation.history.count,
                              commitIndex: simulation.nodes.map(\.commitIndex).max() ?? 0, violations: simulation.violations.count)
    } catch {
        print("raft bench failed: \(error)")
        return RaftHourFigure(wall: .infinity, cpu: .infinity, events: 0, issued: 0, skipped: 0, answered: 0, operations: 0, commitIndex: 0, violations: 0)
    }
}

/// The same hour through the session, as `lightcone run` takes it (checker's monitors on,
/// trace on, the narration of every result): `new raft 5`, `load 100/s for 3600s`, `run 3600s`.
func raftHourThroughSession() -> (wall: Double, lines: Int) {
    let (wall, lines) = sessionRun(start: "new raft 5", setup: ["load 100/s for 3600s"], run: "run 3600s")
    return (wall, lines)
}

/// Times a script of `start`, `setup` and `run` on the path users take: the `lightcone`
/// binary beside this one, spawned as `lightcone run FILE` with its transcript read from a
/// pipe (so the figure includes writing every narrated line, and the start-up and setup
/// lines, a few ms). Returns (wall seconds, transcript lines). Without the binary it builds
/// a `Lab` in process, runs the same lines through `ScriptRunner` (as `lightcone run` does)
/// and times the script.
func sessionRun(start: String, setup: [String], run: String) -> (wall: Double, lines: Int) {
    let script = ([start] + setup + [run]).joined(separator: "\n") + "\n"
    let path = NSTemporaryDirectory() + "lightcone-bench-session-\(getpid()).lc"
    if let binary = siblingBinary("lightcone"), FileManager.default.createFile(atPath: path, contents: Data(script.utf8)) {
        defer { try? FileManager.default.removeItem(atPath: path) }
        if let child = runChild([binary, "run", path]) {
            if child.status != 0 { print("session bench: `lightcone run` exited \(child.status)") }
            return (child.wall, child.output.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) })
        }
    }
    var options = SessionOptions()
    options.startCommand = start
    var lab = Lab(options: options).withoutSavedState()
    var lines = 0
    let clock = ContinuousClock()
    let begin = clock.now
    let result = ScriptRunner.run([ScriptRunner.Script(name: "session bench", text: script)], session: &lab) { _ in lines += 1 }
    if let failure = result.failure { print("session bench: \(failure)") }
    return (seconds(clock.now - begin), lines)
}

/// Compiles the C gossip reference with `cc -O2` into .build (nil without cc or the source).
func compileGossipReference() -> String? {
    guard let shared = sharedFolder() else { return nil }
    let source = shared + "/bench/gossip_des_reference.c"
    guard FileManager.default.fileExists(atPath: source) else { return nil }
    let output = NSTemporaryDirectory() + "lightcone-gossip-reference"
    for compiler in ["/usr/bin/cc", "/usr/local/bin/cc", "/usr/bin/gcc", "/usr/bin/clang"] where FileManager.default.isExecutableFile(atPath: compiler) {
        if let run = runChild([compiler, "-O2", "-o", output, source]), run.status == 0 { return output }
    }
    return nil
}

/// The median start-to-exit time of /bin/true over 30 spawns, in ms (the floor of any start).
func trivialStartup() -> Double? {
    var samples: [Double] = []
    for _ in 0..<30 { if let run = runChild(["/bin/true"]) { samples.append(run.wall * 1000) } }
    return median(samples)
}

/// The number just before `marker` in `text` (`... 12.3 ms, min ...`).
func numberBefore(_ marker: String, in text: String) -> Double? {
    guard let range = text.range(of: marker) else { return nil }
    let head = text[..<range.lowerBound]
    let digits = head.reversed().prefix { $0.isNumber || $0 == "." }
    return Double(String(digits.reversed()))
}

/// `12,345` (no decimals).
func number(_ value: Double) -> String {
    guard value.isFinite else { return "∞" }
    let whole = Int(value.rounded())
    var text = String(whole)
    var index = text.count - 3
    while index > 0 {
        text.insert(",", at: text.index(text.startIndex, offsetBy: index))
        index -= 3
    }
    return text
}
