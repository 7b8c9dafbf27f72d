@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// `byzantine table`: the paper's results, reproduced by searching the traitors' choices.
@Suite struct ByzantineTableTests {
    @Test("OM(m) keeps IC1 and IC2 against worst traitors iff n > 3m (n=3..7, m=1..2)")
    func oralTable() {
        let table = ByzantineTable.build(nodes: 3...7, ms: 1...2, algorithm: .om)
        #expect(table.rows.map { "\($0.n),\($0.m)" } == ["3,1", "4,1", "4,2", "5,1", "5,2", "6,1", "6,2", "7,1", "7,2"])
        for row in table.rows {
            #expect(row.kept == (row.n > 3 * row.m), "n=\(row.n) m=\(row.m): \(row.breaking ?? "kept")")
            #expect(row.messages == OralTree.messageCount(nodeCount: row.n, m: row.m))
            #expect((row.breaking == nil) == row.kept)
        }
        #expect(table.rows[1].messages == 9)
        #expect(table.lines.contains("OM(m) kept IC1 and IC2 exactly where n > 3m, as the paper proves"))
        print(table.lines.joined(separator: "\n"))
    }

    @Test("SM(m) keeps IC1 and IC2 for every n ≥ m+2 (n=3..7, m=1..2)")
    func signedTable() {
        let table = ByzantineTable.build(nodes: 3...7, ms: 1...2, algorithm: .sm)
        #expect(table.rows.allSatisfy { $0.kept })
        #expect(table.lines.contains("SM(m) kept IC1 and IC2 for every n ≥ m + 2, as the paper proves"))
        print(table.lines.joined(separator: "\n"))
    }

    @Test("table words: spelled out in full; bad ones are one-line errors")
    func tableWords() throws {
        #expect(try ByzantineNode.parseTable(["table"]) == ["table", "n=3..7", "m=1..2", "algorithm=om"])
        #expect(try ByzantineNode.parseTable(["table", "n=4", "m=0..1", "algorithm=SM"]) == ["table", "n=4..4", "m=0..1", "algorithm=sm"])
        for words in [[], ["tabel"], ["table", "n=2..7"], ["table", "n=3..9"], ["table", "m=1..4"], ["table", "n=7..3"], ["table", "x=1"], ["table", "n=3", "n=4"]] {
            #expect(throws: OptionError.self, "\(words)") { try ByzantineNode.parseTable(words) }
        }
    }

    @Test("byzantine table is read-only: the cluster is untouched")
    func readOnly() throws {
        var sim = try Simulation<ByzantineNode>(nodeCount: 4, seed: 1)
        let before = (sim.now, sim.trace.count, sim.eventsHandled)
        let lines = try sim.performProtocolCommand("byzantine", arguments: try ByzantineNode.parseTable(["table", "n=3..4", "m=1"]))
        #expect((sim.now, sim.trace.count, sim.eventsHandled) == before)
        #expect(lines.count == 5)
        #expect(ByzantineNode.commands.first?.erased.isReadOnly == true)
    }
}
