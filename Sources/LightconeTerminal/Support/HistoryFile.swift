import Glibc

/// The command history shared by the full-screen view and the plain REPL: one command a
/// line, oldest first, in `$XDG_STATE_HOME/lightcone/history` (default
/// `~/.local/state/lightcone/history`). Our own format, because libedit's differs from
/// readline's; libedit gets it through `add_history`.
///
/// ```
/// let file = HistoryFile.standard
/// let past = file?.load() ?? []
/// file?.append("kill n2")
/// ```
public struct HistoryFile: Sendable, Equatable {
    /// The file's path.
    public let path: String

    /// A history file at `path`.
    public init(path: String) { self.path = path }

    /// The history file for this user, from the environment; nil without HOME or XDG_STATE_HOME.
    public static var standard: HistoryFile? {
        defaultPath { name in getenv(name).map { String(cString: $0) } }.map(HistoryFile.init(path:))
    }

    /// Where the history lives given environment variables: `$XDG_STATE_HOME/lightcone/history`,
    /// else `$HOME/.local/state/lightcone/history` (empty values count as unset).
    public static func defaultPath(environment: (String) -> String?) -> String? {
        if let state = environment("XDG_STATE_HOME"), !state.isEmpty { return state + "/lightcone/history" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.local/state/lightcone/history" }
        return nil
    }

    /// The last `limit` commands, oldest first (empty when the file does not exist).
    public func load(limit: Int = 1_000) -> [String] {
        guard let file = fopen(path, "r") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > 4_000_000 { break }   // a bound on a runaway file
        }
        let lines = Self.parse(String(decoding: bytes, as: UTF8.self))
        let kept = Array(lines.suffix(max(0, limit)))
        // Bounded: a file grown past twice the limit is rewritten with the lines kept.
        if lines.count > 2 * max(1, limit) { rewrite(kept) }
        return kept
    }

    /// Replaces the file's content with `lines` (write a temporary file, then rename).
    private func rewrite(_ lines: [String]) {
        let temporary = path + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { break } }
            done += n
        }
        close(fd)
        if done == bytes.count { rename(temporary, path) } else { unlink(temporary) }
    }

    /// The commands in a history file's text: non-blank lines, in order.
    public static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map(String.init)
            .filter { $0.contains(where: { !$0.isWhitespace }) }
    }

    /// Appends one command (blank lines are skipped; line breaks inside become spaces),
    /// creating the folder when needed. Errors are ignored: history is a convenience.
    public func append(_ line: String) {
        let flat = String(line.map { $0.isNewline ? " " : $0 })
        guard flat.contains(where: { !$0.isWhitespace }) else { return }
        createParentFolders()
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let bytes = Array((flat + "\n").utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            done += n
        }
    }

    private func createParentFolders() {
        var prefix = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            prefix += (index == 0 ? "" : "/") + part
            if !prefix.isEmpty { mkdir(prefix, 0o700) }
        }
    }
}
