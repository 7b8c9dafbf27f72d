import Testing
import LightconeSimulation
import LightconeProtocols
import LightconeCheckers

/// Shorthand for the nodes of the stories: `n(1)` is n1.
func n(_ number: Int) -> NodeID { NodeID(index: number - 1) }

/// A raft cluster for step-by-step stories: fixed 10 ms latency, so that every message
/// takes exactly 10 ms, and election timeouts long enough (10..20 s by default) that
/// only `timeout` starts elections while a story runs.
func storyCluster(_ count: Int = 5, options: [(key: String, value: String)] = [],
                  bugs: [String] = [], monitored: Bool = true) throws -> Simulation<RaftNode> {
    var all = options
    if !all.contains(where: { $0.key == "election" }) { all.append(("election", "10s..20s")) }
    var sim = try Simulation<RaftNode>(nodeCount: count, seed: 1, options: all)
    sim.setNetwork(LinkSettingsChange(latency: .milliseconds(10) ... .milliseconds(10)))
    if monitored { sim.monitor = RaftSafetyMonitor() }
    for bug in bugs { try sim.enableBug(bug) }
    return sim
}

extension Simulation where Node == RaftNode {
    /// Node `number`'s state (1-based, as in the stories).
    func node(_ number: Int) -> RaftNode { nodes[number - 1] }

    /// The log of node `number` as `index/term` pairs.
    func logOf(_ number: Int) -> String { nodes[number - 1].log.tail(Int.max / 2) }

    /// Steps one event at a time until `predicate` holds (checked before each step); false if
    /// it never did within `limit` events.
    @discardableResult
    mutating func step(until predicate: (Simulation<RaftNode>) -> Bool, limit: Int = 10_000) -> Bool {
        for _ in 0..<limit {
            if predicate(self) { return true }
            if step(1) == 0 { return predicate(self) }
        }
        return predicate(self)
    }

    /// Fires the election timer of node `number` and runs until it leads, or `within`.
    @discardableResult
    mutating func elect(_ number: Int, within: SimDuration = .milliseconds(200)) throws -> Bool {
        try forceTimeout([n(number)])
        let outcome = run(until: .leader(n(number)), deadline: now + within)
        return outcome?.holds == true
    }

    /// The properties of the violations found so far.
    var violatedProperties: [String] { violations.map(\.property) }
}
