/// A run of text in one theme role, one piece of a `StyledLine`.
public struct StyledSpan: Sendable, Equatable {
    /// The characters.
    public var text: String
    /// How they are drawn.
    public var role: Theme.Role

    /// A run of `text` drawn as `role`.
    public init(_ text: String, _ role: Theme.Role) {
        self.text = text
        self.role = role
    }
}

/// One screen row of styled text.
public typealias StyledLine = [StyledSpan]

/// Wrapping text whose characters carry styles: prose whose inline code (Markdown backticks)
/// is drawn as code without the backticks, and preformatted text (command output, tables)
/// whose columns and runs of spaces are kept.
///
/// ```swift
/// StyledText.wrap(StyledText.inline("type `nodes` now", role: .text, code: .prompt), width: 10)
/// // [[("type ", .text), ("nodes", .prompt)], [("now", .text)]]
/// ```
public enum StyledText {
    /// The characters of Markdown inline text with their roles: text between backticks is
    /// `code`, the backticks themselves are dropped.
    public static func inline(_ text: String, role: Theme.Role, code: Theme.Role) -> [(Character, Theme.Role)] {
        var result: [(Character, Theme.Role)] = []
        result.reserveCapacity(text.count)
        var inCode = false
        for character in text {
            if character == "`" {
                inCode.toggle()
                continue
            }
            result.append((character, inCode ? code : role))
        }
        return result
    }

    /// Styled characters wrapped at spaces into lines of at most `width` columns, runs of
    /// spaces collapsed. The first line starts with `first` (a list marker), the others with
    /// `indent` spaces (a hanging indent). Words longer than a line are cut, never dropped.
    public static func wrap(_ characters: [(Character, Theme.Role)], width: Int, first: StyledLine = [],
                            indent: Int = 0) -> [StyledLine] {
        guard width > 0 else { return [[]] }
        let firstWidth = first.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let indent = min(max(0, indent), width / 2)
        // Words: runs of non-space characters.
        var words: [[(Character, Theme.Role)]] = []
        var word: [(Character, Theme.Role)] = []
        for item in characters {
            if item.0 == " " || item.0 == "\n" || item.0 == "\t" {
                if !word.isEmpty { words.append(word); word = [] }
            } else {
                word.append(item)
            }
        }
        if !word.isEmpty { words.append(word) }

        var lines: [StyledLine] = []
        var line: [(Character, Theme.Role)] = []
        var lineWidth = min(firstWidth, width / 2)
        var prefix = first
        func flush() {
            lines.append(prefix + spans(line))
            line = []
            prefix = indent > 0 ? [StyledSpan(String(repeating: " ", count: indent), .text)] : []
            lineWidth = indent
        }
        let startWidth = { lines.isEmpty ? min(firstWidth, width / 2) : indent }
        for word in words {
            let wordWidth = word.reduce(0) { $0 + max(0, DisplayWidth.of($1.0)) }
            let atStart = line.isEmpty
            let needed = atStart ? wordWidth : wordWidth + 1
            if lineWidth + needed <= width {
                if !atStart { line.append((" ", line.last?.1 == word.first?.1 ? word[0].1 : .text)) }
                line += word
                lineWidth += needed
                continue
            }
            if !atStart { flush() }
            if lineWidth + wordWidth <= width {
                line += word
                lineWidth += wordWidth
                continue
            }
            // A word wider than a line: cut it.
            for item in word {
                let w = max(1, DisplayWidth.of(item.0))
                if lineWidth + w > width, lineWidth > startWidth() { flush() }
                line.append(item)
                lineWidth += w
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(prefix + spans(line)) }
        return lines
    }

    /// `text` as preformatted lines: spaces and columns kept, each line cut at `width`
    /// columns (at the last space when there is one, else mid-word); the rest
    /// continues on the next row after `indent` spaces. Tabs become spaces; other control
    /// characters are dropped.
    public static func preformatted(_ text: String, width: Int, indent: Int = 2) -> [String] {
        guard width > 0 else { return [""] }
        let indent = min(max(0, indent), width / 2)
        var clean = ""
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            // Printable ASCII (most of a log): one column a byte, nothing to clean.
            if text.utf8.count <= width { return [text] }
            clean = text
        } else {
            for character in text {
                if character == "\t" { clean += "    " } else if character.isASCII, let value = character.asciiValue, value < 0x20 || value == 0x7F {
                    continue
                } else {
                    clean.append(character)
                }
            }
            if DisplayWidth.of(clean) <= width { return [clean] }
        }
        var result: [String] = []
        var rest = Substring(clean)
        var limit = width
        while !rest.isEmpty {
            // The longest prefix that fits.
            var columns = 0
            var end = rest.startIndex
            var lastSpace: String.Index?
            while end < rest.endIndex {
                let w = DisplayWidth.of(rest[end])
                if columns + w > limit { break }
                if rest[end] == " " { lastSpace = end }
                columns += w
                end = rest.index(after: end)
            }
            if end == rest.endIndex {
                result.append((result.isEmpty ? "" : String(repeating: " ", count: indent)) + rest)
                break
            }
            if end == rest.startIndex { end = rest.index(after: end) }
            var next = end
            if rest[end] == " " {
                // The cut falls on a space: the piece is full, the space goes.
                next = rest.index(after: end)
            } else if let space = lastSpace, rest.distance(from: rest.startIndex, to: space) > 1 {
                end = rest.index(after: space)
                next = end
            }
            let piece = rest[..<end]
            result.append((result.isEmpty ? "" : String(repeating: " ", count: indent)) + piece)
            rest = rest[next...]
            limit = width - indent
        }
        return result
    }

    /// Consecutive characters of one role joined into spans.
    static func spans(_ characters: [(Character, Theme.Role)]) -> StyledLine {
        var result: StyledLine = []
        for (character, role) in characters {
            if let last = result.last, last.role == role {
                result[result.count - 1].text.append(character)
            } else {
                result.append(StyledSpan(String(character), role))
            }
        }
        return result
    }
}
