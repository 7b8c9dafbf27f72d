import LightconeSimulation

extension FramePainter {
    /// The keys, for the help overlay: (key, what it does).
    var helpEntries: [(String, String)] {
        [
            ("Space", "play / pause"),
            (".", "one step"),
            ("+  -", "faster / slower"),
            (glyphs.nextKey, "next lesson step"),
            (glyphs.backKey, "previous lesson step"),
            ("?  F1", "show / hide this help"),
            ("F2", "show / hide the log table"),
            ("Tab", "complete a command"),
            ("[  ]", "scroll the side panel back / on"),
            ("Esc  q", "close help / inspect / output"),
            ("Ctrl-C", "interrupt a run; twice: quit"),
            ("quit", "leave the lab"),
        ]
    }

    /// A centred box listing the single keys and, beside them (or below, on a narrow
    /// screen), the legend: what the protocol's message labels mean.
    mutating func drawHelpOverlay() {
        let entries = helpEntries
        let keyWidth = entries.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = entries.map { DisplayWidth.of($0.1) }.max() ?? 0
        let notes = [
            "Keys act while the command line is empty;",
            "letters and digits start a command.",
        ]
        let keysWidth = max(keyWidth + 3 + textWidth, notes.map { DisplayWidth.of($0) }.max() ?? 0)
        let keysRows = entries.count + 1 + notes.count
        // The legend to the right of the keys, its meanings wrapped (shortened if too tall).
        let legend = snapshot.labelMeanings
        let labelWidth = legend.map { DisplayWidth.of(shown($0.label)) }.max() ?? 0
        let legendWidth = legend.isEmpty ? 0 : min(46, max(0, grid.width - 6 - keysWidth - 3))
        var legendLines: [(label: String, text: String)] = []
        if legendWidth >= labelWidth + 12 {
            let meaningWidth = legendWidth - labelWidth - 2
            let maxRows = max(0, grid.height - 4)
            for spec in legend {
                for (row, line) in TextWrap.lines(shown(spec.meaning), width: meaningWidth).enumerated() {
                    legendLines.append((row == 0 ? shown(spec.label) : "", line))
                }
            }
            if legendLines.count > maxRows {
                legendLines = zip(legend, Self.shortMeanings(legend)).map {
                    (shown($0.0.label), DisplayWidth.truncate(shown($0.1), to: meaningWidth, ellipsis: glyphs.ellipsis))
                }
            }
        }
        let contentWidth = keysWidth + (legendLines.isEmpty ? 0 : 3 + legendWidth)
        let width = min(grid.width, contentWidth + 6)
        let height = min(grid.height, max(keysRows, legendLines.count) + 4)
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
        let boxStyle = style(.overlay)
        grid.fill(rect, style: boxStyle)
        grid.drawBox(rect, line: glyphs.overlayBox, style: boxStyle)
        grid.put(text: " Keys ", x: rect.x + 3, y: rect.y, style: style(.overlayKey))
        let inner = rect.insetBy(dx: 3, dy: 2)
        var y = inner.y
        for (key, text) in entries where y < inner.maxY {
            grid.put(text: key, x: inner.x, y: y, style: style(.overlayKey), maxWidth: inner.width)
            grid.put(text: text, x: inner.x + keyWidth + 3, y: y, style: boxStyle, maxWidth: min(keysWidth, inner.width) - keyWidth - 3)
            y += 1
        }
        y += 1
        for note in notes where y < inner.maxY {
            grid.put(text: note, x: inner.x, y: y, style: boxStyle, maxWidth: min(keysWidth, inner.width))
            y += 1
        }
        guard !legendLines.isEmpty else { return }
        let legendX = inner.x + keysWidth + 3
        grid.put(text: " Labels ", x: legendX - 1, y: rect.y, style: style(.overlayKey))
        y = inner.y
        for line in legendLines where y < rect.maxY - 1 {
            grid.put(text: line.label, x: legendX, y: y, style: style(.overlayKey))
            grid.put(text: line.text, x: legendX + labelWidth + 2, y: y, style: boxStyle, maxWidth: rect.maxX - 2 - (legendX + labelWidth + 2))
            y += 1
        }
    }

    /// A few words for each label's meaning, for the legend strip: the name before the colon
    /// (`AppendEntries`), or after it when several labels share that name (`vote granted`),
    /// without the parenthesis.
    static func shortMeanings(_ specs: [MessageLabelSpec]) -> [String] {
        func head(_ meaning: String) -> String {
            String(meaning.split(separator: ":", maxSplits: 1).first ?? Substring(meaning))
        }
        func clipped(_ text: Substring) -> String {
            var result = ""
            for character in text.drop(while: { $0 == " " }) {
                if character == "(" { break }
                result.append(character)
            }
            while result.last == " " { result.removeLast() }
            return result
        }
        var counts: [String: Int] = [:]
        for spec in specs { counts[head(spec.meaning), default: 0] += 1 }
        return specs.map { spec in
            let name = head(spec.meaning)
            if counts[name, default: 0] > 1, let colon = spec.meaning.firstIndex(of: ":") {
                return clipped(spec.meaning[spec.meaning.index(after: colon)...])
            }
            return clipped(Substring(name))
        }
    }

    /// Presenter mode's legend strip on the narration band's rule: the labels on screen first,
    /// each with a few words, as many as fit.
    mutating func drawLegendStrip(y: Int, x: Int, width: Int) {
        let legend = snapshot.labelMeanings
        guard !legend.isEmpty, width > 10 else { return }
        let meanings = Self.shortMeanings(legend)
        var onScreen = Set(snapshot.messages.map(\.label))
        for drop in snapshot.drops { onScreen.insert(drop.label) }
        let order = legend.indices.filter { onScreen.contains(legend[$0].label) } + legend.indices.filter { !onScreen.contains(legend[$0].label) }
        var column = x
        let end = x + width
        for index in order {
            let label = shown(legend[index].label), text = shown(meanings[index])
            let itemWidth = 1 + DisplayWidth.of(label) + 1 + DisplayWidth.of(text) + 1
            guard column + itemWidth <= end else { continue }
            column += grid.put(text: " ", x: column, y: y, style: style(.text))
            column += grid.put(text: label, x: column, y: y, style: style(.panelTitle))
            column += grid.put(text: " " + text + " ", x: column, y: y, style: style(.text))
            column += 1
        }
    }
}
