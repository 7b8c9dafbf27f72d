@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// The rules of `shards` (Fox & Brewer 1999) and their harvest and yield numbers.
@Suite struct ShardsRuleTests {
    static func cluster(_ nodes: Int = 4, _ options: [(key: String, value: String)] = [], seed: UInt64 = 1) throws -> Simulation<ShardsNode> {
        try Simulation<ShardsNode>(nodeCount: nodes, seed: seed, options: options)
    }

    /// Issues `count` queries one after another through the up nodes in turn, each after the last answered.
    static func queries(_ count: Int, in sim: inout Simulation<ShardsNode>) throws {
        let up = sim.ids.filter { sim.lives[$0.index] != .down }
        for index in 0..<count {
            try sim.submit(Operation(name: "query"), via: up[index % up.count])
            sim.run(for: .milliseconds(300))
        }
    }

    static func meter(_ name: String, _ sim: Simulation<ShardsNode>) -> Int64 {
        sim.meters.first { $0.name == name }?.millionths ?? -1
    }

    @Test("rule: records split evenly over the shards, shard i on node i and the next replicas-1 nodes")
    func placement() throws {
        let sim = try Self.cluster(4, [("replicas", "2"), ("records", "10")])
        #expect(sim.nodes.map(\.shardsHeld) == [[0, 3], [0, 1], [1, 2], [2, 3]])
        #expect((0..<4).map { sim.config.records(inShard: $0, of: 4) } == [3, 3, 2, 2])
    }

    @Test("Fox & Brewer: 4 shards, one node killed, 100 queries, degrade gives yield 1.0 and harvest 0.75")
    func degradeNumbers() throws {
        var sim = try Self.cluster()
        try sim.kill(NodeID(index: 1))
        try Self.queries(100, in: &sim)
        #expect(Self.meter("yield", sim) == 1_000_000)
        #expect(Self.meter("harvest", sim) == 750_000)
        #expect(sim.history.allSatisfy { $0.outcome == .ok && $0.output == "75/100 records, missing s2" })
    }

    @Test("Fox & Brewer: strict gives yield 0.0 and harvest 1.0")
    func strictNumbers() throws {
        var sim = try Self.cluster(4, [("policy", "strict")])
        try sim.kill(NodeID(index: 1))
        try Self.queries(100, in: &sim)
        #expect(Self.meter("yield", sim) == 0)
        #expect(Self.meter("harvest", sim) == 1_000_000)
    }

    @Test("Fox & Brewer: replicas=2 gives yield 1.0 and harvest 1.0 with one node killed", arguments: ["degrade", "strict"])
    func replicasBuyBoth(policy: String) throws {
        var sim = try Self.cluster(4, [("replicas", "2"), ("policy", policy)])
        try sim.kill(NodeID(index: 1))
        try Self.queries(100, in: &sim)
        #expect(Self.meter("yield", sim) == 1_000_000)
        #expect(Self.meter("harvest", sim) == 1_000_000)
    }

    @Test("rule: the meters look at the last 100 queries only (the window is pinned)")
    func window() throws {
        var sim = try Self.cluster(4, [("policy", "strict")])
        try sim.kill(NodeID(index: 1))
        try Self.queries(50, in: &sim)
        #expect(Self.meter("yield", sim) == 0)
        try sim.restart(NodeID(index: 1))
        try Self.queries(60, in: &sim)
        #expect(Self.meter("yield", sim) == 600_000)
        try Self.queries(40, in: &sim)
        #expect(Self.meter("yield", sim) == 1_000_000)
    }

    @Test("rule: another replica is asked only after shard-timeout, and the answer waits no longer than it must")
    func shardTimeout() throws {
        var sim = try Self.cluster(4, [("replicas", "2")])
        try sim.kill(NodeID(index: 1))
        try sim.submit(Operation(name: "query"), via: NodeID(index: 0))
        sim.run(for: .milliseconds(49))
        #expect(sim.history[0].outcome == .pending)
        #expect(!sim.traceLines(from: 0, notableOnly: false, node: nil).contains { $0.contains("n1->n3 Fetch q1.1 shard=s2") })
        sim.run(for: .milliseconds(100))
        #expect(sim.traceLines(from: 0, notableOnly: false, node: nil).contains { $0.contains("n1->n3 Fetch q1.1 shard=s2") })
        #expect(sim.history[0].outcome == .ok && sim.history[0].output == "100/100 records")
    }

    @Test("rule: with every shard there, a query answers before the deadline")
    func answersEarly() throws {
        var sim = try Self.cluster()
        try sim.submit(Operation(name: "query"), via: NodeID(index: 2))
        sim.run(for: .milliseconds(100))
        #expect(sim.history[0].outcome == .ok && sim.history[0].output == "100/100 records")
        #expect((sim.history[0].completeTime ?? .max) < .milliseconds(100))
    }

    @Test("rule: degrade answers at the deadline with what arrived; strict fails then")
    func deadline() throws {
        for policy in ["degrade", "strict"] {
            var sim = try Self.cluster(4, [("policy", policy)])
            try sim.kill(NodeID(index: 3))
            try sim.submit(Operation(name: "query"), via: NodeID(index: 0))
            sim.run(for: .milliseconds(199))
            #expect(sim.history[0].outcome == .pending)
            sim.run(for: .milliseconds(2))
            #expect(sim.history[0].outcome == (policy == "degrade" ? .ok : .fail))
        }
    }

    @Test("bad options get one-line errors", arguments: [("replicas", "5"), ("policy", "maybe"), ("records", "2"), ("deadline", "2s"), ("colour", "red")])
    func badOptions(option: (String, String)) {
        #expect(throws: OptionError.self) { try Simulation<ShardsNode>(nodeCount: 4, seed: 1, options: [(key: option.0, value: option.1)]) }
    }

    @Test("property: without faults every query gets every record, on 16 nodes under load", arguments: 1...8)
    func noFaultsFullHarvest(seed: UInt64) throws {
        var sim = try Self.cluster(16, [("replicas", "3")], seed: seed)
        try sim.startLoad(LoadSpec(rate: 50, duration: .seconds(2)))
        sim.run(for: .seconds(3))
        #expect(sim.history.count > 50)
        #expect(sim.history.allSatisfy { $0.outcome == .ok && $0.output == "100/100 records" })
    }
}
