import CNCursesW
import CPosix
import Glibc
import LightconeView

/// The only code that draws with ncurses: it copies the changed cells of a `CellGrid` to the
/// screen and decodes input into `KeyEvent`s.
///
/// ```
/// guard let backend = CursesBackend.open(colorsAllowed: true) else { return fallBack() }
/// defer { backend.close() }
/// let stats = backend.draw(grid, cursor: (x: 11, y: 29))
/// let key = backend.readKey(timeoutMilliseconds: 40)
/// ```
final class CursesBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: CellGrid?
    private var pairs: [UInt16: Int32] = [:]
    private var nextPair: Int32 = 1
    private let maximumPair: Int32
    private var isOpen = true
    private var scalarBuffer: [wchar_t] = Array(repeating: 0, count: 8)
    /// The colours in use.
    let colorMode: ColorMode
    /// Totals over the session, for the closing benchmark line.
    private(set) var frames = 0
    private(set) var totalBytes = 0
    private(set) var totalCells = 0
    /// Frames and bytes of the full redraws (first frame, resize, Ctrl-L) among them.
    private(set) var fullFrames = 0
    private(set) var fullBytes = 0

    /// Measure the bytes written per frame (reads /proc/self/io twice a frame).
    var measuresBytes = false

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, colorMode: ColorMode) {
        self.screen = screen
        self.window = window
        self.colorMode = colorMode
        self.maximumPair = colorMode == .none ? 0 : Int32(min(lc_color_pairs() - 1, 32_767))
    }

    /// Opens the screen on stdin/stdout (alternate screen, raw keys, keypad, 25 ms Escape
    /// delay); nil when curses cannot drive this terminal (the caller falls back to the
    /// plain REPL). Colours only when `colorsAllowed` and the terminal has them.
    static func open(colorsAllowed: Bool) -> CursesBackend? {
        guard let screen = newterm(nil, lc_stdout(), lc_stdin()) else { return nil }
        set_term(screen)
        guard let window = lc_stdscr() else {
            endwin()
            delscreen(screen)
            return nil
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        var mode = ColorMode.none
        if colorsAllowed && has_colors() {
            start_color()
            use_default_colors()
            mode = ColorMode(terminalColors: Int(lc_colors()))
        }
        return CursesBackend(screen: screen, window: window, colorMode: mode)
    }

    /// The screen size in cells.
    var size: (width: Int, height: Int) { (Int(lc_cols()), Int(lc_lines())) }

    /// Forgets the previous frame so that the next `draw` writes every cell (Ctrl-L).
    func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// Draws `grid`, writing only the cells that differ from the previous frame, and puts the
    /// cursor at `cursor` (hidden when nil).
    @discardableResult
    func draw(_ grid: CellGrid, cursor: (x: Int, y: Int)?) -> FrameStatistics {
        let bytesBefore = measuresBytes ? lc_bytes_written_by_process() : 0
        let isFull = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if isFull { werase(window) }
        var cellsWritten = 0
        let cells = grid.cells
        let old = isFull ? nil : previous?.cells
        for y in 0..<grid.height {
            let rowStart = y * grid.width
            for x in 0..<grid.width {
                let cell = cells[rowStart + x]
                if cell.isContinuation { continue }
                if let old, old[rowStart + x] == cell { continue }
                if isFull && cell == .blank { continue }
                put(cell, x: x, y: y, isLastColumn: x == grid.width - 1)
                cellsWritten += 1
            }
        }
        previous = grid
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < grid.width, cursor.y < grid.height {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        let bytes = measuresBytes ? Int(lc_bytes_written_by_process() &- bytesBefore) : 0
        frames += 1
        totalBytes += bytes
        totalCells += cellsWritten
        if isFull {
            fullFrames += 1
            fullBytes += bytes
        }
        return FrameStatistics(cellsWritten: cellsWritten, bytesWritten: bytes, wasFullRedraw: isFull)
    }

    private func put(_ cell: Cell, x: Int, y: Int, isLastColumn: Bool) {
        var count = 0
        var width = 1
        for scalar in cell.character.unicodeScalars {
            if count == 0 {
                width = DisplayWidth.of(scalar: scalar)
                // Controls and lone combining marks cannot start a cell; a wide character does
                // not fit in the last column.
                if width == 0 || (width == 2 && isLastColumn) {
                    scalarBuffer[0] = wchar_t(width == 0 ? 0x20 : 0x3F)
                    count = 1
                    break
                }
            }
            if count == 5 { break }   // CCHARW_MAX
            scalarBuffer[count] = wchar_t(bitPattern: scalar.value)
            count += 1
        }
        if count == 0 { scalarBuffer[0] = 0x20; count = 1 }
        scalarBuffer[count] = 0
        let pair = colorPair(foreground: cell.style.foreground, background: cell.style.background)
        var bits = UInt32(cell.style.attributes.rawValue)
        if colorMode == .basic8, cell.style.foreground.rawValue >= TerminalColor.brightBlack.rawValue { bits |= 1 }
        _ = scalarBuffer.withUnsafeBufferPointer { buffer in
            lc_put_cell(window, Int32(y), Int32(x), buffer.baseAddress, bits, pair)
        }
    }

    private func curses(_ color: TerminalColor) -> Int16 {
        if color == .default { return -1 }
        let index = Int16(color.rawValue) - 1   // black = 0 ... brightWhite = 15
        return colorMode == .basic8 ? index % 8 : index
    }

    private func colorPair(foreground: TerminalColor, background: TerminalColor) -> Int32 {
        guard colorMode != .none, foreground != .default || background != .default else { return 0 }
        let key = UInt16(foreground.rawValue) << 8 | UInt16(background.rawValue)
        if let pair = pairs[key] { return pair }
        guard nextPair <= maximumPair else { return 0 }
        let pair = nextPair
        nextPair += 1
        init_pair(Int16(pair), curses(foreground), curses(background))
        pairs[key] = pair
        return pair
    }

    /// Reads one key: waits up to `timeoutMilliseconds` (nil: until a key arrives); nil on
    /// timeout.
    func readKey(timeoutMilliseconds: Int?) -> KeyEvent? {
        wtimeout(window, Int32(clamping: timeoutMilliseconds ?? -1))
        var value: UInt32 = 0
        let result = lc_get_wch(window, &value)
        if result == ERR { return nil }
        if result == lc_key_code_yes() { return Self.decode(keyCode: Int32(bitPattern: value)) }
        if value == 27 {
            // Escape then a character within the Escape delay is Alt plus that character.
            wtimeout(window, 0)
            var next: UInt32 = 0
            let second = lc_get_wch(window, &next)
            if second == OK, let scalar = Unicode.Scalar(next) {
                if next == 127 || next == 8 { return .alt("\u{7F}") }
                if next >= 0x20 { return .alt(Character(scalar)) }
            }
            if second == lc_key_code_yes() { return Self.decode(keyCode: Int32(bitPattern: next)) }
            return .escape
        }
        if let control = KeyEvent(controlCode: value) { return control }
        guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
        return .character(Character(scalar))
    }

    /// Names a curses key code.
    static func decode(keyCode code: Int32) -> KeyEvent {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case lc_key_f(1)...lc_key_f(63): return .function(Int(code - lc_key_f(0)))
        default: return .unknown(Int(code))
        }
    }

    /// Ctrl-Z: restores the terminal, stops the process (SIGTSTP), and takes the screen
    /// back with a full redraw when the shell continues it.
    func suspend() {
        endwin()
        TerminalGuard.setCrashRestore(armed: false)
        raise(SIGTSTP)
        TerminalGuard.setCrashRestore(armed: true)
        invalidate()
    }

    /// Leaves curses: restores the terminal modes, shows the cursor, leaves the alternate screen.
    func close() {
        guard isOpen else { return }
        isOpen = false
        curs_set(1)
        endwin()
        delscreen(screen)
    }

    deinit { close() }
}
