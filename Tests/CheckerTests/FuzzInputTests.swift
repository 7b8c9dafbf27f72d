import Foundation
import LightconeCheckers
import Testing

/// Every input kept in `Fuzz/` (hand-written seeds and the crashers `make fuzz` found) goes
/// through both history readers on each test run: each ends with a verdict or an error
/// (seeds named `*-bad*` are meant to be refused).
@Suite("Fuzz inputs") struct FuzzInputTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs() -> [URL] {
        var files: [URL] = []
        for part in ["seeds", "crashers"] {
            for reader in ["edn", "jepsen-log"] {
                let folder = fuzzFolder.appendingPathComponent(part).appendingPathComponent(reader)
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                files += names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
            }
        }
        return files
    }

    @Test("the seeds and crashers are there")
    func folderIsThere() {
        #expect(Self.inputs().count >= 4, "Fuzz/seeds and Fuzz/crashers at \(Self.fuzzFolder.path)")
    }

    @Test("each kept input is read to a verdict or an error, by both readers", arguments: inputs())
    func replay(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let text = String(decoding: data, as: UTF8.self)
        let edn = Result { () throws(HistoryImportError) in try EDNHistoryParser.parse(text) }
        let log = Result { () throws(HistoryImportError) in try JepsenLogParser.parse(text) }
        let valid = !file.lastPathComponent.contains("-bad")
        if valid, file.path.contains("/seeds/edn/") { #expect(throws: Never.self) { try edn.get() } }
        if valid, file.path.contains("/seeds/jepsen-log/") { #expect(throws: Never.self) { try log.get() } }
        if file.lastPathComponent == "deep-nesting.edn" {
            #expect(throws: HistoryImportError.self) { try edn.get() }
        }
    }
}
