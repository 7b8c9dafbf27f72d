/// A colour by meaning-free name; the terminal backend maps it to what the terminal has
/// (256 colours, 16 colours, or none for `--theme mono` and `NO_COLOR`).
public enum TerminalColor: UInt8, Sendable, Hashable, CaseIterable {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = CellAttributes(rawValue: 1)
    public static let dim = CellAttributes(rawValue: 2)
    public static let reverse = CellAttributes(rawValue: 4)
    public static let underline = CellAttributes(rawValue: 8)
}

/// How a run of text looks: foreground, background, attributes.
public struct CellStyle: Sendable, Hashable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: CellAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = CellStyle()
}

/// One screen cell: a character (one grapheme) and its style. The right half of a wide
/// character is a `continuation` cell that the backend skips.
///
/// A cell holds its grapheme as its first two Unicode scalars (a letter, a letter and a
/// combining mark, a flag's two halves); a longer grapheme (a ZWJ emoji sequence) keeps its
/// first two. Plain scalars, not a `Character`, make the cell a trivial value: a frame's
/// thousands of cells are then made and dropped without reference counting.
public struct Cell: Sendable, Hashable {
    private var first: Unicode.Scalar
    private var second: Unicode.Scalar?
    public var style: CellStyle
    /// True for the second column of a double-width character.
    public var isContinuation: Bool

    /// The grapheme shown in the cell.
    public var character: Character {
        get {
            guard let second else { return Character(first) }
            var text = String(first)
            text.unicodeScalars.append(second)
            return text.count == 1 ? Character(text) : Character(first)
        }
        set {
            var scalars = newValue.unicodeScalars.makeIterator()
            first = scalars.next() ?? " "
            second = scalars.next()
        }
    }

    public init(_ character: Character = " ", style: CellStyle = .plain, isContinuation: Bool = false) {
        var scalars = character.unicodeScalars.makeIterator()
        self.first = scalars.next() ?? " "
        self.second = scalars.next()
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A cell of one scalar (no `Character` to take apart).
    init(scalar: Unicode.Scalar, style: CellStyle, isContinuation: Bool = false) {
        self.first = scalar
        self.second = nil
        self.style = style
        self.isContinuation = isContinuation
    }

    /// True for a plain space.
    var isSpace: Bool { first == " " && second == nil && !isContinuation }

    public static let blank = Cell()
}

/// An off-screen grid of cells: the view draws every frame here, tests compare it as text,
/// and only the terminal backend copies (the changed cells of) it to the screen.
public struct CellGrid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    /// A blank grid; sizes below 0 are treated as 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`; writes outside the grid are ignored, reads give a blank.
    public subscript(x: Int, y: Int) -> Cell {
        get { (x >= 0 && y >= 0 && x < width && y < height) ? cells[y * width + x] : .blank }
        set { if x >= 0 && y >= 0 && x < width && y < height { cells[y * width + x] = newValue } }
    }

    /// The grid's text, one string per row, trailing blanks removed (as `tmux capture-pane`).
    public var lines: [String] {
        (0..<height).map { y in
            var row = ""
            for x in 0..<width where !cells[y * width + x].isContinuation { row.append(cells[y * width + x].character) }
            while row.last == " " { row.removeLast() }
            return row
        }
    }

    /// The whole grid as text, rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
