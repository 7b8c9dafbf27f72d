import LightconeSimulation

/// What the parser needs to know about the session: the cluster's size and protocol.
public struct ParseContext: Sendable {
    /// Nodes in the current cluster (node names above it are errors).
    public var nodeCount: Int
    /// The current protocol's name.
    public var protocolName: String

    /// A context for a cluster of `nodeCount` nodes running `protocolName`.
    public init(nodeCount: Int, protocolName: String) {
        self.nodeCount = nodeCount
        self.protocolName = protocolName
    }
}

/// Parses one line of the command language (SPEC §2) into a `Command`.
///
/// `try CommandParser.parse("partition n1 n2 | n3", context: ctx)` gives
/// `.partition([[.node(n1), .node(n2)], [.node(n3)]])`; mistakes give one-line errors with a
/// suggestion ("unknown node n7; nodes are n1..n5").
public enum CommandParser {
    /// Strips a `#` comment and surrounding blanks.
    public static func stripComment(_ line: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in line {
            if character == "#" && previous.isWhitespace { break }
            result.append(character)
            previous = character
        }
        return result.trimmingBlanks()
    }

    /// Parses a line that is not blank or a comment.
    public static func parse(_ line: String, context: ParseContext) throws(CommandError) -> Command {
        let text = stripComment(line)
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { throw CommandError("empty command") }
        let verb = words.removeFirst().lowercased()
        let rest = String(text.dropFirst(text.prefix(while: { !$0.isWhitespace }).count)).trimmingBlanks()
        var parser = ArgumentReader(verb: verb, words: words, context: context)
        let command = try parser.command(rest: rest)
        return command
    }
}

/// Reads a command's arguments, word by word, with errors that name the command's usage.
struct ArgumentReader {
    let verb: String
    var words: [String]
    let context: ParseContext

    var usage: String { CommandHelp.entry(verb)?.usage ?? verb }

    func fail(_ message: String) -> CommandError { CommandError(message) }

    func usageError() -> CommandError { CommandError("usage: \(usage)") }

    mutating func next() -> String? { words.isEmpty ? nil : words.removeFirst() }

    mutating func requireWord(_ what: String) throws(CommandError) -> String {
        guard let word = next() else { throw CommandError("\(verb) needs \(what); usage: \(usage)") }
        return word
    }

    func done() throws(CommandError) {
        if let extra = words.first { throw CommandError("unexpected '\(extra)' after \(verb); usage: \(usage)") }
    }

    func node(_ word: String) throws(CommandError) -> NodeRef {
        try NodeNames.parse(word, nodeCount: context.nodeCount)
    }

    mutating func requireNode() throws(CommandError) -> NodeRef {
        try node(requireWord("a node"))
    }

    func duration(_ word: String) throws(CommandError) -> SimDuration {
        guard let value = DurationText.parse(word) else {
            throw CommandError("'\(word)' is not a duration; write it like 250ms, 2s or 1m")
        }
        return value
    }

    func count(_ word: String, what: String, range: ClosedRange<Int>) throws(CommandError) -> Int {
        guard let value = Int(word), range.contains(value) else {
            throw CommandError("\(what) must be a number \(range.lowerBound)..\(range.upperBound), not '\(word)'")
        }
        return value
    }

    /// `A->B` or `A<->B` (also with spaces around the arrow).
    mutating func link(allowBoth: Bool) throws(CommandError) -> (NodeRef, NodeRef, Bool) {
        let joined = words.joined()
        words = []
        let both = joined.contains("<->")
        let parts = joined.components(separatedByArrow: both ? "<->" : "->")
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw CommandError("\(verb) needs a link like n1->n2\(allowBoth ? " or n1<->n2" : ""); usage: \(usage)")
        }
        if both && !allowBoth { throw CommandError("\(verb) takes one direction, like n1->n2") }
        let a = try node(parts[0]), b = try node(parts[1])
        if a == b { throw CommandError("a link joins two different nodes") }
        return (a, b, both)
    }

    func linkSettings(_ pairs: [String]) throws(CommandError) -> LinkSettingsChange {
        var change = LinkSettingsChange()
        guard !pairs.isEmpty else { throw CommandError("\(verb) needs settings like latency=10..50ms loss=5% dup=1%") }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CommandError("'\(pair)' is not key=value; \(verb) takes latency=, loss=, dup=") }
            switch parts[0].lowercased() {
            case "latency":
                let bounds = parts[1].components(separatedByArrow: "..")
                if bounds.count == 2 {
                    var low = bounds[0], high = bounds[1]
                    // `10..50ms`: the unit written once applies to both ends.
                    if DurationText.parse(low) == nil, let unit = Self.unit(of: high) { low += unit }
                    if DurationText.parse(high) == nil, let unit = Self.unit(of: low) { high += unit }
                    let a = try duration(low), b = try duration(high)
                    guard a <= b else { throw CommandError("latency range \(parts[1]) goes backwards") }
                    change.latency = a...b
                } else {
                    let d = try duration(parts[1])
                    change.latency = d...d
                }
            case "loss":
                guard let ppm = PercentText.parse(parts[1]) else { throw CommandError("loss must be a percentage 0%..100%, like loss=5%") }
                change.lossPPM = ppm
            case "dup", "duplicate":
                guard let ppm = PercentText.parse(parts[1]) else { throw CommandError("dup must be a percentage 0%..100%, like dup=1%") }
                change.duplicatePPM = ppm
            default:
                let hint = Suggestion.closest(to: parts[0], in: ["latency", "loss", "dup"]).map { "; did you mean \($0)?" } ?? ""
                throw CommandError("unknown setting '\(parts[0])'\(hint) (\(verb) takes latency=, loss=, dup=)")
            }
        }
        return change
    }

    static func unit(of text: String) -> String? {
        for unit in ["us", "ms", "s", "m", "h"] where text.hasSuffix(unit) {
            let number = text.dropLast(unit.count)
            if !number.isEmpty && number.allSatisfy({ $0.isNumber || $0 == "." }) { return unit }
        }
        return nil
    }

    mutating func command(rest: String) throws(CommandError) -> Command {
        switch verb {
        case "new":
            let name = try requireWord("a protocol").lowercased()
            guard ProtocolRegistry.names.contains(name) || ProtocolRegistry.plannedNames.contains(name) else {
                let hint = Suggestion.closest(to: name, in: ProtocolRegistry.names).map { "did you mean \($0)? " } ?? ""
                throw CommandError("unknown protocol '\(name)'; \(hint)protocols are \(ProtocolRegistry.names.joined(separator: ", "))")
            }
            var nodeCount: Int?
            if let first = words.first, first.allSatisfy(\.isNumber) {
                _ = next()
                nodeCount = try count(first, what: "the node count", range: 1...100_000)
            }
            var options: [OptionPair] = []
            while let word = next() {
                let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw CommandError("'\(word)' is not key=value; usage: \(usage)")
                }
                options.append(OptionPair(key: parts[0].lowercased(), value: parts[1]))
            }
            return .new(protocolName: name, nodeCount: nodeCount, options: options)
        case "status":
            let flag = next()
            try done()
            guard flag == nil || flag == "--json" else { throw CommandError("status takes only --json") }
            return .status(json: flag != nil)
        case "inspect":
            let n = try requireNode(); try done(); return .inspect(n)
        case "nodes":
            try done(); return .nodes
        case "partition":
            var groups: [[NodeRef]] = [[]]
            for word in words {
                for piece in word.splitKeepingBars() {
                    if piece == "|" { groups.append([]) } else { groups[groups.count - 1].append(try node(piece)) }
                }
            }
            words = []
            groups = groups.filter { !$0.isEmpty }
            guard !groups.isEmpty else { throw CommandError("partition needs groups of nodes, like: partition n1 n2 | n3 n4 n5") }
            return .partition(groups)
        case "isolate":
            let n = try requireNode(); try done(); return .isolate(n)
        case "heal":
            try done(); return .heal
        case "cut":
            let (a, b, both) = try link(allowBoth: true)
            return .cut(a, b, bothWays: both)
        case "kill":
            let n = try requireNode(); try done(); return .kill(n)
        case "restart":
            let n = try requireNode(); try done(); return .restart(n)
        case "pause":
            if words.isEmpty { return .pause(nil) }
            let n = try requireNode(); try done(); return .pause(n)
        case "resume":
            let n = try requireNode(); try done(); return .resume(n)
        case "net":
            let change = try linkSettings(words); words = []
            return .net(change)
        case "link":
            let a = try requireNode(), b = try requireNode()
            if a == b { throw CommandError("a link joins two different nodes") }
            let change = try linkSettings(words); words = []
            return .link(a, b, change)
        case "hold", "release":
            let (a, b, _) = try link(allowBoth: false)
            return verb == "hold" ? .hold(a, b) : .release(a, b)
        case "messages":
            try done(); return .messages
        case "drop", "deliver":
            var word = try requireWord("a message id (see `messages`)")
            if word.hasPrefix("#") { word.removeFirst() }
            guard let id = MessageID(word) else { throw CommandError("'\(word)' is not a message id; `messages` lists them, e.g. \(verb) 17") }
            try done()
            return verb == "drop" ? .drop(id) : .deliver(id)
        case "timeout":
            guard !words.isEmpty else { throw CommandError("timeout needs at least one node, like: timeout n1") }
            var nodes: [NodeRef] = []
            while let word = next() { nodes.append(try node(word)) }
            return .timeout(nodes)
        case "chaos":
            var duration: SimDuration = .seconds(10)
            var faults = ChaosFaults.all
            while let word = next() {
                if word == "for" {
                    duration = try self.duration(requireWord("a duration"))
                } else if word.hasPrefix("faults=") {
                    faults = []
                    for name in word.dropFirst("faults=".count).split(separator: ",") {
                        guard let fault = ChaosFaults.names.first(where: { $0.0 == String(name) }) else {
                            throw CommandError("unknown fault '\(name)'; faults are partition, kill, pause, loss")
                        }
                        faults.insert(fault.1)
                    }
                } else {
                    throw CommandError("unexpected '\(word)'; usage: \(usage)")
                }
            }
            return .chaos(duration, faults)
        case "bug":
            let first = try requireWord("a protocol and a bug name, or off")
            if first == "off" { try done(); return .bugOff }
            let name = try requireWord("a bug name (`bugs` lists them)")
            try done()
            return .bug(protocolName: first.lowercased(), name: name)
        case "bugs":
            try done(); return .bugs
        case "step":
            let n = try words.isEmpty ? 1 : count(next()!, what: "the step count", range: 1...1_000_000)
            try done()
            return .step(n)
        case "run":
            let first = try requireWord("a duration or `until CONDITION`")
            if first == "until" {
                var conditionWords = words
                var within: SimDuration = .seconds(60)
                if let index = conditionWords.lastIndex(of: "within") {
                    guard index + 2 == conditionWords.count else { throw CommandError("within takes one duration at the end, like: run until leader within 5s") }
                    within = try duration(conditionWords[index + 1])
                    conditionWords = Array(conditionWords[..<index])
                }
                words = []
                let condition = try ConditionParser.parse(conditionWords, context: context)
                return .runUntil(condition, within: within)
            }
            try done()
            return .run(try duration(first))
        case "time":
            try done(); return .time
        case "seed":
            let word = try requireWord("a number")
            guard let seed = UInt64(word) else { throw CommandError("seed must be a whole number, like: seed 7") }
            try done()
            return .seed(seed)
        case "rewind":
            let d = try duration(requireWord("a duration")); try done(); return .rewind(d)
        case "play":
            try done(); return .play
        case "speed":
            let word = try requireWord("a factor, like 2 or 0.5")
            guard let thousandths = DecimalText.parse(word.hasSuffix("x") ? String(word.dropLast()) : word, scale: 1_000),
                  thousandths >= 1, thousandths <= 1_000_000 else {
                throw CommandError("speed must be a factor 0.001..1000, like: speed 2")
            }
            try done()
            return .speed(Int(thousandths))
        case "load":
            let rateWord = try requireWord("a rate like 20/s")
            guard rateWord.hasSuffix("/s"), let rate = Int(rateWord.dropLast(2)), rate >= 1, rate <= 100_000 else {
                throw CommandError("load rate is operations per simulated second, like 20/s (1/s..100000/s)")
            }
            var spec = LoadSpec(rate: rate)
            while let word = next() {
                if word == "for" {
                    spec.duration = try duration(requireWord("a duration"))
                } else if word.hasPrefix("clients=") {
                    spec.clients = try count(String(word.dropFirst(8)), what: "clients", range: 1...1_000)
                } else if word.hasPrefix("keys=") {
                    spec.keys = try count(String(word.dropFirst(5)), what: "keys", range: 1...1_000)
                } else {
                    throw CommandError("unexpected '\(word)'; usage: \(usage)")
                }
            }
            return .load(spec)
        case "history":
            let flag = next()
            try done()
            switch flag {
            case nil: return .history(json: false, script: false)
            case "--json": return .history(json: true, script: false)
            case "--script": return .history(json: false, script: true)
            default: throw CommandError("history takes --json or --script")
            }
        case "check":
            try done(); return .check
        case "log":
            var node: NodeRef?
            var count = 20
            while let word = next() {
                if let n = Int(word) {
                    guard n >= 1 && n <= 100_000 else { throw CommandError("log count must be 1..100000") }
                    count = n
                } else {
                    node = try self.node(word)
                }
            }
            return .log(node, count)
        case "timeline":
            try done(); return .timeline
        case "echo":
            words = []
            return .echo(rest)
        case "expect":
            let condition = try ConditionParser.parse(words, context: context)
            words = []
            return .expect(condition)
        case "lessons": try done(); return .lessons
        case "lesson":
            guard !rest.isEmpty else { throw CommandError("lesson needs a name; `lessons` lists them") }
            words = []
            return .lesson(rest)
        case "next": try done(); return .next
        case "back": try done(); return .back
        case "hint": try done(); return .hint
        case "goal": try done(); return .goal
        case "leave": try done(); return .leave
        case "help":
            let topic = next()
            try done()
            return .help(topic?.lowercased())
        case "source":
            guard !rest.isEmpty else { throw CommandError("source needs a file name") }
            words = []
            return .source(rest)
        case "export":
            let kindWord = try requireWord("timeline or screen and a file").lowercased()
            guard let kind = ExportKind(rawValue: kindWord) else { throw CommandError("export writes a timeline or a screen; usage: \(usage)") }
            var force = false
            var path: String?
            while let word = next() {
                if word == "--force" { force = true } else if path == nil { path = word } else { throw CommandError("unexpected '\(word)'; usage: \(usage)") }
            }
            guard let path else { throw CommandError("export \(kind.rawValue) needs a file name; usage: \(usage)") }
            let allowed = kind == .timeline ? [".svg"] : [".svg", ".txt"]
            guard allowed.contains(where: { path.lowercased().hasSuffix($0) }) else {
                throw CommandError("export \(kind.rawValue) writes \(allowed.joined(separator: " or ")) files, not \(path)")
            }
            return .export(kind, path: path, force: force)
        case "record":
            let first = try requireWord("a FILE.cast, or stop")
            if first == "stop" { try done(); return .record(path: nil, force: false) }
            var force = false
            while let word = next() {
                guard word == "--force" else { throw CommandError("unexpected '\(word)'; usage: \(usage)") }
                force = true
            }
            guard first.lowercased().hasSuffix(".cast") else { throw CommandError("record writes an asciicast file ending in .cast, not \(first)") }
            return .record(path: first, force: force)
        case "theme":
            let name = try requireWord("dark, light or mono").lowercased()
            guard ["dark", "light", "mono"].contains(name) else { throw CommandError("themes are dark, light and mono") }
            try done()
            return .theme(name)
        case "say", "note":
            guard !rest.isEmpty else { throw CommandError("\(verb) needs some text; usage: \(usage)") }
            words = []
            return verb == "say" ? .say(rest) : .note(rest)
        case "wait":
            try done(); return .wait
        case "quit", "exit":
            try done(); return .quit
        default:
            if let spec = ProtocolRegistry.operationSpec(named: verb) {
                return try operation(spec)
            }
            if ProtocolRegistry.plannedCommands.contains(verb) {
                throw CommandError("\(verb) belongs to a protocol that is not in this build yet; protocols are \(ProtocolRegistry.names.joined(separator: ", "))")
            }
            let hint = Suggestion.closest(to: verb, in: CommandHelp.names + ProtocolRegistry.operationNames)
                .map { "did you mean \($0)? " } ?? ""
            throw CommandError("unknown command '\(verb)'; \(hint)`help` lists the commands")
        }
    }

    mutating func operation(_ spec: OperationSpec) throws(CommandError) -> Command {
        var arguments: [String] = []
        var via: NodeRef?
        while let word = next() {
            if word == "via" {
                via = try node(requireWord("a node after via"))
                try done()
            } else {
                arguments.append(word)
            }
        }
        let needed = spec.inputCount + (spec.hasKey ? 1 : 0)
        guard arguments.count == needed else {
            throw CommandError("\(verb) takes \(needed) argument\(needed == 1 ? "" : "s"); usage: \(spec.usage)")
        }
        let key = spec.hasKey ? arguments.removeFirst() : nil
        return .operation(Operation(name: spec.name, key: key, input: arguments), via: via)
    }
}

/// Parsing and listing node names.
public enum NodeNames {
    /// `n3` or `leader`, checked against the cluster's size.
    public static func parse(_ word: String, nodeCount: Int) throws(CommandError) -> NodeRef {
        if word.lowercased() == "leader" { return .leader }
        guard let id = NodeID(name: word) else {
            throw CommandError("'\(word)' is not a node; nodes are \(range(nodeCount)) (or leader)")
        }
        guard id.index < nodeCount else { throw CommandError("unknown node \(word); nodes are \(range(nodeCount))") }
        return .node(id)
    }

    /// `n1..n5`, or `n1` for one node.
    public static func range(_ nodeCount: Int) -> String { nodeCount == 1 ? "n1" : "n1..n\(nodeCount)" }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s.removeFirst() }
        while let last = s.last, last.isWhitespace { s.removeLast() }
        return String(s)
    }

    func components(separatedByArrow arrow: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: arrow) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// `n1|n2` → `n1`, `|`, `n2`.
    func splitKeepingBars() -> [String] {
        var result: [String] = []
        var current = ""
        for character in self {
            if character == "|" {
                if !current.isEmpty { result.append(current); current = "" }
                result.append("|")
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

extension Substring {
    func range(of needle: String) -> Range<Substring.Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) {
                return index..<self.index(index, offsetBy: needle.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
