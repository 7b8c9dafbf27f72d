/// An EDN value as found in Jepsen operation maps (a small subset of EDN).
enum EDNValue: Hashable, Sendable, CustomStringConvertible {
    case null
    case boolean(Bool)
    case integer(Int64)
    case string(String)
    case keyword(String)
    case symbol(String)
    case vector([EDNValue])

    /// A scalar as register text: a string's contents, a number's digits; nil otherwise.
    var text: String? {
        switch self {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .keyword(let name): return ":" + name
        default: return nil
        }
    }

    var description: String {
        switch self {
        case .null: return "nil"
        case .boolean(let value): return value ? "true" : "false"
        case .integer(let number): return String(number)
        case .string(let text): return "\"" + text + "\""
        case .keyword(let name): return ":" + name
        case .symbol(let name): return name
        case .vector(let items): return "[" + items.map(\.description).joined(separator: " ") + "]"
        }
    }
}

/// Why an EDN line could not be read (the caller adds the line number).
struct EDNReadError: Error {
    let reason: String
}

/// Reads one EDN map with keyword keys: `{:process 0, :type :invoke, :value "x"}`.
/// Commas are whitespace, as in EDN. Nested maps, sets, lists and tagged values are not
/// supported (Jepsen's register and kv histories do not use them).
struct EDNReader {
    /// The deepest nesting of vectors read: Jepsen's values nest two or three deep, and a
    /// bound keeps a hostile line from overflowing the stack.
    static let maximumDepth = 64

    private let characters: [Character]
    private var position = 0
    private var depth = 0

    private init(_ text: Substring) { characters = Array(text) }

    /// The map on `line`, keyed by keyword name without the colon.
    static func map(_ line: Substring) throws(EDNReadError) -> [String: EDNValue] {
        var reader = EDNReader(line)
        let result = try reader.readMap()
        reader.skipWhitespace()
        guard reader.position == reader.characters.count else {
            throw EDNReadError(reason: "unexpected text after the closing `}`")
        }
        return result
    }

    private mutating func skipWhitespace() {
        while position < characters.count, [" ", "\t", ","].contains(characters[position]) { position += 1 }
    }

    private mutating func readMap() throws(EDNReadError) -> [String: EDNValue] {
        skipWhitespace()
        guard position < characters.count, characters[position] == "{" else {
            throw EDNReadError(reason: "expected `{` to start an EDN map")
        }
        position += 1
        var result: [String: EDNValue] = [:]
        while true {
            skipWhitespace()
            guard position < characters.count else { throw EDNReadError(reason: "unterminated map: missing `}`") }
            if characters[position] == "}" {
                position += 1
                return result
            }
            guard case .keyword(let key) = try readValue() else {
                throw EDNReadError(reason: "expected a keyword key like :type")
            }
            skipWhitespace()
            guard position < characters.count, characters[position] != "}" else {
                throw EDNReadError(reason: "key :\(key) has no value")
            }
            guard result[key] == nil else { throw EDNReadError(reason: "duplicate key :\(key)") }
            result[key] = try readValue()
        }
    }

    private mutating func readValue() throws(EDNReadError) -> EDNValue {
        skipWhitespace()
        guard position < characters.count else { throw EDNReadError(reason: "unexpected end of line") }
        let first = characters[position]
        switch first {
        case "\"":
            return .string(try readString())
        case "[":
            guard depth < Self.maximumDepth else {
                throw EDNReadError(reason: "nesting deeper than \(Self.maximumDepth)")
            }
            position += 1
            depth += 1
            defer { depth -= 1 }
            var items: [EDNValue] = []
            while true {
                skipWhitespace()
                guard position < characters.count else { throw EDNReadError(reason: "unterminated vector: missing `]`") }
                if characters[position] == "]" {
                    position += 1
                    return .vector(items)
                }
                items.append(try readValue())
            }
        case "{", "}", "(", ")", "]", "#":
            throw EDNReadError(reason: "unexpected `\(first)`")
        default:
            let token = readToken()
            if token.hasPrefix(":") {
                guard token.count > 1 else { throw EDNReadError(reason: "empty keyword `:`") }
                return .keyword(String(token.dropFirst()))
            }
            if token == "nil" { return .null }
            if token == "true" { return .boolean(true) }
            if token == "false" { return .boolean(false) }
            if let number = Int64(token) { return .integer(number) }
            if let firstCharacter = token.first, firstCharacter.isNumber || firstCharacter == "-" || firstCharacter == "+" {
                throw EDNReadError(reason: "bad number `\(token)`")
            }
            return .symbol(token)
        }
    }

    private mutating func readToken() -> String {
        var token = ""
        while position < characters.count {
            let character = characters[position]
            if [" ", "\t", ",", "{", "}", "[", "]", "(", ")", "\""].contains(character) { break }
            token.append(character)
            position += 1
        }
        return token
    }

    private mutating func readString() throws(EDNReadError) -> String {
        position += 1  // the opening quote
        var text = ""
        while position < characters.count {
            let character = characters[position]
            position += 1
            switch character {
            case "\"":
                return text
            case "\\":
                guard position < characters.count else { break }
                let escaped = characters[position]
                position += 1
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "\"", "\\": text.append(escaped)
                default: throw EDNReadError(reason: "unknown escape `\\\(escaped)` in a string")
                }
            default:
                text.append(character)
            }
        }
        throw EDNReadError(reason: "unterminated string: missing `\"`")
    }
}
