import LightconeSimulation

/// How a demo's narration fills presenter mode's band: the newest `say` in the big block font
/// when it fits, else every caption wrapped in the normal font.
struct DemoCaptionLayout {
    /// The newest caption in big letters (rows of block characters), when it fits.
    var big: [String]
    /// Captions in the normal font, wrapped: the earlier ones above the big one, or all of
    /// them when the big one does not fit.
    var small: [String]

    /// Rows of text it takes.
    var rows: Int { big.count + small.count + (big.isEmpty || small.isEmpty ? 0 : 1) }

    /// The layout of `demo`'s captions in `width` columns and at most `maxRows` rows.
    init(_ demo: DemoBand, width: Int, maxRows: Int) {
        big = []
        small = []
        let captions = demo.captions.isEmpty ? ["(PageDown or → plays the next part)"] : demo.captions
        guard let newest = captions.last else { return }
        if !demo.captions.isEmpty, let lines = BlockFont.wrap(newest, width: width), !lines.isEmpty {
            let bigRows = lines.count * BlockFont.rows + (lines.count - 1)
            if bigRows <= maxRows {
                for (number, line) in lines.enumerated() {
                    if number > 0 { big.append("") }
                    big += BlockFont.render(line) ?? []
                }
                var earlier: [String] = []
                for caption in captions.dropLast() { earlier += TextWrap.lines(caption, width: width) }
                // Earlier captions only when they fit too (the newest matters most).
                if bigRows + 1 + earlier.count <= maxRows { small = earlier }
                return
            }
        }
        for caption in captions { small += TextWrap.lines(caption, width: width) }
    }
}

extension FrameRenderer {
    /// The most rows of text the narration band can hold on a screen `height` tall.
    static func narrationTextLimit(height: Int) -> Int {
        max(7, (height - 3) * 2 / 5) - 1
    }

    /// Rows the demo band needs: its heading, a blank row and its captions.
    static func demoRows(_ demo: DemoBand, width: Int, height: Int) -> Int {
        let textWidth = max(10, width - 2 * narrationMargin(width: width))
        let limit = narrationTextLimit(height: height)
        return 2 + DemoCaptionLayout(demo, width: textWidth, maxRows: limit - 2).rows
    }
}

extension FramePainter {
    /// Presenter mode's band for a demo script: the demo's title and part (`Raft failover ·
    /// part 2/5`) as a title bar, then what the part says, large.
    mutating func drawDemoBand(_ demo: DemoBand, in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        var heading = shown(demo.heading)
        heading = DisplayWidth.truncate(heading, to: rect.width - 2, ellipsis: glyphs.ellipsis)
        var titleStyle = style(.statusBarStrong)
        titleStyle.attributes.insert(.bold)
        grid.put(text: " \(heading) ", x: rect.x, y: rect.y, style: titleStyle, maxWidth: rect.width)
        let layout = DemoCaptionLayout(demo, width: rect.width, maxRows: rect.height - 2)
        var textStyle = style(.text)
        textStyle.attributes.insert(.bold)
        var y = rect.y + 2
        for line in layout.small where y < rect.maxY {
            grid.put(text: shown(line), x: rect.x, y: y, style: textStyle, maxWidth: rect.width)
            y += 1
        }
        if !layout.small.isEmpty && !layout.big.isEmpty { y += 1 }
        var bigStyle = style(.panelTitle)
        bigStyle.attributes.insert(.bold)
        for line in layout.big where y < rect.maxY {
            let text = state.isASCII ? asciiBlocks(line) : line
            grid.put(text: text, x: rect.x, y: y, style: bigStyle, maxWidth: rect.width)
            y += 1
        }
    }

    /// The big font in `--ascii`: `#` for full blocks, `"` and `,` for the halves.
    func asciiBlocks(_ line: String) -> String {
        String(line.map { $0 == "█" ? "#" : $0 == "▀" ? "\"" : $0 == "▄" ? "," : $0 })
    }
}
