import LightconeSimulation

extension CommandSpecs {
    /// The trace, the timeline, echo and expect.
    static let observation: [CommandSpec] = [
        CommandSpec("Observation", "log", usage: "log [NODE] [N]",
            summary: "The last N trace lines (default 20), oldest first, optionally only those about NODE.",
            example: "log n1 50", arguments: [.node, .count]) { r throws(CommandError) in
            var node: NodeRef?
            var count = 20
            while let word = r.next() {
                if let n = Int(word) {
                    guard n >= 1 && n <= 100_000 else { throw CommandError("log count must be 1..100000") }
                    count = n
                } else {
                    node = try r.node(word)
                }
            }
            return .log(node, count)
        },
        .bare("Observation", "timeline", summary: "A space-time diagram of the recent messages.", .timeline),
        CommandSpec("Observation", "echo", usage: "echo TEXT", summary: "Print TEXT.",
            example: "echo now we cut the leader off", arguments: [.text]) { r throws(CommandError) in
            r.words = []
            return .echo(r.rest)
        },
        CommandSpec("Observation", "expect", usage: "expect CONDITION",
            summary: "Check a condition now; a failure says what was expected and what is (and fails a script).",
            example: "expect leader n1", arguments: [.condition]) { r throws(CommandError) in
            let condition = try ConditionParser.parse(r.words, context: r.context)
            r.words = []
            return .expect(condition)
        },
    ]
}
