import LightconeCheckers
import LightconeSimulation
import Testing

@Suite("History import")
struct HistoryImportTests {
    static let jepsenSample = """
        INFO  jepsen.util - 0\t:invoke\t:read\tnil
        INFO  jepsen.util - 1\t:invoke\t:write\t4
        INFO  jepsen.core - Worker 2 starting
        INFO  jepsen.util - 0\t:ok\t:read\tnil
        INFO  jepsen.util - 2\t:invoke\t:cas\t[4 0]
        INFO  jepsen.util - 1\t:ok\t:write\t4
        INFO  jepsen.util - :nemesis\t:info\t:start\tnil
        INFO  jepsen.util - 2\t:fail\t:cas\t[4 0]
        INFO  jepsen.util - 3\t:invoke\t:write\t1
        INFO  jepsen.util - 3\t:info\t:write\t:timed-out
        INFO  jepsen.util - 0\t:invoke\t:read\tnil
        INFO  jepsen.util - 0\t:ok\t:read\t4

        INFO  jepsen.util - 4\t:invoke\t:cas\t[4 2]
        """

    @Test("Jepsen logs: times are line numbers, :fail fails, :info and unfinished invokes are unknown")
    func jepsenLog() throws {
        let history = try HistoryImport.parse(Self.jepsenSample)
        #expect(history.count == 6)
        let summary = history.map { "c\($0.client) \($0.operation) \($0.invokeTime)..\($0.completeTime.map(String.init) ?? "?") \($0.outcome.rawValue) \($0.output ?? "-")" }
        #expect(summary == [
            "c0 get x 1..4 ok -",
            "c1 put x 4 2..6 ok -",
            "c2 cas x 4 0 5..8 fail [4 0]",
            "c3 put x 1 9..? unknown -",
            "c0 get x 11..12 ok 4",
            "c4 cas x 4 2 14..? unknown -",
        ])
        #expect(try HistoryImport.format(of: Self.jepsenSample) == .jepsenLog)
        #expect(LinearizabilityChecker.check(history) == .linearizable)
    }

    @Test("Jepsen logs: malformed lines give LINE: reason", arguments: [
        ("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:done\t:read\tnil",
         "2: unknown type `:done`; expected :invoke, :ok, :fail or :info"),
        ("INFO  jepsen.util - 0\t:ok\t:read\t3", "1: process 0 completes :read but has no operation in flight"),
        ("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:invoke\t:read\tnil",
         "2: process 0 invokes :read while its :read from line 1 has not completed"),
        ("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:write\t3",
         "2: process 0 completes :write but invoked :read"),
        ("INFO  jepsen.util - 0\t:invoke\t:cas\t[1]", "1: bad value `[1]` for a :cas; expected [OLD NEW]"),
        ("INFO  jepsen.util - 0\t:invoke\t:cas\t1 2", "1: bad value `1 2` for a :cas; expected [OLD NEW]"),
        ("INFO  jepsen.util - 0\t:invoke\t:write\tnil", "1: bad value `nil` for a :write; expected a number"),
        ("INFO  jepsen.util - 0\t:invoke\t:delete\tnil", "1: unknown operation `:delete`; expected :read, :write or :cas"),
        ("INFO  jepsen.util - x\t:invoke\t:read\tnil", "1: bad process `x`"),
        ("INFO  jepsen.util - 0\t:invoke", "1: expected PROCESS TYPE F VALUE after ` - `"),
        ("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nINFO  jepsen.util - 0\t:ok\t:read\tfour",
         "2: bad value `four` for an :ok :read"),
        ("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nthis is not a log line", "2: expected a log line `LEVEL logger - PROCESS TYPE F VALUE`"),
    ])
    func jepsenErrors(text: String, message: String) {
        #expect(throws: HistoryImportError.self) { try HistoryImport.parse(text) }
        do {
            _ = try HistoryImport.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    static let ednSample = """
        {:process 0, :type :invoke, :f :append, :key "0", :value "x 0 0 y"}
        {:process 1, :type :invoke, :f :get, :key "0", :value nil}
        {:process 0, :type :ok, :f :append, :key "0", :value "x 0 0 y"}
        {:process 1, :type :ok, :f :get, :key "0", :value ""}
        {:process 2, :type :invoke, :f :put, :key "1", :value "a \\"quoted\\" b"}
        {:process :nemesis, :type :info, :f :start, :value nil}
        {:process 2, :type :info, :f :put, :key "1", :value "a \\"quoted\\" b"}
        {:process 3, :type :invoke, :f :cas, :key "1", :value ["a" "b"]}
        {:process 3, :type :fail, :f :cas, :key "1", :value ["a" "b"]}
        """

    @Test("EDN maps: keys, appends, reads, quoted strings, nemesis lines skipped")
    func ednHistory() throws {
        let history = try HistoryImport.parse(Self.ednSample)
        #expect(try HistoryImport.format(of: Self.ednSample) == .edn)
        let summary = history.map { "c\($0.client) \($0.operation.name) [\($0.operation.key ?? "")] \($0.operation.input) \($0.invokeTime)..\($0.completeTime.map(String.init) ?? "?") \($0.outcome.rawValue) \($0.output ?? "-")" }
        #expect(summary == [
            #"c0 append [0] ["x 0 0 y"] 1..3 ok -"#,
            #"c1 get [0] [] 2..4 ok "#,
            #"c2 put [1] ["a \"quoted\" b"] 5..? unknown -"#,
            #"c3 cas [1] ["a", "b"] 8..9 fail -"#,
        ])
        #expect(LinearizabilityChecker.check(history) == .linearizable)
    }

    @Test("EDN maps: malformed lines give LINE: reason", arguments: [
        (#"{:process 0, :type :invoke, :f :get, :key "0", :value nil"#, "1: unterminated map: missing `}`"),
        (#"{:process 0, :type :invoke, :f :get, :key "0, :value nil}"#, "1: unterminated string: missing `\"`"),
        (#"{:process 0, :type :invoke, :key "0", :value nil}"#, "1: missing or bad :f"),
        (#"{:process 0, :type :invoke, :f :delete, :key "0", :value nil}"#, "1: unknown :f :delete; expected :get, :put, :append or :cas"),
        (#"{:process 0, :type :invoke, :f :get, :value nil}"#, "1: missing or bad :key"),
        (#"{:type :invoke, :f :get, :key "0", :value nil}"#, "1: missing :process"),
        (#"{:process 0, :type :invoke, :f :get, :key "0", :value nil} extra"#, "1: unexpected text after the closing `}`"),
        (#"{:process 0, :type :invoke, :f :put, :key "0", :value nil}"#, "1: bad :value nil for :put; expected a string or number"),
        (#"{:process 0, :type :invoke, :f :get, :key "0", :value nil}"# + "\n" + #"{:process 0, :type :ok, :f :put, :key "0", :value "1"}"#,
         "2: process 0 completes :put but invoked :get"),
        (#"{:process 0, :type :invoke, :f :cas, :key "0", :value [1]}"#, "1: bad :value [1] for :cas; expected [OLD NEW]"),
        (#"{:process 0 :type}"#, "1: key :type has no value"),
        (#"{:process 0, :process 1}"#, "1: duplicate key :process"),
        (#"{"process" 0}"#, "1: expected a keyword key like :type"),
        (#"{:process 1x}"#, "1: bad number `1x`"),
        (#"{:process 0, :type :invoke, :f :get, :key "0", :value nil}"# + "\nnot edn", "2: expected `{` to start an EDN map"),
    ])
    func ednErrors(text: String, message: String) {
        do {
            _ = try HistoryImport.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("format detection: blank text is an empty history, anything else unknown is an error")
    func detection() throws {
        #expect(try HistoryImport.parse("").isEmpty)
        #expect(try HistoryImport.parse("\n  \n").isEmpty)
        do {
            _ = try HistoryImport.parse("\n\nhello world\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "3: unrecognised history: expected a Jepsen log line or an EDN map")
        }
    }

    @Test("check-history lines: a verdict per file, FILE:LINE: reason for a bad file")
    func checkHistoryFile() {
        let good = LinearizabilityChecker.checkHistoryFile(named: "a.log", contents: Self.jepsenSample)
        #expect(good.line == "a.log: linearizable (6 ops)")
        #expect(good.verdict == .linearizable)
        let stale = "INFO  jepsen.util - 0\t:invoke\t:write\t1\nINFO  jepsen.util - 0\t:ok\t:write\t1\n"
            + "INFO  jepsen.util - 1\t:invoke\t:read\tnil\nINFO  jepsen.util - 1\t:ok\t:read\tnil\n"
        let bad = LinearizabilityChecker.checkHistoryFile(named: "b.log", contents: stale)
        #expect(bad.line == "b.log: not linearizable (key x, 2 ops shown)")
        #expect(bad.verdict?.isViolation == true)
        let broken = LinearizabilityChecker.checkHistoryFile(named: "c.log", contents: "INFO  jepsen.util - 0\t:ok\t:read\t1")
        #expect(broken.line == "c.log:1: process 0 completes :read but has no operation in flight")
        #expect(broken.verdict == nil)
    }

    @Test("check-history: an empty or blank file holds no operations, and that is no verdict")
    func emptyHistoryFile() {
        for contents in ["", "\n  \n"] {
            let result = LinearizabilityChecker.checkHistoryFile(named: "e.log", contents: contents)
            #expect(result.line == "e.log: no operations in this history")
            #expect(result.verdict == nil)
        }
    }

    @Test("EDN: nesting is bounded with a clear error instead of overflowing the stack")
    func deepNesting() {
        let deep = "{:process 0, :type :invoke, :f :get, :key \"0\", :value " + String(repeating: "[", count: 87_000) + "}"
        do {
            _ = try HistoryImport.parse(deep)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "1: nesting deeper than 64")
        }
    }

    @Test("Windows line endings are accepted")
    func crlf() throws {
        let text = Self.jepsenSample.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(try HistoryImport.parse(text) == HistoryImport.parse(Self.jepsenSample))
        let edn = Self.ednSample.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        #expect(try HistoryImport.parse(edn) == HistoryImport.parse(Self.ednSample))
    }

    @Test("EDN read as bytes: multi-byte text, escapes, a lone carriage return, signed numbers")
    func ednBytes() throws {
        let text = "{:process 0, :type :invoke, :f :put, :key \"clé\", :value \"naïve \\\"x\\\" ✓\"}\r"
            + "{:process +0, :type :ok, :f :put, :key \"clé\", :value \"naïve \\\"x\\\" ✓\"}"
        let history = try HistoryImport.parse(text)
        #expect(history.count == 1)
        #expect(history.first?.operation.key == "clé")
        #expect(history.first?.operation.input == ["naïve \"x\" ✓"])
        #expect(history.first?.completeTime == 2)
        #expect(throws: HistoryImportError.self) { try HistoryImport.parse("{:process 0, :type :invoke, :f :put, :key \"k\", :value \"a\\é\"}") }
        do {
            _ = try HistoryImport.parse("{:process 0, :type :invoke, :f :put, :key \"k\", :value \"a\\é\"}")
        } catch {
            #expect(error.description == "1: unknown escape `\\é` in a string")
        }
    }

    @Test("no input crashes the importers: every truncation and every one-character deletion of the samples")
    func noCrash() {
        for sample in [Self.jepsenSample, Self.ednSample] {
            let characters = Array(sample)
            for cut in 0...characters.count {
                _ = try? HistoryImport.parse(String(characters[..<cut]))
            }
            for removed in characters.indices {
                var mutated = characters
                mutated.remove(at: removed)
                if let history = try? HistoryImport.parse(String(mutated)) {
                    _ = LinearizabilityChecker.check(history)
                }
            }
        }
    }
}
