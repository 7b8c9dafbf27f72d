import LightconeSimulation

extension LinearizabilityChecker {
    /// `check-history` for one file: imports `contents` (either format), checks it with
    /// line-number times, and returns the verdict line — `etcd_002.log: linearizable (77 ops)`
    /// or, for a file that cannot be read, `etcd_002.log:12: reason` with a nil verdict (and
    /// for a file that holds no operations, `FILE: no operations in this history`).
    /// The caller exits 1 when a verdict is `notLinearizable` (SPEC §1), or the file is bad.
    public static func checkHistoryFile(named file: String, contents: String,
                                        budget: Int = defaultBudget) -> (line: String, verdict: LinearizabilityVerdict?) {
        let history: [HistoryEntry]
        do {
            history = try HistoryImport.parse(contents)
        } catch {
            return ("\(file):\(error)", nil)
        }
        guard !history.isEmpty else {
            // An empty history proves nothing; it is most likely the wrong file.
            return ("\(file): no operations in this history", nil)
        }
        let verdict = check(history, budget: budget, times: .lineNumbers)
        return (verdictLine(file: file, operationCount: history.count, verdict: verdict), verdict)
    }
}
