import LightconeLab
import LightconeSimulation
import Testing

/// A protocol's own commands and conditions reach the user through the lab: parsed by the
/// protocol's declaration, helped, completed, journaled for `rewind`, and kept out of `history`.
@Suite struct ProtocolCommandTests {
    @Test("a node command runs on the node now, is traced, and is not a client operation")
    func nodeCommand() {
        var lab = Lab(options: .withTally)
        let output = lab.execute("mark n2")
        #expect(!output.isError)
        #expect(output.lines.first?.contains("mark") == true, "\(output.lines)")
        #expect(lab.execute("expect tally 1 on n2").lines == ["ok: tally 1 on n2"])
        #expect(lab.execute("history").lines == ["no client operations yet"])
        #expect(lab.execute("tallies").lines == ["tallies: 0 1 0"])
    }

    @Test("node commands are journaled: rewind replays them, a read-only command is not needed")
    func rewindReplaysNodeCommands() {
        var lab = Lab(options: .withTally)
        _ = lab.execute("run 1s")
        _ = lab.execute("mark n1")
        _ = lab.execute("tallies")
        _ = lab.execute("run 1s")
        _ = lab.execute("mark n1")
        _ = lab.execute("run 1s")
        #expect(lab.execute("rewind 1500ms").lines == ["rewound to t=1500ms"])
        #expect(lab.execute("tallies").lines == ["tallies: 1 0 0"])
        #expect(lab.execute("rewind 500ms").lines == ["rewound to t=1000ms"])
        #expect(lab.execute("tallies").lines == ["tallies: 1 0 0"], "a command typed at the instant rewound to is kept")
    }

    @Test("bad words get the protocol's one-line errors and change nothing")
    func errors() {
        var lab = Lab(options: .withTally)
        let before = lab.session.cluster.statusJSON
        #expect(lab.execute("mark").lines == ["error: mark needs a node; usage: mark NODE"])
        #expect(lab.execute("mark n7").lines == ["error: unknown node n7; nodes are n1..n3"])
        #expect(lab.execute("mark n1 twice").lines == ["error: unexpected 'twice'; usage: mark NODE"])
        #expect(lab.execute("tallies now").lines == ["error: tallies takes nothing"])
        #expect(lab.execute("mrak n1").lines == ["error: unknown command 'mrak'; did you mean mark? `help` lists the commands"])
        _ = lab.execute("kill n1")
        #expect(lab.execute("mark n1").lines == ["error: n1 is down; restart it first"])
        _ = lab.execute("restart n1")
        #expect(lab.session.cluster.statusJSON.count == before.count)
        _ = lab.execute("new raft 3")
        #expect(lab.execute("mark n1").lines == ["error: mark is a tally command; the cluster runs raft (`new tally` first)"])
        #expect(lab.execute("expect no marks").lines == ["error: condition 'no marks' belongs to tally; the cluster runs raft"])
    }

    @Test("conditions with a keyword of two words, and their errors")
    func twoWordConditions() {
        var lab = Lab(options: .withTally)
        #expect(lab.execute("expect no marks").lines == ["ok: no marks"])
        #expect(lab.execute("expect no idea").lines == ["error: condition 'no idea' should read: no leader, or no marks"])
        #expect(lab.execute("expect no marks at all").lines == ["error: should read: no marks"])
        _ = lab.execute("mark n3")
        #expect(lab.execute("expect no marks").lines == ["expect failed: expected no marks, but 1 marks"])
    }

    @Test("help, help NAME, help PROTOCOL and completion read the protocol's declarations")
    func helpAndCompletion() {
        var lab = Lab(options: .withTally)
        let overview = lab.execute("help").lines
        #expect(overview.contains("  tally       mark tallies"))
        #expect(overview.contains { $0.hasPrefix("Conditions") && $0.contains("tally N on NODE, no marks") })
        #expect(lab.execute("help mark").lines == ["usage: mark NODE", "Raise the node's tally by one. (tally)", "example: mark n1"])
        let protocolHelp = lab.execute("help tally").lines
        #expect(protocolHelp.contains("  mark NODE  Raise the node's tally by one."))
        #expect(protocolHelp.contains("  condition no marks  no node has been marked"))
        #expect(lab.session.completions(for: "ma") == ["mark"])
        #expect(lab.session.completions(for: "mark ") == ["n1", "n2", "n3", "leader"])
        #expect(lab.session.completions(for: "expect ta") == ["tally"])
        _ = lab.execute("new raft 3")
        #expect(!lab.execute("help").lines.contains("  tally       mark tallies"), "a protocol's commands show while it runs")
        #expect(lab.session.completions(for: "ma") == [])
    }
}

/// Every command's help comes with an example that parses, so help cannot drift from the parser.
@Suite struct CommandSpecTests {
    @Test("every generic command's example parses")
    func genericExamples() throws {
        let context = ParseContext(nodeCount: 5, protocolName: "raft")
        // `edit NODE TEXT-OP` is SPEC's crdt spelling of an operation: its example is crdt's.
        let crdt = ParseContext(nodeCount: 5, protocolName: "crdt")
        for spec in CommandSpecs.all {
            let context = spec.name == "edit" ? crdt : context
            #expect(throws: Never.self, "\(spec.name): \(spec.example)") { try CommandParser.parse(spec.example, context: context) }
            #expect(spec.example.split(separator: " ").first.map(String.init) == spec.name, "\(spec.name)'s example starts with it")
        }
    }

    @Test("every operation and protocol command in the build has an example that parses in its protocol")
    func protocolExamples() throws {
        let catalog = SessionOptions.withTally.protocols
        for entry in catalog.entries {
            let context = ParseContext(nodeCount: entry.defaultNodeCount, protocolName: entry.name, catalog: catalog)
            for op in entry.operations {
                #expect(!op.example.isEmpty, "\(entry.name) \(op.name) has an example")
                #expect(throws: Never.self, "\(op.example)") { try CommandParser.parse(op.example, context: context) }
            }
            for command in entry.commands {
                #expect(throws: Never.self, "\(command.example)") { try CommandParser.parse(command.example, context: context) }
            }
        }
    }

    @Test("completion follows each command's argument kinds")
    func completionByKind() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        #expect(lab.session.completions(for: "new raft 3 ") == ["election=", "heartbeat=", "batch="])
        #expect(lab.session.completions(for: "status ") == ["--json"])
        #expect(lab.session.completions(for: "heal ") == [])
        #expect(lab.session.completions(for: "link n1 n2 l") == ["latency=", "loss="])
        #expect(lab.session.completions(for: "bug ") == ["off"] + ProtocolRegistry.names)
        #expect(lab.session.completions(for: "bug raft c") == ["commit-old-terms"])
        #expect(lab.session.completions(for: "put x 1 ") == ["via"])
        #expect(lab.session.completions(for: "put x 1 via ") == ["n1", "n2", "n3", "leader"])
        #expect(lab.session.completions(for: "expect co") == ["converged", "committed"])
    }
}
