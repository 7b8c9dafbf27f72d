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
            ("Tab", "complete a command"),
            ("[  ]", "scroll the side panel back / on"),
            ("Esc  q", "close help / inspect / output"),
            ("Ctrl-C", "interrupt a run; twice: quit"),
            ("quit", "leave the lab"),
        ]
    }

    /// A centred box listing the single keys.
    mutating func drawHelpOverlay() {
        let entries = helpEntries
        let keyWidth = entries.map { DisplayWidth.of($0.0) }.max() ?? 0
        let textWidth = entries.map { DisplayWidth.of($0.1) }.max() ?? 0
        let notes = [
            "Keys act while the command line is empty;",
            "letters and digits start a command.",
        ]
        let contentWidth = max(keyWidth + 3 + textWidth, notes.map { DisplayWidth.of($0) }.max() ?? 0)
        let width = min(grid.width, contentWidth + 6)
        let height = min(grid.height, entries.count + notes.count + 5)
        let rect = Rect(x: (grid.width - width) / 2, y: (grid.height - height) / 2, width: width, height: height)
        let boxStyle = style(.overlay)
        grid.fill(rect, style: boxStyle)
        grid.drawBox(rect, line: glyphs.overlayBox, style: boxStyle)
        grid.put(text: " Keys ", x: rect.x + 3, y: rect.y, style: style(.overlayKey))
        let inner = rect.insetBy(dx: 3, dy: 2)
        var y = inner.y
        for (key, text) in entries where y < inner.maxY {
            grid.put(text: key, x: inner.x, y: y, style: style(.overlayKey), maxWidth: inner.width)
            grid.put(text: text, x: inner.x + keyWidth + 3, y: y, style: boxStyle, maxWidth: inner.maxX - inner.x - keyWidth - 3)
            y += 1
        }
        y += 1
        for note in notes where y < inner.maxY {
            grid.put(text: note, x: inner.x, y: y, style: boxStyle, maxWidth: inner.width)
            y += 1
        }
    }
}
