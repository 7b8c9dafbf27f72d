import Foundation
import LightconeCheckers
import LightconeSimulation
import Testing

/// Where the recorded histories are: `$LIGHTCONE_HISTORIES`, else `shared/testdata/histories`
/// beside the repository (the repo is `/work/main`, the data `/work/shared/...`; CI clones
/// the repo into a folder with `shared/` next to it).
enum RecordedHistories {
    static let folder: String? = {
        let candidate: String
        if let path = ProcessInfo.processInfo.environment["LIGHTCONE_HISTORIES"], !path.isEmpty {
            candidate = path
        } else {
            // #filePath = <repo>/Tests/CheckerTests/RecordedHistoryTests.swift
            let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            candidate = repository.deletingLastPathComponent().appendingPathComponent("shared/testdata/histories").path
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
            return candidate
        }
        print("RecordedHistoryTests: SKIPPED, no recorded histories at \(candidate) (set LIGHTCONE_HISTORIES)")
        return nil
    }()

    static var isPresent: Bool { folder != nil }

    /// The `VERDICTS` lines of `subfolder`: (file, linearizable?).
    static func verdicts(_ subfolder: String) -> [(file: String, linearizable: Bool)] {
        guard let folder,
              let text = try? String(contentsOfFile: folder + "/" + subfolder + "/VERDICTS", encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { return nil }
            return (String(parts[0]), parts[1] == "linearizable")
        }
    }

    static func history(_ subfolder: String, _ file: String) throws -> [HistoryEntry] {
        let text = try String(contentsOfFile: (folder ?? "") + "/" + subfolder + "/" + file, encoding: .utf8)
        return try HistoryImport.parse(text)
    }
}

// When the folder is absent these tests are skipped (the trait's comment says so) and
// `RecordedHistories.folder` prints a `SKIPPED` line naming the path it looked at.
@Suite("Recorded histories (../shared/testdata/histories)", .enabled(if: RecordedHistories.isPresent,
       "skipped: ../shared/testdata/histories beside the repository (or $LIGHTCONE_HISTORIES) is absent"))
struct RecordedHistoryTests {
    @Test("every VERDICTS line matches", arguments: ["jepsen-etcd", "kv"])
    func verdicts(subfolder: String) throws {
        let expected = RecordedHistories.verdicts(subfolder)
        #expect(expected.count >= (subfolder == "kv" ? 6 : 100))
        for (file, linearizable) in expected {
            let history = try RecordedHistories.history(subfolder, file)
            let verdict = LinearizabilityChecker.check(history, times: .lineNumbers)
            if linearizable {
                #expect(verdict == .linearizable, "\(subfolder)/\(file): \(verdict)")
            } else {
                #expect(verdict.isViolation, "\(subfolder)/\(file): \(verdict)")
            }
        }
    }

    @Test("every history file has a verdict, except etcd_095.log")
    func everyFileHasAVerdict() throws {
        for subfolder in ["jepsen-etcd", "kv"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: (RecordedHistories.folder ?? "") + "/" + subfolder)
                .filter { $0 != "VERDICTS" && $0 != "etcd_095.log" }
            let judged = Set(RecordedHistories.verdicts(subfolder).map(\.file))
            #expect(Set(files) == judged, "\(subfolder)")
        }
    }

    @Test("etcd_095.log (no recorded verdict) is checked and the check ends")
    func unjudgedHistory() throws {
        let history = try RecordedHistories.history("jepsen-etcd", "etcd_095.log")
        let verdict = LinearizabilityChecker.check(history, times: .lineNumbers)
        let line = LinearizabilityChecker.verdictLine(file: "etcd_095.log", operationCount: history.count, verdict: verdict)
        #expect(line.hasPrefix("etcd_095.log: "))
    }

    @Test("a not-linearizable etcd history is explained by a handful of operations on key x")
    func etcdExplanation() throws {
        let history = try RecordedHistories.history("jepsen-etcd", "etcd_000.log")
        guard case .notLinearizable(let key, let explanation, _) = LinearizabilityChecker.check(history, times: .lineNumbers) else {
            Issue.record("etcd_000.log should not be linearizable")
            return
        }
        #expect(key == "x")
        #expect(explanation.count <= 6)
        #expect(explanation.allSatisfy { $0.contains("  line ") })
    }
}
