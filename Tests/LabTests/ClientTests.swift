import LightconeLab
import LightconeSimulation
import Testing

/// Clients and down nodes: a refused connection fails at once; load clients move on.
@Suite struct ClientTests {
    @Test("a client whose node is down fails at once: definitely not applied")
    func downNodeFailsAtOnce() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        _ = lab.execute("run until leader within 5s")
        _ = lab.execute("kill n2")
        let output = lab.execute("put x 1 via n2")
        #expect(output.lines.contains { $0.hasSuffix("c1 fail put x 1 -> n2 is down") }, "\(output.lines)")
        let entry = lab.cluster.history.last
        #expect(entry?.outcome == .fail)
        #expect(entry?.completeTime == lab.cluster.now)
    }

    @Test("load clients whose node goes down reconnect to another up node")
    func loadReconnects() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        _ = lab.execute("run until leader within 5s")
        _ = lab.execute("kill n3")
        _ = lab.execute("load 20/s for 3s clients=3")
        _ = lab.execute("run 4s")
        let history = lab.cluster.history
        #expect(history.count > 20)
        #expect(!history.contains { $0.output == "n3 is down" })
        #expect(!history.contains { $0.node == NodeID(index: 2) })
    }
}
