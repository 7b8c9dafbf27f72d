import Foundation
import LightconeLab
import LightconeSimulation
import Testing

/// Any input, however wrong, gets an answer and never a crash; the session goes on.
@Suite struct RobustnessTests {
    static let words = ["new", "gossip", "raft", "0", "1", "5", "100000", "-3", "n0", "n1", "n2", "n5", "n99", "leader",
                        "|", "||", "->", "<->", "n1->n2", "n2<->n1", "n1->", "kill", "restart", "pause", "resume",
                        "partition", "isolate", "heal", "cut", "hold", "release", "net", "link", "latency=5..1ms",
                        "latency=1..5ms", "loss=50%", "dup=100%", "loss=", "messages", "drop", "deliver", "#1", "7",
                        "timeout", "chaos", "for", "1s", "0ms", "faults=", "faults=kill", "bug", "off", "bugs",
                        "step", "run", "until", "within", "delivered", "everywhere", "expect", "up", "down",
                        "rewind", "10s", "seed", "99", "load", "5/s", "clients=0", "keys=2", "history", "--json",
                        "--script", "check", "log", "timeline", "echo", "help", "status", "inspect", "broadcast",
                        "via", "x", "put", "é", "🙂", "\t", "", "round=0ms", "fanout=64", "violation", "converged"]

    @Test(arguments: 1...8)
    func randomLinesNeverCrash(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var session = Lab(options: SessionOptions())
        for _ in 0..<400 {
            let count = 1 + rng.index(below: 5)
            let line = (0..<count).map { _ in Self.words[rng.index(below: Self.words.count)] }.joined(separator: " ")
            let output = session.execute(line)
            if output.isError {
                #expect(output.lines.count == 1, "\(line) gave \(output.lines)")
            }
            // Keep runs short so the test stays fast.
            if session.cluster.now > 30_000_000 || session.cluster.nodeCount > 200 { _ = session.execute("new gossip 5") }
        }
        #expect(session.execute("status --json").lines.count == 1)
    }

    @Test("a script saved with CRLF or CR line ends runs line by line, as with LF")
    func scriptLineEnds() {
        let text = "new gossip 3\nkill n2\nexpect down n2\nstatus\n"
        func transcript(_ text: String) -> ([String], ScriptRunner.Result) {
            var session = Lab(options: SessionOptions())
            var lines: [String] = []
            let result = ScriptRunner.run([.init(name: "s", text: text)], session: &session) { lines.append($0) }
            return (lines, result)
        }
        let unix = transcript(text)
        #expect(unix.1.failure == nil)
        for ending in ["\r\n", "\r"] {
            let other = transcript(text.replacing("\n", with: ending))
            #expect(other.0 == unix.0)
            #expect(other.1 == unix.1)
        }
    }


    @Test("control characters in errors and echo are shown escaped, never sent to the terminal")
    func controlCharactersEscaped() {
        var session = Lab(options: SessionOptions())
        #expect(session.execute("echo \u{1b}]0;pwned\u{07} done").lines == ["\\x1b]0;pwned\\x07 done"])
        let error = session.execute("kill n\u{1b}[2J")
        #expect(error.isError)
        #expect(error.lines.count == 1)
        #expect(!error.lines[0].unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) })
        #expect(error.lines[0].contains("\\x1b[2J"))
        #expect(session.execute("echo caf\u{e9} \u{1F642}").lines == ["caf\u{e9} \u{1F642}"])
    }

    @Test("a huge unknown word gets a one-line answer and no suggestion work")
    func hugeWord() {
        var session = Lab(options: SessionOptions())
        let word = String(repeating: "k", count: 200_000)
        let output = session.execute(word)
        #expect(output.isError)
        #expect(output.lines.count == 1)
        #expect(!output.lines[0].contains("did you mean"))
        #expect(session.execute("kil n1").lines == ["error: unknown command 'kil'; did you mean kill? `help` lists the commands"])
    }


    @Test("a file that cannot be read says why: missing, a folder, binary or not UTF-8")
    func textFileReasons() throws {
        let folder = NSTemporaryDirectory() + "lightcone-textfile-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data([0x65, 0x00, 0x01]).write(to: URL(fileURLWithPath: folder + "/binary"))
        try Data([0xc3, 0x28]).write(to: URL(fileURLWithPath: folder + "/latin"))
        #expect(TextFile.read(folder + "/none") == .failure(.missing))
        #expect(TextFile.read(folder) == .failure(.folder))
        #expect(TextFile.read(folder + "/binary") == .failure(.notText))
        #expect(TextFile.read(folder + "/latin") == .failure(.notText))
        // A pipe is read to its end.
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("echo hi\n".utf8))
        try pipe.fileHandleForWriting.close()
        #expect(TextFile.read("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)") == .success("echo hi\n"))
        var session = Lab(options: SessionOptions())
        #expect(session.execute("source \(folder)").lines == ["error: cannot read \(folder): is a folder"])
    }

    @Test("an empty script says it holds no commands")
    func emptyScript() {
        var session = Lab(options: SessionOptions())
        var lines: [String] = []
        let result = ScriptRunner.run([.init(name: "e", text: "# only a comment\n\n")], session: &session) { lines.append($0) }
        #expect(result.failure == nil)
        #expect(lines == ["# only a comment", "no commands"])
    }

}
