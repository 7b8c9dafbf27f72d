extension LineEditor {
    /// The word being completed: from the last blank before the cursor to the cursor.
    var completionWordStart: Int {
        var i = cursor
        while i > 0 && !characters[i - 1].isWhitespace { i -= 1 }
        return i
    }

    /// Tab: a unique candidate replaces the word (plus a space); several extend the word to
    /// their longest common prefix and are kept in `candidates` for the view to show.
    mutating func completeWord(using complete: (String) -> [String]) {
        let start = completionWordStart
        let word = String(characters[start..<cursor])
        var seen = Set<String>()
        let matches = complete(String(characters[0..<cursor]))
            .filter { $0.hasPrefix(word) && seen.insert($0).inserted }
        candidates = []
        guard let first = matches.first else { return }
        if matches.count == 1 {
            var replacement = Array(first)
            let atEnd = cursor == characters.count
            if atEnd || !characters[cursor].isWhitespace { replacement.append(" ") }
            replaceWord(from: start, with: replacement)
            return
        }
        let prefix = Self.commonPrefix(of: matches)
        if prefix.count > word.count { replaceWord(from: start, with: Array(prefix)) }
        candidates = matches.sorted()
    }

    private mutating func replaceWord(from start: Int, with replacement: [Character]) {
        characters.replaceSubrange(start..<cursor, with: replacement)
        cursor = start + replacement.count
    }

    /// The longest common prefix (in characters) of some strings.
    static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < prefix.count && length < characters.count && prefix[length] == characters[length] { length += 1 }
            prefix.removeSubrange(length...)
        }
        return String(prefix)
    }
}
