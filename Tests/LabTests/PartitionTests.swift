import LightconeLab
import LightconeSimulation
import Testing

/// `partition` with one group cuts it off from everyone else; two or more keep their meaning.
@Suite struct PartitionTests {
    @Test("partition n1 n2 means n1 n2 | everyone else")
    func oneGroup() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new gossip 5")
        #expect(lab.execute("partition n1 n2").lines == ["t=0ms partition n1 n2 | n3 n4 n5"])
        _ = lab.execute("broadcast x via n1")
        _ = lab.execute("run 2s")
        #expect(lab.execute("expect delivered x everywhere").isFailure)
        let nodes = lab.cluster.snapshot.nodes
        #expect(nodes[1].lines.contains { $0.contains("x") })
        #expect(!nodes[2].lines.contains { $0.contains("x") })
    }

    @Test("partition leader cuts the leader off from the rest, who can elect a new one")
    func leaderAlone() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 5")
        _ = lab.execute("run until leader within 5s")
        let old = lab.cluster.leader
        let output = lab.execute("partition leader")
        #expect(output.lines.count == 1)
        #expect(output.lines[0].hasPrefix("t="))
        #expect(output.lines[0].contains(" | "))
        _ = lab.execute("run 3s")
        // The four others form a majority: a new leader in a higher term, not the old one.
        let leaders = lab.cluster.snapshot.nodes.filter(\.isLeader).map(\.id)
        #expect(leaders.contains { $0 != old })
    }

    @Test("two groups keep today's meaning: a node named in none is isolated")
    func twoGroups() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new gossip 5")
        #expect(lab.execute("partition n1 n2 | n3 n4").lines == ["t=0ms partition n1 n2 | n3 n4 | n5"])
    }
}
