/// Plays a demo script (`lightcone present FILE`) slide by slide on a `Session`, from
/// outside it: `next` runs the next slide's lines through the session's `execute`, `back`
/// restores the session as it was before the last slide, `say` collects the captions.
public struct PresentationRunner: Sendable {
    /// The script being presented.
    public internal(set) var presentation: Presentation
    /// What the current slide has said (`say`), newest last.
    public internal(set) var captions: [String] = []
    /// The session as it was before each played slide (for `back`).
    var checkpoints: [(session: Session, captions: [String])] = []

    /// Loads a demo script; nothing runs until the first `next` (a clicker press). Every line
    /// is parsed first, so a typo is caught before the talk (node names are checked when the
    /// line runs).
    public init(name: String, text: String, protocolName: String) throws(CommandError) {
        let presentation = Presentation(name: name, text: text)
        guard !presentation.slides.isEmpty else { throw CommandError("\(name) has no commands to present") }
        for slide in presentation.slides {
            for line in slide.lines where !Self.isPresentationLine(line.text) {
                let context = ParseContext(nodeCount: 100_000, protocolName: protocolName)
                do { _ = try CommandParser.parse(line.text, context: context) } catch {
                    throw CommandError("\(name):\(line.number): \(error.message)")
                }
            }
        }
        self.presentation = presentation
    }

    /// Where the presentation is, for the view.
    public var status: PresentationStatus {
        PresentationStatus(name: presentation.name, title: presentation.title, played: presentation.played,
                           count: presentation.slides.count, captions: captions)
    }

    static func isPresentationLine(_ line: String) -> Bool {
        let verb = line.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return verb == "say" || verb == "note"
    }

    /// `next`: takes the next slide to play, remembering `session` as it is now for `back`;
    /// nil at the end of the script.
    mutating func advance(checkpoint session: Session) -> Presentation.Slide? {
        guard presentation.played < presentation.slides.count else { return nil }
        let slide = presentation.slides[presentation.played]
        checkpoints.append((session, captions))
        presentation.played += 1
        captions = []
        return slide
    }

    /// `back`: the session as it was before the last slide played. The first part stays (a
    /// demo opens on it; before it there is only the lab's default cluster).
    mutating func previousSlide(on session: inout Session) throws(CommandError) -> CommandOutput {
        guard presentation.played > 1, let previous = checkpoints.popLast() else { throw CommandError("this is the first part") }
        presentation.played -= 1
        captions = previous.captions
        session = previous.session
        return CommandOutput(lines: ["back to part \(presentation.played) of \(presentation.slides.count)"])
    }

    /// `say TEXT`: narration, printed and shown large in the view.
    mutating func say(_ text: String) -> CommandOutput {
        captions.append(text)
        return CommandOutput(lines: [text])
    }
}
