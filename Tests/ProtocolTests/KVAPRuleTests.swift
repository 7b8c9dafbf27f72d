import LightconeCheckers
import LightconeProtocols
import LightconeSimulation
import Testing

/// A kv-ap cluster with fixed 10 ms links, run long enough for every node to have heard every peer.
func apCluster(_ count: Int = 5, options: [(key: String, value: String)] = []) throws -> Simulation<KVAPNode> {
    var sim = try Simulation<KVAPNode>(nodeCount: count, seed: 1, options: options)
    KVAPChecker.configure(&sim)
    sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
    sim.run(for: .milliseconds(300))
    return sim
}

extension Simulation where Node == KVAPNode {
    /// Submits `put KEY VALUE via NODE` (or `get`) and runs `then`.
    mutating func put(_ key: String, _ value: String, via node: Int, then: SimDuration = .milliseconds(300)) throws {
        try submit(Operation(name: "put", key: key, input: [value]), via: n(node))
        run(for: then)
    }

    mutating func get(_ key: String, via node: Int, then: SimDuration = .milliseconds(300)) throws -> String? {
        try submit(Operation(name: "get", key: key), via: n(node))
        run(for: then)
        return history.last?.output
    }
}

@Suite("kv-ap: vector clocks, siblings and the ring")
struct KVAPDataTests {
    @Test("vector clocks: a clock descends from what it merged; two writes on either side are concurrent")
    func clocks() {
        var a = VectorClock(nodeCount: 3), b = VectorClock(nodeCount: 3)
        a.advance(n(1), to: 1)
        b.advance(n(2), to: 1)
        #expect(!a.descends(from: b) && !b.descends(from: a))
        var c = a.merged(with: b)
        c.advance(n(3), to: 1)
        #expect(c.descends(from: a) && c.descends(from: b))
        #expect(c.description == "[n1:1 n2:1 n3:1]")
    }

    @Test("rule: siblings keep concurrent versions, drop the ones a version descends from, and read sorted and joined with |")
    func siblings() {
        func version(_ value: String, _ writer: Int, _ clock: VectorClock) -> Version {
            Version(value: value, clock: clock, writer: n(writer), counter: clock[n(writer)], timestamp: 0)
        }
        var a = VectorClock(nodeCount: 2); a.advance(n(1), to: 1)
        var b = VectorClock(nodeCount: 2); b.advance(n(2), to: 1)
        var both = a.merged(with: b); both.advance(n(2), to: 2)
        var siblings = Siblings([version("b", 2, b), version("a", 1, a)])
        #expect(siblings.readValue == "a|b")
        siblings.add(version("c", 2, both))
        #expect(siblings.readValue == "c")
        let addedAgain = siblings.add(version("a", 1, a))
        #expect(!addedAgain)
    }

    @Test("the ring is deterministic: each key's order holds every node once, its preference list the first n")
    func ring() {
        let ring = Ring(nodeCount: 5)
        #expect(Ring.hash("x") == Ring.hash("x"))
        #expect(ring.order(for: "x").map(\.description) == ["n5", "n3", "n4", "n1", "n2"])
        #expect(ring.preferenceList(for: "y", n: 3).map(\.description) == ["n1", "n2", "n5"])
        for key in ["a", "b", "k1", "k2", "longer key"] { #expect(Set(ring.order(for: key)).count == 5) }
    }

    @Test("bad options are one-line errors")
    func options() {
        #expect(throws: OptionError("n=4 needs at least 4 nodes; the cluster has 3")) { _ = try KVAPConfig.parse(nodeCount: 3, [("n", "4")]) }
        #expect(throws: OptionError("r and w must be at most n=3, not r=4 w=2")) { _ = try KVAPConfig.parse(nodeCount: 5, [("r", "4")]) }
        #expect(throws: OptionError("resolve must be siblings or lww, not x")) { _ = try KVAPConfig.parse(nodeCount: 5, [("resolve", "x")]) }
        #expect(throws: OptionError.self) { _ = try KVAPConfig.parse(nodeCount: 5, [("consistent", "a/b")]) }
        #expect((try? KVAPConfig.parse(nodeCount: 5, [("anti-entropy", "off")]))?.antiEntropy == nil)
    }
}

@Suite("kv-ap: the rules of the store")
struct KVAPRuleTests {
    @Test("rule: the node a request reaches forwards it to the first reachable node of the key's preference list, which coordinates")
    func forwardsToCoordinator() throws {
        var sim = try apCluster()   // x: replicas n5 n3 n4
        try sim.put("x", "1", via: 1)
        #expect(sim.history[0].outcome == .ok)
        #expect(sim.nodes[4].writes == 1 && sim.nodes[0].writes == 0)
        try sim.isolate(n(5))
        sim.run(for: .milliseconds(500))
        try sim.put("x", "2", via: 1)
        #expect(sim.nodes[2].writes == 1, "n3 coordinates while n5 is unreachable")
    }

    @Test("rule: concurrent writes on two sides of a partition are kept as siblings; get returns both, joined with |")
    func siblingsOnHeal() throws {
        var sim = try apCluster()
        try sim.put("x", "0", via: 1)
        try sim.partition([[n(1), n(5)], [n(2), n(3), n(4)]])
        sim.run(for: .milliseconds(500))
        try sim.put("x", "1", via: 1)
        try sim.put("x", "2", via: 2)
        sim.heal()
        sim.run(for: .seconds(2))
        #expect(sim.evaluate(KVAPNode.siblings("x", 2))?.holds == true)
        #expect(try sim.get("x", via: 3) == "1|2")
    }

    @Test("rule: a put descends from every version its coordinator holds, so a put at a node holding both siblings resolves them")
    func putResolvesSiblings() throws {
        var sim = try apCluster()
        try sim.partition([[n(1), n(5)], [n(2), n(3), n(4)]])
        sim.run(for: .milliseconds(500))
        try sim.put("x", "1", via: 1)
        try sim.put("x", "2", via: 2)
        sim.heal()
        sim.run(for: .seconds(2))
        try sim.put("x", "3", via: 2)
        sim.run(for: .seconds(1))
        #expect(sim.evaluate(KVAPNode.siblings("x", 1))?.holds == true)
        #expect(try sim.get("x", via: 4) == "3")
        #expect(sim.evaluate(.converged)?.holds == true)
    }

    @Test("rule: sloppy quorum: with an owner unreachable a fallback takes the write with a hint, and hands it back when it can reach the owner")
    func hintedHandoff() throws {
        var sim = try apCluster(options: [("anti-entropy", "off")])   // x: replicas n5 n3 n4, fallbacks n1 n2
        try sim.isolate(n(5))
        sim.run(for: .milliseconds(500))
        try sim.put("x", "1", via: 3)
        #expect(sim.history.last?.outcome == .ok)
        #expect(sim.nodes[0].hinted[n(5)]?["x"].readValue == "1")
        #expect(sim.nodes[4].store["x"].isEmpty)
        sim.heal()
        sim.run(for: .seconds(1))
        #expect(sim.nodes[4].store["x"].readValue == "1")
        #expect(sim.nodes[0].hinted.isEmpty)
        #expect(sim.evaluate(.converged)?.holds == true)
    }

    @Test("rule: read repair: a replica that answered a read without a version the read found gets it")
    func readRepair() throws {
        var sim = try apCluster(3, options: [("anti-entropy", "off")])
        try sim.isolate(n(3))
        sim.run(for: .milliseconds(500))
        try sim.put("x", "1", via: 1)
        sim.heal()
        sim.run(for: .milliseconds(500))
        #expect(sim.nodes[2].store["x"].isEmpty)
        #expect(try sim.get("x", via: 3) == "1")
        #expect(sim.nodes[2].store["x"].readValue == "1")
    }

    @Test("rule: anti-entropy every anti-entropy=1s brings a replica the versions it missed, without any read")
    func antiEntropy() throws {
        for setting in ["1s", "off"] {
            var sim = try apCluster(3, options: [("anti-entropy", setting)])
            try sim.isolate(n(3))
            sim.run(for: .milliseconds(500))
            try sim.put("x", "1", via: 1)
            sim.heal()
            sim.run(for: .seconds(3))
            #expect(sim.nodes[2].store["x"].readValue == (setting == "off" ? nil : "1"), "anti-entropy=\(setting)")
        }
    }

    @Test("rule: resolve=lww keeps the later write and silently drops the concurrent one; lost-writes counts it")
    func lastWriteWins() throws {
        for resolve in ["lww", "siblings"] {
            var sim = try apCluster(3, options: [("r", "1"), ("w", "1"), ("resolve", resolve)])
            try sim.partition([[n(1)], [n(2), n(3)]])
            sim.run(for: .milliseconds(500))
            try sim.put("x", "1", via: 1)
            try sim.put("x", "2", via: 2)
            sim.heal()
            sim.run(for: .seconds(2))
            let lost = KVAPNode.readMeters(in: sim.state).first { $0.name == "lost-writes" }
            if resolve == "lww" {
                #expect(try sim.get("x", via: 1) == "2")
                #expect(lost?.millionths == 1_000_000)
                #expect(KVAPChecker.check(sim).violation?.property == "lost-writes")
            } else {
                #expect(try sim.get("x", via: 1) == "1|2")
                #expect(lost?.millionths == 0)
            }
        }
    }

    @Test("rule: a coordinator that reaches fewer nodes than w (or r) refuses at once")
    func refusesBelowQuorum() throws {
        var sim = try apCluster(3)
        try sim.isolate(n(1))
        sim.run(for: .milliseconds(500))
        try sim.put("x", "1", via: 1)
        #expect(sim.history.last?.output == "unavailable: 1 of n=3 replicas reachable, w=2")
        #expect(sim.history.last?.outcome == .fail)
        #expect(sim.evaluate(.unavailable(n(1)))?.holds == true)
        #expect(sim.evaluate(.available(n(2)))?.holds == true)
    }

    @Test("rule: consistent=BUCKET: its keys go through the strongly consistent group and are refused in the minority, while other keys are accepted")
    func consistentBucket() throws {
        var sim = try apCluster(options: [("consistent", "accounts")])
        sim.run(for: .seconds(1))
        try sim.put("accounts/a", "10", via: 2)
        try sim.partition([[n(1), n(5)], [n(2), n(3), n(4)]])
        sim.run(for: .seconds(1))
        try sim.put("accounts/a", "20", via: 1)
        #expect(sim.history.last?.output == "unavailable: no quorum")
        try sim.put("x", "1", via: 1)
        #expect(sim.history.last?.outcome == .ok)
        try sim.submit(Operation(name: "cas", key: "accounts/a", input: ["10", "30"]), via: n(2))
        sim.run(for: .seconds(1))
        #expect(sim.history.last?.outcome == .ok)
        try sim.submit(Operation(name: "cas", key: "x", input: ["1", "2"]), via: n(2))
        sim.run(for: .milliseconds(300))
        #expect(sim.history.last?.output?.hasPrefix("cas needs a strongly consistent bucket") == true)
        let report = KVAPChecker.check(sim)
        #expect(report.lines[0].contains("consistent bucket accounts: linearizable"))
        let notes = sim.traceLines(from: 0, notableOnly: true, node: nil)
        #expect(notes.contains { $0.contains("consistent: became leader at term") }, "the group's notes say which part speaks")
    }
}

@Suite("kv-ap: convergence")
struct KVAPSweepTests {
    @Test("after chaos and load heal, the replicas converge, and nothing acknowledged is lost with siblings", arguments: 1...24)
    func convergesAfterHeal(seed: UInt64) throws {
        var sim = try Simulation<KVAPNode>(nodeCount: 5, seed: seed, options: [])
        KVAPChecker.configure(&sim)
        try sim.startLoad(LoadSpec(rate: 40, duration: .seconds(8), clients: 5, keys: 4))
        try sim.startChaos(for: .seconds(8), faults: .all)
        sim.run(to: .seconds(8))
        let outcome = sim.run(until: .converged, deadline: .seconds(20))
        #expect(outcome?.holds == true, "seed \(seed): \(outcome?.actual ?? "")")
        #expect(KVAPNode.lostWrites(in: sim.nodes).isEmpty)
        #expect(sim.history.count > 100)
    }

    @Test("with resolve=lww the replicas converge too, and lost writes are counted, not hidden", arguments: 1...8)
    func lwwConverges(seed: UInt64) throws {
        var sim = try Simulation<KVAPNode>(nodeCount: 5, seed: seed, options: [("resolve", "lww")])
        try sim.startLoad(LoadSpec(rate: 40, duration: .seconds(8), clients: 5, keys: 2))
        try sim.startChaos(for: .seconds(8), faults: .all)
        sim.run(to: .seconds(8))
        let outcome = sim.run(until: .converged, deadline: .seconds(20))
        #expect(outcome?.holds == true, "seed \(seed): \(outcome?.actual ?? "")")
        for key in ["k1", "k2"] { #expect(KVAPNode.replicaUnion(key, in: sim.state).versions.count <= 1) }
    }

    @Test("a consistent bucket under chaos and load: Raft's properties hold on the group and its keys stay linearizable", arguments: 1...12)
    func consistentBucketUnderChaos(seed: UInt64) throws {
        var sim = try Simulation<KVAPNode>(nodeCount: 5, seed: seed, options: [("consistent", "b")])
        KVAPChecker.configure(&sim)
        try sim.startLoad(LoadSpec(rate: 40, duration: .seconds(10), clients: 5, keys: 2))
        try sim.startChaos(for: .seconds(10), faults: .all)
        sim.run(to: .seconds(12))
        #expect(sim.violations.isEmpty, "seed \(seed): \(sim.violations.map(\.message))")
        let bucket = sim.history.filter { $0.operation.key?.hasPrefix("b/") == true }
        #expect(bucket.count > 50)
        #expect(LinearizabilityChecker.check(bucket).isLinearizable, "seed \(seed)")
    }
}
