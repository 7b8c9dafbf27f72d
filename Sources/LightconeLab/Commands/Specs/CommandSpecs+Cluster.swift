import LightconeSimulation

extension CommandSpecs {
    /// `new`, `status`, `inspect`, `nodes`.
    static let cluster: [CommandSpec] = [
        CommandSpec("Cluster", "new", usage: "new PROTOCOL [N] [key=value ...]",
            summary: "Replace the cluster: resets the clock to 0, the generator to the session seed, the network to 10..30ms with no loss, and clears partitions, cuts, holds, bugs, loads and history.",
            example: "new raft 5 batch=1", arguments: [.protocolName, .protocolOptions]) { r throws(CommandError) in
            try r.clusterSpec(r.words)
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
        CommandSpec("Cluster", "compare", usage: "compare PROTOCOL [N] [key=value ...] vs PROTOCOL [N] [key=value ...]",
            summary: "Two clusters side by side with the same node names: every later command runs on both and each answer is prefixed by its side; `new` or `leave` ends it.",
            example: "compare raft 3 vs raft 3 election=300..600ms", arguments: [.protocolName, .either([.words(["vs"]), .protocolOptions])]) { r throws(CommandError) in
            guard let split = r.words.firstIndex(where: { $0.lowercased() == "vs" }) else {
                throw CommandError("compare needs two clusters, like: compare raft 3 vs raft 3 batch=1")
            }
            let left = Array(r.words[..<split]), right = Array(r.words[(split + 1)...])
            guard !left.isEmpty, !right.isEmpty else { throw CommandError("compare needs a cluster on each side of vs; usage: \(r.usage)") }
            r.words = []
            let a = try r.clusterSpec(left), b = try r.clusterSpec(right)
            guard a != b else { throw CommandError("both sides are the same cluster; change the protocol or an option on one side") }
            return .compare(a, b)
        },
        .bare("Cluster", "nodes", summary: "One line per node: up/down/paused, role, term and a summary.", .nodes),
    ]
}
