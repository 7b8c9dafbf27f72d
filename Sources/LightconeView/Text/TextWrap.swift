/// Word wrapping by terminal columns, for the side panel, the lesson narration and messages.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns at spaces; words longer than a
    /// line are cut. Continuation lines start with `indent` spaces. Never returns an empty array.
    ///
    /// `TextWrap.lines("a bb ccc", width: 4) == ["a bb", "ccc"]`
    public static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > 0 else { return [""] }
        let indent = min(max(0, indent), width / 2)
        var result: [String] = []
        var line = ""
        var lineWidth = 0
        let pad = String(repeating: " ", count: indent)
        func flush() {
            result.append(line)
            line = pad
            lineWidth = indent
        }
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let wordWidth = DisplayWidth.of(word)
            let isLineStart = lineWidth == 0 || (lineWidth == indent && !result.isEmpty)
            let needed = isLineStart ? wordWidth : wordWidth + 1
            if lineWidth + needed <= width {
                if !isLineStart { line.append(" ") }
                line.append(contentsOf: word)
                lineWidth += needed
                continue
            }
            if !isLineStart { flush() }
            if lineWidth + wordWidth <= width {
                line.append(contentsOf: word)
                lineWidth += wordWidth
                continue
            }
            // A word wider than a line: cut it.
            for character in word {
                let w = max(1, DisplayWidth.of(character))
                if lineWidth + w > width { flush() }
                line.append(character)
                lineWidth += w
            }
        }
        if lineWidth > indent || result.isEmpty { result.append(line) }
        return result
    }
}
