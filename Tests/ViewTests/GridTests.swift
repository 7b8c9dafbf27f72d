import Testing
@testable import LightconeView

/// Cell grid drawing, widths and wrapping.
@Suite struct GridTests {
    @Test func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("✓✗▸┃") == 4)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("한글") == 4)
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
    }

    @Test func wideCharactersTakeTwoCells() {
        var grid = CellGrid(width: 6, height: 1)
        #expect(grid.put(text: "a日b", x: 0, y: 0, style: .plain) == 4)
        #expect(grid.text == "a日b")
        #expect(grid[2, 0].isContinuation)
        // Overwriting the right half of a wide character blanks its left half.
        grid.put("x", x: 2, y: 0, style: .plain)
        #expect(grid.text == "a xb")
        // A wide character in the last column does not fit: a space instead.
        var edge = CellGrid(width: 3, height: 1)
        edge.put(text: "ab日", x: 0, y: 0, style: .plain)
        #expect(edge.text == "ab" && !edge[2, 0].isContinuation)
    }

    @Test func writesOutsideTheGridAreIgnored() {
        var grid = CellGrid(width: 3, height: 2)
        grid.put(text: "hello", x: -2, y: 0, style: .plain)
        grid.put(text: "hello", x: 1, y: 5, style: .plain)
        grid.drawBox(Rect(x: -1, y: -1, width: 10, height: 10), line: .light, style: .plain)
        grid.fill(Rect(x: 2, y: 1, width: 9, height: 9), with: "#")
        #expect(grid.lines == ["llo", "  #"])
    }

    @Test func boxes() {
        var grid = CellGrid(width: 5, height: 3)
        grid.drawBox(Rect(x: 0, y: 0, width: 5, height: 3), line: .rounded, style: .plain)
        #expect(grid.lines == ["╭───╮", "│   │", "╰───╯"])
        grid.drawBox(Rect(x: 0, y: 0, width: 5, height: 3), line: .ascii, style: .plain)
        #expect(grid.lines == ["+---+", "|   |", "+---+"])
    }

    @Test func wrapping() {
        #expect(TextWrap.lines("a bb ccc", width: 4) == ["a bb", "ccc"])
        #expect(TextWrap.lines("abcdefgh", width: 3) == ["abc", "def", "gh"])
        #expect(TextWrap.lines("one two three four", width: 9, indent: 2) == ["one two", "  three", "  four"])
        #expect(TextWrap.lines("", width: 5) == [""])
        #expect(TextWrap.lines("x", width: 0) == [""])
    }

    @Test func themes() {
        #expect(Theme.dark.style(for: .leader).attributes.contains(.bold))
        #expect(Theme.light.style(for: .leader).attributes.contains(.bold))
        #expect(Theme.mono.style(for: .leader).attributes.contains(.bold))
        for role in Theme.Role.allCases {
            let mono = Theme.mono.style(for: role)
            #expect(mono.foreground == .default && mono.background == .default)
        }
        #expect(Theme(name: "Light") == .light)
        #expect(Theme(name: "sepia") == nil)
    }
}

@Suite struct WrapFastPathTests {
    @Test func asciiFastPathMatchesTheGeneralPath() {
        let words = ["a", "bb", "ccc", "dddd", "eeeeeeeeeeeee", "t=120ms", "n1->n2", "AppendEntries", "term=3"]
        var seed: UInt64 = 7
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(Int(seed % 9) + 1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += (text.isEmpty ? "" : (seed >> 60 == 0 ? "  " : " ")) + words[Int(seed >> 33) % words.count]
            }
            for width in [1, 3, 7, 12, 30] {
                for indent in [0, 2] {
                    let ind = min(indent, width / 2)
                    #expect(TextWrap.asciiLines(text, width: width, indent: ind) == TextWrap.unicodeLines(text, width: width, indent: ind),
                            "\(text) \(width) \(indent)")
                }
            }
        }
    }
}

@Suite struct GoldenTests {
    @Test func aDifferentFrameFailsItsGolden() throws {
        guard !Golden.isRewriting else { return }
        withKnownIssue {
            try Golden.check(CellGrid(width: 3, height: 1), "raft-80x24")
        }
        withKnownIssue {
            try Golden.check(CellGrid(width: 3, height: 1), "no-such-golden")
        }
    }
}
