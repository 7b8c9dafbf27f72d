import LightconeSimulation

extension FrameRenderer {
    /// Rows the log table takes at the bottom of `canvas`: 0 when it is hidden or no node
    /// keeps a log; else a row per node, a header and the frame, at most half the canvas.
    static func logTableRows(snapshot: ClusterSnapshot, state: ViewState, canvas: Rect) -> Int {
        guard state.isLogTableShown, snapshot.nodes.contains(where: { $0.log != nil }) else { return 0 }
        return max(0, min(snapshot.nodes.count + 3, canvas.height / 2))
    }
}

extension FramePainter {
    /// The log table of log-based protocols (RaftScope's picture): one row per node, one
    /// column per index, each cell the entry's term, committed cells marked and coloured.
    /// The newest indices that fit are shown.
    mutating func drawLogTable() {
        let rect = logTableRect
        guard rect.height >= 3, rect.width >= 20 else { return }
        grid.fill(rect, style: style(.text))
        grid.drawBox(rect, line: glyphs.panelBox, style: style(.panelBorder))
        let title = " Log: term per index, \(glyphs.committedMark) committed (F2) "
        grid.put(text: title, x: rect.x + 2, y: rect.y, style: style(.panelTitle), maxWidth: rect.width - 4)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let length = snapshot.nodes.reduce(0) { max($0, $1.log?.length ?? 0) }
        guard length > 0 else {
            grid.put(text: "every log is empty", x: inner.x, y: inner.y, style: style(.faint), maxWidth: inner.width)
            return
        }
        let highestTerm = snapshot.nodes.reduce(0) { most, node in max(most, node.log?.entries.map(\.term).max() ?? 0) }
        let termDigits = String(highestTerm).count
        let cellWidth = max(termDigits + 1, String(length).count) + 1
        let labelWidth = max(6, (snapshot.nodes.map { DisplayWidth.of($0.id.description) }.max() ?? 2) + 3)
        let columns = max(1, (inner.width - labelWidth) / cellWidth)
        let first = max(1, length - columns + 1, length - LogObservation.limit + 1)
        // The header: each index over its column.
        grid.put(text: first > 1 ? "\(glyphs.ellipsis)" : "index", x: inner.x, y: inner.y, style: style(.faint), maxWidth: labelWidth)
        for index in first...length {
            let text = String(index)
            let x = inner.x + labelWidth + (index - first) * cellWidth + max(0, termDigits - text.count)
            grid.put(text: text, x: x, y: inner.y, style: style(.faint))
        }
        for (row, node) in snapshot.nodes.enumerated() where inner.y + 1 + row < inner.maxY {
            let y = inner.y + 1 + row
            var label = node.id.description
            switch node.life {
            case .down: label += " \(glyphs.cross)"
            case .paused: label += " " + String(glyphs.pausedMark.prefix(1))
            case .up: label += " " + String(node.role.prefix(1)).uppercased()
            }
            grid.put(text: label, x: inner.x, y: y, style: style(role(of: node)), maxWidth: labelWidth - 1)
            guard let log = node.log else { continue }
            for entry in log.entries where entry.index >= first && entry.index <= length {
                let term = String(entry.term)
                let x = inner.x + labelWidth + (entry.index - first) * cellWidth + (termDigits - term.count)
                let cellStyle = entry.isCommitted ? style(.goalMet) : style(node.life == .down ? .down : .text)
                grid.put(text: term, x: x, y: y, style: cellStyle)
                if entry.isCommitted { grid.put(glyphs.committedMark, x: x + term.count, y: y, style: cellStyle) }
            }
        }
    }
}
