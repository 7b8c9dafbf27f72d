/// Word wrapping by terminal columns, for the side panel, the lesson narration and messages.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns at spaces; words longer than a
    /// line are cut. Continuation lines start with `indent` spaces. Never returns an empty array.
    ///
    /// `TextWrap.lines("a bb ccc", width: 4) == ["a bb", "ccc"]`
    public static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
        guard width > 0 else { return [""] }
        let indent = min(max(0, indent), width / 2)
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return asciiLines(text, width: width, indent: indent) }
        return unicodeLines(text, width: width, indent: indent)
    }

    /// `lines` for any text, by grapheme and display width.
    static func unicodeLines(_ text: String, width: Int, indent: Int) -> [String] {
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

    /// `lines` for printable ASCII text, on bytes (one byte is one column).
    static func asciiLines(_ text: String, width: Int, indent: Int) -> [String] {
        let bytes = Array(text.utf8)
        // Already a single clean line: nothing to do.
        if bytes.count <= width && bytes.first != 0x20 && bytes.last != 0x20 && !hasDoubleSpace(bytes) { return [text] }
        var result: [String] = []
        var line: [UInt8] = []
        line.reserveCapacity(width)
        let pad = [UInt8](repeating: 0x20, count: indent)
        var index = 0
        let count = bytes.count
        func isLineStart() -> Bool { line.isEmpty || (line.count == indent && !result.isEmpty) }
        func flush() {
            result.append(String(decoding: line, as: UTF8.self))
            line = pad
        }
        while index < count {
            while index < count && bytes[index] == 0x20 { index += 1 }
            guard index < count else { break }
            var end = index
            while end < count && bytes[end] != 0x20 { end += 1 }
            let wordLength = end - index
            let needed = isLineStart() ? wordLength : wordLength + 1
            if line.count + needed <= width {
                if !isLineStart() { line.append(0x20) }
                line.append(contentsOf: bytes[index..<end])
            } else {
                if !isLineStart() { flush() }
                if line.count + wordLength <= width {
                    line.append(contentsOf: bytes[index..<end])
                } else {
                    // A word wider than a line: cut it.
                    for byte in bytes[index..<end] {
                        if line.count + 1 > width { flush() }
                        line.append(byte)
                    }
                }
            }
            index = end
        }
        if line.count > indent || result.isEmpty { result.append(String(decoding: line, as: UTF8.self)) }
        return result
    }

    static func hasDoubleSpace(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 1 else { return false }
        for index in 1..<bytes.count where bytes[index] == 0x20 && bytes[index - 1] == 0x20 { return true }
        return false
    }
}
