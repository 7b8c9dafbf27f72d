import Foundation
import Testing
import LightconeView

/// Snapshot goldens: `Goldens/NAME.txt` holds the expected `CellGrid.text`. Run with
/// `REWRITE=1` to re-record them (then review the diff); never rewritten silently.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static var isRewriting: Bool { ProcessInfo.processInfo.environment["REWRITE"] == "1" }

    /// Compares `grid` with golden `name`, or records it under `REWRITE=1`.
    static func check(_ grid: CellGrid, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = grid.text + "\n"
        if isRewriting {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden \(name).txt; run with REWRITE=1 to record it. Got:\n\(actual)", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("frame differs from golden \(name).txt (REWRITE=1 re-records). Got:\n\(actual)\nExpected:\n\(expected)",
                         sourceLocation: sourceLocation)
        }
    }
}
