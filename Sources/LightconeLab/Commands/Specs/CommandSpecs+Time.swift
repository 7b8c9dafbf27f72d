import LightconeSimulation

extension CommandSpecs {
    /// Stepping, running, the seed, rewind and the view's clock.
    static let time: [CommandSpec] = [
        CommandSpec("Time", "step", usage: "step [N]", summary: "Handle the next N events (default 1): deliveries, timers, client timeouts.",
            example: "step 5", arguments: [.count]) { r throws(CommandError) in
            var n = 1
            if let word = r.next() { n = try r.count(word, what: "the step count", range: 1...1_000_000) }
            try r.done()
            return .step(n)
        },
        CommandSpec("Time", "run", usage: "run DURATION | run until CONDITION [within DURATION]",
            summary: "Let simulated time pass (events at the final instant included), or run until a condition holds (default within 1m; a missed deadline is a failed expectation). In the view it plays, in at most 4 s, and any key stops it.",
            example: "run until leader within 5s", arguments: [.either([.words(["until"]), .duration]), .condition]) { r throws(CommandError) in
            let first = try r.requireWord("a duration or `until CONDITION`")
            if first == "until" {
                var conditionWords = r.words
                var within: SimDuration = .seconds(60)
                if let index = conditionWords.lastIndex(of: "within") {
                    guard index + 2 == conditionWords.count else { throw CommandError("within takes one duration at the end, like: run until leader within 5s") }
                    within = try r.duration(conditionWords[index + 1])
                    conditionWords = Array(conditionWords[..<index])
                }
                r.words = []
                let condition = try ConditionParser.parse(conditionWords, context: r.context)
                return .runUntil(condition, within: within)
            }
            try r.done()
            return .run(try r.duration(first))
        },
        CommandSpec("Time", "skip", usage: "skip DURATION",
            summary: "Let simulated time pass at once, without playing it (in the view `run` plays; elsewhere they are the same).",
            example: "skip 10s", arguments: [.duration]) { r throws(CommandError) in
            let d = try r.duration(r.requireWord("a duration")); try r.done(); return .run(d)
        },
        .bare("Time", "time", summary: "The simulated time.", .time),
        CommandSpec("Time", "seed", usage: "seed N", summary: "Set the session seed and rebuild the current cluster from it (same protocol and options).",
            example: "seed 7", arguments: [.count]) { r throws(CommandError) in
            let word = try r.requireWord("a number")
            guard let seed = UInt64(word) else { throw CommandError("seed must be a whole number, like: seed 7") }
            try r.done()
            return .seed(seed)
        },
        CommandSpec("Time", "rewind", usage: "rewind DURATION",
            summary: "Go back in simulated time by replaying the seed and the commands; afterwards everything is exactly as after a fresh run to that instant.",
            example: "rewind 1s", arguments: [.duration]) { r throws(CommandError) in
            let d = try r.duration(r.requireWord("a duration")); try r.done(); return .rewind(d)
        },
        .bare("Time", "play", summary: "Start the view's animation (the view starts playing).", .play),
        CommandSpec("Time", "speed", usage: "speed X", summary: "The view's animation speed factor (1 = default).",
            example: "speed 0.5") { r throws(CommandError) in
            let word = try r.requireWord("a factor, like 2 or 0.5")
            guard let thousandths = DecimalText.parse(word.hasSuffix("x") ? String(word.dropLast()) : word, scale: 1_000),
                  thousandths >= 1, thousandths <= 1_000_000 else {
                throw CommandError("speed must be a factor 0.001..1000, like: speed 2")
            }
            try r.done()
            return .speed(Int(thousandths))
        },
    ]
}
