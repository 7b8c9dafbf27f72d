extension StringProtocol {
    /// The lines of a script, lesson or demo file: split at `\n`, `\r\n` or `\r` (Swift reads
    /// `\r\n` as one character, so splitting at `"\n"` alone would keep a Windows file whole).
    /// Empty lines are kept, so that line numbers stay right.
    func textLines() -> [SubSequence] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}
