import LightconeSimulation

/// Pairs invocations with completions per process while a log is read, building the
/// `HistoryEntry`s (time = line number). Shared by both log parsers.
struct HistoryRecorder {
    private(set) var entries: [HistoryEntry] = []
    /// For each process with an operation in flight: its entry index and the verb it invoked.
    private var open: [Int: (index: Int, verb: String)] = [:]

    /// Process `process` invokes `operation` (spelled `verb` in the log) at `line`.
    mutating func invoke(_ operation: Operation, verb: String, process: Int, line: Int) throws(HistoryImportError) {
        if let running = open[process] {
            let since = entries[running.index].invokeTime
            throw HistoryImportError(line: line, "process \(process) invokes \(verb) while its \(running.verb) from line \(since) has not completed")
        }
        entries.append(HistoryEntry(client: process, node: NodeID(index: 0), operation: operation, invokeTime: SimTime(line)))
        open[process] = (entries.count - 1, verb)
    }

    /// Process `process` completes its open operation at `line`; `outcome` `.unknown` leaves
    /// the completion time nil.
    mutating func complete(process: Int, verb: String, outcome: OperationOutcome, output: String?,
                           line: Int) throws(HistoryImportError) {
        guard let running = open.removeValue(forKey: process) else {
            throw HistoryImportError(line: line, "process \(process) completes \(verb) but has no operation in flight")
        }
        guard running.verb == verb else {
            throw HistoryImportError(line: line, "process \(process) completes \(verb) but invoked \(running.verb)")
        }
        entries[running.index].outcome = outcome
        entries[running.index].output = output
        // Jepsen's `:fail :cas` means the compare ran and failed: an observation of the value.
        entries[running.index].isObservation = outcome == .fail && entries[running.index].operation.name == "cas"
        entries[running.index].completeTime = outcome == .unknown ? nil : SimTime(line)
    }

    /// The history; operations still in flight at the end of the log are unknown.
    func finish() -> [HistoryEntry] {
        var result = entries
        for running in open.values { result[running.index].outcome = .unknown }
        return result
    }
}
