import LightconeSimulation

extension CommandSpecs {
    /// Workloads, the history and the checker (each protocol's operations come from the protocol).
    static let clients: [CommandSpec] = [
        CommandSpec("Clients", "load", usage: "load RATE [for DURATION] [clients=N] [keys=K]",
            summary: "A random workload of the protocol's operations: RATE start per simulated second, open-loop, on as many clients as that needs (at most clients=N; default for 10s, 3 keys); it runs as time runs.",
            example: "load 20/s for 20s clients=5 keys=3", arguments: [.words(["for", "clients=", "keys="])]) { r throws(CommandError) in
            let rateWord = try r.requireWord("a rate like 20/s")
            guard rateWord.hasSuffix("/s"), let rate = Int(rateWord.dropLast(2)), rate >= 1, rate <= 100_000 else {
                throw CommandError("load rate is operations per simulated second, like 20/s (1/s..100000/s)")
            }
            var spec = LoadSpec(rate: rate)
            while let word = r.next() {
                if word == "for" {
                    spec.duration = try r.duration(r.requireWord("a duration"))
                } else if word.hasPrefix("clients=") {
                    spec.clients = try r.count(String(word.dropFirst(8)), what: "clients", range: 1...1_000)
                } else if word.hasPrefix("keys=") {
                    spec.keys = try r.count(String(word.dropFirst(5)), what: "keys", range: 1...1_000)
                } else {
                    throw CommandError("unexpected '\(word)'; usage: \(r.usage)")
                }
            }
            return .load(spec)
        },
        CommandSpec("Clients", "history", usage: "history [--json | --script]",
            summary: "Every client operation with invoke and completion time and result (ok, fail, unknown); --script prints the commands typed so far.",
            example: "history --json", arguments: [.words(["--json", "--script"])]) { r throws(CommandError) in
            let flag = r.next()
            try r.done()
            switch flag {
            case nil: return .history(json: false, script: false)
            case "--json": return .history(json: true, script: false)
            case "--script": return .history(json: false, script: true)
            default: throw CommandError("history takes --json or --script")
            }
        },
        CommandSpec("Clients", "edit", usage: "edit NODE TEXT-OP",
            summary: "crdt: an edit made at NODE's copy, the same as TEXT-OP via NODE: insert POS TEXT or delete POS N (type=text), line K TEXT (type=merge), or any other crdt operation.",
            example: "edit n2 insert 0 hello", arguments: [.node, .words(["insert", "delete", "line", "inc", "dec", "add", "remove", "set", "read"])]) { r throws(CommandError) in
            try r.editAlias()
        },
        .bare("Clients", "check", summary: "Run the checker that fits the protocol (safety properties, linearizability, convergence).", .check),
    ]
}

extension ArgumentReader {
    /// `edit NODE TEXT-OP`: the operation TEXT-OP of the current protocol (crdt), made at NODE.
    mutating func editAlias() throws(CommandError) -> Command {
        guard let entry = context.protocolEntry, entry.name == "crdt" else {
            throw CommandError("edit is a crdt command; the cluster runs \(context.protocolName) (`new crdt type=text` first)")
        }
        let nodeWord = try requireWord("a node")
        _ = try node(nodeWord)
        let verb = try requireWord("an edit such as insert 0 hello").lowercased()
        guard let spec = entry.operations.first(where: { $0.name == verb }) else {
            let names = entry.operations.map(\.name).joined(separator: ", ")
            throw CommandError("'\(verb)' is not a crdt operation; edit takes one of \(names); usage: \(usage)")
        }
        guard !words.contains("via") else { throw CommandError("edit names its node first; usage: \(usage)") }
        var operation = ArgumentReader(verb: verb, words: words + ["via", nodeWord], rest: "", context: context)
        words = []
        return try operation.operation(spec)
    }
}
