import Foundation
import LightconeCheckers
import LightconeLab
import LightconeProtocols
import LightconeSimulation

/// The checker's rows: `check-history` on the 108 recorded histories, and issue 14's Raft
/// history under chaos through `check` and through `check-history` (EDN).
func checkerRows(rounds: Int) -> [BenchRow] {
    var rows: [BenchRow] = []
    let clock = ContinuousClock()
    if let folder = sharedFolder().map({ $0 + "/testdata/histories" }) {
        var files: [(path: String, expected: Bool?)] = []
        for subfolder in ["jepsen-etcd", "kv"] {
            let expected = recordedVerdicts(folder + "/" + subfolder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + subfolder)) ?? [])
                .filter { $0 != "VERDICTS" }.sorted()
            files += names.map { (folder + "/" + subfolder + "/" + $0, expected[$0]) }
        }
        var inProcess: [Double] = [], viaBinary: [Double] = [], before: [Double] = [], agree = 0, judged = 0, unknown = 0
        var viaBinaryCPU: [Double] = [], beforeCPU: [Double] = []
        let baseline = ProcessInfo.processInfo.environment["LIGHTCONE_BASELINE"].flatMap { $0.isEmpty ? nil : $0 }
        for round in 0..<rounds {
            let start = clock.now
            for file in files {
                guard let text = try? String(contentsOfFile: file.path, encoding: .utf8) else { continue }
                let verdict = LinearizabilityChecker.checkHistoryFile(named: file.path, contents: text).verdict
                guard round == 0 else { continue }
                if case .unknown? = verdict { unknown += 1 }
                if let linearizable = file.expected, let verdict {
                    judged += 1
                    if linearizable ? verdict.isLinearizable : verdict.isViolation { agree += 1 }
                }
            }
            inProcess.append(seconds(clock.now - start))
            if let binary = siblingBinary("lightcone"), let run = runChild([binary, "check-history"] + files.map(\.path)) {
                viaBinary.append(run.wall)
                viaBinaryCPU.append(run.cpu)
            }
            if let baseline, let run = runChild([baseline, "check-history"] + files.map(\.path)) {
                before.append(run.wall)
                beforeCPU.append(run.cpu)
            }
        }
        let wall = median(viaBinary) ?? median(inProcess) ?? 0
        let anchor: String
        let met: Bool
        if let old = median(before) {
            let cpuRatio = (median(beforeCPU) ?? 0) / max(median(viaBinaryCPU) ?? 1, 1e-6)
            anchor = String(format: "the baseline binary (LIGHTCONE_BASELINE), paired: %.2f s, so %.2f× faster (CPU time %.2f×); Porcupine (Go, not runnable here): before was 0.79× its time", old, old / wall, cpuRatio)
            met = old / wall >= 1.6
        } else {
            anchor = String(format: "before this work: %.2f s (BENCHMARKS.md); Porcupine (Go, not runnable here): today was 0.79× its time", recordedCheckHistorySeconds)
            met = recordedCheckHistorySeconds / wall >= 1.6
        }
        rows.append(BenchRow(measure: "`check-history` on the \(files.count) recorded files (\(agree)/\(judged) recorded verdicts agree, \(unknown) unknown)",
                             inProcess: String(format: "%.2f s (read and check)", median(inProcess) ?? 0),
                             session: viaBinary.isEmpty ? "n/a (build lightcone)" : String(format: "%.2f s (`lightcone check-history`)", median(viaBinary) ?? 0),
                             anchor: anchor, target: "≥ 1.6× faster than before (≤ 0.5× Porcupine)", met: met && agree == judged && judged > 0))
    }
    rows.append(raftChaosHistoryRow())
    return rows
}

/// The wall time of `check-history` on the 108 histories before this work, on this machine
/// (the median of three paired rounds against the new binary; see BENCHMARKS.md).
let recordedCheckHistorySeconds = 5.04

/// Issue 14's history: `new raft 5`, `load 200/s for 300s clients=20 keys=1`, `chaos for 300s`,
/// `run 310s`, then `check` (the session) and `check-history` of it written as EDN.
func raftChaosHistoryRow() -> BenchRow {
    let clock = ContinuousClock()
    var options = SessionOptions()
    options.startCommand = "new raft 5"
    var lab = Lab(options: options).withoutSavedState()
    for line in ["load 200/s for 300s clients=20 keys=1", "chaos for 300s", "run 310s"] { _ = lab.execute(line) }
    let history = lab.cluster.history
    let sessionStart = clock.now
    let checked = lab.execute("check")
    let sessionWall = seconds(clock.now - sessionStart)
    let verdictLine = checked.lines.first { $0.contains("linearizab") || $0.contains("unknown") } ?? checked.lines.first ?? "?"
    let start = clock.now
    let verdict = LinearizabilityChecker.check(history)
    let wall = seconds(clock.now - start)
    let path = NSTemporaryDirectory() + "lightcone-bench-raft-chaos.edn"
    var ednText = "n/a"
    if (try? ednHistory(history).write(toFile: path, atomically: true, encoding: .utf8)) != nil,
       let binary = siblingBinary("lightcone"), let run = runChild([binary, "check-history", path]) {
        ednText = String(format: "%.2f s: %@", run.wall, run.output.split(separator: "\n").first.map { String($0.split(separator: " ", maxSplits: 1).last ?? "") } ?? "?")
    }
    let unknowns = history.filter { $0.outcome == .unknown }.count
    let decided = !(verdict.isLinearizable == false && verdict.isViolation == false)
    return BenchRow(measure: "Raft history under chaos, \(history.count) operations (\(unknowns) unknown; 20 clients, 300 s, 1 key)",
                    inProcess: String(format: "%.2f s: %@", wall, LinearizabilityChecker.verdictLine(file: "verdict", operationCount: history.count, verdict: verdict).dropFirst(9) as CVarArg),
                    session: String(format: "`check` %.2f s: %@; `check-history` (EDN) %@", sessionWall, verdictLine, ednText),
                    anchor: "Porcupine: unknown at its 60 s timeout, 4.2 GB (quoted from issue 14)",
                    target: "a verdict in ≤ 2 s", met: decided && wall <= 2 && sessionWall <= 2)
}

/// A history as Jepsen EDN lines, one operation a line, in time order (invokes before
/// completions at the same instant, so that touching operations stay concurrent). A failed
/// operation that did not happen is left out; a failed `cas` whose compare ran stays
/// (`:fail :cas` is that observation); unknown outcomes are `:info` at the end.
func ednHistory(_ history: [HistoryEntry]) -> String {
    func quoted(_ text: String?) -> String {
        guard let text else { return "nil" }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
    func value(_ entry: HistoryEntry, completing: Bool) -> String {
        let input = entry.operation.input
        switch entry.operation.name {
        case "get": return completing ? quoted(entry.output) : "nil"
        case "cas": return input.count == 2 ? "[\(quoted(input[0])) \(quoted(input[1]))]" : "nil"
        default: return quoted(input.first)
        }
    }
    var lines: [(time: SimTime, order: Int, text: String)] = []
    for (index, entry) in history.enumerated() where ["get", "put", "cas"].contains(entry.operation.name) {
        if entry.outcome == .fail && !entry.isObservation { continue }
        let head = "{:process \(entry.client), :type "
        let tail = ", :f :\(entry.operation.name), :key \(quoted(entry.operation.key ?? "")), :value "
        lines.append((entry.invokeTime, index, head + ":invoke" + tail + value(entry, completing: false) + "}"))
        switch entry.outcome {
        case .ok: lines.append((entry.completeTime ?? .max, history.count + index, head + ":ok" + tail + value(entry, completing: true) + "}"))
        case .fail: lines.append((entry.completeTime ?? .max, history.count + index, head + ":fail" + tail + value(entry, completing: true) + "}"))
        case .unknown, .pending: lines.append((.max, history.count + index, head + ":info" + tail + value(entry, completing: true) + "}"))
        }
    }
    lines.sort { $0.time != $1.time ? $0.time < $1.time : $0.order < $1.order }
    return lines.map(\.text).joined(separator: "\n") + "\n"
}

/// The `VERDICTS` file of a folder: file name -> linearizable?
func recordedVerdicts(_ folder: String) -> [String: Bool] {
    guard let text = try? String(contentsOfFile: folder + "/VERDICTS", encoding: .utf8) else { return [:] }
    var result: [String: Bool] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 2 { result[String(parts[0])] = parts[1] == "linearizable" }
    }
    return result
}

/// The hour runs of issues 10–12: Multi-Paxos (`lightcone-bench paxos-hour`, n/a while that
/// mode is absent), kv-ap with anti-entropy, bank acid with its monitor.
func protocolHourRows(raftOff: Double, raftOn: Double) -> [BenchRow] {
    var rows: [BenchRow] = []
    let clock = ContinuousClock()
    if let run = runChild([selfBinary, "paxos-hour-only"]) {
        let figures = run.output.split(separator: "\n").filter { $0.hasPrefix("paxos") }
            .compactMap { numberBefore(" simulated s per wall s", in: String($0)) }
        let text = figures.isEmpty ? "n/a (no paxos-hour mode in this build)" : figures.map(number).joined(separator: " off, ") + (figures.count > 1 ? " on" : "")
        rows.append(BenchRow(measure: "Multi-Paxos, 5 nodes, `load 100/s`, 1 simulated hour, monitors off, on (sim s per wall s)",
                             inProcess: text, session: "—", anchor: "Raft in this run: \(number(raftOff)) off, \(number(raftOn)) on",
                             target: "≥ Raft's", met: figures.count >= 2 ? figures[0] >= raftOff && figures[1] >= raftOn : nil))
    }
    do {
        var simulation = try Simulation<KVAPNode>(nodeCount: 5, seed: 1)
        simulation.setTracing(false)
        try simulation.startLoad(LoadSpec(rate: 100, duration: .seconds(3_600)))
        let start = clock.now
        simulation.run(for: .seconds(3_600))
        let wall = seconds(clock.now - start)
        let memory = peakMemoryMB()
        let session = sessionRun(start: "new kv-ap 5", setup: ["load 100/s for 3600s"], run: "run 3600s")
        rows.append(BenchRow(measure: "kv-ap, 5 nodes, `load 100/s`, 1 simulated hour, anti-entropy on (sim s per wall s)",
                             inProcess: String(format: "%@ (peak memory so far %.0f MB)", number(3_600 / wall), memory),
                             session: number(3_600 / session.wall), anchor: "—", target: "— (issue 11 sets none)", met: nil))
    } catch {
        print("kv-ap bench failed: \(error)")
    }
    do {
        var bank = try Simulation<BankNode>(nodeCount: 3, seed: 1, options: [(key: "mode", value: "acid")])
        BankChecker.configure(&bank)
        bank.setTracing(false)
        try bank.startLoad(LoadSpec(rate: 100, duration: .seconds(3_600), clients: 10))
        let start = clock.now
        bank.run(for: .seconds(3_600))
        let wall = seconds(clock.now - start)
        let session = sessionRun(start: "new bank 3 mode=acid", setup: ["load 100/s for 3600s clients=10"], run: "run 3600s")
        rows.append(BenchRow(measure: "bank acid, 3 nodes, `load 100/s`, 1 simulated hour, monitor on (sim s per wall s)",
                             inProcess: number(3_600 / wall) + (bank.violations.isEmpty ? "" : " VIOLATION"),
                             session: number(3_600 / session.wall), anchor: "—", target: "— (issue 12 sets none)", met: nil))
    } catch {
        print("bank bench failed: \(error)")
    }
    return rows
}

/// `lightcone-bench check-file FILE [BUDGET]`: checks one history file (EDN or Jepsen log)
/// with the given step budget, and prints the verdict and the wall time.
func checkFile(_ path: String, budget: Int) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { print("\(path): cannot read"); return }
    let clock = ContinuousClock()
    let start = clock.now
    let (line, _) = LinearizabilityChecker.checkHistoryFile(named: path, contents: text, budget: budget)
    print(String(format: "%@ (%.2f s, budget %d)", line, seconds(clock.now - start), budget))
}
