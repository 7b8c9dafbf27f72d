import Glibc

/// Where `note TEXT` lines of a demo script go (`--notes TTY_OR_FILE`): a second terminal the
/// speaker can read, or a file. Appends; nothing of it appears on the main screen.
public final class NotesOutput {
    private let file: UnsafeMutablePointer<FILE>

    /// Opens `path` (a TTY such as /dev/pts/3, or a file) for appending; nil when it cannot.
    public init?(path: String) {
        guard let file = fopen(path, "a") else { return nil }
        self.file = file
    }

    deinit { fclose(file) }

    /// Writes one note.
    public func write(_ note: String) {
        _ = ("• " + note + "\n").withCString { fputs($0, file) }
        fflush(file)
    }
}
