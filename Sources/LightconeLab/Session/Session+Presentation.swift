extension Session {
    /// Starts a demo script: nothing runs until the first `next` (a clicker press).
    public mutating func loadPresentation(name: String, text: String) throws(CommandError) {
        let presentation = Presentation(name: name, text: text)
        guard !presentation.slides.isEmpty else { throw CommandError("\(name) has no commands to present") }
        for slide in presentation.slides {
            for line in slide.lines where !Session.isPresentationLine(line.text) {
                // Catch typos before the talk; node names are checked when the line runs.
                let context = ParseContext(nodeCount: 100_000, protocolName: cluster.protocolName)
                do { _ = try CommandParser.parse(line.text, context: context) } catch {
                    throw CommandError("\(name):\(line.number): \(error.message)")
                }
            }
        }
        self.presentation = presentation
        captions = []
    }

    /// Where the presentation is, for the view; nil when none is loaded.
    public var presentationStatus: PresentationStatus? {
        guard let presentation else { return nil }
        return PresentationStatus(name: presentation.name, played: presentation.played,
                                  count: presentation.slides.count, captions: captions)
    }

    static func isPresentationLine(_ line: String) -> Bool {
        let verb = line.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return verb == "say" || verb == "note"
    }

    /// `next` in a presentation: plays the next slide's lines.
    mutating func nextSlide() throws(CommandError) -> CommandOutput {
        guard var presentation else { throw CommandError("no presentation") }
        guard presentation.played < presentation.slides.count else {
            return CommandOutput(lines: ["the end of \(presentation.name): `back` goes to the previous slide"])
        }
        let slide = presentation.slides[presentation.played]
        presentation.checkpoints.append(self)
        presentation.played += 1
        self.presentation = presentation
        captions = []
        var output = CommandOutput()
        for line in slide.lines {
            let result = execute(line.text)
            output.lines += result.lines
            output.requests += result.requests
            if result.isError {
                output.lines.append("(\(presentation.name):\(line.number))")
                break
            }
        }
        return output
    }

    /// `back` in a presentation: the state before the last slide played.
    mutating func previousSlide() throws(CommandError) -> CommandOutput {
        guard let presentation, let previous = presentation.checkpoints.last else {
            throw CommandError("this is the first slide")
        }
        var restored = previous
        var kept = presentation
        kept.checkpoints.removeLast()
        kept.played -= 1
        restored.presentation = kept
        // Keep what was typed and the narration cursor of the restored state.
        self = restored
        return CommandOutput(lines: ["back to slide \(kept.played) of \(kept.slides.count)"])
    }

    /// `say TEXT`: narration, printed and shown large in the view.
    mutating func say(_ text: String) -> CommandOutput {
        captions.append(text)
        return CommandOutput(lines: [text])
    }
}
