/// A command that could not be parsed or carried out; the message is one line saying what is
/// wrong and how to fix it, and nothing changed.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The one-line message.
    public var message: String
    /// An error with that message.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Finds the closest of `candidates` to a mistyped `word`, for "did you mean" hints.
enum Suggestion {
    /// Words longer than this get no suggestion: no command, node or option is that long,
    /// and comparing a huge word to every candidate would take seconds.
    static let longestWord = 64

    static func closest(to word: String, in candidates: [String]) -> String? {
        guard word.utf8.count <= longestWord else { return nil }
        let lowered = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let limit = max(1, min(3, candidate.count / 3 + 1))
            // The distance is at least the difference in length: skip words that cannot be close.
            guard abs(candidate.count - lowered.count) <= limit else { continue }
            let distance = editDistance(lowered, Array(candidate))
            if distance <= limit, best.map({ distance < $0.1 }) ?? true { best = (candidate, distance) }
        }
        if best == nil, word.count >= 3, let prefixed = candidates.first(where: { $0.hasPrefix(word.lowercased()) }) {
            return prefixed
        }
        return best?.0
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
