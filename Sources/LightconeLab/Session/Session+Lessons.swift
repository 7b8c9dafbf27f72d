extension Session {
    /// Starts over from the session's start command (`new gossip 5`) on `seed`: how a lesson
    /// begins and how it is replayed.
    mutating func restart(seed: UInt64) {
        self.seed = seed
        let start = (try? CommandParser.parse(options.startCommand, context: parseContext))
            ?? .new(protocolName: "gossip", nodeCount: 5, options: [])
        _ = try? perform(start)
    }

    /// Runs a command on a lesson's behalf: like `execute`, but kept out of `history --script`
    /// (the `lesson` and `next` typed there replay it).
    mutating func executeForLesson(_ text: String) -> CommandOutput {
        let typedBefore = typed.count
        let output = execute(text)
        if typed.count > typedBefore { typed.removeSubrange(typedBefore...) }
        return output
    }
}
