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
    static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(word.lowercased()), Array(candidate))
            let limit = max(1, min(3, candidate.count / 3 + 1))
            if distance <= limit, best == nil || distance < best!.1 { best = (candidate, distance) }
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
