import LightconeView

/// What the full-screen lab needs from a terminal: its size, drawing a grid, reading keys.
/// `CursesBackend` is the real one; tests drive the lab with a scripted one.
protocol TerminalScreen: AnyObject {
    /// The screen size in cells.
    var size: (width: Int, height: Int) { get }
    /// The colours in use.
    var colorMode: ColorMode { get }
    /// Draws a frame (only changed cells reach the terminal) and places the cursor.
    @discardableResult func draw(_ grid: CellGrid, cursor: (x: Int, y: Int)?) -> FrameStatistics
    /// One key, waiting up to `timeoutMilliseconds` (nil: forever); nil on timeout.
    func readKey(timeoutMilliseconds: Int?) -> KeyEvent?
    /// The next frame is written in full.
    func invalidate()
    /// Gives the terminal back until the process is continued (Ctrl-Z).
    func suspend()
}

extension CursesBackend: TerminalScreen {}
