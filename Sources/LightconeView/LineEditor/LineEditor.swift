/// The view's command-line editor: a pure state machine fed with `KeyEvent`s.
///
/// libedit cannot share a curses screen cleanly, so the full-screen view edits its
/// command line here and only draws the result:
/// ```
/// var editor = LineEditor()
/// for key in [.character("k"), .character("i"), .ctrl("a")] { _ = editor.handle(key) }
/// editor.text        // "ki", cursor at 0
/// editor.handle(.enter)  // .submit("ki")
/// ```
/// Emacs keys: Ctrl-A/E (home/end), Ctrl-B/F and Alt-B/F (character/word moves), Ctrl-D
/// (delete, or end of input on an empty line), Ctrl-H (backspace), Ctrl-K/U/W and Alt-D
/// (kill), Ctrl-Y (yank), Ctrl-T (transpose), Ctrl-P/N (history).
public struct LineEditor: Sendable, Equatable {
    /// What a key did, for the caller.
    public enum Outcome: Sendable, Equatable {
        /// The line or cursor changed (or nothing happened): redraw.
        case edited
        /// Enter: the line to execute (already added to the history when not blank).
        case submit(String)
        /// Ctrl-D on an empty line.
        case endOfInput
        /// The editor does not use this key; the caller may.
        case ignored
    }

    /// The characters of the line (grapheme clusters).
    public internal(set) var characters: [Character] = []
    /// The cursor, as an index into `characters` (0...count).
    public internal(set) var cursor: Int = 0
    /// Text removed by the last kill command(s), inserted again by Ctrl-Y.
    public internal(set) var killBuffer: String = ""
    /// Completion candidates to show after an ambiguous Tab; empty otherwise.
    public internal(set) var candidates: [String] = []
    /// Past lines, oldest first.
    public internal(set) var history: [String] = []
    /// The most history lines kept.
    public var historyLimit: Int
    /// Which history line is shown (nil: the line being typed).
    var historyIndex: Int?
    /// The line being typed, kept while browsing the history.
    var draft: [Character] = []
    /// The first display column shown when the line is wider than its field.
    var scrollColumn: Int = 0
    /// Whether the previous key was a kill (consecutive kills accumulate).
    var lastWasKill = false

    /// An empty editor with the given history (oldest first).
    public init(history: [String] = [], historyLimit: Int = 1_000) {
        self.historyLimit = max(1, historyLimit)
        self.history = Array(history.suffix(self.historyLimit))
    }

    /// The line as a string.
    public var text: String { String(characters) }

    /// True when nothing has been typed.
    public var isEmpty: Bool { characters.isEmpty }

    /// Replaces the line and puts the cursor at its end.
    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        candidates = []
    }

    /// Empties the line (Ctrl-C in the view) and leaves history browsing.
    public mutating func clear() {
        characters = []
        cursor = 0
        candidates = []
        historyIndex = nil
        draft = []
        scrollColumn = 0
    }

    /// Adds a line to the history (blank lines and repeats of the last line are skipped).
    public mutating func remember(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), history.last != line else { return }
        history.append(line)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
    }

    /// Handles one key. `complete` gives the completion candidates for the text before the
    /// cursor (the whole words that may replace the word being typed); Tab does nothing
    /// without it.
    public mutating func handle(_ key: KeyEvent, complete: ((String) -> [String])? = nil) -> Outcome {
        let wasKill = lastWasKill
        lastWasKill = false
        if key != .tab { candidates = [] }
        switch key {
        case .character(let character):
            insert(character)
        case .enter, .ctrl("j"), .ctrl("m"):
            let line = text
            remember(line)
            clear()
            return .submit(line)
        case .backspace, .ctrl("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .ctrl("d"):
            if characters.isEmpty { return .endOfInput }
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"):
            cursor = max(0, cursor - 1)
        case .right, .ctrl("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"):
            cursor = 0
        case .end, .ctrl("e"):
            cursor = characters.count
        case .alt("b"):
            cursor = wordStart(before: cursor)
        case .alt("f"):
            cursor = wordEnd(after: cursor)
        case .ctrl("k"):
            kill(cursor..<characters.count, appending: true, continuing: wasKill)
        case .ctrl("u"):
            kill(0..<cursor, appending: false, continuing: wasKill)
        case .ctrl("w"):
            kill(whitespaceWordStart(before: cursor)..<cursor, appending: false, continuing: wasKill)
        case .alt("d"):
            kill(cursor..<wordEnd(after: cursor), appending: true, continuing: wasKill)
        case .alt("\u{7F}"), .alt("\u{08}"):
            kill(wordStart(before: cursor)..<cursor, appending: false, continuing: wasKill)
        case .ctrl("y"):
            for character in killBuffer { insert(character) }
        case .ctrl("t"):
            transpose()
        case .up, .ctrl("p"):
            recallOlder()
        case .down, .ctrl("n"):
            recallNewer()
        case .tab:
            guard let complete else { return .ignored }
            completeWord(using: complete)
        default:
            return .ignored
        }
        return .edited
    }

    /// Inserts a printable character at the cursor (control characters are ignored).
    public mutating func insert(_ character: Character) {
        guard let first = character.unicodeScalars.first, first.value >= 0x20, first.value != 0x7F else { return }
        // A combining mark typed on its own (terminals send it as a separate scalar) joins
        // the character before the cursor when the two form one grapheme.
        if cursor > 0, DisplayWidth.of(scalar: first) == 0 {
            let combined = String(characters[cursor - 1]) + String(character)
            if combined.count == 1, let joined = combined.first {
                characters[cursor - 1] = joined
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    private mutating func kill(_ range: Range<Int>, appending: Bool, continuing: Bool) {
        lastWasKill = true
        guard !range.isEmpty else { return }
        let removed = String(characters[range])
        if continuing {
            killBuffer = appending ? killBuffer + removed : removed + killBuffer
        } else {
            killBuffer = removed
        }
        characters.removeSubrange(range)
        cursor = range.lowerBound
    }

    private mutating func transpose() {
        guard characters.count >= 2, cursor > 0 else { return }
        let right = min(cursor, characters.count - 1)
        characters.swapAt(right - 1, right)
        cursor = right + 1
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The start of the word before `index` (Alt-B): skip non-word characters, then word characters.
    func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && !Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The end of the word after `index` (Alt-F).
    func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count && !Self.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && Self.isWordCharacter(characters[i]) { i += 1 }
        return i
    }

    /// The start of the whitespace-delimited word before `index` (Ctrl-W, as in readline).
    func whitespaceWordStart(before index: Int) -> Int {
        var i = index
        while i > 0 && characters[i - 1].isWhitespace { i -= 1 }
        while i > 0 && !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }
}
