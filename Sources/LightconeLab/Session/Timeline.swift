import LightconeSimulation

/// `timeline`: a space-time diagram of recent messages, one column per node, time downwards.
enum Timeline {
    /// Renders the message deliveries and drops among `lines` (trace lines) as a diagram.
    static func render(_ lines: [String], nodeCount: Int) -> [String] {
        guard nodeCount <= 12 else { return ["timeline draws up to 12 nodes; use `log` for larger clusters"] }
        // Pair sends with their fate by message id.
        var sends: [String: (time: String, from: Int, to: Int, label: String)] = [:]
        var rows: [String] = []
        let columnWidth = 6
        let header = "time      " + (1...nodeCount).map { "n\($0)".padding(columnWidth) }.joined()
        for line in lines {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 3, words[1].hasPrefix("#") else { continue }
            let id = words[1]
            let ends = words[2].components(separatedByArrow: "->")
            guard ends.count == 2, let a = NodeID(name: ends[0]), let b = NodeID(name: ends[1]), a != b else { continue }
            if words.count >= 4 && words[3] != "delivered" && words[3] != "dropped" && words[3] != "held" {
                sends[id] = (words[0], a.index, b.index, words[3])
                continue
            }
            guard let send = sends[id], words.count >= 4 else { continue }
            let fate = words[3] == "delivered" ? ">" : words[3] == "held" ? "~" : "x"
            var cells = [Character](repeating: " ", count: nodeCount * columnWidth)
            for node in 0..<nodeCount { cells[node * columnWidth] = "|" }
            let lo = min(send.from, send.to) * columnWidth, hi = max(send.from, send.to) * columnWidth
            for x in lo...hi { cells[x] = "-" }
            cells[send.from * columnWidth] = "o"
            cells[send.to * columnWidth] = fate == ">" ? (send.to > send.from ? ">" : "<") : Character(fate)
            let label = String(send.label.prefix(max(1, hi - lo - 2)))
            var x = lo + 1 + max(0, (hi - lo - 1 - label.count) / 2)
            for character in label where x < hi { cells[x] = character; x += 1 }
            let time = String(words[0].dropFirst(2))
            rows.append(time.padding(10) + String(cells))
        }
        if rows.isEmpty { return ["no messages yet"] }
        return [header] + rows.suffix(30) + ["o sender  > delivered  x dropped  ~ held"]
    }
}
