import LightconeLab
import Testing

/// `help` lists the conditions this protocol, in this build, answers (issue 13).
@Suite("help lists the conditions that apply")
struct HelpConditionsTests {
    static func conditionsLine(_ protocolName: String) -> String {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new \(protocolName)")
        return lab.execute("help").lines.first { $0.hasPrefix("Conditions") } ?? ""
    }

    @Test("gossip lists delivered but not leader, value or linearizable; raft lists its own and the kv ones")
    func perProtocol() {
        let gossip = Self.conditionsLine("gossip")
        #expect(gossip.contains("delivered VALUE everywhere"))
        #expect(!gossip.contains("leader"))
        #expect(!gossip.contains("value KEY VALUE"))
        #expect(!gossip.contains("linearizable"))
        let raft = Self.conditionsLine("raft")
        for form in ["leader NODE", "committed N", "voted NODE CANDIDATE", "term NODE N", "linearizable", "value KEY VALUE on NODE"] {
            #expect(raft.contains(form), "raft: \(form)")
        }
        #expect(!raft.contains("delivered"))
    }

    @Test("every protocol's list ends with violation and names no condition of another protocol only", arguments: ProtocolRegistry.builtIn.names)
    func listsEnd(_ name: String) {
        let line = Self.conditionsLine(name)
        #expect(line.hasSuffix("violation [PROPERTY]"))
        let others = ProtocolRegistry.builtIn.entries.filter { $0.name != name }.flatMap(\.conditions).map(\.syntax)
        let own = Set(ProtocolRegistry.builtIn.entry(named: name)?.conditions.map(\.syntax) ?? [])
        for form in others where !own.contains(form) {
            #expect(!line.contains(form + ",") && !line.hasSuffix(form), "\(name) lists \(form)")
        }
    }
}
