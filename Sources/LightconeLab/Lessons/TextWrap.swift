/// Word wrapping for lesson text in the plain REPL.
public enum TextWrap {
    /// `text` wrapped to `width` columns: the first line starts with `first`, the others with
    /// `rest`. A word longer than a line stands on a line of its own.
    public static func wrap(_ text: String, width: Int, first: String = "", rest: String = "") -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        var lines: [String] = []
        var line = first
        var lineHasWord = false
        let limit = max(width, 20)
        for word in words {
            if lineHasWord && line.count + 1 + word.count > limit {
                lines.append(line)
                line = rest
                lineHasWord = false
            }
            if lineHasWord { line += " " }
            line += word
            lineHasWord = true
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}
