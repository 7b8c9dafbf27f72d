import LightconeSimulation

extension LinearizabilityChecker {
    /// `check-history` for one file: imports `contents` (either format), checks it with
    /// line-number times, and returns the verdict line — `etcd_002.log: linearizable (77 ops)`
    /// or, for a file that cannot be read, `etcd_002.log:12: reason` with a nil verdict.
    /// The caller exits 1 when a verdict is `notLinearizable` (SPEC §1), or the file is bad.
    public static func checkHistoryFile(named file: String, contents: String,
                                        budget: Int = defaultBudget) -> (line: String, verdict: LinearizabilityVerdict?) {
        let history: [HistoryEntry]
        do {
            history = try HistoryImport.parse(contents)
        } catch {
            return ("\(file):\(error)", nil)
        }
        let verdict = check(history, budget: budget, times: .lineNumbers)
        return (verdictLine(file: file, operationCount: history.count, verdict: verdict), verdict)
    }
}
