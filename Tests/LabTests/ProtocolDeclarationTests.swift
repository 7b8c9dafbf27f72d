import LightconeLab
import LightconeSimulation
import Testing

/// What a protocol declares and the lab reads from it: conditions, safety properties, and
/// what `help PROTOCOL` lists.
@Suite struct ProtocolDeclarationTests {
    @Test("help PROTOCOL lists its roles with their kinds and its meters")
    func helpProtocol() {
        var lab = Lab(options: SessionOptions())
        let raft = lab.execute("help raft").lines
        #expect(raft.contains("  roles: follower (following), candidate (campaigning), leader (leading)"))
        let gossip = lab.execute("help gossip").lines
        #expect(gossip.contains("  roles: node (passive)"))
        #expect(gossip.contains { $0.hasPrefix("  meter coverage  ") })
        #expect(raft.contains { $0.hasPrefix("  messages: ") && $0.contains("AE") })
    }


    @Test("violation PROPERTY accepts the protocol's properties only")
    func violationProperties() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        #expect(lab.execute("expect violation BOGUS").lines == ["error: unknown property 'BOGUS'; raft properties are ElectionSafety, LeaderAppendOnly, LogMatching, LeaderCompleteness, StateMachineSafety, linearizability"])
        #expect(lab.execute("expect violation electionsafty").lines.first?.contains("did you mean ElectionSafety?") == true)
        #expect(lab.execute("expect violation ElectionSafety").isFailure)
        _ = lab.execute("new gossip 3")
        #expect(lab.execute("expect violation ElectionSafety").lines == ["error: gossip has no safety property to violate; `violation` alone asks for any"])
        #expect(!lab.execute("expect violation").isError)
    }


    @Test("protocol conditions are declared by their protocol: committed by raft, delivered by gossip")
    func protocolConditions() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new gossip 3")
        #expect(lab.execute("expect committed 1").lines == ["error: condition 'committed 1' belongs to raft; the cluster runs gossip"])
        #expect(lab.execute("expect delivered x").lines == ["error: condition 'delivered x' should read: delivered VALUE everywhere"])
        #expect(lab.execute("expect delivered x everywhere").isFailure)
        _ = lab.execute("new raft 3")
        #expect(lab.execute("expect committed x").lines == ["error: committed takes a number, like: committed 3"])
        #expect(lab.execute("expect delivered x everywhere").lines == ["error: condition 'delivered x everywhere' belongs to gossip; the cluster runs raft"])
        #expect(lab.execute("help raft").lines.contains { $0.hasPrefix("  condition committed N  ") })
        _ = lab.execute("put x 1")
        #expect(!lab.execute("run until committed 1 within 5s").isFailure)
    }
}
