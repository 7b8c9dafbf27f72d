import LightconeSimulation

/// One lab session: the cluster, the command language, the journal that makes `rewind`
/// exact, and narration. `Lab` holds one and steers it with lessons and demo scripts; the
/// REPL, `lightcone run` and the view drive the lab.
///
/// ```swift
/// var session = Session(options: SessionOptions())
/// let output = session.execute("kill n2")
/// ```
public struct Session: Sendable {
    /// The simulated cluster.
    public internal(set) var cluster: any ClusterModel
    /// The settings the session started with.
    public let options: SessionOptions
    /// The session seed (`seed N` changes it).
    public internal(set) var seed: UInt64
    /// The `new` command that built the current cluster.
    var creation: Command
    /// Everything done to the cluster since `creation`, for `rewind`.
    var journal: [JournalEntry] = []
    /// Every command typed, for `history --script`.
    var typed: [String] = []
    /// The first notable trace record not yet narrated (a `notableCount`).
    var narrationCursor = 0
    /// The screen and timeline pictures, drawn by the view layer (set by the front end; used
    /// by `timeline` and `export`).
    public var drawings: LabDrawings?
    /// Asked during long runs; true interrupts them (the view's Ctrl-C).
    public var interruptCheck: (@Sendable () -> Bool)?
    /// The other side of `compare`, while one runs.
    public internal(set) var comparison: Comparison?
    /// Told the simulated time and events handled during long runs (progress lines).
    public var progressReport: (@Sendable (_ now: SimTime, _ events: Int) -> Void)?

    /// A session with a fresh cluster from `options.startCommand` (`new gossip 5`).
    public init(options: SessionOptions) {
        self.options = options
        self.seed = options.seed
        let fallback = Command.new(protocolName: "gossip", nodeCount: 5, options: [])
        let context = ParseContext(nodeCount: 1, protocolName: "gossip", catalog: options.protocols)
        let creation = (try? CommandParser.parse(options.startCommand, context: context)) ?? fallback
        self.creation = creation
        self.cluster = (try? Session.build(creation, seed: options.seed, catalog: options.protocols))
            ?? (try! Session.build(fallback, seed: options.seed, catalog: ProtocolRegistry.builtIn))  // gossip 5 always builds
        self.narrationCursor = cluster.notableCount
    }

    /// The parse context for the current cluster.
    public var parseContext: ParseContext {
        ParseContext(nodeCount: cluster.nodeCount, protocolName: cluster.protocolName, catalog: options.protocols)
    }

    /// The protocols this session offers.
    public var catalog: ProtocolCatalog { options.protocols }

    /// Runs one line (a command, a blank line or a comment) and says what happened. While
    /// comparing, the line runs on both sides (see `Session+Compare.swift`).
    public mutating func execute(_ line: String) -> CommandOutput {
        let text = CommandParser.stripComment(line)
        guard !text.isEmpty else { return CommandOutput() }
        var command: Command
        do {
            command = try CommandParser.parse(text, context: parseContext)
        } catch {
            // A command or condition of the other side's protocol runs there (and is refused here).
            guard let other = comparison?.other, let theirs = try? CommandParser.parse(text, context: other.parseContext) else {
                return .error(error.message)
            }
            command = theirs
        }
        switch command {
        case .compare(let first, let second):
            return startComparison(first, second, text: text)
        case .new where comparison != nil:
            let ended = endComparison().map { [$0] } ?? []
            var output = executeHere(text, command)
            output.lines = ended + output.lines
            return output
        default:
            if comparison != nil && !command.isAboutTheFrontEnd && !command.isLessonCommand { return executeOnBoth(text, command) }
            return executeHere(text, command)
        }
    }

    /// Runs a parsed line on this session's own cluster.
    mutating func executeHere(_ text: String, _ command: Command) -> CommandOutput {
        if case .source = command {} else { typed.append(text) }
        var output: CommandOutput
        cluster.interruptCheck = interruptCheck
        cluster.progressReport = progressReport
        do {
            output = try perform(command)
        } catch {
            output = .error(error.message)
            return output
        }
        if cluster.wasInterrupted {
            // It stopped short: what rewind must replay is the clock as it is now.
            journal.append(.advance(to: cluster.now))
            if case .runUntil = command {
                // Stopped on purpose: not a missed deadline.
                output.lines.removeAll { $0.hasPrefix("run until failed:") }
                output.isFailure = false
            }
            output.lines.append("interrupted at t=\(DurationText.instant(cluster.now))")
            output.wasInterrupted = true
        } else if !command.isReadOnly && !command.isSessionLevel {
            journal.append(.command(command))
        }
        let narration = narrateEntries()
        if output.lines.isEmpty {
            output.lines = narration.lines
        } else if !narration.lines.isEmpty {
            output.lines = narration.lines + output.lines
        }
        if let violation = narration.violation {
            output.isFailure = true
            output.violationText = violation
        }
        return output
    }

    /// Moves the clock forward by `duration` (the view's play), returning the narrated lines.
    public mutating func advance(by duration: SimDuration) -> [String] {
        if var comparison {
            self.comparison = nil
            let lines = advance(by: duration).map { "\(comparison.labels.first): \($0)" }
                + comparison.other.advance(by: duration).map { "\(comparison.labels.second): \($0)" }
            self.comparison = comparison
            return lines
        }
        guard duration > 0 else { return [] }
        let target = cluster.now + duration
        cluster.run(to: target)
        journalAdvance()
        return narrate()
    }

    /// Handles the next event (the view's one-step key), returning what it did.
    public mutating func stepOnce() -> [String] {
        execute("step").lines
    }

    /// Narrated lines written since the last call: state changes, faults, client results,
    /// violations (each followed by the trace that led to it).
    mutating func narrate() -> [String] { narrateEntries().lines }

    /// The narrated lines, and the first violation among them (`VIOLATION PROPERTY: message`).
    mutating func narrateEntries() -> (lines: [String], violation: String?) {
        // The common case, every line and no violation, formats lines only.
        let (elided, narrated, firstViolation) = cluster.notableLines(from: narrationCursor)
        if firstViolation == nil {
            narrationCursor = cluster.notableCount
            guard elided > 0 else { return (narrated, nil) }
            return ([elidedNotice(elided, kept: narrated.count)] + narrated, nil)
        }
        let (_, entries) = cluster.notableEntries(from: narrationCursor)
        narrationCursor = cluster.notableCount
        var lines = narrated
        // Only past a million narrated lines in one go: the trace keeps that many for narration.
        let notice = elided > 0 ? [elidedNotice(elided, kept: lines.count)] : []
        guard let index = entries.firstIndex(where: { $0.kind == .violation }) else { return (notice + lines, nil) }
        lines.insert(contentsOf: violationTrace(entries[index]), at: index + 1)
        lines = notice + lines
        return (lines, "VIOLATION " + entries[index].text)
    }

    /// The line that says `elided` narrated lines were lost and `kept` follow.
    func elidedNotice(_ elided: Int, kept: Int) -> String {
        "(\(elided) earlier narrated lines elided: the trace keeps the last \(kept) for narration)"
    }

    /// The state changes and faults just before a violation (client results left out).
    func violationTrace(_ violation: TraceEntry) -> [String] {
        let recent = cluster.traceEntries(from: max(0, cluster.traceCount - 5_000), notableOnly: true, node: nil)
        guard let end = recent.lastIndex(of: violation) else { return [] }
        let story = recent[..<end].filter { $0.kind != .invoke && $0.kind != .complete }
        guard !story.isEmpty else { return [] }
        return ["  the trace that led to it:"] + story.suffix(12).map { "    " + $0.line }
    }

    /// Journals that the clock was moved to now (the view's play); consecutive moves are one.
    mutating func journalAdvance() {
        if case .advance = journal.last { journal.removeLast() }
        journal.append(.advance(to: cluster.now))
    }

    /// Skips narration of everything written so far.
    mutating func skipNarration() { narrationCursor = cluster.notableCount }

    static func build(_ command: Command, seed: UInt64, catalog: ProtocolCatalog) throws(CommandError) -> any ClusterModel {
        guard case .new(let name, let count, let options) = command else { throw CommandError("not a new command") }
        guard let entry = catalog.entry(named: name) else {
            throw CommandError("\(name) is not in this build yet; protocols are \(catalog.names.joined(separator: ", "))")
        }
        do {
            return try entry.make(count ?? entry.defaultNodeCount, seed, options)
        } catch {
            throw CommandError(error.message)
        }
    }

    /// The registry entry of the current protocol.
    var protocolEntry: ProtocolEntry? { catalog.entry(named: cluster.protocolName) }

    func resolve(_ ref: NodeRef) throws(CommandError) -> NodeID {
        switch ref {
        case .node(let id): return id
        case .leader:
            guard let leader = cluster.leader else { throw CommandError("there is no leader now; `nodes` shows every node's role") }
            return leader
        }
    }
}

/// One thing done to the cluster, as `rewind` replays it.
enum JournalEntry: Sendable {
    case command(Command)
    /// The view's play moved the clock to this instant.
    case advance(to: SimTime)
}

extension Command {
    /// Commands about the session rather than the cluster: not journaled.
    var isSessionLevel: Bool {
        switch self {
        case .new, .compare, .seed, .rewind, .source, .lessons, .lesson, .next, .back, .leave, .hint, .goal: return true
        default: return false
        }
    }
}

extension SimulationError {
    var commandError: CommandError { CommandError(message) }
}
