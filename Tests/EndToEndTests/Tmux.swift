import CPosix
import Foundation

/// A private tmux server for one test (`tmux -L NAME -f /dev/null`), driven with
/// `posix_spawnp` (not Foundation's `Process`, whose pipes the tmux server would inherit),
/// with inherited descriptors closed and a clean signal mask.
struct Tmux {
    let server: String

    /// The `tmux` executable on PATH, if any.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var isAvailable: Bool { executable != nil }

    /// A server name unique to this process and test.
    init(name: String) {
        server = "lightcone-e2e-\(getpid())-\(name)"
    }

    /// Runs `tmux -L server -f /dev/null ARGS...`; returns its exit status and standard output.
    @discardableResult
    func run(_ arguments: [String]) -> (status: Int32, output: String) {
        Self.spawn(["tmux", "-L", server, "-f", "/dev/null"] + arguments)
    }

    /// Spawns a command, collects its standard output, waits for it.
    static func spawn(_ arguments: [String]) -> (status: Int32, output: String) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return (-1, "") }
        var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        cArguments.append(nil)
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = lc_spawn(&cArguments, -1, fds[1], -1, &pid)
        close(fds[1])
        guard result == 0 else {
            close(fds[0])
            return (-1, "")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
        let status = lc_wait(pid)
        return (status, String(decoding: bytes, as: UTF8.self))
    }

    /// The visible text of the pane (trailing blanks stripped by tmux).
    func capture(_ target: String) -> String {
        run(["capture-pane", "-p", "-t", target]).output
    }

    /// A format string evaluated for the pane (`#{alternate_on}`, `#{pane_pid}`).
    func display(_ target: String, _ format: String) -> String {
        run(["display-message", "-p", "-t", target, format]).output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Types text literally, then (optionally) Enter.
    func type(_ target: String, _ text: String, enter: Bool = true) {
        run(["send-keys", "-t", target, "-l", text])
        if enter { run(["send-keys", "-t", target, "Enter"]) }
    }

    /// Sends named keys (`Space`, `C-c`, `PageDown`).
    func press(_ target: String, _ keys: String...) {
        run(["send-keys", "-t", target] + keys)
    }

    /// Polls the pane until `predicate` holds for its text (every 50 ms, up to `seconds`);
    /// returns the last capture and whether it held.
    func waitFor(_ target: String, seconds: Double = 10, _ predicate: (String) -> Bool) -> (screen: String, ok: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = capture(target)
        while !predicate(screen) {
            if Date() > deadline { return (screen, false) }
            usleep(50_000)
            screen = capture(target)
        }
        return (screen, true)
    }

    func killServer() {
        run(["kill-server"])
    }
}
