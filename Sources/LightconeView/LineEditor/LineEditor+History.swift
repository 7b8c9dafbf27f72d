extension LineEditor {
    /// Up / Ctrl-P: shows the previous history line, keeping the line being typed.
    mutating func recallOlder() {
        guard !history.isEmpty else { return }
        let index: Int
        if let current = historyIndex {
            guard current > 0 else { return }
            index = current - 1
        } else {
            draft = characters
            index = history.count - 1
        }
        historyIndex = index
        characters = Array(history[index])
        cursor = characters.count
    }

    /// Down / Ctrl-N: shows the next history line, or the line that was being typed.
    mutating func recallNewer() {
        guard let current = historyIndex else { return }
        if current + 1 < history.count {
            historyIndex = current + 1
            characters = Array(history[current + 1])
        } else {
            historyIndex = nil
            characters = draft
            draft = []
        }
        cursor = characters.count
    }
}
