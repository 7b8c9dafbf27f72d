import Glibc

/// Writes transcript lines to a file descriptor in large chunks (64 KiB) instead of a
/// `print` per line: a long `lightcone run` narrates hundreds of thousands of lines. On a
/// terminal every line is written at once, as line-buffered output would be. `flush()`
/// before anything else writes to the same descriptor, and at the end.
struct LineWriter {
    private let descriptor: Int32
    private let flushesEveryLine: Bool
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 16

    /// A writer to `descriptor` (standard output by default).
    init(descriptor: Int32 = STDOUT_FILENO) {
        self.descriptor = descriptor
        self.flushesEveryLine = isatty(descriptor) == 1
        buffer.reserveCapacity(Self.chunk + 4_096)
    }

    /// Appends `line` and a newline; writes the buffer once it holds a chunk.
    mutating func write(_ line: String) {
        var line = line
        line.withUTF8 { buffer.append(contentsOf: $0) }
        buffer.append(10)
        if flushesEveryLine || buffer.count >= Self.chunk { flush() }
    }

    /// Writes everything buffered (retrying short writes and interrupted calls).
    mutating func flush() {
        var written = 0
        buffer.withUnsafeBytes { bytes in
            guard let base = bytes.baseAddress else { return }
            while written < bytes.count {
                let result = Glibc.write(descriptor, base + written, bytes.count - written)
                if result > 0 {
                    written += result
                } else if result < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
