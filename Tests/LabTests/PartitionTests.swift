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

/// Roles are declared by their protocol, each with a kind.
@Suite struct RoleTests {
    @Test("role NODE ROLE accepts the protocol's roles and suggests them on a typo")
    func declaredRoles() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        #expect(lab.execute("expect role n1 folower").lines == ["error: unknown role 'folower'; did you mean follower? raft roles are follower, candidate, leader, down"])
        #expect(lab.execute("expect role n1 node").lines == ["error: unknown role 'node'; raft roles are follower, candidate, leader, down"])
        #expect(!lab.execute("expect role n1 follower").isError)
    }

    @Test("every node's role is one its protocol declares, and the snapshot carries its kind", arguments: ["raft 5", "gossip 5"])
    func rolesAreDeclared(protocolLine: String) {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new " + protocolLine)
        _ = lab.execute("chaos for 10s")
        let declared = ProtocolRegistry.entry(named: lab.cluster.protocolName)?.roles ?? []
        for _ in 0..<40 {
            _ = lab.execute("run 250ms")
            for node in lab.cluster.snapshot.nodes where node.life != .down {
                let spec = declared.first { $0.name == node.role }
                #expect(spec != nil, "\(node.role) is not declared")
                #expect(spec?.kind == node.roleKind)
            }
        }
        if lab.cluster.protocolName == "raft" {
            #expect(lab.cluster.snapshot.nodes.contains { $0.roleKind == .following })
        }
    }
}
