/// The event log's lines and, once a width is known, each line already cut into the rows
/// the side panel draws: a line is wrapped once, when it arrives, not on every frame; a new
/// width (the terminal was resized) or `--ascii` wraps them all again.
///
/// ```swift
/// var log = EventLog()
/// log.wrap(width: 44, isASCII: false)
/// log.append(contentsOf: ["t=0ms n1 becomes leader"], limit: 500)
/// log.rows(ofLine: 0, width: 44, isASCII: false)  // [LogRow] for that line
/// ```
struct EventLog: Sendable {
    /// The lines, oldest first.
    private(set) var lines: [String] = []
    /// The rows of `lines[i]` at `width`, for a prefix of `lines` (the rest not wrapped yet).
    private var wrapped: [[LogRow]] = []
    /// The width `wrapped` was made for (0: none yet).
    private var width = 0
    /// True when `wrapped` was made for `--ascii`.
    private var isASCII = false

    /// An empty log.
    init() {}

    /// The log holding `lines`, none of them wrapped yet.
    init(lines: [String]) { self.lines = lines }

    /// Adds `newLines`, wrapped at once when a width is known, and keeps the newest `limit`.
    mutating func append(contentsOf newLines: [String], limit: Int) {
        let isUpToDate = width > 0 && wrapped.count == lines.count
        lines.append(contentsOf: newLines)
        if isUpToDate {
            for line in newLines { wrapped.append(Self.rows(of: line, width: width, isASCII: isASCII)) }
        }
        if lines.count > limit {
            let excess = lines.count - limit
            lines.removeFirst(excess)
            wrapped.removeFirst(min(excess, wrapped.count))
        }
    }

    /// Wraps the lines not wrapped yet at `width`; a different width or mode wraps all again.
    mutating func wrap(width: Int, isASCII: Bool) {
        guard width > 0 else { return }
        if width != self.width || isASCII != self.isASCII {
            self.width = width
            self.isASCII = isASCII
            wrapped = []
        }
        guard wrapped.count < lines.count else { return }
        wrapped.reserveCapacity(lines.count)
        for line in lines[wrapped.count...] { wrapped.append(Self.rows(of: line, width: width, isASCII: isASCII)) }
    }

    /// The rows of line `index` at `width`, wrapped when cached for that width and mode, else now.
    func rows(ofLine index: Int, width: Int, isASCII: Bool) -> [LogRow] {
        if width == self.width, isASCII == self.isASCII, index < wrapped.count { return wrapped[index] }
        return Self.rows(of: lines[index], width: width, isASCII: isASCII)
    }

    /// `line` as the panel's rows: preformatted (runs of spaces kept), continuation rows
    /// indented by two.
    static func rows(of line: String, width: Int, isASCII: Bool) -> [LogRow] {
        let text = isASCII ? ShownText.asciiOnly(line) : line
        let isCommand = line.hasPrefix("> ")
        let parts = StyledText.preformatted(text, width: width, indent: 2)
        return parts.enumerated().map { LogRow($0.element, isFirst: $0.offset == 0, isCommand: isCommand) }
    }
}

extension EventLog: Equatable {
    /// Two logs are equal when they hold the same lines (the wrapping is a cache).
    static func == (a: EventLog, b: EventLog) -> Bool { a.lines == b.lines }
}

/// One row of the event log as drawn: an optional faint `t=...` stamp, then the body in a role.
struct LogRow: Sendable, Equatable {
    /// The whole row.
    let text: String
    /// The UTF-8 length of the leading `t=...` stamp drawn faint (0: none).
    let stampLength: Int
    /// The role of the rest: alert for an error or violation, prompt for a typed command.
    let role: Theme.Role

    /// The row `text`; `isFirst` for a line's first row (which may carry a stamp).
    init(_ text: String, isFirst: Bool, isCommand: Bool) {
        self.text = text
        var body = Substring(text)
        var stampLength = 0
        if isFirst, text.hasPrefix("t="), let space = text.firstIndex(of: " ") {
            stampLength = text.utf8.distance(from: text.startIndex, to: space)
            body = text[space...]
        }
        self.stampLength = stampLength
        let isAlert = TextSearch.contains(body, "VIOLATION") || body.hasPrefix("error") || TextSearch.contains(body, " error:")
        // The commands typed (`> new gossip 7`) stand out from their output.
        role = isAlert ? .dropped : (isCommand ? .prompt : .text)
    }
}

/// Text from outside the view as it may be drawn in `--ascii` mode.
enum ShownText {
    /// `text` with every non-ASCII character replaced (`✓` becomes `+`, `✗` `x`, `⚠` `!`, others `?`).
    static func asciiOnly(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result = ""
        for character in text {
            if character.isASCII { result.append(character) } else if character == "✓" { result.append("+") } else if character == "✗" { result.append("x") } else if character == "⚠" { result.append("!") } else { result.append("?") }
        }
        return result
    }
}
