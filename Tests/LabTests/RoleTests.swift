import LightconeLab
import LightconeSimulation
import Testing

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
