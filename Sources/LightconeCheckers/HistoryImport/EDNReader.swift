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
///
/// It reads the UTF-8 bytes of the line (every delimiter of EDN is ASCII, and a byte of a
/// multi-byte character is never ASCII), so a line costs one pass and no `Character` work.
struct EDNReader {
    /// The deepest nesting of vectors read: Jepsen's values nest two or three deep, and a
    /// bound keeps a hostile line from overflowing the stack.
    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private let end: Int
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        self.bytes = bytes
        position = range.lowerBound
        end = range.upperBound
    }

    /// The map on `line`, keyed by keyword name without the colon.
    static func map(_ line: Substring) throws(EDNReadError) -> [String: EDNValue] {
        var copy = String(line)
        let result: Result<[String: EDNValue], EDNReadError> = copy.withUTF8 { buffer in
            Result { () throws(EDNReadError) in try map(buffer, 0..<buffer.count) }
        }
        return try result.get()
    }

    /// The map in `bytes[range]` (one line of UTF-8), keyed by keyword name without the colon.
    static func map(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws(EDNReadError) -> [String: EDNValue] {
        var reader = EDNReader(bytes, range)
        let result = try reader.readMap()
        reader.skipWhitespace()
        guard reader.position == reader.end else {
            throw EDNReadError(reason: "unexpected text after the closing `}`")
        }
        return result
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// Whether `byte` ends a token: whitespace, a comma, a bracket or a quote.
    private static func endsToken(_ byte: UInt8) -> Bool {
        switch byte {
        case space, tab, comma, quote, UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default:
            return false
        }
    }

    private mutating func skipWhitespace() {
        while position < end {
            let byte = bytes[position]
            guard byte == Self.space || byte == Self.tab || byte == Self.comma else { return }
            position += 1
        }
    }

    private mutating func readMap() throws(EDNReadError) -> [String: EDNValue] {
        skipWhitespace()
        guard position < end, bytes[position] == UInt8(ascii: "{") else {
            throw EDNReadError(reason: "expected `{` to start an EDN map")
        }
        position += 1
        var result: [String: EDNValue] = [:]
        while true {
            skipWhitespace()
            guard position < end else { throw EDNReadError(reason: "unterminated map: missing `}`") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return result
            }
            guard case .keyword(let key) = try readValue() else {
                throw EDNReadError(reason: "expected a keyword key like :type")
            }
            skipWhitespace()
            guard position < end, bytes[position] != UInt8(ascii: "}") else {
                throw EDNReadError(reason: "key :\(key) has no value")
            }
            guard result[key] == nil else { throw EDNReadError(reason: "duplicate key :\(key)") }
            result[key] = try readValue()
        }
    }

    private mutating func readValue() throws(EDNReadError) -> EDNValue {
        skipWhitespace()
        guard position < end else { throw EDNReadError(reason: "unexpected end of line") }
        let first = bytes[position]
        switch first {
        case Self.quote:
            return .string(try readString())
        case UInt8(ascii: "["):
            guard depth < Self.maximumDepth else {
                throw EDNReadError(reason: "nesting deeper than \(Self.maximumDepth)")
            }
            position += 1
            depth += 1
            defer { depth -= 1 }
            var items: [EDNValue] = []
            while true {
                skipWhitespace()
                guard position < end else { throw EDNReadError(reason: "unterminated vector: missing `]`") }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .vector(items)
                }
                items.append(try readValue())
            }
        case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "#"):
            throw EDNReadError(reason: "unexpected `\(Character(Unicode.Scalar(first)))`")
        default:
            let start = position
            while position < end, !Self.endsToken(bytes[position]) { position += 1 }
            return try Self.token(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        }
    }

    /// The value a bare token spells: a keyword, nil, a boolean, an integer or a symbol.
    private static func token(_ token: UnsafeBufferPointer<UInt8>) throws(EDNReadError) -> EDNValue {
        if token.first == UInt8(ascii: ":") {
            guard token.count > 1 else { throw EDNReadError(reason: "empty keyword `:`") }
            return .keyword(String(decoding: UnsafeBufferPointer(rebasing: token[1...]), as: UTF8.self))
        }
        if let number = integer(token) { return .integer(number) }
        let text = String(decoding: token, as: UTF8.self)
        if text == "nil" { return .null }
        if text == "true" { return .boolean(true) }
        if text == "false" { return .boolean(false) }
        if let number = Int64(text) { return .integer(number) }
        if let firstCharacter = text.first, firstCharacter.isNumber || firstCharacter == "-" || firstCharacter == "+" {
            throw EDNReadError(reason: "bad number `\(text)`")
        }
        return .symbol(text)
    }

    /// A token of ASCII digits (at most 18, so no overflow), with an optional sign; nil
    /// otherwise (`Int64(String)` then decides).
    private static func integer(_ token: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if let sign = token.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            index = 1
        }
        let digits = token.count - index
        guard digits > 0, digits <= 18 else { return nil }
        var value: Int64 = 0
        while index < token.count {
            let digit = token[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int64(digit)
            index += 1
        }
        return negative ? -value : value
    }

    private mutating func readString() throws(EDNReadError) -> String {
        position += 1  // the opening quote
        let start = position
        // The common case: no escapes, so the text is the bytes up to the closing quote.
        while position < end, bytes[position] != Self.quote, bytes[position] != Self.backslash { position += 1 }
        guard position < end else { throw EDNReadError(reason: "unterminated string: missing `\"`") }
        if bytes[position] == Self.quote {
            position += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position - 1]), as: UTF8.self)
        }
        var text = Array(bytes[start..<position])
        while position < end {
            let byte = bytes[position]
            position += 1
            switch byte {
            case Self.quote:
                return String(decoding: text, as: UTF8.self)
            case Self.backslash:
                guard position < end else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                case Self.quote, Self.backslash: text.append(escaped)
                default:
                    // The whole character after the backslash, as the message shows it.
                    var last = position
                    while last < end, bytes[last] & 0xC0 == 0x80 { last += 1 }
                    let shown = String(decoding: UnsafeBufferPointer(rebasing: bytes[position - 1..<last]), as: UTF8.self)
                    throw EDNReadError(reason: "unknown escape `\\\(shown)` in a string")
                }
            default:
                text.append(byte)
            }
        }
        throw EDNReadError(reason: "unterminated string: missing `\"`")
    }
}
