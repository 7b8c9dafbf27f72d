import LightconeLab
import LightconeSimulation
import Testing

/// Every malformed command gets its one-line error, and nothing changes.
@Suite struct ParserErrorTests {
    static let table: [(String, String)] = [
        ("kill n7", "error: unknown node n7; nodes are n1..n5"),
        ("kill x", "error: 'x' is not a node; nodes are n1..n5 (or leader)"),
        ("kill", "error: kill needs a node; usage: kill NODE"),
        ("kill n1 n2", "error: unexpected 'n2' after kill; usage: kill NODE"),
        ("partiton n1 | n2", "error: unknown command 'partiton'; did you mean partition? `help` lists the commands"),
        ("partition", "error: partition needs groups of nodes, like: partition n1 n2 | n3 n4 n5"),
        ("partition n1 | n1", "error: n1 is named twice; each node belongs to one group"),
        ("cut n1", "error: cut needs a link like n1->n2 or n1<->n2; usage: cut A->B | cut A<->B"),
        ("cut n1->n1", "error: a link joins two different nodes"),
        ("hold n1<->n2", "error: hold takes one direction, like n1->n2"),
        ("run", "error: run needs a duration or `until CONDITION`; usage: run DURATION | run until CONDITION [within DURATION]"),
        ("run 5", "error: '5' is not a duration; write it like 250ms, 2s or 1m"),
        ("run until", "error: a condition is missing; conditions are like: leader, up n2, delivered VALUE everywhere; `help` lists them all"),
        ("run until leader within", "error: within takes one duration at the end, like: run until leader within 5s"),
        ("expect delivered hi", "error: condition 'delivered hi' should read: delivered VALUE everywhere"),
        ("expect role n1 boss", "error: unknown role 'boss'; gossip roles are node, down"),
        ("expect leadr", "error: unknown condition 'leadr'; did you mean leader? conditions are: leader, leader NODE, no leader, role NODE ROLE, up NODE, down NODE, converged, linearizable, not linearizable, value KEY VALUE on NODE, available NODE, unavailable NODE, delivered VALUE everywhere, METER >= X, METER <= X, violation [PROPERTY]"),
        ("expect harvest > 0.5", "error: condition 'harvest > 0.5' should read: harvest >= X or harvest <= X, X like 0.9 or 90%"),
        ("net loss=200%", "error: loss must be a percentage 0%..100%, like loss=5%"),
        ("net latency=50..10ms", "error: latency range 50..10ms goes backwards"),
        ("net jitter=5ms", "error: unknown setting 'jitter' (net takes latency=, loss=, dup=)"),
        ("net", "error: net needs settings like latency=10..50ms loss=5% dup=1%"),
        ("new", "error: new needs a protocol; usage: new PROTOCOL [N] [key=value ...]"),
        ("new gosip", "error: unknown protocol 'gosip'; did you mean gossip? protocols are " + ProtocolRegistry.names.joined(separator: ", ")),
        ("new gossip 5 fanout", "error: 'fanout' is not key=value; usage: new PROTOCOL [N] [key=value ...]"),
        ("new gossip 5 fanout=0", "error: fanout must be a number 1..64, not 0"),
        ("new gossip 5 colour=red", "error: unknown option colour for gossip; options are fanout=N round=DURATION mode=push-pull|push"),
        ("drop abc", "error: 'abc' is not a message id; `messages` lists them, e.g. drop 17"),
        ("drop 99999", "error: no message #99999 in flight; `messages` lists them"),
        ("load 20", "error: load rate is operations per simulated second, like 20/s (1/s..100000/s)"),
        ("chaos faults=fire", "error: unknown fault 'fire'; faults are partition, kill, pause, loss"),
        ("put x 1", "error: put is not a gossip operation; gossip has broadcast"),
        ("broadcast", "error: broadcast takes 1 argument; usage: broadcast VALUE via NODE"),
        ("bug raft commit-old-terms", "error: the cluster runs gossip, not raft; `new raft` first"),
        ("bug gossip nope", "error: gossip has no teaching bugs"),
        ("step 0", "error: the step count must be a number 1..1000000, not '0'"),
        ("speed fast", "error: speed must be a factor 0.001..1000, like: speed 2"),
        ("seed -1", "error: seed must be a whole number, like: seed 7"),
        ("help nothing", "error: no help for 'nothing'; `help` lists the commands"),
        ("theme neon", "error: themes are dark, light and mono"),
        ("status --xml", "error: status takes only --json"),
        ("timeout", "error: timeout needs at least one node, like: timeout n1"),
        ("inspect leader", "error: there is no leader now; `nodes` shows every node's role"),
        ("source /nonexistent/file", "error: cannot read /nonexistent/file: no such file"),
    ]

    @Test(arguments: ParserErrorTests.table.indices)
    func malformedCommand(_ index: Int) {
        let (line, expected) = Self.table[index]
        var session = Lab(options: SessionOptions())
        _ = session.execute("broadcast a via n1")
        _ = session.execute("run 300ms")
        let before = session.cluster.statusJSON
        let output = session.execute(line)
        #expect(output.isError, "\(line) should be refused")
        #expect(output.lines == [expected], "\(line)")
        #expect(session.cluster.statusJSON == before, "\(line) changed the cluster")
    }

    @Test func commentsAndBlankLinesDoNothing() {
        var session = Lab(options: SessionOptions())
        #expect(session.execute("").lines.isEmpty)
        #expect(session.execute("   # just a comment").lines.isEmpty)
        #expect(session.execute("echo hi # not shown").lines == ["hi"])
    }

    @Test func helpHasAnExampleForEveryCommand() {
        var session = Lab(options: SessionOptions())
        for name in CommandHelp.names(in: ProtocolRegistry.builtIn) {
            let lines = session.execute("help \(name)").lines
            if lines.first?.hasSuffix(":") == true {
                // Declared differently by several protocols, none of them current: each one's, by name.
                #expect(lines.filter { $0.hasPrefix("  example: ") }.count >= 2, "help \(name)")
            } else {
                #expect(lines.count == 3, "help \(name)")
                #expect(lines.last?.hasPrefix("example: ") == true, "help \(name)")
            }
        }
    }
}

/// `rewind` rebuilds exactly the state a fresh run to that instant has.
@Suite struct RewindTests {
    static let setup = ["new gossip 5", "net loss=10%", "broadcast a via n1", "chaos for 5s", "load 5/s for 4s"]

    @Test(arguments: [UInt64(1), 2, 3])
    func rewindEqualsFreshRun(seed: UInt64) {
        var options = SessionOptions()
        options.seed = seed
        var rewound = Lab(options: options)
        for line in Self.setup { _ = rewound.execute(line) }
        _ = rewound.execute("run 1s")
        _ = rewound.execute("kill n2")
        _ = rewound.execute("run 2s")
        let output = rewound.execute("rewind 1s")
        #expect(output.lines == ["rewound to t=2000ms"])

        var fresh = Lab(options: options)
        for line in Self.setup { _ = fresh.execute(line) }
        _ = fresh.execute("run 1s")
        _ = fresh.execute("kill n2")
        _ = fresh.execute("run 1s")

        #expect(rewound.execute("status --json").lines == fresh.execute("status --json").lines)
        #expect(rewound.execute("log 100000").lines == fresh.execute("log 100000").lines)
        #expect(rewound.execute("history --json").lines == fresh.execute("history --json").lines)
        // And they go on identically.
        _ = rewound.execute("run 3s")
        _ = fresh.execute("run 3s")
        #expect(rewound.execute("log 100000").lines == fresh.execute("log 100000").lines)
    }

    @Test func rewindThroughStepsAndRunUntil() {
        var rewound = Lab(options: SessionOptions())
        _ = rewound.execute("broadcast a via n1")
        _ = rewound.execute("step 7")
        _ = rewound.execute("run until delivered a everywhere within 5s")
        let reached = rewound.cluster.now
        _ = rewound.execute("run 1s")
        _ = rewound.execute("rewind 1s")
        #expect(rewound.cluster.now == reached)

        var fresh = Lab(options: SessionOptions())
        _ = fresh.execute("broadcast a via n1")
        _ = fresh.execute("step 7")
        _ = fresh.execute("run until delivered a everywhere within 5s")
        _ = fresh.execute("run 0ms")
        #expect(rewound.execute("log 100000").lines == fresh.execute("log 100000").lines)
    }

    /// Commands typed at the very instant `rewind` returns to are part of it: rewinding to
    /// each instant at which a command was typed gives what a fresh run to it gives.
    @Test func rewindToEveryInstantACommandWasTyped() {
        let script = ["new raft 5", "run 1s", "kill n1", "put x 1", "run 1s", "partition n2 | n3 n4 n5",
                      "restart n1", "run 500ms", "put y 2 via n3", "heal", "run 700ms", "pause n4", "run 300ms"]
        var full = Lab(options: SessionOptions())
        var typedAt: [SimTime] = []
        for line in script {
            typedAt.append(full.cluster.now)
            _ = full.execute(line)
        }
        let end = full.cluster.now
        for instant in Set(typedAt).sorted() {
            var rewound = full
            _ = rewound.execute("rewind \((end - instant) / 1000)ms")
            var fresh = Lab(options: SessionOptions())
            for line in script {
                if line.hasPrefix("run "), let d = DurationText.parse(String(line.dropFirst(4))), fresh.cluster.now + d > instant {
                    _ = fresh.execute("run \((instant - fresh.cluster.now) / 1000)ms")
                    break
                }
                _ = fresh.execute(line)
            }
            #expect(rewound.cluster.now == instant)
            #expect(rewound.execute("status --json").lines == fresh.execute("status --json").lines, "rewind to \(instant)")
            #expect(rewound.execute("log 100000").lines == fresh.execute("log 100000").lines, "rewind to \(instant)")
            #expect(rewound.execute("history --json").lines == fresh.execute("history --json").lines, "rewind to \(instant)")
        }
    }

    @Test func rewindBeforeTheStartStopsAtZero() {
        var session = Lab(options: SessionOptions())
        _ = session.execute("run 1s")
        #expect(session.execute("rewind 1m").lines == ["rewound to t=0ms"])
    }
}

/// `status --json` is one line with the fields scripts rely on.
@Suite struct StatusTests {
    @Test func statusJSONShape() {
        var session = Lab(options: SessionOptions())
        _ = session.execute("partition n1 n2 | n3 n4 n5")
        _ = session.execute("run 1500ms")
        let lines = session.execute("status --json").lines
        #expect(lines.count == 1)
        let json = lines[0]
        #expect(json.hasPrefix("{\"time_us\": 1500000, \"protocol\": \"gossip\""))
        #expect(json.contains("{\"id\": \"n1\", \"up\": true, \"paused\": false, \"role\": \"node\""))
        #expect(json.contains("\"groups\": [[\"n1\", \"n2\"], [\"n3\", \"n4\", \"n5\"]]"))
    }

    @Test func aNewSessionStartsWithGossip() {
        var session = Lab(options: SessionOptions())
        #expect(session.cluster.protocolName == "gossip")
        #expect(session.execute("kill n2").lines == ["t=0ms kill n2"])
    }
}
