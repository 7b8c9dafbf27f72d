/// A big font for presenter mode's `say`: letters five pixels tall drawn with block and
/// half-block characters (`█ ▀ ▄`), two pixel rows to a cell, so three rows per letter, as
/// figlet and toilet do. A–Z (lower case drawn as upper case), 0–9 and common punctuation.
///
/// ```swift
/// BlockFont.render("KILL N2")   // three strings of equal width
/// BlockFont.width(of: "HI")      // 7: two letters of 3 columns and a column between
/// ```
public enum BlockFont {
    /// Rows of text per line of big letters.
    public static let rows = 3

    /// True when every character of `text` has a glyph.
    public static func canRender(_ text: String) -> Bool {
        text.allSatisfy { glyph(for: $0) != nil }
    }

    /// Columns `text` takes in the big font (nil if a character has no glyph).
    public static func width(of text: String) -> Int? {
        var total = 0
        for (position, character) in text.enumerated() {
            guard let bitmap = glyph(for: character) else { return nil }
            total += bitmap[0].count + (position > 0 ? 1 : 0)
        }
        return total
    }

    /// `text` in the big font: `rows` strings, one column between letters; nil when a
    /// character has no glyph.
    public static func render(_ text: String) -> [String]? {
        var pixels = [String](repeating: "", count: 5)
        for (position, character) in text.enumerated() {
            guard let bitmap = glyph(for: character) else { return nil }
            for row in 0..<5 { pixels[row] += (position > 0 ? " " : "") + bitmap[row] }
        }
        var lines: [String] = []
        for top in stride(from: 0, to: 6, by: 2) {
            let upper = Array(pixels[top])
            let lower = top + 1 < 5 ? Array(pixels[top + 1]) : [Character](repeating: " ", count: upper.count)
            var line = ""
            for column in 0..<upper.count {
                switch (upper[column] == "#", lower[column] == "#") {
                case (true, true): line.append("█")
                case (true, false): line.append("▀")
                case (false, true): line.append("▄")
                case (false, false): line.append(" ")
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// Words of `text` set in lines of at most `width` columns of big letters; nil when a word
    /// is too wide or a character has no glyph.
    public static func wrap(_ text: String, width: Int) -> [String]? {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            guard let candidateWidth = Self.width(of: candidate) else { return nil }
            if candidateWidth <= width {
                current = candidate
            } else {
                guard let wordWidth = Self.width(of: String(word)), wordWidth <= width else { return nil }
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The five pixel rows of `character` (`#` set, space clear), or nil.
    static func glyph(for character: Character) -> [String]? {
        let upper = Character(character.uppercased())
        return glyphs[upper]
    }

    static let glyphs: [Character: [String]] = [
        "A": [" # ", "# #", "###", "# #", "# #"],
        "B": ["## ", "# #", "## ", "# #", "## "],
        "C": [" ##", "#  ", "#  ", "#  ", " ##"],
        "D": ["## ", "# #", "# #", "# #", "## "],
        "E": ["###", "#  ", "## ", "#  ", "###"],
        "F": ["###", "#  ", "## ", "#  ", "#  "],
        "G": [" ##", "#  ", "# #", "# #", " ##"],
        "H": ["# #", "# #", "###", "# #", "# #"],
        "I": ["###", " # ", " # ", " # ", "###"],
        "J": ["  #", "  #", "  #", "# #", " # "],
        "K": ["# #", "# #", "## ", "# #", "# #"],
        "L": ["#  ", "#  ", "#  ", "#  ", "###"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#  #", "## #", "# ##", "#  #", "#  #"],
        "O": [" # ", "# #", "# #", "# #", " # "],
        "P": ["## ", "# #", "## ", "#  ", "#  "],
        "Q": [" # ", "# #", "# #", "## ", " ##"],
        "R": ["## ", "# #", "## ", "# #", "# #"],
        "S": [" ##", "#  ", " # ", "  #", "## "],
        "T": ["###", " # ", " # ", " # ", " # "],
        "U": ["# #", "# #", "# #", "# #", "###"],
        "V": ["# #", "# #", "# #", "# #", " # "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["# #", "# #", " # ", "# #", "# #"],
        "Y": ["# #", "# #", " # ", " # ", " # "],
        "Z": ["###", "  #", " # ", "#  ", "###"],
        "0": ["###", "# #", "# #", "# #", "###"],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["## ", "  #", " # ", "#  ", "###"],
        "3": ["## ", "  #", " # ", "  #", "## "],
        "4": ["# #", "# #", "###", "  #", "  #"],
        "5": ["###", "#  ", "## ", "  #", "## "],
        "6": [" ##", "#  ", "###", "# #", "###"],
        "7": ["###", "  #", " # ", " # ", " # "],
        "8": ["###", "# #", "###", "# #", "###"],
        "9": ["###", "# #", "###", "  #", "## "],
        " ": ["  ", "  ", "  ", "  ", "  "],
        ".": [" ", " ", " ", " ", "#"],
        ",": [" ", " ", " ", "#", "#"],
        "!": ["#", "#", "#", " ", "#"],
        "?": ["## ", "  #", " # ", "   ", " # "],
        ":": [" ", "#", " ", "#", " "],
        ";": [" ", "#", " ", "#", "#"],
        "'": ["#", "#", " ", " ", " "],
        "\"": ["# #", "# #", "   ", "   ", "   "],
        "’": ["#", "#", " ", " ", " "],
        "-": ["   ", "   ", "###", "   ", "   "],
        "_": ["   ", "   ", "   ", "   ", "###"],
        "+": ["   ", " # ", "###", " # ", "   "],
        "=": ["   ", "###", "   ", "###", "   "],
        "/": ["  #", "  #", " # ", "#  ", "#  "],
        "(": [" #", "# ", "# ", "# ", " #"],
        ")": ["# ", " #", " #", " #", "# "],
        "[": ["##", "# ", "# ", "# ", "##"],
        "]": ["##", " #", " #", " #", "##"],
        "<": ["  #", " # ", "#  ", " # ", "  #"],
        ">": ["#  ", " # ", "  #", " # ", "#  "],
        "→": ["    ", "  # ", "####", "  # ", "    "],
        "*": ["   ", "# #", " # ", "# #", "   "],
        "#": ["# #", "###", "# #", "###", "# #"],
        "%": ["# #", "  #", " # ", "#  ", "# #"],
        "&": [" # ", "# #", " # ", "# #", " ##"],
        "@": ["###", "# #", "# #", "#  ", "###"],
    ]
}
