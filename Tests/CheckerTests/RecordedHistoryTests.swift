import Foundation
import LightconeCheckers
import LightconeSimulation
import Testing

/// Where the recorded histories are: `$LIGHTCONE_HISTORIES`, else `shared/testdata/histories`
/// beside the repository (the repo is `/work/main`, the data `/work/shared/...`; CI clones
/// the repo into a folder with `shared/` next to it).
enum RecordedHistories {
    static let folder: String? = {
        if let path = ProcessInfo.processInfo.environment["LIGHTCONE_HISTORIES"], !path.isEmpty {
            return path
        }
        // #filePath = <repo>/Tests/CheckerTests/RecordedHistoryTests.swift
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidate = repository.deletingLastPathComponent()
            .appendingPathComponent("shared/testdata/histories").path
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

@Suite("Recorded histories (../shared/testdata/histories)", .enabled(if: RecordedHistories.isPresent,
       "skipped: ../shared/testdata/histories beside the repository (or $LIGHTCONE_HISTORIES) is absent"))
struct RecordedHistoryTests {
    @Test("every jepsen-etcd verdict matches")
    func etcdVerdicts() throws {
        let expected = RecordedHistories.verdicts("jepsen-etcd")
        #expect(expected.count >= 100)
        for (file, linearizable) in expected {
            let history = try RecordedHistories.history("jepsen-etcd", file)
            let clock = ContinuousClock()
            let start = clock.now
            let verdict = LinearizabilityChecker.check(history, times: .lineNumbers)
            print(LinearizabilityChecker.verdictLine(file: file, operationCount: history.count, verdict: verdict), clock.now - start)
            if linearizable {
                #expect(verdict == .linearizable, "\(file)")
            } else {
                #expect(verdict.isViolation, "\(file)")
            }
        }
    }
}
