import LightconeSimulation

extension CommandSpecs {
    /// `new`, `status`, `inspect`, `nodes`.
    static let cluster: [CommandSpec] = [
        CommandSpec("Cluster", "new", usage: "new PROTOCOL [N] [key=value ...]",
            summary: "Replace the cluster: resets the clock to 0, the generator to the session seed, the network to 10..30ms with no loss, and clears partitions, cuts, holds, bugs, loads and history.",
            example: "new raft 5 batch=1", arguments: [.protocolName, .protocolOptions]) { r throws(CommandError) in
            let name = try r.requireWord("a protocol").lowercased()
            guard r.context.catalog.names.contains(name) || r.context.catalog.plannedNames.contains(name) else {
                let hint = Suggestion.closest(to: name, in: r.context.catalog.names).map { "did you mean \($0)? " } ?? ""
                throw CommandError("unknown protocol '\(name)'; \(hint)protocols are \(r.context.catalog.names.joined(separator: ", "))")
            }
            var nodeCount: Int?
            if let first = r.words.first, first.allSatisfy(\.isNumber) {
                _ = r.next()
                nodeCount = try r.count(first, what: "the node count", range: 1...100_000)
            }
            var options: [OptionPair] = []
            while let word = r.next() {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw CommandError("'\(word)' is not key=value; usage: \(r.usage)")
                }
                options.append(OptionPair(key: parts[0].lowercased(), value: parts[1]))
            }
            return .new(protocolName: name, nodeCount: nodeCount, options: options)
        },
        CommandSpec("Cluster", "status", usage: "status [--json]",
            summary: "The time, the protocol, every node and the network; --json prints one JSON object on one line.",
            example: "status --json", arguments: [.words(["--json"])]) { r throws(CommandError) in
            let flag = r.next()
            try r.done()
            guard flag == nil || flag == "--json" else { throw CommandError("status takes only --json") }
            return .status(json: flag != nil)
        },
        CommandSpec("Cluster", "inspect", usage: "inspect NODE",
            summary: "Everything a node holds (a leader also shows nextIndex and matchIndex).",
            example: "inspect leader", arguments: [.node]) { r throws(CommandError) in
            let n = try r.requireNode(); try r.done(); return .inspect(n)
        },
        .bare("Cluster", "nodes", summary: "One line per node: up/down/paused, role, term and a summary.", .nodes),
    ]
}
