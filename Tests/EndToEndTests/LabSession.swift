import Foundation
import Testing

/// One `lightcone` run in a tmux pane whose shell records `stty -g` before and after and
/// the exit status, in a private folder (also the XDG state folder, for the history).
struct LabSession {
    let tmux: Tmux
    let folder: String
    let pane = "lab"

    /// Starts `lightcone ARGUMENTS` in a `width` x `height` pane.
    /// `history` lines are put in the history file first.
    /// With `shellSurvivesInterrupt`, the pane's shell catches SIGINT (`trap : INT`): a Ctrl-C
    /// that reaches the whole foreground group (the plain REPL runs in cooked mode) does not
    /// end the shell before it records the exit status.
    init(name: String, arguments: [String] = [], width: Int = 100, height: Int = 30, history: [String] = [],
         environment: [String] = [], shellSurvivesInterrupt: Bool = false) throws {
        let binary = try #require(lightconeBinary(), "build lightcone first: swift build")
        folder = NSTemporaryDirectory() + "lightcone-e2e-\(getpid())-\(name)"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder + "/state/lightcone", withIntermediateDirectories: true)
        if !history.isEmpty {
            try history.map { $0 + "\n" }.joined().write(toFile: folder + "/state/lightcone/history", atomically: true, encoding: .utf8)
        }
        tmux = Tmux(name: name)
        let command = ([binary] + arguments).joined(separator: " ")
        let script = (shellSurvivesInterrupt ? "trap : INT; " : "") + "stty -g > \(folder)/before; echo $$ > \(folder)/shell; "
            + "env LANG=C.UTF-8 XDG_STATE_HOME=\(folder)/state \(environment.joined(separator: " ")) \(command); echo $? > \(folder)/status; "
            + "stty -g > \(folder)/after; sleep 600"
        let started = tmux.run(["new-session", "-d", "-s", pane, "-x", "\(width)", "-y", "\(height)", "sh", "-c", script])
        try #require(started.status == 0, "tmux new-session failed")
    }

    /// Stops the tmux server and removes the folder.
    func finish() {
        tmux.killServer()
        try? FileManager.default.removeItem(atPath: folder)
    }

    func wait(seconds: Double = 10, _ predicate: (String) -> Bool) -> (screen: String, ok: Bool) {
        tmux.waitFor(pane, seconds: seconds, predicate)
    }

    /// The screen's rows.
    func rows() -> [String] { tmux.capture(pane).components(separatedBy: "\n") }

    /// Waits for the program to end; its exit status.
    func exitStatus() -> String? {
        let ended = wait { _ in FileManager.default.fileExists(atPath: "\(folder)/after") }
        guard ended.ok else { return nil }
        usleep(100_000)
        return (try? String(contentsOfFile: "\(folder)/status", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// True when the terminal modes after the program equal those before it.
    var isTerminalRestored: Bool {
        let before = try? String(contentsOfFile: "\(folder)/before", encoding: .utf8)
        let after = try? String(contentsOfFile: "\(folder)/after", encoding: .utf8)
        return before != nil && before == after
    }

    /// The program's process id (the pane shell's child).
    func programProcess() -> Int32? {
        guard let text = try? String(contentsOfFile: "\(folder)/shell", encoding: .utf8),
              let shell = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return childProcess(of: shell)
    }
}
