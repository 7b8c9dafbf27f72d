import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// Options, clients, durable state, conditions and what the lab shows of a node.
@Suite struct RaftObservationTests {
    @Test func optionsParseAndBadValuesSayWhatIsWrong() throws {
        let config = try RaftNode.makeConfig(nodeCount: 5, options: [("election", "1..2s"), ("heartbeat", "100ms"), ("batch", "1")])
        #expect(config.electionMin == .seconds(1) && config.electionMax == .seconds(2))
        #expect(config.heartbeat == .milliseconds(100) && config.batch == 1)
        let defaults = try RaftNode.makeConfig(nodeCount: 5, options: [])
        #expect(defaults == RaftConfig())
        #expect(try RaftNode.makeConfig(nodeCount: 5, options: [("election", "150ms..300ms")]).electionMax == .milliseconds(300))
        let bad: [((String, String), String)] = [
            (("election", "300..150ms"), "election must be a range of durations like 150..300ms, not 300..150ms"),
            (("election", "fast"), "election must be a range of durations like 150..300ms, not fast"),
            (("heartbeat", "0ms"), "heartbeat must be a duration of at least 1ms, like 50ms, not 0ms"),
            (("heartbeat", "400ms"), "heartbeat (400ms) must be shorter than the shortest election timeout (150ms)"),
            (("batch", "0"), "batch must be a number of entries 1..10000, not 0"),
            (("speed", "2"), "unknown option speed for raft; options are election=MIN..MAX heartbeat=DURATION batch=N"),
        ]
        for ((key, value), message) in bad {
            #expect(throws: OptionError(message)) { try RaftNode.makeConfig(nodeCount: 5, options: [(key, value)]) }
        }
    }

    @Test func clientsFollowRedirectsAndReadThroughTheLog() throws {
        var sim = try storyCluster()
        try sim.submit(Operation(name: "get", key: "x"), via: n(2))  // nobody leads yet
        sim.run(for: .milliseconds(50))
        #expect(sim.history[0].outcome == .fail && sim.history[0].output == "no leader known")
        _ = try sim.elect(3)
        sim.run(for: .milliseconds(100))
        for op in [Operation(name: "put", key: "x", input: ["1"]), Operation(name: "cas", key: "x", input: ["2", "3"]),
                   Operation(name: "cas", key: "x", input: ["1", "2"]), Operation(name: "get", key: "x"),
                   Operation(name: "get", key: "y"), Operation(name: "cas", key: "y", input: ["1", "2"])] {
            try sim.submit(op, via: n(5))
            sim.run(for: .milliseconds(200))
        }
        #expect(sim.history.dropFirst().map(\.outcome) == [.ok, .fail, .ok, .ok, .ok, .fail])
        #expect(sim.history.dropFirst().map(\.output) == [nil, "expected 2, found 1", nil, "2", nil, "expected 1, found nothing"])
        // Every operation, reads and failed cas included, went through the log.
        #expect(sim.node(3).log.lastIndex == 7)
        #expect(sim.evaluate(.value(key: "x", value: "2", node: n(5)))?.holds == true)
    }

    @Test func durableStateSurvivesKillAndRestart() throws {
        var sim = try storyCluster()
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        sim.run(for: .milliseconds(100))
        let before = sim.node(2)
        try sim.kill(n(2))
        #expect(sim.node(2).currentTerm == before.currentTerm)
        #expect(sim.node(2).votedFor == n(1))
        #expect(sim.node(2).log.entries == before.log.entries)
        #expect(sim.node(2).commitIndex == 0 && sim.node(2).store["x"] == nil)
        try sim.restart(n(2))
        #expect(sim.node(2).role == "follower")
        sim.run(for: .milliseconds(100))
        // The next heartbeat tells it what is committed; it applies its log again.
        #expect(sim.node(2).commitIndex == 2)
        #expect(sim.evaluate(.value(key: "x", value: "1", node: n(2)))?.holds == true)
        // A restarted leader comes back as a follower of its own term.
        try sim.kill(n(1))
        try sim.restart(n(1))
        #expect(sim.node(1).role == "follower" && sim.node(1).currentTerm == 1 && sim.node(1).votedFor == n(1))
    }

    @Test func labelsTraceTextAndSummaries() throws {
        var sim = try storyCluster()
        _ = try sim.elect(2)
        sim.run(for: .milliseconds(100))
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(2))
        sim.run(for: .milliseconds(100))
        let labels = Set(sim.traceLines(from: 0, notableOnly: false, node: nil).compactMap { line -> String? in
            for text in ["RequestVote ", "RequestVoteReply term=1 granted", "AppendEntries ", "AppendEntriesReply term=1 success"]
            where line.contains(text) { return text }
            return nil
        })
        #expect(labels.count == 4)
        let notes = sim.traceLines(from: 0, notableOnly: true, node: nil)
        #expect(notes.contains("t=0ms n2 became candidate at term 1"))
        #expect(notes.contains("t=10ms n1 voted for n2 at term 1"))
        #expect(notes.contains("t=20ms n2 became leader at term 1"))
        #expect(notes.contains("t=40ms n2 committed 1 (term 1)"))
        #expect(sim.node(2).summaryLines == ["log 1/1 2/1", "commit 2", "voted n2"])
        let inspect = sim.node(2).inspect()
        #expect(inspect.contains("nextIndex n1=3 n3=3 n4=3 n5=3"))
        #expect(inspect.contains("matchIndex n1=2 n3=2 n4=2 n5=2"))
        #expect(inspect.contains("  2/1 put x 1  (applied)"))
        let fields = sim.node(2).statusFields.map(\.0)
        #expect(fields == ["voted_for", "leader_id", "commit_index", "last_applied", "log_length", "log_tail_start",
                           "log_tail_terms", "next_index", "match_index"])
        #expect(sim.statusJSON.contains("\"role\": \"leader\", \"term\": 1, \"voted_for\": \"n2\""))
        let reply = RaftMessage.appendEntriesReply(AppendEntriesReply(term: 2, success: false, matchIndex: 3))
        #expect(reply.label == "AE✗" && reply.traceText == "AppendEntriesReply term=2 failure last=3")
        let vote = RaftMessage.requestVoteReply(RequestVoteReply(term: 2, voteGranted: false))
        #expect(vote.label == "RV✗" && vote.isReply)
    }

    @Test func theLogTailFitsANodeBox() {
        var log = RaftLog()
        for index in 1...1_234 { log.append(RaftEntry(term: index / 100 + 1, command: .noop)) }
        #expect(log.tail(fitting: 20) == "1233/13 1234/13")
        #expect(log.tail(fitting: 3) == "1234/13")
        #expect(RaftLog().tail(fitting: 20) == "")
    }

    @Test func conditions() throws {
        var sim = try storyCluster(options: [("election", "150..300ms")])
        #expect(sim.evaluate(RaftNode.committed(1))?.holds == false)
        #expect(sim.evaluate(.available(n(1)))?.holds == false)
        _ = try sim.elect(1)
        sim.run(for: .milliseconds(100))
        #expect(sim.evaluate(RaftNode.committed(1)) == ConditionOutcome(holds: true, actual: "highest commitIndex is 1 (n1)"))
        #expect(sim.evaluate(.converged)?.holds == true)
        #expect(sim.evaluate(.role(n(1), "leader"))?.holds == true)
        #expect(sim.evaluate(.available(n(3)))?.holds == true)
        try sim.partition([[n(1), n(2)], [n(3), n(4), n(5)]])
        sim.run(for: .milliseconds(80))
        // Nobody has heard of the partition yet: the leader's majority is recent.
        #expect(sim.evaluate(.available(n(2)))?.holds == true)
        sim.run(for: .seconds(1))
        // The old leader lost its majority; the majority side elected a new one.
        let leader = try #require(sim.leader)
        #expect(leader.index >= 2)
        #expect(sim.evaluate(.unavailable(n(1)))?.holds == true)
        #expect(sim.evaluate(.unavailable(n(2))) == ConditionOutcome(holds: true, actual: "n2 is unavailable: it cannot reach leader \(leader)"))
        for node in 3...5 { #expect(sim.evaluate(.available(n(node)))?.holds == true) }
        try sim.kill(n(5))
        #expect(sim.evaluate(.unavailable(n(5))) == ConditionOutcome(holds: true, actual: "n5 is down"))
    }
}

@Suite struct ConditionRangeTests {
    @Test("a condition naming a node beyond the cluster answers 'there is no nN' instead of reading out of range")
    func nodeBeyondTheCluster() throws {
        let sim = try Simulation<RaftNode>(nodeCount: 3, seed: 1, options: [])
        for condition: Condition in [.value(key: "x", value: "1", node: n(5)), .available(n(4)), .unavailable(n(9)), .leader(n(7))] {
            #expect(sim.evaluate(condition) == ConditionOutcome(holds: false, actual: "there is no \(condition.namedNode!)"))
        }
    }
}
