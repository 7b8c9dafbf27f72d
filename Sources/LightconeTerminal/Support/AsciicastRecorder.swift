import Glibc
import LightconeSimulation
import LightconeLab
import LightconeView

/// Records what the lab shows as an asciicast v2 file (`record FILE.cast`, `--record`):
/// a JSON header line, then one `[seconds, "o", text]` line per piece of output.
/// The times are wall-clock seconds since the recording started; they never reach a transcript.
public final class AsciicastRecorder {
    private let file: UnsafeMutablePointer<FILE>
    private let start: Int64
    private var lastFrame: CellGrid?
    private var lastCursor: (x: Int, y: Int)?
    /// The file being written.
    public let path: String

    /// Starts a recording of a `width` x `height` terminal; nil when the file cannot be written.
    public init?(path: String, width: Int, height: Int) {
        guard let file = fopen(path, "w") else { return nil }
        self.file = file
        self.path = path
        self.start = MonotonicClock.microseconds
        var timestamp = timespec()
        clock_gettime(CLOCK_REALTIME, &timestamp)
        let header = JSONValue.object([
            ("version", .int(2)), ("width", .int(max(1, width))), ("height", .int(max(1, height))),
            ("timestamp", .int(Int64(timestamp.tv_sec))),
            ("env", .object([("TERM", .string("xterm-256color")), ("SHELL", .string("lightcone"))])),
        ])
        write(header.text + "\n")
    }

    deinit { fclose(file) }

    /// Records `text` as output now (newlines become CR LF, as a terminal needs).
    public func output(_ text: String) {
        let seconds = Double(MonotonicClock.microseconds - start) / 1_000_000
        var terminalText = ""
        for character in text { if character == "\n" { terminalText += "\r\n" } else { terminalText.append(character) } }
        let event = JSONValue.array([.string(""), .string("o"), .string(terminalText)]).text
        // The time is the one number that is not an integer; write it by hand.
        let stamped = "[" + String(format3(seconds)) + event.dropFirst("[\"\"".count)
        write(stamped + "\n")
    }

    /// Records a frame of the view, when it differs from the last one recorded: the first
    /// frame (and one of a new size) whole, after that only the cells that changed, with
    /// cursor moves and colour changes (a few hundred bytes where a redraw takes 10 KB).
    public func frame(_ grid: CellGrid, cursor: (x: Int, y: Int)?) {
        guard grid != lastFrame || cursor?.x != lastCursor?.x || cursor?.y != lastCursor?.y else { return }
        defer {
            lastFrame = grid
            lastCursor = cursor
        }
        if let lastFrame, lastFrame.width == grid.width, lastFrame.height == grid.height {
            output(ANSIText.difference(from: lastFrame, to: grid, cursor: cursor))
        } else {
            output(ANSIText.frame(grid, cursor: cursor))
        }
    }

    private func write(_ text: String) {
        _ = text.withCString { fputs($0, file) }
        fflush(file)
    }

    private func format3(_ value: Double) -> String {
        let thousandths = Int64((value * 1000).rounded())
        return DecimalText.format(thousandths, decimals: 3).contains(".") ? DecimalText.format(thousandths, decimals: 3)
            : DecimalText.format(thousandths, decimals: 3) + ".0"
    }
}

/// A cell grid as terminal text with ANSI colours, for recordings.
enum ANSIText {
    /// The whole grid: clear the screen, then every row.
    static func frame(_ grid: CellGrid, cursor: (x: Int, y: Int)?) -> String {
        var out = "\u{1b}[?25l\u{1b}[0m\u{1b}[H\u{1b}[2J"
        var current: CellStyle?
        for y in 0..<grid.height {
            out += "\u{1b}[\(y + 1);1H"
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if cell.style != current {
                    out += sgr(cell.style)
                    current = cell.style
                }
                out.append(cell.character)
            }
        }
        out += "\u{1b}[0m"
        if let cursor { out += "\u{1b}[\(cursor.y + 1);\(cursor.x + 1)H\u{1b}[?25h" }
        return out
    }

    /// What turns a terminal showing `previous` into one showing `grid`: the changed cells
    /// only, reached with cursor moves (`ESC[row;colH`, or `ESC[nC` along a row) and drawn
    /// with their SGR colours; the attributes are reset at the end, so each difference
    /// starts from the plain style.
    static func difference(from previous: CellGrid, to grid: CellGrid, cursor: (x: Int, y: Int)?) -> String {
        var out = "\u{1b}[?25l"
        var current = CellStyle.plain
        // Where the terminal's cursor is; nil when unknown (after the last column, whose
        // wrap is pending).
        var position: (x: Int, y: Int)?
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                let isWide = grid[x + 1, y].isContinuation
                // The same character, as wide as before (a terminal redraws a wide character whose half changes).
                if cell == previous[x, y] && isWide == previous[x + 1, y].isContinuation { continue }
                if let position, position.y == y, position.x == x {
                    // Already there.
                } else if let position, position.y == y, position.x < x {
                    out += x - position.x == 1 ? "\u{1b}[C" : "\u{1b}[\(x - position.x)C"
                } else {
                    out += "\u{1b}[\(y + 1);\(x + 1)H"
                }
                if cell.style != current {
                    out += sgr(cell.style)
                    current = cell.style
                }
                out.append(cell.character)
                let next = x + (isWide ? 2 : 1)
                position = next < grid.width ? (next, y) : nil
            }
        }
        if current != .plain { out += "\u{1b}[0m" }
        if let cursor { out += "\u{1b}[\(cursor.y + 1);\(cursor.x + 1)H\u{1b}[?25h" }
        return out
    }

    static func sgr(_ style: CellStyle) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let fg = code(style.foreground, base: 30) { codes.append(fg) }
        if let bg = code(style.background, base: 40) { codes.append(bg) }
        return "\u{1b}[" + codes.joined(separator: ";") + "m"
    }

    static func code(_ color: TerminalColor, base: Int) -> String? {
        guard color != .default else { return nil }
        let index = Int(color.rawValue) - 1  // black = 0 ... white = 7, bright 8...15
        return index < 8 ? "\(base + index)" : "\(base + 60 + index - 8)"
    }
}

/// `record` in the line REPLs: records each prompt, command and its output as text.
public struct LineRecording {
    /// The recording in progress, if any.
    public private(set) var recorder: AsciicastRecorder?

    /// No recording yet.
    public init() {}

    /// Starts recording to `path` (the `--record` flag); returns an error line when it cannot.
    public mutating func start(_ path: String, width: Int) -> String? {
        recorder = AsciicastRecorder(path: path, width: width, height: 24)
        return recorder == nil ? "error: cannot write \(path)" : nil
    }

    /// Records one exchange, then obeys its `record` requests; returns lines to print.
    public mutating func note(prompt: String, line: String, output: CommandOutput, width: Int) -> [String] {
        var extra: [String] = []
        recorder?.output(prompt + line + "\n" + output.lines.map { $0 + "\n" }.joined())
        for case .record(let path) in output.requests {
            if let path {
                if let error = start(path, width: width) { extra.append(error) }
            } else if recorder == nil {
                extra.append("error: nothing is being recorded")
            } else {
                extra.append("recording stopped: \(recorder!.path)")
                recorder = nil
            }
        }
        return extra
    }
}
