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

    /// A thing that happened on a lane or to the whole cluster, for the SVG picture.
    struct Marker {
        enum Kind { case fault, leader, commit }
        var time: SimTime
        var kind: Kind
        /// The node, for leader changes and commits (and `kill`/`restart`); nil for the cluster.
        var node: Int?
        var text: String
    }

    /// The partitions, cuts and other faults, leader changes (`became leader at term 2`) and
    /// commits (`committed 3 (term 1)`) among `entries`.
    static func markers(_ entries: [TraceEntry]) -> [Marker] {
        var markers: [Marker] = []
        for entry in entries {
            switch entry.kind {
            case .fault:
                markers.append(Marker(time: entry.time, kind: .fault, node: nil, text: entry.text))
            case .note:
                guard let node = entry.node?.index else { continue }
                if entry.text.hasPrefix("became leader") {
                    let term = entry.text.split(separator: " ").last.map(String.init) ?? ""
                    markers.append(Marker(time: entry.time, kind: .leader, node: node, text: "leader T\(term)"))
                } else if entry.text.hasPrefix("committed ") {
                    let index = entry.text.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                    markers.append(Marker(time: entry.time, kind: .commit, node: node, text: "commit \(index)"))
                }
            default: continue
            }
        }
        return markers
    }

    /// Places labels so that none overlaps another: each label tries its candidate spots in
    /// order and takes the first free one, or is left out (its arrow or mark stays).
    struct LabelPlacer {
        var taken: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        /// A label's width in pixels at font size 12 (7 px a character, and a margin).
        static func width(_ text: String) -> Int { text.count * 7 + 4 }

        /// The first of `spots` (the label's left x and baseline y) where a `width`-pixel label is free.
        mutating func place(_ width: Int, at spots: [(x: Int, y: Int)]) -> (x: Int, y: Int)? {
            for spot in spots {
                let box = (x0: spot.x, y0: spot.y - 11, x1: spot.x + width, y1: spot.y + 2)
                if !taken.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) {
                    taken.append(box)
                    return spot
                }
            }
            return nil
        }
    }

    /// The diagram as an SVG picture: node lines down the page, time downwards, one arrow per
    /// message (the last 600), drops ending in a cross, held messages dashed; partitions as a
    /// red band from the partition to the heal, other faults as red lines across the lanes,
    /// leader changes (yellow) and commits (green) as marks on their node's lane. Labels are
    /// placed so that none covers another; a label with no free spot is left out.
    public static func svg(_ entries: [TraceEntry], nodeCount: Int) -> String {
        let shown = Array(arrows(entries).suffix(600))
        let columnWidth = 120, top = 50, left = 90, margin = 240
        let allMarkers = markers(entries)
        let first = shown.map(\.sentAt).min() ?? allMarkers.map(\.time).min() ?? 0
        let shownMarkers = allMarkers.filter { $0.time >= first }
        let start = first
        let end = max(max(shown.map(\.endedAt).max() ?? 0, shownMarkers.map(\.time).max() ?? 0), start + 1)
        // Taller for more messages (3 px each), from 700 to 1800 px.
        let height = min(1800, max(700, shown.count * 3))
        func y(_ time: SimTime) -> Int { top + Int((min(max(time, start), end) - start) * Int64(height) / (end - start)) }
        func x(_ node: Int) -> Int { left + node * columnWidth }
        let lanesRight = x(max(0, nodeCount - 1)) + columnWidth / 2
        var placer = LabelPlacer()
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(left + nodeCount * columnWidth + margin)\" height=\"\(top + height + 40)\" font-family=\"monospace\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        svg += "<defs><marker id=\"arrow\" markerWidth=\"8\" markerHeight=\"8\" refX=\"7\" refY=\"4\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#1f6feb\"/></marker></defs>\n"
        // Partitions: a band from each partition (or isolate) to the next heal, or the end.
        var partitionStart: SimTime?
        for marker in allMarkers where marker.kind == .fault {
            if marker.text.hasPrefix("partition") || marker.text.hasPrefix("isolate") {
                partitionStart = partitionStart ?? marker.time
            } else if marker.text == "heal", let from = partitionStart {
                if marker.time >= start { svg += band(from: y(from), to: y(marker.time), left: left - 40, right: lanesRight) }
                partitionStart = nil
            }
        }
        if let from = partitionStart { svg += band(from: y(from), to: y(end), left: left - 40, right: lanesRight) }
        for node in 0..<nodeCount {
            svg += "<text x=\"\(x(node))\" y=\"\(top - 20)\" text-anchor=\"middle\" font-weight=\"bold\">n\(node + 1)</text>\n"
            svg += "<line x1=\"\(x(node))\" y1=\"\(top)\" x2=\"\(x(node))\" y2=\"\(top + height)\" stroke=\"#888\"/>\n"
        }
        svg += "<text x=\"8\" y=\"\(top)\">\(escape(DurationText.instant(start)))</text>\n"
        svg += "<text x=\"8\" y=\"\(top + height)\">\(escape(DurationText.instant(end)))</text>\n"
        _ = placer.place(80, at: [(8, top)])
        _ = placer.place(80, at: [(8, top + height)])
        // Faults across the lanes, labelled in the right margin (moved down when they crowd).
        for marker in shownMarkers where marker.kind == .fault {
            let at = y(marker.time)
            svg += "<line x1=\"\(left - 40)\" y1=\"\(at)\" x2=\"\(lanesRight)\" y2=\"\(at)\" stroke=\"#d1242f\" stroke-dasharray=\"6 3\"/>\n"
            let label = "t=\(DurationText.instant(marker.time)) \(marker.text)"
            let spots: [(x: Int, y: Int)] = (0..<40).map { (step: Int) -> (x: Int, y: Int) in (x: lanesRight + 8, y: at + 4 + step * 13) }
            if let spot = placer.place(LabelPlacer.width(label), at: spots) {
                svg += "<text x=\"\(spot.x)\" y=\"\(spot.y)\" fill=\"#d1242f\">\(escape(label))</text>\n"
            }
        }
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
            // The label along its arrow: the middle first, then further along either way.
            let width = LabelPlacer.width(arrow.label)
            let spots: [(x: Int, y: Int)] = [500, 350, 650, 250, 750].map { (permille: Int) -> (x: Int, y: Int) in
                let along: Int = x1 + (x2 - x1) * permille / 1000 - width / 2
                return (x: along, y: y1 + (y2 - y1) * permille / 1000 - 3)
            }
            if let spot = placer.place(width, at: spots) {
                svg += "<text x=\"\(spot.x + width / 2)\" y=\"\(spot.y)\" text-anchor=\"middle\" fill=\"#444\">\(escape(arrow.label))</text>\n"
            }
        }
        // Leader changes and commits on their lanes, labelled beside them.
        for marker in shownMarkers where marker.kind != .fault {
            guard let node = marker.node, node < nodeCount else { continue }
            let cx = x(node), cy = y(marker.time)
            let isLeader = marker.kind == .leader
            let colour = isLeader ? "#bf8700" : "#1a7f37"
            svg += isLeader
                ? "<circle cx=\"\(cx)\" cy=\"\(cy)\" r=\"6\" fill=\"#ffd33d\" stroke=\"\(colour)\"/>\n"
                : "<rect x=\"\(cx - 4)\" y=\"\(cy - 4)\" width=\"8\" height=\"8\" fill=\"#2da44e\" transform=\"rotate(45 \(cx) \(cy))\"/>\n"
            let width = LabelPlacer.width(marker.text)
            var spots: [(x: Int, y: Int)] = []
            for step in 0..<6 {
                let below: Int = cy + 4 + step * 13
                spots.append((x: cx + 9, y: below))
                spots.append((x: cx - 9 - width, y: below))
            }
            if let spot = placer.place(width, at: spots) {
                svg += "<text x=\"\(spot.x)\" y=\"\(spot.y)\" fill=\"\(colour)\" font-weight=\"bold\">\(escape(marker.text))</text>\n"
            }
        }
        svg += "</svg>\n"
        return svg
    }

    /// A partition's red band behind the lanes.
    static func band(from y1: Int, to y2: Int, left: Int, right: Int) -> String {
        "<rect x=\"\(left)\" y=\"\(y1)\" width=\"\(right - left)\" height=\"\(max(1, y2 - y1))\" fill=\"#d1242f\" fill-opacity=\"0.08\"/>\n"
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
