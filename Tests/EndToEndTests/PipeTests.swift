import Foundation
import Testing

/// `lightcone` driven line by line over a pipe, as another program would drive it.
@Suite("End to end: the REPL on a pipe")
struct PipeTests {
    @Test("each command's output is flushed at once, before the next line of input arrives")
    func outputIsFlushedPerCommand() throws {
        let binary = try #require(lightconeBinary(), "build lightcone first: swift build")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = NSTemporaryDirectory() + "lightcone-pipe-\(getpid())"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        input.fileHandleForWriting.write(Data("echo hello\n".utf8))
        // Read what arrives within 10 s while stdin stays open.
        let seen = Lines()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                if seen.append(String(decoding: data, as: UTF8.self)) { done.signal() }
            }
        }
        let arrived = done.wait(timeout: .now() + 10) == .success
        #expect(arrived, "no reply before input ended; got: \(seen.text)")
        input.fileHandleForWriting.write(Data("quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

/// Text read so far, shared with the reading thread.
private final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    private var signalled = false

    var text: String { lock.withLock { buffer } }

    /// Appends; true the first time the buffer holds a `hello` line.
    func append(_ chunk: String) -> Bool {
        lock.withLock {
            buffer += chunk
            if !signalled && buffer.split(separator: "\n").contains("hello") {
                signalled = true
                return true
            }
            return false
        }
    }
}
