@testable import LightconeCheckers
@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// A clocks cluster driven by hand: `event`, `send`, and time.
struct ClocksLab {
    var sim: Simulation<ClocksNode>

    init(_ count: Int = 3, seed: UInt64 = 1, bug: String? = nil) throws {
        sim = try Simulation<ClocksNode>(nodeCount: count, seed: seed)
        ClocksChecker.configure(&sim)
        if let bug { try sim.enableBug(bug) }
    }

    static func n(_ number: Int) -> NodeID { NodeID(index: number - 1) }

    mutating func event(_ node: Int) throws { try sim.deliverCommand("event", arguments: [], to: Self.n(node)) }
    mutating func send(_ from: Int, _ to: Int) throws { try sim.deliverCommand("send", arguments: [Self.n(to).description], to: Self.n(from)) }
    /// Delivers everything in flight (up to 1 s).
    mutating func settle() { sim.run(for: .seconds(1)) }

    func event(_ text: String) -> ClockEvent? {
        ClockEventName(text: text).flatMap { ClocksNode.event($0, in: sim.nodes) }
    }
    func lamport(_ text: String) -> Int? { event(text)?.lamport }
    func vector(_ text: String) -> [Int]? { event(text)?.vector.counters }
}

/// Lamport's implementation rules IR1 and IR2, vector clocks, happens-before and the light cone;
/// each test fails without the rule it names.
@Suite struct ClocksRuleTests {
    @Test("IR1: each node ticks its clock before each event; events are named NODE:K from 1")
    func ir1() throws {
        var lab = try ClocksLab()
        try lab.event(1)
        try lab.event(1)
        try lab.send(1, 2)
        #expect(lab.sim.nodes[0].events.map(\.name.description) == ["n1:1", "n1:2", "n1:3"])
        #expect(lab.sim.nodes[0].events.map(\.lamport) == [1, 2, 3])
        #expect(lab.vector("n1:3") == [3, 0, 0])
        #expect(lab.sim.nodes[1].events.isEmpty, "the receive waits for the message to arrive")
    }

    @Test("IR2(a): a message carries the sender's timestamp of its send event")
    func ir2Stamp() throws {
        var lab = try ClocksLab()
        try lab.event(1)
        try lab.send(1, 2)
        let message = try #require(lab.sim.messagesInFlight.first)
        #expect(message.label == "m@2")
        #expect(message.text == "n1:2 carries L=2 V=[2,0,0]")
    }

    @Test("IR2(b): on receipt C = max(C, Tm) + 1, whichever is larger")
    func ir2Receive() throws {
        var lab = try ClocksLab()
        for _ in 0..<3 { try lab.event(1) }
        try lab.send(1, 2)           // n1:4, L=4
        try lab.event(2)             // n2:1, L=1
        lab.settle()
        #expect(lab.lamport("n2:2") == 5, "the message's 4 wins over n2's 1")
        for _ in 0..<5 { try lab.event(3) }   // n3:5, L=5
        try lab.send(2, 3)           // n2:3, L=6
        for _ in 0..<3 { try lab.event(3) }   // n3:8, L=8
        lab.settle()
        #expect(lab.lamport("n3:9") == 9, "n3's own 8 wins over the message's 6")
        #expect(lab.event("n3:9")?.kind == .receive(from: ClockEventName(text: "n2:3")!))
    }

    @Test("vector clocks: a receive takes the pointwise max with the message's vector, then ticks its own counter")
    func vectorMerge() throws {
        var lab = try ClocksLab()
        try lab.event(1)
        try lab.send(1, 3)           // n1:2 [2,0,0]
        try lab.event(2)
        try lab.send(2, 3)           // n2:2 [0,2,0]
        try lab.event(3)             // n3:1 [0,0,1]
        lab.settle()
        let receives = lab.sim.nodes[2].events.dropFirst().map(\.vector.counters)
        #expect(receives.count == 2)
        #expect(receives.last == [2, 2, 3])
        #expect(receives.first == [2, 0, 2] || receives.first == [0, 2, 2])
    }

    @Test("bug no-receive-max: a receive just ticks, and the monitor catches the broken clock condition")
    func noReceiveMax() throws {
        var lab = try ClocksLab(bug: "no-receive-max")
        for _ in 0..<3 { try lab.event(1) }
        try lab.send(1, 2)           // L=4
        lab.settle()
        #expect(lab.lamport("n2:1") == 1)
        #expect(lab.vector("n2:1") == [4, 1, 0], "vector clocks still merge")
        #expect(lab.sim.violations.map(\.property) == ["ClockCondition"])
        #expect(lab.sim.violations.first?.message == "n1:4 → n2:1 but L(n1:4)=4 ≥ L(n2:1)=1")
    }

    @Test("hb: before, after, concurrent, same; a Lamport order between concurrent events is called out")
    func happensBefore() throws {
        var lab = try ClocksLab()
        try lab.send(1, 2)           // n1:1
        try lab.event(3)             // n3:1 L=1
        try lab.event(3)             // n3:2 L=2
        lab.settle()                 // n2:1 receive L=2
        let a = try #require(lab.event("n1:1")), b = try #require(lab.event("n2:1")), c = try #require(lab.event("n3:2"))
        #expect(a.relation(to: b) == .before)
        #expect(b.relation(to: a) == .after)
        #expect(a.relation(to: c) == .concurrent)
        #expect(a.relation(to: a) == .same)
        #expect(ClocksNode.orderLines(a, b).first == "n1:1 → n2:1 (happens before)")
        #expect(ClocksNode.orderLines(b, a).first == "n2:1 after n1:1 (n1:1 → n2:1)")
        let concurrent = ClocksNode.orderLines(a, c)
        #expect(concurrent.first == "concurrent (n1:1 ∥ n3:2)")
        #expect(concurrent[2].contains("L(n1:1)=1 < L(n3:2)=2, yet they are concurrent"))
        #expect(concurrent[3] == "  Lamport's total order (L, then node): n1:1 ⇒ n3:2, an order agreed on, not observed")
        let tie = try #require(lab.event("n2:1"))   // L=2, like n3:2: the tie goes to the lower node
        #expect(ClocksNode.totalOrder(c, tie).name.description == "n2:1")
        #expect(lab.sim.evaluate(.protocolCondition("happened-before", ["n1:1", "n2:1"]))?.holds == true)
        #expect(lab.sim.evaluate(.protocolCondition("concurrent", ["n1:1", "n3:2"]))?.holds == true)
        #expect(lab.sim.evaluate(.protocolCondition("concurrent", ["n1:1", "n2:1"]))?.holds == false)
        let missing = lab.sim.evaluate(.protocolCondition("happened-before", ["n1:1", "n2:7"]))
        #expect(missing == ConditionOutcome(holds: false, actual: "unknown event n2:7; n2's last event is n2:1"))
        #expect(lab.sim.evaluate(.protocolCondition("events", ["2", "n3"]))?.holds == true)
    }

    @Test("cone on a diamond: the past is what could have influenced the event, the future what it reaches")
    func coneOnADiamond() throws {
        var lab = try ClocksLab(4)
        try lab.send(1, 2)           // n1:1
        try lab.send(1, 3)           // n1:2
        lab.settle()                 // n2:1, n3:1
        try lab.send(2, 4)           // n2:2
        try lab.send(3, 4)           // n3:2
        lab.settle()                 // n4:1, n4:2
        let top = try #require(lab.event("n1:1"))
        let left = try #require(lab.event("n2:1"))
        let bottom = try #require(lab.event("n4:2"))
        let fromTop = ClocksNode.cone(of: top, in: lab.sim.nodes)
        #expect(fromTop.past.isEmpty)
        #expect(Set(fromTop.future.map(\.description)) == ["n1:2", "n2:1", "n2:2", "n3:1", "n3:2", "n4:1", "n4:2"])
        let fromBottom = ClocksNode.cone(of: bottom, in: lab.sim.nodes)
        #expect(Set(fromBottom.past.map(\.description)) == ["n1:1", "n1:2", "n2:1", "n2:2", "n3:1", "n3:2", "n4:1"])
        let side = ClocksNode.cone(of: left, in: lab.sim.nodes)
        #expect(side.past.map(\.description) == ["n1:1"])
        #expect(Set(side.concurrent.map(\.description)).isSuperset(of: ["n1:2", "n3:1", "n3:2"]))
        #expect(side.future.contains(ClockEventName(text: "n2:2")!) && side.future.contains(ClockEventName(text: "n4:2")!))
        // The view's marks: a prefix in the past, a suffix in the future, per node.
        let marks = ClocksNode.coneMarks(of: left, in: lab.sim.nodes)
        #expect(marks[0] == NodeMark(.marked, "past<=1"))
        #expect(marks[1] == NodeMark(.focus, "cone of n2:1"))
        #expect(marks[2] == NodeMark(.outside, "outside the cone"))
        #expect(marks[3]?.kind == .marked && marks[3]?.text.hasPrefix("fut>=") == true)
        lab.sim.markFocus = ["n2:1"]
        #expect(lab.sim.snapshot.nodes.map(\.mark) == marks)
    }

    @Test("send goes through the network: a partition loses it, a hold delays the receive, a down node refuses events")
    func throughTheNetwork() throws {
        var lab = try ClocksLab()
        try lab.sim.partition([[ClocksLab.n(1)], [ClocksLab.n(2), ClocksLab.n(3)]])
        try lab.send(1, 2)
        lab.settle()
        #expect(lab.sim.nodes[1].events.isEmpty)
        lab.sim.heal()
        try lab.sim.hold(ClocksLab.n(1), ClocksLab.n(3))
        try lab.send(1, 3)
        lab.settle()
        #expect(lab.sim.nodes[2].events.isEmpty)
        try lab.event(3)
        let held = try #require(lab.sim.messagesInFlight.first)
        try lab.sim.deliverMessage(held.id)
        #expect(lab.event("n3:2")?.kind == .receive(from: ClockEventName(text: "n1:2")!))
        try lab.sim.kill(ClocksLab.n(2))
        #expect(throws: SimulationError.self) { try lab.event(2) }
        try lab.sim.restart(ClocksLab.n(2))
        try lab.event(2)
        #expect(lab.lamport("n2:1") == 1)
        #expect(lab.sim.violations.isEmpty)
    }

    @Test("bad input: one-line errors that name what exists")
    func badInput() throws {
        var lab = try ClocksLab()
        try lab.event(1)
        #expect(ClocksNode.missing(ClockEventName(text: "n1:9")!, in: lab.sim.nodes) == "unknown event n1:9; n1's last event is n1:1")
        #expect(ClocksNode.missing(ClockEventName(text: "n2:1")!, in: lab.sim.nodes) == "unknown event n2:1; n2 has no events yet")
        #expect(throws: OptionError.self) { try ClocksNode.eventWord("n4:1", nodeCount: 3) }
        #expect(throws: OptionError.self) { try ClocksNode.eventWord("n1", nodeCount: 3) }
        #expect(throws: OptionError.self) { try ClocksNode.eventWord("n1:0", nodeCount: 3) }
        #expect(ClockEventName(text: "n2:3")?.description == "n2:3")
        #expect(throws: OptionError.self) { try Simulation<ClocksNode>(nodeCount: 3, seed: 1, options: [(key: "x", value: "1")]) }
    }

    @Test("diagram: a column per node, a row per event in time order, the latest rowLimit rows")
    func diagram() throws {
        var lab = try ClocksLab(2)
        #expect(SpaceTimeDiagram.lines(lab.sim.nodes) == ["no events yet: `event NODE` and `send A B` make them"])
        try lab.send(1, 2)
        lab.settle()
        let lines = SpaceTimeDiagram.lines(lab.sim.nodes)
        #expect(lines.dropFirst() == ["time      n1               n2",
                                      "0ms       n1:1 ->n2   L=1  |",
                                      "24.059ms  |                n2:1 <-n1:1 L=2"])
        for _ in 0..<SpaceTimeDiagram.rowLimit { try lab.event(2) }
        let long = SpaceTimeDiagram.lines(lab.sim.nodes)
        #expect(long.count == 3 + SpaceTimeDiagram.rowLimit)
        #expect(long[2] == "  (2 earlier events; `events` lists them all)")
    }

    @Test("a node makes at most eventLimit events by command, and says so")
    func eventLimit() throws {
        var lab = try ClocksLab(2)
        for _ in 0..<ClocksNode.eventLimit { _ = try lab.sim.performProtocolCommand("event", arguments: ["n1"]) }
        #expect(throws: SimulationError("n1 has had 500 events, the most one node makes here; `new clocks` starts again")) {
            try lab.sim.performProtocolCommand("send", arguments: ["n1", "n2"])
        }
        #expect(lab.sim.nodes[0].events.count == ClocksNode.eventLimit)
        #expect(lab.sim.violations.isEmpty)
    }

    @Test("the monitor's happens-before is its own: an event whose vector lies is caught")
    func monitorIsIndependent() throws {
        var monitor = CausalityMonitor()
        let n1 = ClocksLab.n(1), n2 = ClocksLab.n(2)
        let a = ClockEvent(name: ClockEventName(node: n1, number: 1), kind: .local, lamport: 1, vector: VectorTime([1, 0]), time: 0)
        // n2:1 did not receive anything, yet its vector claims to have seen n1:1.
        let b = ClockEvent(name: ClockEventName(node: n2, number: 1), kind: .local, lamport: 2, vector: VectorTime([1, 1]), time: 0)
        #expect(monitor.add(a) == nil)
        #expect(monitor.add(b)?.property == "StrongClockCondition")
    }
}
