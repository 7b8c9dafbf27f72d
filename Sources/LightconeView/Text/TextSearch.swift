/// Plain byte-wise substring search: the standard library's `contains` goes through the
/// regex engine, far too slow for every log line of every frame.
enum TextSearch {
    /// True when `text` contains `pattern` (exact UTF-8 bytes).
    static func contains(_ text: some StringProtocol, _ pattern: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        let bytes = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matched = 1
                while matched < needle.count && bytes[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
