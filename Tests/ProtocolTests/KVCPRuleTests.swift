import LightconeCheckers
import LightconeProtocols
import LightconeSimulation
import Testing

/// A kv-cp cluster with fixed 10 ms links, its leader elected (`timeout` on `leader`).
func cpCluster(_ count: Int = 3, options: [(key: String, value: String)] = [], leader: Int = 1) throws -> Simulation<KVCPNode> {
    var sim = try Simulation<KVCPNode>(nodeCount: count, seed: 1, options: options)
    KVCPChecker.configure(&sim)
    sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
    try sim.forceTimeout([n(leader)])
    _ = sim.run(until: .leader(n(leader)), deadline: sim.now + .milliseconds(100))
    sim.run(for: .milliseconds(100))
    return sim
}

@Suite("kv-cp: the rules on top of Raft")
struct KVCPRuleTests {
    @Test("rule: a node cut off from every majority for one election timeout refuses at once: unavailable: no quorum, definitely not applied")
    func minorityRefusesAtOnce() throws {
        var sim = try cpCluster()
        try sim.partition([[n(3)], [n(1), n(2)]])
        sim.run(for: .milliseconds(400))
        let before = sim.now
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(3))
        sim.run(for: .milliseconds(50))
        let entry = try #require(sim.history.last)
        #expect(entry.outcome == .fail)
        #expect(entry.output == "unavailable: no quorum")
        #expect(entry.isObservation == false)
        #expect(entry.completeTime == before)
        #expect(sim.evaluate(.unavailable(n(3)))?.holds == true)
        #expect(sim.evaluate(.available(n(1)))?.holds == true)
    }

    @Test("rule: within one election timeout of the cut a node still vouches for its quorum; the leader's accepted put stays unknown")
    func acceptedThenCutOffStaysUnknown() throws {
        var sim = try cpCluster()
        try sim.partition([[n(1)], [n(2), n(3)]])
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        sim.run(for: .seconds(2))
        #expect(sim.history.last?.outcome == .unknown)
    }

    @Test("rule: a leader that has heard from no majority for one election timeout steps down (check quorum)")
    func leaderStepsDown() throws {
        var sim = try cpCluster(5)
        try sim.partition([[n(1), n(2)], [n(3), n(4), n(5)]])
        sim.run(for: .milliseconds(140))
        #expect(sim.nodes[0].raft.raftRole == .leader)
        sim.run(for: .milliseconds(100))
        #expect(sim.nodes[0].raft.raftRole != .leader)
        let lines = sim.traceLines(from: 0, notableOnly: true, node: n(1))
        #expect(lines.contains { $0.contains("heard from no majority for 150ms; steps down") })
    }

    @Test("rule: a follower of a leader cut off with it in the minority refuses once the leader stepped down (5 nodes)")
    func followerOfMinorityLeaderRefuses() throws {
        var sim = try cpCluster(5)
        try sim.partition([[n(1), n(2)], [n(3), n(4), n(5)]])
        sim.run(for: .milliseconds(600))
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(2))
        try sim.submit(Operation(name: "put", key: "y", input: ["1"]), via: n(3))
        sim.run(for: .seconds(1))
        #expect(sim.history[0].output == "unavailable: no quorum")
        #expect(sim.history[1].outcome == .ok)
    }

    @Test("rule: the majority side keeps serving, and the history stays linearizable")
    func majorityServes() throws {
        var sim = try cpCluster()
        try sim.submit(Operation(name: "put", key: "x", input: ["0"]), via: n(1))
        sim.run(for: .milliseconds(200))
        try sim.partition([[n(1)], [n(2), n(3)]])
        sim.run(for: .seconds(1))
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        try sim.submit(Operation(name: "get", key: "x"), via: n(2))
        sim.run(for: .seconds(1))
        #expect(sim.history.map(\.outcome) == [.ok, .fail, .ok])
        #expect(sim.history[2].output == "0")
        let report = KVCPChecker.check(sim)
        #expect(report.violation == nil)
        #expect(report.lines[0].contains("linearizable, 3 operations; n1 refused 1 (unavailable: no quorum)"))
    }

    @Test("rule: reads=local answers a get from the node's own state, which can be stale; check says not linearizable")
    func localReadsCanBeStale() throws {
        for reads in ["local", "leader"] {
            var sim = try cpCluster(options: [("reads", reads)])
            try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
            // The put is acknowledged once a majority (n1, n2) has it; n3 may not have applied it yet.
            while sim.history[0].outcome == .pending { sim.step() }
            sim.run(for: .milliseconds(1))
            try sim.submit(Operation(name: "get", key: "x"), via: n(3))
            sim.run(for: .milliseconds(300))
            let check = KVCPChecker.check(sim)
            if reads == "local" {
                #expect(sim.history[1].output == nil)
                #expect(check.violation?.property == "linearizability")
            } else {
                #expect(sim.history[1].output == "1")
                #expect(check.violation == nil)
            }
        }
    }

    @Test("yield counts refused requests against it")
    func yieldMeter() throws {
        var sim = try cpCluster()
        try sim.partition([[n(1)], [n(2), n(3)]])
        sim.run(for: .seconds(1))
        try sim.submit(Operation(name: "put", key: "x", input: ["1"]), via: n(1))
        try sim.submit(Operation(name: "put", key: "x", input: ["2"]), via: n(2))
        sim.run(for: .seconds(1))
        #expect(KVCPNode.readMeters(in: sim.state) == [MeterReading("yield", millionths: 500_000)])
    }

    @Test("bad options are one-line errors")
    func options() {
        #expect(throws: OptionError("reads must be leader or local, not some")) {
            _ = try KVCPConfig.parse([("reads", "some")])
        }
        #expect(throws: OptionError.self) { _ = try KVCPConfig.parse([("n", "3")]) }
        #expect((try? KVCPConfig.parse([("election", "1s..2s")]))?.raft.electionMin == .seconds(1))
    }
}

@Suite("kv-cp: linearizable under chaos and load")
struct KVCPSweepTests {
    @Test("linearizable and Raft's properties hold after every event", arguments: 1...40)
    func chaos(seed: UInt64) throws {
        var sim = try Simulation<KVCPNode>(nodeCount: 5, seed: seed, options: [])
        KVCPChecker.configure(&sim)
        try sim.startLoad(LoadSpec(rate: 40, duration: .seconds(10), clients: 5, keys: 2))
        try sim.startChaos(for: .seconds(10), faults: .all)
        sim.run(to: .seconds(12))
        #expect(sim.violations.isEmpty, "seed \(seed): \(sim.violations.map(\.message))")
        #expect(sim.history.count > 100)
        #expect(LinearizabilityChecker.check(sim.history).isLinearizable, "seed \(seed)")
    }

    @Test("regression: a refusal right after a leader's append is not taken for an overwrite (the embedded log begins every event)")
    func longChaos() throws {
        var sim = try Simulation<KVCPNode>(nodeCount: 5, seed: 1, options: [])
        KVCPChecker.configure(&sim)
        try sim.startLoad(LoadSpec(rate: 100, duration: .seconds(30), keys: 5))
        try sim.startChaos(for: .seconds(30), faults: .all)
        sim.run(to: .seconds(32))
        #expect(sim.violations.isEmpty, "\(sim.violations.map(\.message))")
        #expect(sim.now == .seconds(32))
    }
}
