import LightconeSimulation

extension CommandSpecs {
    /// The lesson commands.
    static let lessons: [CommandSpec] = [
        .bare("Lessons", "lessons", summary: "The lessons, with one-line summaries and your progress.", .lessons),
        CommandSpec("Lessons", "lesson", usage: "lesson NAME", summary: "Open a lesson (any part of its name or title).",
            example: "lesson raft", arguments: [.lesson]) { r throws(CommandError) in
            guard !r.rest.isEmpty else { throw CommandError("lesson needs a name; `lessons` lists them") }
            r.words = []
            return .lesson(r.rest)
        },
        .bare("Lessons", "next", summary: "The lesson's next step.", .next),
        .bare("Lessons", "back", summary: "The lesson's previous step.", .back),
        .bare("Lessons", "hint", summary: "A hint for the current goal.", .hint),
        .bare("Lessons", "goal", summary: "The current goal and whether it is met.", .goal),
        .bare("Lessons", "leave", summary: "Leave the lesson (the cluster stays).", .leave),
    ]
}
