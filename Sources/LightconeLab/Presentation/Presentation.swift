/// A demo script for a talk (`lightcone present FILE`): ordinary commands plus `say TEXT`
/// (narration shown large), `note TEXT` (speaker notes, sent to `--notes`) and `wait` (the
/// script stops until the next clicker press). The `wait` lines cut it into slides.
public struct Presentation: Sendable {
    /// One slide: the script lines (with their line numbers) up to the next `wait`.
    public struct Slide: Sendable, Equatable {
        public var lines: [(number: Int, text: String)]
        public static func == (a: Slide, b: Slide) -> Bool { a.lines.map(\.text) == b.lines.map(\.text) }
    }

    /// The file's name as given, for messages (never shown to the audience).
    public let name: String
    /// The demo's title, for the audience: a `# title: TEXT` line, else a `# TEXT` comment
    /// opening the file, else the first `say`, else "Demo".
    public let title: String
    /// The slides, in order.
    public let slides: [Slide]
    /// How many slides have been played.
    public internal(set) var played = 0

    /// Cuts `text` into slides at its `wait` lines; blank lines and comments are dropped.
    public init(name: String, text: String) {
        self.name = name
        var slides: [Slide] = []
        var current: [(number: Int, text: String)] = []
        for (index, raw) in text.textLines().enumerated() {
            let line = CommandParser.stripComment(String(raw))
            if line.isEmpty { continue }
            if line.lowercased() == "wait" {
                slides.append(Slide(lines: current))
                current = []
            } else {
                current.append((index + 1, line))
            }
        }
        if !current.isEmpty { slides.append(Slide(lines: current)) }
        self.slides = slides.filter { !$0.lines.isEmpty }
        self.title = Self.title(of: text, slides: self.slides)
    }

    /// See `title`.
    static func title(of text: String, slides: [Slide]) -> String {
        var opening: String?
        var seenCommand = false
        for raw in text.textLines() {
            let line = trimmed(raw)
            if line.isEmpty { continue }
            guard line.hasPrefix("#") else { seenCommand = true; continue }
            let comment = trimmed(line.drop(while: { $0 == "#" }))
            if comment.lowercased().hasPrefix("title") {
                let rest = comment.dropFirst(5).drop(while: { $0 == ":" || $0 == " " })
                if !rest.isEmpty { return String(rest) }
            }
            if !seenCommand, opening == nil, !comment.isEmpty { opening = comment }
        }
        if let opening { return opening }
        for slide in slides {
            for line in slide.lines where line.text.lowercased().hasPrefix("say ") {
                return trimmed(line.text.dropFirst(4))
            }
        }
        return "Demo"
    }

    /// `text` without leading and trailing blanks.
    static func trimmed(_ text: some StringProtocol) -> String {
        String(text.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}

/// What the view shows for a presentation: where it is and what was last said.
public struct PresentationStatus: Sendable, Equatable {
    /// The script's name (its path: for messages, not for the audience).
    public var name: String
    /// The demo's title (see `Presentation.title`).
    public var title: String
    /// Slides played so far.
    public var played: Int
    /// How many slides there are.
    public var count: Int
    /// The narration of the current slide (`say` lines), newest last.
    public var captions: [String]

    /// A status.
    public init(name: String, title: String = "", played: Int, count: Int, captions: [String]) {
        self.name = name
        self.title = title.isEmpty ? name : title
        self.played = played
        self.count = count
        self.captions = captions
    }
}
