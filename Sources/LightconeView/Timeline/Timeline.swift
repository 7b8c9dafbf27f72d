import LightconeLab
import LightconeSimulation

/// `timeline` and `export timeline`: a space-time diagram of recent messages, one column
/// per node, time downwards, drawn from trace entries (a send paired with its fate by id).
public enum Timeline {
    /// One message of the diagram: sent, then delivered, dropped or held.
    struct Arrow {
        var sentAt: SimTime
        var endedAt: SimTime
        var from: Int
        var to: Int
        var label: String
        /// `>` delivered, `x` dropped, `~` held.
        var fate: Character
    }

    /// The message arrows among `entries`, pairing each send with its fate. A message is
    /// named by the first word of its trace text (`AppendEntries`, `Request`).
    static func arrows(_ entries: [TraceEntry]) -> [Arrow] {
        var sends: [MessageID: (time: SimTime, from: Int, to: Int, label: String)] = [:]
        var arrows: [Arrow] = []
        for entry in entries {
            guard let id = entry.messageID, let a = entry.from, let b = entry.to, a != b else { continue }
            let fate: Character
            switch entry.kind {
            case .send:
                sends[id] = (entry.time, a.index, b.index, entry.text.split(separator: " ").first.map(String.init) ?? "")
                continue
            case .deliver: fate = ">"
            case .hold: fate = "~"
            case .drop: fate = "x"
            default: continue
            }
            guard let send = sends[id] else { continue }
            arrows.append(Arrow(sentAt: send.time, endedAt: entry.time, from: send.from, to: send.to, label: send.label, fate: fate))
        }
        return arrows
    }

    /// Renders the message deliveries and drops among `entries` as a text diagram.
    public static func render(_ entries: [TraceEntry], nodeCount: Int) -> [String] {
        guard nodeCount <= 12 else { return ["timeline draws up to 12 nodes; use `log` for larger clusters"] }
        let columnWidth = 6
        let header = "time      " + (1...nodeCount).map { "n\($0)".padded(to: columnWidth) }.joined()
        var rows: [String] = []
        for arrow in arrows(entries) {
            var cells = [Character](repeating: " ", count: nodeCount * columnWidth)
            for node in 0..<nodeCount { cells[node * columnWidth] = "|" }
            let lo = min(arrow.from, arrow.to) * columnWidth, hi = max(arrow.from, arrow.to) * columnWidth
            for x in lo...hi { cells[x] = "-" }
            cells[arrow.from * columnWidth] = "o"
            cells[arrow.to * columnWidth] = arrow.fate == ">" ? (arrow.to > arrow.from ? ">" : "<") : arrow.fate
            let label = String(arrow.label.prefix(max(1, hi - lo - 2)))
            var x = lo + 1 + max(0, (hi - lo - 1 - label.count) / 2)
            for character in label where x < hi { cells[x] = character; x += 1 }
            rows.append(DurationText.instant(arrow.endedAt).padded(to: 10) + String(cells))
        }
        if rows.isEmpty { return ["no messages yet"] }
        return [header] + rows.suffix(30) + ["o sender  > delivered  x dropped  ~ held"]
    }

    /// The diagram as an SVG picture: node lines across, time downwards, one arrow per message
    /// (the last 200), drops ending in a cross, held messages dashed.
    public static func svg(_ entries: [TraceEntry], nodeCount: Int) -> String {
        let shown = Array(arrows(entries).suffix(200))
        let columnWidth = 120, top = 50, left = 90
        let start = shown.map(\.sentAt).min() ?? 0
        let end = max(shown.map(\.endedAt).max() ?? 1, start + 1)
        let height = 700
        func y(_ time: SimTime) -> Int { top + Int((time - start) * Int64(height) / (end - start)) }
        func x(_ node: Int) -> Int { left + node * columnWidth }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(left + nodeCount * columnWidth)\" height=\"\(top + height + 40)\" font-family=\"monospace\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#1f6feb\"/></marker></defs>\n"
        for node in 0..<nodeCount {
            svg += "<text x=\"\(x(node))\" y=\"\(top - 20)\" text-anchor=\"middle\" font-weight=\"bold\">n\(node + 1)</text>\n"
            svg += "<line x1=\"\(x(node))\" y1=\"\(top)\" x2=\"\(x(node))\" y2=\"\(top + height)\" stroke=\"#888\"/>\n"
        }
        svg += "<text x=\"8\" y=\"\(top)\">\(escape(DurationText.instant(start)))</text>\n"
        svg += "<text x=\"8\" y=\"\(top + height)\">\(escape(DurationText.instant(end)))</text>\n"
        for arrow in shown where arrow.from < nodeCount && arrow.to < nodeCount {
            let x1 = x(arrow.from), y1 = y(arrow.sentAt), y2 = y(arrow.endedAt)
            // A dropped message stops halfway and ends in a cross.
            let x2 = arrow.fate == "x" ? (x1 + x(arrow.to)) / 2 : x(arrow.to)
            let colour = arrow.fate == "x" ? "#d1242f" : "#1f6feb"
            let dash = arrow.fate == "~" ? " stroke-dasharray=\"4 3\"" : ""
            let marker = arrow.fate == ">" ? " marker-end=\"url(#arrow)\"" : ""
            svg += "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(colour)\"\(dash)\(marker)/>\n"
            if arrow.fate == "x" {
                svg += "<text x=\"\(x2)\" y=\"\(y2 + 4)\" text-anchor=\"middle\" fill=\"\(colour)\">✗</text>\n"
            }
            svg += "<text x=\"\((x1 + x2) / 2)\" y=\"\((y1 + y2) / 2 - 3)\" text-anchor=\"middle\" fill=\"#444\">\(escape(arrow.label))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension String {
    /// The text padded with spaces to `width` characters, or followed by one space when longer.
    fileprivate func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
