import LightconeSimulation

/// The commands of the clocks protocol: `event NODE` and `send A B` make events; `hb E1 E2`,
/// `cone E` and `events [NODE]` look.
extension ClocksNode {
    public static var commands: [ProtocolCommand<ClocksNode>] {
        [
            ProtocolCommand(
                "event", usage: "event NODE", summary: "A local event on NODE: it ticks its clocks (IR1).",
                example: "event n1", arguments: [.node],
                parse: { words, nodeCount throws(OptionError) in
                    guard words.count == 1 else { throw OptionError("event takes one node; usage: event NODE") }
                    return [try ProtocolCommandWords.node(words[0], nodeCount: nodeCount)]
                },
                perform: { words, simulation throws(SimulationError) in
                    try deliver("event", arguments: [], to: words.first ?? "", &simulation)
                },
                // A process, never `leader` (processes have none).
                complete: { typed, simulation in typed.isEmpty ? ProtocolCommandWords.nodeNames(simulation.nodeCount) : [] }),
            ProtocolCommand(
                "send", usage: "send A B",
                summary: "A sends B a message (a send event on A now; a receive event on B when it arrives, through the network).",
                example: "send n1 n2", arguments: [.node, .node],
                parse: { words, nodeCount throws(OptionError) in
                    guard words.count == 2 else { throw OptionError("send takes two nodes; usage: send A B") }
                    let from = try ProtocolCommandWords.node(words[0], nodeCount: nodeCount)
                    let to = try ProtocolCommandWords.node(words[1], nodeCount: nodeCount)
                    guard from != to else { throw OptionError("a node does not send to itself; usage: send A B") }
                    return [from, to]
                },
                perform: { words, simulation throws(SimulationError) in
                    guard words.count == 2 else { throw SimulationError("usage: send A B") }
                    let to = try ProtocolCommandWords.resolve(words[1], in: simulation)
                    return try deliver("send", arguments: [to.description], to: words[0], &simulation)
                },
                // Processes, never `leader`, and B not A itself.
                complete: { typed, simulation in
                    typed.count < 2 ? ProtocolCommandWords.nodeNames(simulation.nodeCount).filter { $0 != typed.first?.lowercased() } : []
                }),
            ProtocolCommand(
                "hb", usage: "hb E1 E2",
                summary: "Did E1 happen before E2, after it, or are they concurrent? Shows both vector clocks and the Lamport order.",
                example: "hb n1:1 n2:1", arguments: [.text, .text], isReadOnly: true,
                parse: { words, nodeCount throws(OptionError) in
                    guard words.count == 2 else { throw OptionError("hb takes two events; usage: hb E1 E2, like hb n1:1 n2:1") }
                    return [try eventWord(words[0], nodeCount: nodeCount), try eventWord(words[1], nodeCount: nodeCount)]
                },
                perform: { words, simulation throws(SimulationError) in
                    guard words.count == 2 else { throw SimulationError("usage: hb E1 E2") }
                    let a = try lookup(words[0], in: simulation.nodes)
                    let b = try lookup(words[1], in: simulation.nodes)
                    return orderLines(a, b)
                },
                complete: { typed, simulation in typed.count < 2 ? eventNames(in: simulation.nodes) : [] }),
            ProtocolCommand(
                "cone", usage: "cone E | cone off",
                summary: "The light cone of event E: what could have influenced it, and what it can influence so far; marked in the view.",
                example: "cone n2:1", arguments: [.text], isReadOnly: true,
                parse: { words, nodeCount throws(OptionError) in
                    guard words.count == 1 else { throw OptionError("cone takes one event, or off; usage: cone E | cone off") }
                    if words[0].lowercased() == "off" { return ["off"] }
                    return [try eventWord(words[0], nodeCount: nodeCount)]
                },
                perform: { words, simulation throws(SimulationError) in
                    guard let word = words.first else { throw SimulationError("usage: cone E | cone off") }
                    if word == "off" {
                        simulation.markFocus = []
                        return ["no cone marked"]
                    }
                    let focus = try lookup(word, in: simulation.nodes)
                    simulation.markFocus = [focus.name.description]
                    return coneLines(cone(of: focus, in: simulation.nodes))
                },
                complete: { typed, simulation in typed.isEmpty ? eventNames(in: simulation.nodes) + ["off"] : [] }),
            ProtocolCommand(
                "events", usage: "events [NODE]", summary: "Every event of every node (or of NODE), with its Lamport and vector clocks.",
                example: "events n1", arguments: [.node], isReadOnly: true,
                parse: { words, nodeCount throws(OptionError) in
                    guard words.count <= 1 else { throw OptionError("events takes at most one node; usage: events [NODE]") }
                    return try words.map { word throws(OptionError) in try ProtocolCommandWords.node(word, nodeCount: nodeCount) }
                },
                perform: { words, simulation throws(SimulationError) in
                    let ids = try words.first.map { word throws(SimulationError) in [try ProtocolCommandWords.resolve(word, in: simulation)] } ?? simulation.ids
                    return ids.flatMap { id -> [String] in
                        let node = simulation.nodes[id.index]
                        if node.events.isEmpty { return ["\(id): no events yet"] }
                        return ["\(id) (now L=\(node.lamport) V=\(node.vector)):"] + node.events.map { "  " + $0.line }
                    }
                }),
            ProtocolCommand(
                "diagram", usage: "diagram", summary: "Lamport's space-time diagram of the events so far: a column per node, time running down.",
                example: "diagram", isReadOnly: true,
                parse: { words, _ throws(OptionError) in
                    guard words.isEmpty else { throw OptionError("diagram takes nothing; usage: diagram") }
                    return []
                },
                perform: { _, simulation throws(SimulationError) in SpaceTimeDiagram.lines(simulation.nodes) }),
        ]
    }

    /// The most events `event` and `send` make on one node (receives are bounded by the sends),
    /// so that the checker's work, which grows with the square of the events, stays small.
    public static let eventLimit = 500

    /// Delivers `name` to the node `word` names and returns what it narrated (its event, and
    /// any violation it caused).
    static func deliver(_ name: String, arguments: [String], to word: String, _ simulation: inout Simulation<ClocksNode>) throws(SimulationError) -> [String] {
        let id = try ProtocolCommandWords.resolve(word, in: simulation)
        guard simulation.nodes[id.index].events.count < eventLimit else {
            throw SimulationError("\(id) has had \(eventLimit) events, the most one node makes here; `new clocks` starts again")
        }
        let start = simulation.trace.count
        try simulation.deliverCommand(name, arguments: arguments, to: id)
        return simulation.trace.records(from: start).filter(\.isNotable).map(\.line)
    }

    /// Every event the nodes have had, `n1:1` first, in node order (as `events` lists them):
    /// what completion offers where an event goes.
    static func eventNames(in nodes: [ClocksNode]) -> [String] {
        nodes.flatMap { node in node.events.map(\.name.description) }
    }

    /// An event name checked against the cluster's size: `n2:3`.
    static func eventWord(_ word: String, nodeCount: Int) throws(OptionError) -> String {
        guard let name = ClockEventName(text: word) else { throw OptionError(notAnEvent(word)) }
        guard name.node.index < nodeCount else {
            throw OptionError("unknown node \(name.node) in \(word); nodes are \(nodeCount == 1 ? "n1" : "n1..n\(nodeCount)")")
        }
        return name.description
    }
}
