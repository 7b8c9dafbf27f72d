import LightconeSimulation

extension Session {
    /// Candidates for the last word of `line` (the word being typed): command names first,
    /// then what the command's spec says comes at that place (nodes, protocols, bugs, flags).
    public func completions(for line: String) -> [String] {
        let endsWithSpace = line.last == " "
        var words = line.split(separator: " ").map(String.init)
        let current = endsWithSpace ? "" : (words.popLast() ?? "")
        let candidates: [String]
        if words.isEmpty {
            candidates = CommandSpecs.names + cluster.operationSpecs.map(\.name) + cluster.protocolCommands.map(\.name)
        } else {
            let verb = words[0].lowercased()
            let index = words.count - 1
            if let spec = CommandSpecs.spec(verb) {
                candidates = spec.argument(at: index).map { self.candidates(for: $0, words: words) } ?? []
            } else if let command = cluster.protocolCommands.first(where: { $0.name == verb }) {
                let kind = index < command.arguments.count ? command.arguments[index]
                    : command.arguments.last.flatMap { ArgumentKind.protocolArgument($0).repeats ? $0 : nil }
                candidates = cluster.protocolCompletions(verb, typed: Array(words.dropFirst()))
                    ?? kind.map { self.candidates(for: .protocolArgument($0), words: words) } ?? []
            } else if cluster.operationSpecs.contains(where: { $0.name == verb }) {
                candidates = words.last == "via" ? nodeNames : ["via"]
            } else {
                candidates = []
            }
        }
        // Each candidate once (an operation may share a name with a command of the protocol).
        var seen = Set<String>()
        return candidates.filter { ($0.hasPrefix(current) && $0 != current || current.isEmpty) && seen.insert($0).inserted }
    }

    /// `n1`..`nN` (at most 200) and `leader`.
    var nodeNames: [String] { ProtocolCommandWords.nodeNames(cluster.nodeCount) + ["leader"] }

    /// The words that can stand for an argument of `kind`; `words` are those typed before.
    func candidates(for kind: ArgumentKind, words: [String]) -> [String] {
        switch kind {
        case .node, .nodes: return nodeNames
        case .link: return nodeNames.map { $0 + "->" }
        case .duration, .count, .messageID, .text, .file: return []
        case .protocolName: return catalog.names
        case .protocolOptions:
            let name = words.count > 1 ? words[1].lowercased() : ""
            return (catalog.entry(named: name)?.options ?? []).map { $0.name + "=" }
        case .bugName: return cluster.bugNames.map(\.name)
        case .lesson: return lessonNames
        case .helpTopic: return CommandHelp.names(in: catalog) + catalog.names
        case .condition: return ConditionParser.keywords(of: protocolEntry) + nodeNames
        case .words(let list): return list
        case .either(let kinds): return kinds.flatMap { candidates(for: $0, words: words) }
        case .protocolArgument(let argument):
            switch argument {
            case .node, .nodes: return nodeNames
            case .count, .key, .text: return []
            case .words(let list): return list
            case .options(let keys): return keys.map { $0.hasSuffix("=") ? $0 : $0 + "=" }
            }
        }
    }
}

extension Session {
    /// The names `lesson NAME` accepts, in course order.
    var lessonNames: [String] { LessonCatalog.sources(directory: options.lessonsDirectory).map(\.name) }
}
