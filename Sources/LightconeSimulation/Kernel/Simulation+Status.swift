extension Simulation {
    /// `status --json`: one JSON object on one line.
    public var statusJSON: String {
        var nodesJSON: [JSONValue] = []
        for index in 0..<nodeCount {
            let node = nodes[index]
            var fields: [(String, JSONValue)] = [
                ("id", .string("n\(index + 1)")),
                ("up", .bool(lives[index] != .down)),
                ("paused", .bool(lives[index] == .paused)),
                ("role", .string(lives[index] == .down ? "down" : node.role)),
            ]
            if let epoch = node.epoch { fields.append(("term", .int(epoch))) }
            fields += node.statusFields
            nodesJSON.append(.object(fields))
        }
        let groups = JSONValue.array(network.groups.map { .array($0.map { .string($0.description) }) })
        let object: JSONValue = .object([
            ("time_us", .int(now)),
            ("protocol", .string(Node.name)),
            ("seed", .int(Int64(bitPattern: seed))),
            ("leader", .string(leader?.description)),
            ("nodes", .array(nodesJSON)),
            ("groups", groups),
            ("cuts", .array(network.cuts.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map { .string($0.description) })),
            ("held", .array(network.held.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map { .string($0.description) })),
            ("network", .string(network.defaults.description)),
            ("in_flight", .int(messagesInFlight.count)),
            ("bugs", .array(enabledBugs.map { .string($0) })),
            ("violations", .array(violations.map { .string($0.property) })),
            ("meters", .object(meters.map { ($0.name, .decimal(millionths: $0.millionths)) })),
        ])
        return object.text
    }

    /// `status`: a few lines for people.
    public var statusLines: [String] {
        var lines = ["t=\(DurationText.instant(now)) \(Node.name), \(nodeCount) nodes, seed \(seed)"
                     + (leader.map { ", leader \($0)" } ?? "")]
        lines += nodeLines
        if network.isPartitioned {
            lines.append("partition: " + network.groups.map { $0.map(\.description).joined(separator: " ") }.joined(separator: " | "))
        }
        if !network.cuts.isEmpty {
            lines.append("cuts: " + network.cuts.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map(\.description).joined(separator: " "))
        }
        if !network.held.isEmpty {
            lines.append("held: " + network.held.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.map(\.description).joined(separator: " "))
        }
        lines.append("network: \(network.defaults.description)")
        if !enabledBugs.isEmpty { lines.append("bugs: " + enabledBugs.joined(separator: ", ")) }
        if !violations.isEmpty { lines.append("violations: " + violations.map(\.property).joined(separator: ", ")) }
        if chaos != nil { lines.append("chaos: running") }
        let meters = self.meters
        if !meters.isEmpty { lines.append("meters: " + meters.map { "\($0.name) \($0.text)" }.joined(separator: ", ")) }
        return lines
    }

    /// `nodes`: a line per node, `n1 up leader T2 | log ...`.
    public var nodeLines: [String] {
        (0..<nodeCount).map { index in
            let node = nodes[index]
            let life = lives[index].rawValue
            var line = "n\(index + 1) \(life)"
            if lives[index] != .down { line += " \(node.role)" }
            if let epoch = node.epoch { line += " T\(epoch)" }
            let summary = node.summaryLines.joined(separator: "; ")
            if !summary.isEmpty { line += " | " + summary }
            return line
        }
    }

    /// `inspect NODE`: the node's detail.
    public func inspect(_ id: NodeID) throws(SimulationError) -> [String] {
        try checkNode(id)
        var lines = ["\(id): \(lives[id.index].rawValue), \(nodes[id.index].role)"]
        lines += nodes[id.index].inspect()
        let waiting = backlog[id.index].count
        if waiting > 0 { lines.append("waiting while paused: \(waiting) event\(waiting == 1 ? "" : "s")") }
        return lines
    }
}
