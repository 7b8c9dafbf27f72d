import Foundation
import LightconeCheckers
import Testing

/// Issue 14's Raft history under chaos (`new raft 5`, `load 200/s for 300s clients=20 keys=1`,
/// `chaos for 300s`, `run 310s`, written as EDN): its first 2,045 lines, 1,091 operations on
/// one key, 74 of them timed out (writes of five values and cas), 20 in flight at once.
/// Before the exact search's cache dropped dominated states, which timed-out operations had
/// been used multiplied the states, and 5,000,000 steps did not decide it.
@Suite("Issue 14's Raft history under chaos")
struct RaftChaosHistoryTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Histories/raft-chaos-prefix.edn")

    @Test("a prefix of it is linearizable within the default budget")
    func prefixIsDecided() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let history = try HistoryImport.parse(text)
        #expect(history.count == 1_091)
        let verdict = LinearizabilityChecker.check(history, times: .lineNumbers)
        #expect(verdict.isLinearizable, "\(verdict)")
    }
}
