import LightconeLab
import LightconeSimulation
import Testing

/// `compare SPEC vs SPEC`: two clusters, every later command on both, answers by side.
@Suite struct CompareTests {
    @Test("every later command runs on both sides, prefixed by the side; new ends it")
    func bothSides() {
        var lab = Lab(options: SessionOptions())
        let started = lab.execute("compare raft 3 vs raft 3 election=300..600ms").lines
        #expect(started == [
            "compare: raft vs raft election=300..600ms — every command now runs on both sides (`new` or `leave` ends it)",
            "raft: new raft: 3 nodes n1..n3, seed 1",
            "raft election=300..600ms: new raft: 3 nodes n1..n3, seed 1",
        ])
        let kill = lab.execute("kill n1").lines
        #expect(kill == ["raft: t=0ms kill n1", "raft election=300..600ms: t=0ms kill n1"])
        #expect(lab.cluster.lives[0] == .down)
        #expect(lab.comparison?.other.cluster.lives[0] == .down)
        #expect(lab.execute("echo once").lines == ["once"], "front-end commands run once")
        let time = lab.execute("time").lines
        #expect(time == ["raft: t=0ms", "raft election=300..600ms: t=0ms"])
        let ended = lab.execute("new gossip 3").lines
        #expect(ended == ["the comparison ends; raft stays", "new gossip: 3 nodes n1..n3, seed 1"])
        #expect(lab.comparison == nil)
    }

    @Test("after run until, both sides stand at the later instant")
    func runUntilKeepsOneClock() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("compare raft 3 vs raft 3 election=300..600ms")
        let lines = lab.execute("run until leader").lines
        #expect(lines.count >= 2)
        #expect(lab.cluster.now == lab.comparison?.other.cluster.now)
        #expect(lab.cluster.now > 0)
    }

    @Test("a command of one side's protocol runs there and is refused on the other")
    func differentProtocols() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("compare raft 3 vs gossip 3")
        let broadcast = lab.execute("broadcast hi via n1").lines
        #expect(broadcast == ["raft: error: broadcast is not a raft operation; raft has put, get, cas",
                              "gossip: t=0ms c1 invoke broadcast hi via n1"])
        let until = lab.execute("run until delivered hi everywhere within 2s").lines
        #expect(until.first == "raft: error: condition 'delivered hi everywhere' belongs to gossip; the cluster runs raft")
        #expect(until.last?.hasPrefix("gossip: t=") == true)
        #expect(lab.execute("leave").lines == ["the comparison ends; raft stays"])
    }

    @Test("bad comparisons are one-line errors and change nothing")
    func errors() {
        var lab = Lab(options: SessionOptions())
        let before = lab.cluster.statusJSON
        #expect(lab.execute("compare raft 3").lines == ["error: compare needs two clusters, like: compare raft 3 vs raft 3 batch=1"])
        #expect(lab.execute("compare raft 3 vs raft 3").lines == ["error: both sides are the same cluster; change the protocol or an option on one side"])
        #expect(lab.execute("compare raft 3 vs gossip 5").lines == ["error: both sides need the same nodes: raft 3 has 3, gossip 5 has 5; give the count on each side"])
        #expect(lab.execute("compare raft 3 vs raft 3 batch=0").lines.first?.hasPrefix("error: ") == true)
        #expect(lab.execute("compare raft 3 vs").lines == ["error: compare needs a cluster on each side of vs; usage: compare PROTOCOL [N] [key=value ...] vs PROTOCOL [N] [key=value ...]"])
        #expect(lab.cluster.statusJSON == before)
        #expect(lab.comparison == nil)
    }
}

/// A lesson's setup may open a comparison; the goal is read on the first side.
@Suite struct CompareInLessonTests {
    static let lesson = """
    # Side by side

    Two stores at once.

    ## Kill one

    Both stores lose n1.

    ```lightcone setup
    compare kv-cp 3 vs kv-ap 3 r=1 w=1
    ```

    ```lightcone goal
    down n1
    ```

    ```lightcone solution
    kill n1
    ```

    ## Exercises

    Try a partition.
    """

    @Test("compare in a setup block runs; later commands reach both sides")
    func setupCompares() {
        var lab = LessonTestSupport.session(lessons: ["01-side.md": Self.lesson])
        let opened = lab.execute("lesson side").lines
        #expect(opened.contains { $0.hasPrefix("compare: kv-cp vs kv-ap") }, "\(opened)")
        let killed = lab.execute("kill n1").lines
        #expect(killed.contains("kv-cp: t=0ms kill n1"))
        #expect(killed.contains("kv-ap: t=0ms kill n1"))
        #expect(lab.comparison?.other.cluster.lives[0] == .down)
        #expect(killed.contains { $0.contains("goal met") }, "\(killed)")
    }
}
