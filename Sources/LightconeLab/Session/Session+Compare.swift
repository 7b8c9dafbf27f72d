import LightconeSimulation

/// `compare SPEC vs SPEC`: a second session beside the lab's own, with the same node names,
/// that every later command also runs on; answers are prefixed by their side.
public struct Comparison: Sendable {
    /// The other side's session (held in an array: a session cannot hold one directly).
    var sides: [Session]
    /// The other side's session (the session itself is the first side).
    public internal(set) var other: Session {
        get { sides[0] }
        set { sides[0] = newValue }
    }
    /// The prefixes of the two sides, e.g. `kv-cp` and `kv-ap`, or `bank mode=acid` and
    /// `bank mode=base` when both run one protocol.
    public let labels: (first: String, second: String)

    /// The labels for two `new` commands: the protocol names, with the options that differ
    /// when both run the same protocol.
    static func labels(_ a: Command, _ b: Command) -> (String, String) {
        guard case .new(let nameA, let countA, let optionsA) = a, case .new(let nameB, let countB, let optionsB) = b else { return ("left", "right") }
        guard nameA == nameB else { return (nameA, nameB) }
        func label(_ options: [OptionPair], against other: [OptionPair], count: Int?, otherCount: Int?) -> String {
            var parts = [nameA]
            if count != otherCount { parts.append(String(count ?? 0)) }
            parts += options.filter { !other.contains($0) }.map { "\($0.key)=\($0.value)" }
            return parts.joined(separator: " ")
        }
        return (label(optionsA, against: optionsB, count: countA, otherCount: countB),
                label(optionsB, against: optionsA, count: countB, otherCount: countA))
    }
}

extension Command {
    /// The `new` line of a cluster spec, as the user would type it.
    var newLine: String? {
        guard case .new(let name, let count, let options) = self else { return nil }
        return (["new", name] + (count.map { [String($0)] } ?? []) + options.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }
}

extension Command {
    /// Commands about the lab itself rather than a cluster (help, files, the view): run once
    /// while comparing, not on each side.
    var isAboutTheFrontEnd: Bool {
        switch self {
        case .help, .export, .record, .theme, .quit, .play, .speed, .pause(nil), .echo, .note: return true
        default: return false
        }
    }

    /// The lesson, demo and `source` commands: the lab handles these itself rather than the
    /// session (and runs them once while comparing).
    var isLessonCommand: Bool {
        switch self {
        case .lessons, .lesson, .next, .back, .hint, .goal, .leave, .say, .wait, .source: return true
        default: return false
        }
    }
}

extension Session {
    /// Builds both sides of `compare`; refuses (changing nothing) when either side cannot be
    /// built or their node names differ.
    mutating func startComparison(_ first: Command, _ second: Command, text: String) -> CommandOutput {
        guard let firstLine = first.newLine, let secondLine = second.newLine else { return .error("compare takes two clusters") }
        // The first side is this session with its new cluster; built on a copy, so that a
        // refusal changes nothing.
        var firstSide = self
        firstSide.comparison = nil
        let builtFirst = firstSide.executeHere(firstLine, first)
        if builtFirst.isError { return builtFirst }
        var options = self.options
        options.seed = seed
        options.startCommand = secondLine
        var secondSide = Session(options: options)
        secondSide.drawings = drawings
        let builtSecond = secondSide.execute(secondLine)
        if builtSecond.isError { return builtSecond }
        guard firstSide.cluster.nodeCount == secondSide.cluster.nodeCount else {
            return .error("both sides need the same nodes: \(firstLine.dropFirst(4)) has \(firstSide.cluster.nodeCount), \(secondLine.dropFirst(4)) has \(secondSide.cluster.nodeCount); give the count on each side")
        }
        let labels = Comparison.labels(first, second)
        secondSide.interruptCheck = interruptCheck
        secondSide.progressReport = progressReport
        if firstSide.typed.last == firstLine { firstSide.typed.removeLast() }
        firstSide.typed.append(text)
        firstSide.comparison = Comparison(sides: [secondSide], labels: labels)
        self = firstSide
        var lines = ["compare: \(labels.0) vs \(labels.1) — every command now runs on both sides (`new` or `leave` ends it)"]
        lines += builtFirst.lines.map { "\(labels.0): \($0)" }
        lines += builtSecond.lines.map { "\(labels.1): \($0)" }
        return CommandOutput(lines: lines)
    }

    /// Ends the comparison; the first side stays as the lab's cluster.
    mutating func endComparison() -> String? {
        guard let comparison else { return nil }
        self.comparison = nil
        return "the comparison ends; \(comparison.labels.first) stays"
    }

    /// Runs one parsed line on both sides, prefixing each answer by its side. After a
    /// `run until`, the side that stopped earlier runs on to the later instant, so both stand
    /// at one time.
    mutating func executeOnBoth(_ text: String, _ command: Command) -> CommandOutput {
        guard var comparison else { return executeHere(text, command) }
        self.comparison = nil
        let first = execute(text)
        let second = comparison.other.execute(text)
        if case .runUntil = command {
            let later = max(cluster.now, comparison.other.cluster.now)
            if cluster.now < later { _ = execute("run \(later - cluster.now)us") }
            if comparison.other.cluster.now < later { _ = comparison.other.execute("run \(later - comparison.other.cluster.now)us") }
        }
        self.comparison = comparison
        var output = CommandOutput(lines: first.lines.map { "\(comparison.labels.first): \($0)" }
                                   + second.lines.map { "\(comparison.labels.second): \($0)" })
        output.requests = first.requests
        output.isFailure = first.isFailure || second.isFailure
        output.isError = first.isError && second.isError
        output.violationText = first.violationText ?? second.violationText
        output.wasInterrupted = first.wasInterrupted || second.wasInterrupted
        return output
    }
}
