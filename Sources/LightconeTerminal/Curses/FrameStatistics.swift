/// What one `CursesBackend.draw` cost: cells handed to curses and bytes written to the
/// terminal (the benchmark figure for "only changed cells are written").
public struct FrameStatistics: Sendable, Equatable {
    /// Cells that differed from the previous frame and were written.
    public var cellsWritten: Int
    /// Bytes curses sent to the terminal for this frame.
    public var bytesWritten: Int
    /// True when the whole screen was written (first frame, resize, redraw).
    public var wasFullRedraw: Bool

    public init(cellsWritten: Int = 0, bytesWritten: Int = 0, wasFullRedraw: Bool = false) {
        self.cellsWritten = cellsWritten
        self.bytesWritten = bytesWritten
        self.wasFullRedraw = wasFullRedraw
    }
}
