import LightconeSimulation

extension CommandSpecs {
    /// Help, scripts, exports, recording, themes, quitting.
    static let meta: [CommandSpec] = [
        CommandSpec("Meta", "help", usage: "help [COMMAND]", summary: "This list, or one command's help with an example.",
            example: "help partition", arguments: [.helpTopic]) { r throws(CommandError) in
            let topic = r.next()
            try r.done()
            return .help(topic?.lowercased())
        },
        CommandSpec("Meta", "source", usage: "source FILE", summary: "Run the commands of a script file.",
            example: "source demo.lc", arguments: [.file]) { r throws(CommandError) in
            guard !r.rest.isEmpty else { throw CommandError("source needs a file name") }
            r.words = []
            return .source(r.rest)
        },
        CommandSpec("Meta", "export", usage: "export timeline FILE.svg | export screen FILE.svg|FILE.txt [--force]",
            summary: "Write the space-time diagram of recent messages, or the screen as it looks now, to a file (never overwriting one without --force).",
            example: "export timeline figure8.svg", arguments: [.words(["timeline", "screen"]), .file, .words(["--force"])]) { r throws(CommandError) in
            let kindWord = try r.requireWord("timeline or screen and a file").lowercased()
            guard let kind = ExportKind(rawValue: kindWord) else { throw CommandError("export writes a timeline or a screen; usage: \(r.usage)") }
            var force = false
            var path: String?
            while let word = r.next() {
                if word == "--force" { force = true } else if path == nil { path = word } else { throw CommandError("unexpected '\(word)'; usage: \(r.usage)") }
            }
            guard let path else { throw CommandError("export \(kind.rawValue) needs a file name; usage: \(r.usage)") }
            let allowed = kind == .timeline ? [".svg"] : [".svg", ".txt"]
            guard allowed.contains(where: { path.lowercased().hasSuffix($0) }) else {
                throw CommandError("export \(kind.rawValue) writes \(allowed.joined(separator: " or ")) files, not \(path)")
            }
            return .export(kind, path: path, force: force)
        },
        CommandSpec("Meta", "record", usage: "record FILE.cast [--force] | record stop",
            summary: "Record what the lab shows as an asciicast v2 file (play it with asciinema), until `record stop` or quit.",
            example: "record demo.cast", arguments: [.either([.words(["stop"]), .file]), .words(["--force"])]) { r throws(CommandError) in
            let first = try r.requireWord("a FILE.cast, or stop")
            if first == "stop" { try r.done(); return .record(path: nil, force: false) }
            var force = false
            while let word = r.next() {
                guard word == "--force" else { throw CommandError("unexpected '\(word)'; usage: \(r.usage)") }
                force = true
            }
            guard first.lowercased().hasSuffix(".cast") else { throw CommandError("record writes an asciicast file ending in .cast, not \(first)") }
            return .record(path: first, force: force)
        },
        CommandSpec("Meta", "theme", usage: "theme dark|light|mono", summary: "The view's colours.",
            example: "theme light", arguments: [.words(["dark", "light", "mono"])]) { r throws(CommandError) in
            let name = try r.requireWord("dark, light or mono").lowercased()
            guard ["dark", "light", "mono"].contains(name) else { throw CommandError("themes are dark, light and mono") }
            try r.done()
            return .theme(name)
        },
        .bare("Meta", "quit", aliases: ["exit"], summary: "Leave Lightcone (Ctrl-D too).", .quit),
    ]

    /// The commands of demo scripts (`lightcone present`).
    static let demo: [CommandSpec] = [
        CommandSpec("Demo scripts", "say", usage: "say TEXT", summary: "In a demo script: narration, shown large in the view.",
            example: "say Now we cut the leader off.", arguments: [.text]) { r throws(CommandError) in
            guard !r.rest.isEmpty else { throw CommandError("say needs some text; usage: \(r.usage)") }
            r.words = []
            return .say(r.rest)
        },
        CommandSpec("Demo scripts", "note", usage: "note TEXT", summary: "In a demo script: a speaker note, sent to --notes (never shown on screen).",
            example: "note Ask who expects a new leader.", arguments: [.text]) { r throws(CommandError) in
            guard !r.rest.isEmpty else { throw CommandError("note needs some text; usage: \(r.usage)") }
            r.words = []
            return .note(r.rest)
        },
        .bare("Demo scripts", "wait", summary: "In a demo script: stop until the next clicker press (PageDown, Right, `next`).", .wait),
    ]
}
