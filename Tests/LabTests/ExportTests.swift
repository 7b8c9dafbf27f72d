import Foundation
import LightconeLab
import LightconeView
import Testing

/// `export` writes files, never overwriting one without `--force`; `record` checks its file.
@Suite struct ExportTests {
    static func temporaryFolder() -> String {
        let path = NSTemporaryDirectory() + "lightcone-export-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func timelineIsAnSVGAndIsNotOverwritten() throws {
        let folder = Self.temporaryFolder()
        var session = Lab(options: SessionOptions())
        session.drawings = .view
        _ = session.execute("broadcast x via n1")
        _ = session.execute("run 200ms")
        #expect(session.execute("export timeline \(folder)/t.svg").lines == ["wrote \(folder)/t.svg"])
        let svg = try String(contentsOfFile: "\(folder)/t.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains(">n5</text>"))
        #expect(svg.contains("Push"))
        let again = session.execute("export timeline \(folder)/t.svg")
        #expect(again.isError)
        #expect(again.lines == ["error: \(folder)/t.svg exists; add --force to overwrite it"])
        #expect(!session.execute("export timeline \(folder)/t.svg --force").isError)
    }

    @Test func screenUsesTheFrontEndsRenderer() throws {
        let folder = Self.temporaryFolder()
        var session = Lab(options: SessionOptions())
        #expect(session.execute("export screen \(folder)/s.txt").lines == ["error: export screen needs the view, which this front end lacks"])
        var drawings = LabDrawings.view
        drawings.screen = { snapshot in ["\(snapshot.nodes.count) nodes"] }
        session.drawings = drawings
        _ = session.execute("export screen \(folder)/s.txt")
        #expect(try String(contentsOfFile: "\(folder)/s.txt", encoding: .utf8) == "5 nodes\n")
    }

    @Test("timeline pairs each send with its fate from the typed trace, and needs the view")
    func timelineFromEntries() {
        var session = Lab(options: SessionOptions())
        _ = session.execute("new gossip 3")
        #expect(session.execute("timeline").lines == ["error: timeline needs the view, which this front end lacks"])
        session.drawings = .view
        #expect(session.execute("timeline").lines == ["no messages yet"])
        _ = session.execute("cut n1->n3")
        _ = session.execute("broadcast x via n1")
        _ = session.execute("run 100ms")
        let lines = session.execute("timeline").lines
        #expect(lines.first == "time      n1    n2    n3    ")
        #expect(lines.last == "o sender  > delivered  x dropped  ~ held")
        // n1's push to n2 is delivered (an arrow into n2), its push to n3 is cut (a cross).
        #expect(lines.contains { $0.contains("oPush->") })
        #expect(lines.contains { $0.contains("o---Push----x") })
    }

    @Test func badExportsAndRecordings() {
        var session = Lab(options: SessionOptions())
        #expect(session.execute("export").lines == ["error: export needs timeline or screen and a file; usage: export timeline FILE.svg | export screen FILE.svg|FILE.txt [--force]"])
        #expect(session.execute("export timeline t.txt").lines == ["error: export timeline writes .svg files, not t.txt"])
        #expect(session.execute("export screen /no/such/folder/s.txt").lines == ["error: no folder /no/such/folder"])
        #expect(session.execute("record demo.mp4").lines == ["error: record writes an asciicast file ending in .cast, not demo.mp4"])
        #expect(session.execute("record stop").requests == [.record(nil)])
    }

    @Test("record and export refuse a symbolic link (even a dangling one) and an over-long name before announcing anything")
    func symlinksAndLongNames() throws {
        let folder = Self.temporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.cast", withDestinationPath: folder + "/elsewhere.cast")
        var session = Lab(options: SessionOptions())
        #expect(session.execute("record \(folder)/link.cast").lines == ["error: \(folder)/link.cast is a symbolic link; add --force to write through it"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere.cast"))
        let long = String(repeating: "a", count: 300) + ".cast"
        #expect(session.execute("record \(folder)/\(long)").lines == ["error: the file name is too long (305 bytes; at most 255)"])
    }

    @Test("record inside lightcone run says it needs the REPL or the view instead of pretending")
    func recordInAScript() {
        var session = Lab(options: SessionOptions())
        var lines: [String] = []
        let result = ScriptRunner.run([.init(name: "s", text: "record x.cast\n")], session: &session) { lines.append($0) }
        #expect(lines == ["> record x.cast", "error: record needs the REPL or the view; `lightcone run` prints its transcript to stdout instead"])
        #expect(result.failure == "s:1: record needs the REPL or the view; `lightcone run` prints its transcript to stdout instead")
    }

}
