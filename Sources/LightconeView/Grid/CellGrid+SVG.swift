/// The colours an SVG picture of the screen uses: the terminal's default foreground and
/// background, and the sixteen ANSI colours (xterm's defaults, as a projector shows them).
public struct SVGPalette: Sendable, Equatable {
    /// The colour of text in the default colour.
    public var foreground: String
    /// The colour behind cells in the default colour.
    public var background: String

    /// A palette with these defaults.
    public init(foreground: String, background: String) {
        self.foreground = foreground
        self.background = background
    }

    /// Light text on a dark terminal (the dark and mono themes).
    public static let dark = SVGPalette(foreground: "#d0d0d0", background: "#1c1c1c")
    /// Dark text on a white terminal (the light theme).
    public static let light = SVGPalette(foreground: "#1c1c1c", background: "#ffffff")

    /// The palette a theme is drawn on.
    public static func of(_ theme: Theme) -> SVGPalette { theme == .light ? .light : .dark }

    /// `#rrggbb` for a colour; the defaults for `.default`.
    public func hex(_ color: TerminalColor, isBackground: Bool) -> String {
        switch color {
        case .default: isBackground ? background : foreground
        case .black: "#000000"
        case .red: "#cd0000"
        case .green: "#00cd00"
        case .yellow: "#cdcd00"
        case .blue: "#0000ee"
        case .magenta: "#cd00cd"
        case .cyan: "#00cdcd"
        case .white: "#e5e5e5"
        case .brightBlack: "#7f7f7f"
        case .brightRed: "#ff0000"
        case .brightGreen: "#00ff00"
        case .brightYellow: "#ffff00"
        case .brightBlue: "#5c5cff"
        case .brightMagenta: "#ff00ff"
        case .brightCyan: "#00ffff"
        case .brightWhite: "#ffffff"
        }
    }
}

extension CellGrid {
    /// A cell's size in the SVG picture, in pixels.
    public static let svgCellWidth = 9
    /// A row's height in the SVG picture, in pixels.
    public static let svgCellHeight = 18

    /// The grid as an SVG picture of its real size (`data-columns` × `data-rows` cells of
    /// 9×18 px), in its colours: one `<text>` element per run of cells of one style (runs of
    /// blanks on the default background are left out), a `<rect>` under each run with a
    /// background colour, each run stretched to exactly its columns so the picture lines up
    /// whatever monospace font draws it.
    ///
    /// `grid.svg(palette: .dark)` starts `<svg xmlns=... width="1080" height="648" ... data-columns="120" data-rows="36">`.
    public func svg(palette: SVGPalette = .dark) -> String {
        let cellWidth = Self.svgCellWidth, cellHeight = Self.svgCellHeight
        let pixelWidth = width * cellWidth, pixelHeight = height * cellHeight
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(pixelWidth)\" height=\"\(pixelHeight)\""
            + " viewBox=\"0 0 \(pixelWidth) \(pixelHeight)\" data-columns=\"\(width)\" data-rows=\"\(height)\""
            + " font-family=\"DejaVu Sans Mono, Menlo, Consolas, monospace\" font-size=\"15\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"\(palette.background)\"/>\n"
        for y in 0..<height {
            for run in runs(inRow: y) {
                var (foreground, background) = (palette.hex(run.style.foreground, isBackground: false),
                                                palette.hex(run.style.background, isBackground: true))
                if run.style.attributes.contains(.reverse) { swap(&foreground, &background) }
                let x = run.column * cellWidth, columns = run.columns * cellWidth
                if background != palette.background {
                    svg += "<rect x=\"\(x)\" y=\"\(y * cellHeight)\" width=\"\(columns)\" height=\"\(cellHeight)\" fill=\"\(background)\"/>\n"
                }
                let text = run.text.drop { $0 == " " }
                var trimmed = String(text)
                while trimmed.last == " " { trimmed.removeLast() }
                guard !trimmed.isEmpty else { continue }
                let leading = run.text.count - text.count
                let shownColumns = DisplayWidth.of(trimmed)
                var attributes = "fill=\"\(foreground)\""
                if run.style.attributes.contains(.bold) { attributes += " font-weight=\"bold\"" }
                if run.style.attributes.contains(.dim) { attributes += " opacity=\"0.6\"" }
                if run.style.attributes.contains(.underline) { attributes += " text-decoration=\"underline\"" }
                svg += "<text x=\"\(x + leading * cellWidth)\" y=\"\(y * cellHeight + cellHeight - 4)\" \(attributes)"
                    + " textLength=\"\(shownColumns * cellWidth)\" lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">"
                    + Timeline.escape(trimmed) + "</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    /// The runs of cells of one style in row `y`: first column, columns covered (wide
    /// characters count two), text.
    func runs(inRow y: Int) -> [(column: Int, columns: Int, style: CellStyle, text: String)] {
        var result: [(column: Int, columns: Int, style: CellStyle, text: String)] = []
        for x in 0..<width {
            let cell = self[x, y]
            if cell.isContinuation {
                if !result.isEmpty { result[result.count - 1].columns += 1 }
                continue
            }
            if let last = result.last, last.style == cell.style {
                result[result.count - 1].columns += 1
                result[result.count - 1].text.append(cell.character)
            } else {
                result.append((x, 1, cell.style, String(cell.character)))
            }
        }
        return result
    }
}
