/// One composed screen: the cells, and where the terminal cursor should stand (in the
/// command line) or nil to hide it.
public struct Frame: Sendable, Equatable {
    /// The cells to show.
    public var grid: CellGrid
    /// Column and row of the cursor, when it should be visible.
    public var cursor: (x: Int, y: Int)?

    /// A frame.
    public init(grid: CellGrid, cursor: (x: Int, y: Int)?) {
        self.grid = grid
        self.cursor = cursor
    }

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.grid == rhs.grid && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }
}
