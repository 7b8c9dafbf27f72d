import LightconeSimulation

extension Session {
    /// Candidates for the last word of `line` (the word being typed): command names first,
    /// then nodes, protocols, bugs, help topics, as the command expects.
    public func completions(for line: String) -> [String] {
        let endsWithSpace = line.last == " "
        var words = line.split(separator: " ").map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        let nodes = (1...max(1, min(cluster.nodeCount, 200))).map { "n\($0)" } + ["leader"]
        let candidates: [String]
        if words.isEmpty {
            candidates = CommandHelp.names + cluster.operationSpecs.map(\.name)
        } else {
            switch words[0] {
            case "new": candidates = words.count == 1 ? ProtocolRegistry.names : []
            case "lesson": candidates = words.count == 1 ? lessonNames : []
            case "help": candidates = CommandHelp.names + ProtocolRegistry.names
            case "bug": candidates = words.count == 1 ? ["off"] + ProtocolRegistry.names : cluster.bugNames.map(\.name)
            case "status": candidates = ["--json"]
            case "history": candidates = ["--json", "--script"]
            case "theme": candidates = ["dark", "light", "mono"]
            case "run": candidates = words.count == 1 ? ["until"] : ConditionParser.keywords + nodes
            case "expect": candidates = ConditionParser.keywords + nodes
            case "chaos": candidates = ["for", "faults=partition,kill,pause,loss"]
            case "load": candidates = ["for", "clients=", "keys="]
            case "net", "link": candidates = nodes + ["latency=", "loss=", "dup="]
            default: candidates = nodes + ["via"]
            }
        }
        return candidates.filter { $0.hasPrefix(current) && $0 != current || (current.isEmpty) }
    }
}

extension Session {
    /// The names `lesson NAME` accepts, in course order.
    var lessonNames: [String] { LessonCatalog.sources(directory: options.lessonsDirectory).map(\.name) }
}
