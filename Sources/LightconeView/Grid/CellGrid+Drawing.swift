/// The lines a box is drawn with.
public enum BoxLine: Sendable, Hashable {
    /// `┌─┐│└─┘`
    case light
    /// `╭─╮│╰─╯`
    case rounded
    /// `┏━┓┃┗━┛`, for the leader.
    case heavy
    /// `╔═╗║╚═╝`
    case double
    /// `+-+|+-+`, for `--ascii`.
    case ascii
    /// `#=#|#=#` in ASCII: a box that stands out (the leader) without Unicode.
    case asciiStrong

    /// Corner and edge characters: top-left, top, top-right, side, bottom-left, bottom-right.
    var parts: (topLeft: Character, horizontal: Character, topRight: Character, vertical: Character,
                bottomLeft: Character, bottomRight: Character) {
        switch self {
        case .light: ("┌", "─", "┐", "│", "└", "┘")
        case .rounded: ("╭", "─", "╮", "│", "╰", "╯")
        case .heavy: ("┏", "━", "┓", "┃", "┗", "┛")
        case .double: ("╔", "═", "╗", "║", "╚", "╝")
        case .ascii: ("+", "-", "+", "|", "+", "+")
        case .asciiStrong: ("#", "=", "#", "#", "#", "#")
        }
    }
}


extension CellGrid {
    /// Puts one character at (`x`, `y`); a wide character takes two columns (the second a
    /// continuation cell) and is replaced by a space when only one column is left. Overwriting
    /// half of a wide character blanks its other half. Returns the columns used (0 when clipped).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: CellStyle, clip: Rect? = nil) -> Int {
        let width = DisplayWidth.of(character)
        guard width > 0 else { return 0 }
        let maxX = min(self.width, clip?.maxX ?? self.width)
        let minX = max(0, clip?.x ?? 0)
        guard y >= 0, y < height, y >= (clip?.y ?? 0), y < (clip?.maxY ?? height) else { return width }
        guard x >= minX, x < maxX else { return width }
        if width == 2 && x + 1 >= maxX {
            setCell(Cell(" ", style: style), x: x, y: y)
            return 1
        }
        setCell(Cell(character, style: style), x: x, y: y)
        if width == 2 { setCell(Cell(" ", style: style, isContinuation: true), x: x + 1, y: y) }
        return width
    }

    /// Writes `text` from column `x` of row `y`, at most `maxWidth` columns (default: to the
    /// edge of the grid or `clip`). Control characters are shown as `?`. Returns the columns used.
    @discardableResult
    public mutating func put(text: some StringProtocol, x: Int, y: Int, style: CellStyle,
                             maxWidth: Int? = nil, clip: Rect? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = maxWidth.map { x + max(0, $0) } ?? Int.max
        var column = x
        // Printable ASCII (most text) goes byte by byte, without grapheme breaking.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                if column >= limit || column >= width { break }
                if column >= 0, clip.map({ $0.contains(x: column, y: y) }) ?? true {
                    setCell(Cell(scalar: Unicode.Scalar(byte), style: style), x: column, y: y)
                }
                column += 1
            }
            return column - x
        }
        for character in text {
            if column >= limit || column >= width { break }
            var shown = character
            var w = DisplayWidth.of(character)
            if w == 0 { shown = "?"; w = 1 }
            if column + w > limit { break }
            put(shown, x: column, y: y, style: style, clip: clip)
            column += w
        }
        return column - x
    }

    /// Sets the style of the cells of `rect` without changing their characters.
    public mutating func restyle(_ rect: Rect, style: CellStyle) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            for x in x0..<x1 {
                var cell = self[x, y]
                cell.style = style
                self[x, y] = cell
            }
        }
    }

    /// Fills `rect` with `character` in `style`.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: CellStyle = .plain) {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        let cell = Cell(character, style: style)
        // A wide character cut by the left edge of the rectangle loses its first half.
        for y in y0..<y1 {
            if x0 > 0 && self[x0, y].isContinuation { self[x0 - 1, y] = Cell(" ", style: self[x0 - 1, y].style) }
            if x1 < width && self[x1, y].isContinuation { self[x1, y] = Cell(" ", style: self[x1, y].style) }
            for x in x0..<x1 { self[x, y] = cell }
        }
    }

    /// Draws the outline of `rect` with `line`; the inside is left as is. Boxes smaller than
    /// 2x2 draw nothing.
    public mutating func drawBox(_ rect: Rect, line: BoxLine, style: CellStyle) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let p = line.parts
        let right = rect.maxX - 1, bottom = rect.maxY - 1
        putNarrow(p.topLeft, x: rect.x, y: rect.y, style: style)
        putNarrow(p.topRight, x: right, y: rect.y, style: style)
        putNarrow(p.bottomLeft, x: rect.x, y: bottom, style: style)
        putNarrow(p.bottomRight, x: right, y: bottom, style: style)
        for x in (rect.x + 1)..<right {
            putNarrow(p.horizontal, x: x, y: rect.y, style: style)
            putNarrow(p.horizontal, x: x, y: bottom, style: style)
        }
        for y in (rect.y + 1)..<bottom {
            putNarrow(p.vertical, x: rect.x, y: y, style: style)
            putNarrow(p.vertical, x: right, y: y, style: style)
        }
    }

    /// A vertical line of `character` in column `x` from row `y` for `length` rows.
    public mutating func drawVerticalLine(x: Int, y: Int, length: Int, character: Character, style: CellStyle) {
        guard length > 0 else { return }
        let isNarrow = DisplayWidth.of(character) == 1
        for row in y..<(y + length) {
            if isNarrow { putNarrow(character, x: x, y: row, style: style) } else { put(character, x: x, y: row, style: style) }
        }
    }

    /// A horizontal line of `character` in row `y` from column `x` for `length` columns.
    public mutating func drawHorizontalLine(x: Int, y: Int, length: Int, character: Character, style: CellStyle) {
        guard length > 0 else { return }
        let characterWidth = max(1, DisplayWidth.of(character))
        for column in stride(from: x, to: x + length, by: characterWidth) {
            if characterWidth == 1 { putNarrow(character, x: column, y: y, style: style) } else { put(character, x: column, y: y, style: style) }
        }
    }

    /// Writes `cell` at an index known to be inside, repairing a wide character it cuts in half.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        if cells[index].isContinuation {
            if !cell.isContinuation && x > 0 { self[x - 1, y] = Cell(" ", style: cells[index - 1].style) }
        } else if x + 1 < width && cells[index + 1].isContinuation {
            self[x + 1, y] = Cell(" ", style: cells[index + 1].style)
        }
        self[x, y] = cell
    }

    /// Puts a character known to be one column wide (box drawing, ASCII) at a cell that may
    /// lie outside the grid.
    mutating func putNarrow(_ character: Character, x: Int, y: Int, style: CellStyle) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        setCell(Cell(character, style: style), x: x, y: y)
    }
}

extension CellGrid {
    /// Puts one-column, one-scalar characters (a message label) from (`x`, `y`), skipping
    /// cells outside the grid.
    mutating func putNarrow(scalars: [Unicode.Scalar], x: Int, y: Int, style: CellStyle) {
        guard y >= 0, y < height else { return }
        for (offset, scalar) in scalars.enumerated() where x + offset >= 0 && x + offset < width {
            setCell(Cell(scalar: scalar, style: style), x: x + offset, y: y)
        }
    }

    /// True when the cell holds a plain space (not half of a wide character); false outside.
    func isBlank(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < width, y < height else { return false }
        return cells[y * width + x].isSpace
    }
}
