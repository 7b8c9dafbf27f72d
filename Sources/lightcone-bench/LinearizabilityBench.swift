import Foundation
import LightconeCheckers
import LightconeSimulation

/// Times the linearizability checker on the recorded histories of
/// `../shared/testdata/histories` (or `$LIGHTCONE_HISTORIES`): every jepsen-etcd log and
/// every kv history, with the verdicts compared to the `VERDICTS` files.
func linearizabilityBenchmarks() {
    guard let folder = recordedHistoriesFolder() else {
        print("linearizability: skipped, no ../shared/testdata/histories (set LIGHTCONE_HISTORIES)")
        return
    }
    let clock = ContinuousClock()
    for subfolder in ["jepsen-etcd", "kv"] {
        let expected = historyVerdicts(folder + "/" + subfolder)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/" + subfolder)) ?? [])
            .filter { $0 != "VERDICTS" }.sorted()
        var histories: [(file: String, history: [HistoryEntry])] = []
        for file in files {
            guard let text = try? String(contentsOfFile: folder + "/" + subfolder + "/" + file, encoding: .utf8) else { continue }
            do {
                histories.append((file, try HistoryImport.parse(text)))
            } catch {
                print("linearizability: \(subfolder)/\(file):\(error)")
            }
        }
        var total = Duration.zero
        var slowest = (file: "", time: Duration.zero)
        var agree = 0
        var judged = 0
        var operations = 0
        for (file, history) in histories {
            let start = clock.now
            let verdict = LinearizabilityChecker.check(history, times: .lineNumbers)
            let elapsed = clock.now - start
            total += elapsed
            operations += history.count
            if elapsed > slowest.time { slowest = (file, elapsed) }
            if let linearizable = expected[file] {
                judged += 1
                if linearizable ? verdict.isLinearizable : verdict.isViolation { agree += 1 }
            }
            if subfolder == "kv" {
                print("linearizability: kv/\(file): \(history.count) ops, "
                      + "\(LinearizabilityChecker.verdictLine(file: file, operationCount: history.count, verdict: verdict).dropFirst(file.count + 2)), "
                      + "\(milliseconds(elapsed)) ms")
            }
        }
        print("linearizability: \(subfolder): \(histories.count) histories, \(operations) ops, "
              + "\(agree)/\(judged) verdicts agree, total \(milliseconds(total)) ms, "
              + "slowest \(slowest.file) \(milliseconds(slowest.time)) ms")
    }
}

/// `$LIGHTCONE_HISTORIES`, else `shared/testdata/histories` beside the working directory's
/// repository or beside this source file's repository.
private func recordedHistoriesFolder() -> String? {
    var candidates: [String] = []
    if let path = ProcessInfo.processInfo.environment["LIGHTCONE_HISTORIES"], !path.isEmpty { candidates.append(path) }
    candidates.append(FileManager.default.currentDirectoryPath + "/../shared/testdata/histories")
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/histories").path)
    return candidates.first { FileManager.default.fileExists(atPath: $0 + "/jepsen-etcd") }
}

/// The `VERDICTS` file of a folder: file name -> linearizable?
private func historyVerdicts(_ folder: String) -> [String: Bool] {
    guard let text = try? String(contentsOfFile: folder + "/VERDICTS", encoding: .utf8) else { return [:] }
    var result: [String: Bool] = [:]
    for line in text.split(separator: "\n") {
        let parts = line.split(separator: " ")
        if parts.count == 2 { result[String(parts[0])] = parts[1] == "linearizable" }
    }
    return result
}

/// A duration in milliseconds with one decimal, `12.3`.
private func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
    return "\(tenths / 10).\(tenths % 10)"
}
