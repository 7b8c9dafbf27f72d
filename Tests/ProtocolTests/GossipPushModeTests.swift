import LightconeProtocols
import LightconeSimulation
import Testing

/// `mode=push` (Demers et al.'s push, the C reference's workload): only nodes that know
/// something push, and nobody pulls back.
@Suite struct GossipPushModeTests {
    @Test("push mode: an uninformed node sends nothing, no pull is ever sent, and the value still reaches everyone", arguments: [UInt64(1), 2, 3])
    func pushOnly(seed: UInt64) throws {
        var sim = try Simulation<GossipNode>(nodeCount: 50, seed: seed, options: [(key: "mode", value: "push"), (key: "round", value: "10ms")])
        sim.run(for: .milliseconds(100))
        #expect(sim.trace.records(from: 0).allSatisfy { if case .send = $0.event { false } else { true } }, "nobody knows anything: nobody pushes")
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        let outcome = sim.run(until: GossipNode.delivered("hi"), deadline: .seconds(5))
        #expect(outcome?.holds == true)
        let labels = sim.trace.records(from: 0).compactMap { record -> String? in
            if case .send(let envelope) = record.event, case .message(let message) = envelope.payload { return message.label }
            return nil
        }
        #expect(!labels.isEmpty && labels.allSatisfy { $0 == "push" })
    }

    @Test("push-pull (the default) still pulls the difference back")
    func pushPullPulls() throws {
        var sim = try Simulation<GossipNode>(nodeCount: 20, seed: 1)
        try sim.submit(Operation(name: "broadcast", input: ["hi"]), via: NodeID(index: 0))
        _ = sim.run(until: GossipNode.delivered("hi"), deadline: .seconds(5))
        #expect(sim.trace.records(from: 0).contains { $0.line.contains(" Pull [hi]") })
    }

    @Test("mode takes push or push-pull")
    func badMode() {
        #expect(throws: OptionError.self) { try Simulation<GossipNode>(nodeCount: 3, seed: 1, options: [(key: "mode", value: "pull")]) }
    }
}
