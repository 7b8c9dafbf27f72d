import Testing
@testable import LightconeView

/// Types `text` into the editor, one `.character` key per character.
func type(_ text: String, into editor: inout LineEditor) {
    for character in text { _ = editor.handle(.character(character)) }
}

/// Presses keys in order and returns the last outcome.
@discardableResult
func press(_ keys: [KeyEvent], on editor: inout LineEditor, complete: ((String) -> [String])? = nil) -> LineEditor.Outcome {
    var outcome = LineEditor.Outcome.ignored
    for key in keys { outcome = editor.handle(key, complete: complete) }
    return outcome
}

@Suite("LineEditor: editing and cursor")
struct LineEditorEditingTests {
    @Test func typingInsertsAtTheCursor() {
        var editor = LineEditor()
        type("kill n2", into: &editor)
        #expect(editor.text == "kill n2")
        #expect(editor.cursor == 7)
        press([.left, .left, .left], on: &editor)
        type("X", into: &editor)
        #expect(editor.text == "killX n2")
        #expect(editor.cursor == 5)
    }

    @Test func homeEndAndEmacsMoves() {
        var editor = LineEditor()
        type("abc", into: &editor)
        press([.home], on: &editor); #expect(editor.cursor == 0)
        press([.end], on: &editor); #expect(editor.cursor == 3)
        press([.ctrl("a")], on: &editor); #expect(editor.cursor == 0)
        press([.ctrl("f"), .ctrl("f")], on: &editor); #expect(editor.cursor == 2)
        press([.ctrl("b")], on: &editor); #expect(editor.cursor == 1)
        press([.ctrl("e")], on: &editor); #expect(editor.cursor == 3)
    }

    @Test func cursorStopsAtBothEnds() {
        var editor = LineEditor()
        type("ab", into: &editor)
        press([.right, .right, .right], on: &editor)
        #expect(editor.cursor == 2)
        press([.left, .left, .left, .left], on: &editor)
        #expect(editor.cursor == 0)
        press([.backspace], on: &editor)
        #expect(editor.text == "ab")
    }

    @Test func backspaceAndDelete() {
        var editor = LineEditor()
        type("abcd", into: &editor)
        press([.backspace], on: &editor); #expect(editor.text == "abc")
        press([.ctrl("h")], on: &editor); #expect(editor.text == "ab")
        press([.home, .delete], on: &editor); #expect(editor.text == "b")
        press([.ctrl("d")], on: &editor); #expect(editor.text == "")
        press([.delete], on: &editor); #expect(editor.text == "")
    }

    @Test func ctrlDOnAnEmptyLineEndsInputButDeletesOtherwise() {
        var editor = LineEditor()
        #expect(editor.handle(.ctrl("d")) == .endOfInput)
        type("ab", into: &editor)
        #expect(editor.handle(.ctrl("d")) == .edited)
        #expect(editor.text == "ab")
        press([.home], on: &editor)
        #expect(editor.handle(.ctrl("d")) == .edited)
        #expect(editor.text == "b")
    }

    @Test func wordMovesWithAlt() {
        var editor = LineEditor()
        type("partition n1 n2 | n3", into: &editor)
        press([.alt("b")], on: &editor); #expect(editor.cursor == 18)
        press([.alt("b")], on: &editor); #expect(editor.cursor == 13)
        press([.alt("b"), .alt("b")], on: &editor); #expect(editor.cursor == 0)
        press([.alt("b")], on: &editor); #expect(editor.cursor == 0)
        press([.alt("f")], on: &editor); #expect(editor.cursor == 9)
        press([.alt("f")], on: &editor); #expect(editor.cursor == 12)
        press([.alt("f"), .alt("f"), .alt("f")], on: &editor); #expect(editor.cursor == 20)
    }

    @Test func enterSubmitsClearsAndRemembers() {
        var editor = LineEditor()
        type("heal", into: &editor)
        #expect(editor.handle(.enter) == .submit("heal"))
        #expect(editor.text == "")
        #expect(editor.cursor == 0)
        #expect(editor.history == ["heal"])
    }

    @Test func blankLinesAreSubmittedButNotRemembered() {
        var editor = LineEditor()
        type("  ", into: &editor)
        #expect(editor.handle(.enter) == .submit("  "))
        #expect(editor.history.isEmpty)
    }

    @Test func controlCharactersAreNotInserted() {
        var editor = LineEditor()
        _ = editor.handle(.character("\u{7}"))
        _ = editor.handle(.character("\u{7F}"))
        #expect(editor.isEmpty)
    }

    @Test func unknownKeysAreIgnored() {
        var editor = LineEditor()
        #expect(editor.handle(.function(5)) == .ignored)
        #expect(editor.handle(.pageDown) == .ignored)
        #expect(editor.handle(.ctrl("l")) == .ignored)
        #expect(editor.handle(.tab) == .ignored)  // no completer
    }

    @Test func transposeSwapsCharacters() {
        var editor = LineEditor()
        type("ab", into: &editor)
        press([.ctrl("t")], on: &editor)
        #expect(editor.text == "ba")
        type("c", into: &editor)
        press([.left, .left, .ctrl("t")], on: &editor)   // "b|ac": swaps b and a
        #expect(editor.text == "abc")
        #expect(editor.cursor == 2)
    }

    @Test func clearForgetsTheLineButKeepsHistory() {
        var editor = LineEditor(history: ["a"])
        type("typing", into: &editor)
        editor.clear()
        #expect(editor.isEmpty)
        #expect(editor.history == ["a"])
    }

    @Test func setTextPutsTheCursorAtTheEnd() {
        var editor = LineEditor()
        editor.setText("run 2s")
        #expect(editor.cursor == 6)
        #expect(editor.text == "run 2s")
    }

    @Test func controlCodesDecode() {
        #expect(KeyEvent(controlCode: 1) == .ctrl("a"))
        #expect(KeyEvent(controlCode: 26) == .ctrl("z"))
        #expect(KeyEvent(controlCode: 13) == .enter)
        #expect(KeyEvent(controlCode: 10) == .enter)
        #expect(KeyEvent(controlCode: 9) == .tab)
        #expect(KeyEvent(controlCode: 127) == .backspace)
        #expect(KeyEvent(controlCode: 8) == .backspace)
        #expect(KeyEvent(controlCode: 27) == .escape)
        #expect(KeyEvent(controlCode: 65) == nil)
    }
}

@Suite("LineEditor: kill and yank")
struct LineEditorKillTests {
    @Test func ctrlKKillsToTheEndAndCtrlYYanks() {
        var editor = LineEditor()
        type("kill n2 now", into: &editor)
        press([.alt("b"), .left, .ctrl("k")], on: &editor)
        #expect(editor.text == "kill n2")
        #expect(editor.killBuffer == " now")
        press([.home, .ctrl("y")], on: &editor)
        #expect(editor.text == " nowkill n2")
        #expect(editor.cursor == 4)
    }

    @Test func ctrlUKillsToTheStart() {
        var editor = LineEditor()
        type("hello world", into: &editor)
        press([.alt("b"), .ctrl("u")], on: &editor)
        #expect(editor.text == "world")
        #expect(editor.cursor == 0)
        #expect(editor.killBuffer == "hello ")
    }

    @Test func ctrlWKillsTheWhitespaceWordBefore() {
        var editor = LineEditor()
        type("cut n1->n2  ", into: &editor)
        press([.ctrl("w")], on: &editor)
        #expect(editor.text == "cut ")
        #expect(editor.killBuffer == "n1->n2  ")
    }

    @Test func consecutiveKillsAccumulate() {
        var editor = LineEditor()
        type("one two three", into: &editor)
        press([.ctrl("w"), .ctrl("w")], on: &editor)
        #expect(editor.text == "one ")
        #expect(editor.killBuffer == "two three")
        press([.ctrl("y")], on: &editor)
        #expect(editor.text == "one two three")
    }

    @Test func aMoveBetweenKillsStartsAFreshKill() {
        var editor = LineEditor()
        type("one two three", into: &editor)
        press([.ctrl("w"), .left, .ctrl("w")], on: &editor)
        #expect(editor.killBuffer == "two")
    }

    @Test func altDKillsTheWordAfter() {
        var editor = LineEditor()
        type("net loss=5%", into: &editor)
        press([.home, .alt("d")], on: &editor)
        #expect(editor.text == " loss=5%")
        #expect(editor.killBuffer == "net")
    }

    @Test func killingNothingKeepsTheBuffer() {
        var editor = LineEditor()
        type("abc", into: &editor)
        press([.ctrl("u")], on: &editor)
        press([.end, .left, .right, .ctrl("k")], on: &editor)  // nothing after the cursor
        #expect(editor.killBuffer == "abc")
    }
}

@Suite("LineEditor: history")
struct LineEditorHistoryTests {
    @Test func upAndDownWalkTheHistoryAndKeepTheDraft() {
        var editor = LineEditor(history: ["new raft 5", "kill n2"])
        type("par", into: &editor)
        press([.up], on: &editor); #expect(editor.text == "kill n2")
        press([.up], on: &editor); #expect(editor.text == "new raft 5")
        press([.up], on: &editor); #expect(editor.text == "new raft 5")
        press([.down], on: &editor); #expect(editor.text == "kill n2")
        press([.down], on: &editor); #expect(editor.text == "par")
        #expect(editor.cursor == 3)
        press([.down], on: &editor); #expect(editor.text == "par")
    }

    @Test func ctrlPAndCtrlNAreUpAndDown() {
        var editor = LineEditor(history: ["a", "b"])
        press([.ctrl("p"), .ctrl("p")], on: &editor); #expect(editor.text == "a")
        press([.ctrl("n")], on: &editor); #expect(editor.text == "b")
    }

    @Test func emptyHistoryDoesNothing() {
        var editor = LineEditor()
        type("x", into: &editor)
        press([.up, .down], on: &editor)
        #expect(editor.text == "x")
    }

    @Test func recalledLinesCanBeEditedAndSubmitted() {
        var editor = LineEditor(history: ["kill n2"])
        press([.up, .backspace], on: &editor)
        type("3", into: &editor)
        #expect(editor.handle(.enter) == .submit("kill n3"))
        #expect(editor.history == ["kill n2", "kill n3"])
        press([.up], on: &editor)
        #expect(editor.text == "kill n3")
    }

    @Test func repeatsOfTheLastLineAreRememberedOnce() {
        var editor = LineEditor()
        for _ in 0..<3 {
            type("step", into: &editor)
            _ = editor.handle(.enter)
        }
        #expect(editor.history == ["step"])
    }

    @Test func historyIsBounded() {
        var editor = LineEditor(history: (0..<10).map { "c\($0)" }, historyLimit: 4)
        #expect(editor.history == ["c6", "c7", "c8", "c9"])
        editor.remember("c10")
        #expect(editor.history == ["c7", "c8", "c9", "c10"])
    }
}

@Suite("LineEditor: completion")
struct LineEditorCompletionTests {
    static let commands = ["partition", "pause", "play", "put", "kill", "help"]

    static func complete(_ line: String) -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        let last = words.last.map(String.init) ?? ""
        if words.count <= 1 { return commands.filter { $0.hasPrefix(last) } }
        return ["n1", "n2", "n10"].filter { $0.hasPrefix(last) }
    }

    @Test func aUniqueCandidateCompletesWithASpace() {
        var editor = LineEditor()
        type("ki", into: &editor)
        press([.tab], on: &editor, complete: Self.complete)
        #expect(editor.text == "kill ")
        #expect(editor.candidates.isEmpty)
    }

    @Test func severalCandidatesExtendToTheCommonPrefixAndAreListed() {
        var editor = LineEditor()
        type("p", into: &editor)
        press([.tab], on: &editor, complete: Self.complete)
        #expect(editor.text == "p")
        #expect(editor.candidates == ["partition", "pause", "play", "put"])
        type("a", into: &editor)
        #expect(editor.candidates.isEmpty)
        press([.tab], on: &editor, complete: Self.complete)
        #expect(editor.text == "pa")
        #expect(editor.candidates == ["partition", "pause"])
        type("r", into: &editor)
        press([.tab], on: &editor, complete: Self.complete)
        #expect(editor.text == "partition ")
    }

    @Test func commonPrefixLongerThanTheWordIsInserted() {
        var editor = LineEditor()
        type("kill n", into: &editor)
        press([.tab], on: &editor, complete: { _ in ["n1", "n10"] })
        #expect(editor.text == "kill n1")
        #expect(editor.candidates == ["n1", "n10"])
    }

    @Test func noCandidateChangesNothing() {
        var editor = LineEditor()
        type("zz", into: &editor)
        #expect(editor.handle(.tab, complete: Self.complete) == .edited)
        #expect(editor.text == "zz")
        #expect(editor.candidates.isEmpty)
    }

    @Test func completionWorksInTheMiddleOfTheLine() {
        var editor = LineEditor()
        type("ki n2", into: &editor)
        press([.home, .right, .right], on: &editor)
        var seen = ""
        press([.tab], on: &editor, complete: { line in seen = line; return Self.complete(line) })
        #expect(seen == "ki")
        #expect(editor.text == "kill n2")
        #expect(editor.cursor == 4)
    }

    @Test func candidatesThatDoNotFitTheWordAreIgnoredAndDuplicatesMerged() {
        var editor = LineEditor()
        type("pa", into: &editor)
        press([.tab], on: &editor, complete: { _ in ["pause", "kill", "pause"] })
        #expect(editor.text == "pause ")
    }

    @Test func completionWorksWithWideCharacters() {
        var editor = LineEditor()
        type("echo 世", into: &editor)
        press([.tab], on: &editor, complete: { _ in ["世界"] })
        #expect(editor.text == "echo 世界 ")
    }
}

@Suite("LineEditor: Unicode and layout")
struct LineEditorLayoutTests {
    @Test func widthsOfCharacters() {
        #expect(DisplayWidth.of("a") == 1)
        #expect(DisplayWidth.of("界") == 2)
        #expect(DisplayWidth.of("ｱ") == 1)   // half-width katakana
        #expect(DisplayWidth.of("Ａ") == 2)  // full-width A
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("🙂") == 2)
        #expect(DisplayWidth.of("\u{7}") == 0)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("→") == 1)
    }

    @Test func combiningCharactersAreOneCharacter() {
        var editor = LineEditor()
        type("cafe\u{301}", into: &editor)
        #expect(editor.characters.count == 4)
        press([.backspace], on: &editor)
        #expect(editor.text == "caf")
    }

    @Test func aCombiningMarkTypedAloneJoinsThePreviousCharacter() {
        var editor = LineEditor()
        type("cafe", into: &editor)
        _ = editor.handle(.character("\u{301}"))
        #expect(editor.characters.count == 4)
        #expect(editor.text == "caf\u{E9}")
        #expect(editor.cursor == 4)
    }

    @Test func wideCharactersMoveTheCursorByTwoColumns() {
        var editor = LineEditor()
        type("a界b", into: &editor)
        #expect(editor.layout(width: 20).cursorColumn == 4)
        press([.left], on: &editor)
        #expect(editor.layout(width: 20).cursorColumn == 3)
        press([.left], on: &editor)
        #expect(editor.layout(width: 20).cursorColumn == 1)
        press([.backspace], on: &editor)
        #expect(editor.text == "界b")
    }

    @Test func shortLinesAreShownWhole() {
        var editor = LineEditor()
        type("status", into: &editor)
        let layout = editor.layout(width: 20)
        #expect(layout == LineLayout(visibleText: "status", cursorColumn: 6, isClippedLeft: false, isClippedRight: false))
    }

    @Test func longLinesScrollToKeepTheCursorVisible() {
        var editor = LineEditor()
        let line = "partition n1 n2 n3 | n4 n5 n6 n7"   // 32 columns
        type(line, into: &editor)
        let end = editor.layout(width: 10)
        #expect(end.isClippedLeft)
        #expect(!end.isClippedRight)
        #expect(end.cursorColumn < 10)
        #expect(line.hasSuffix(end.visibleText))
        press([.home], on: &editor)
        let start = editor.layout(width: 10)
        #expect(start.cursorColumn == 0)
        #expect(start.visibleText == "partition ")
        #expect(start.isClippedRight)
        #expect(!start.isClippedLeft)
    }

    @Test func theCursorStaysInTheFieldForEveryPosition() {
        var editor = LineEditor()
        type("ab界cd日本語efghijk🙂lmnop", into: &editor)
        for width in [1, 2, 3, 5, 8, 13] {
            press([.end], on: &editor)
            for _ in 0...editor.characters.count {
                let layout = editor.layout(width: width)
                #expect(layout.cursorColumn >= 0)
                #expect(layout.cursorColumn < max(width, 2))
                #expect(DisplayWidth.of(layout.visibleText) <= width)
                press([.left], on: &editor)
            }
        }
    }

    @Test func scrollingDoesNotJumpWhileTheCursorMovesInsideTheField() {
        var editor = LineEditor()
        type(String(repeating: "x", count: 40), into: &editor)
        let first = editor.layout(width: 20)
        press([.left], on: &editor)
        let second = editor.layout(width: 20)
        #expect(second.cursorColumn == first.cursorColumn - 1)
    }

    @Test func aWideCharacterCutByTheLeftEdgeIsBlanked() {
        var editor = LineEditor()
        type("界界界界界", into: &editor)   // 10 columns
        let layout = editor.layout(width: 5)
        #expect(DisplayWidth.of(layout.visibleText) <= 5)
        #expect(layout.cursorColumn <= 4)
    }
}
