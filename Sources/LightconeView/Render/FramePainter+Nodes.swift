import LightconeSimulation

extension FramePainter {
    /// The theme role a node is drawn in.
    func role(of node: ClusterSnapshot.NodeView) -> Theme.Role {
        switch node.life {
        case .down: return .down
        case .paused: return .paused
        case .up: return node.isLeader ? .leader : Theme.role(kind: node.roleKind)
        }
    }

    /// The role text of a box: `leader`, `✗ down`, `‖ paused`.
    func roleText(of node: ClusterSnapshot.NodeView) -> String {
        switch node.life {
        case .down: return "\(glyphs.cross) down"
        case .paused: return "\(glyphs.pausedMark) paused"
        case .up: return shown(node.isLeader && node.roleKind != .leading ? "\(node.role) (leads)" : node.role)
        }
    }

    /// `T3`, or empty when the protocol has no term.
    func epochText(of node: ClusterSnapshot.NodeView) -> String {
        node.epoch.map { "T\($0)" } ?? ""
    }

    /// True for the node `inspect` shows in the side panel.
    func isInspected(_ id: NodeID) -> Bool {
        if case .inspect(let inspected, _) = state.sidePanel { return inspected == id }
        return false
    }

    /// The style of a protocol's mark line: the mark style, reversed on the focus node, faint
    /// on nodes outside what is marked.
    func markStyle(_ mark: NodeMark) -> CellStyle {
        switch mark.kind {
        case .focus:
            var focus = style(.mark)
            focus.attributes.insert(.reverse)
            return focus
        case .marked: return style(.mark)
        case .outside: return style(.faint)
        }
    }

    mutating func drawNodes() {
        var widestRole = 0
        if case .box(let width, _) = layout.shape, width <= 14 {
            for node in snapshot.nodes { widestRole = max(widestRole, DisplayWidth.of(roleText(of: node))) }
        }
        for node in snapshot.nodes {
            let centre = layout.centre(of: node.id)
            switch layout.shape {
            case .box(let width, let height): drawBox(node, centre: centre, width: width, height: height, widestRole: widestRole)
            case .label(let width): drawLabel(node, centre: centre, width: width)
            case .dot: drawDot(node, centre: centre)
            }
        }
    }

    mutating func drawBox(_ node: ClusterSnapshot.NodeView, centre: Point, width: Int, height: Int, widestRole: Int) {
        let rect = layout.shape.rect(centredOn: centre)
        let nodeRole = role(of: node)
        let roleStyle = style(nodeRole)
        var textStyle = nodeRole == .down ? style(.down) : style(.text)
        if state.isPresenterMode { textStyle.attributes.insert(.bold) }
        grid.fill(rect.insetBy(dx: 1, dy: 1), style: textStyle)
        let line: BoxLine = node.isLeader && node.life == .up ? glyphs.leaderBox : glyphs.nodeBox
        grid.drawBox(rect, line: line, style: roleStyle)

        // Narrow boxes give up the padding inside the frame rather than a letter of a role.
        // A one-line box (`n1 follower T3`) also gives it up rather than a letter of its role.
        let oneLine = DisplayWidth.of(node.id.description) + 1 + widestRole
        let padding = width <= 11 || width - 4 < widestRole || (height <= 4 && width - 4 < oneLine) ? 1 : 2
        let inner = Rect(x: rect.x + padding, y: rect.y + 1, width: width - 2 * padding, height: height - 2)
        guard inner.width > 0, inner.height > 0 else { return }
        var idStyle = roleStyle
        idStyle.attributes.insert(.bold)
        if isInspected(node.id) { idStyle.attributes.insert(.reverse) }
        let id = node.id.description
        let epoch = epochText(of: node)
        let roleLine = roleText(of: node)
        var faint = nodeRole == .down ? style(.down) : textStyle
        if nodeRole == .down { faint.attributes.insert(.dim) }
        let epochWidth = DisplayWidth.of(epoch)
        if inner.height <= 2 {
            // `n1 leader  T3`, then (with room) the protocol's first line: the state tail
            // says more than a role the colour already shows.
            var used = grid.put(text: id, x: inner.x, y: inner.y, style: idStyle, maxWidth: inner.width)
            let showsEpoch = !epoch.isEmpty && used + 1 + DisplayWidth.of(roleLine) + 1 + epochWidth <= inner.width
            let roleRoom = inner.width - used - 1 - (showsEpoch ? epochWidth + 1 : 0)
            if roleRoom > 0 {
                used += 1
                grid.put(text: DisplayWidth.truncate(roleLine, to: roleRoom, ellipsis: glyphs.ellipsis),
                         x: inner.x + used, y: inner.y, style: roleStyle)
            }
            if showsEpoch { grid.put(text: epoch, x: inner.maxX - epochWidth, y: inner.y, style: textStyle) }
            if inner.height == 2, let mark = node.mark {
                grid.put(text: DisplayWidth.truncate(shown(mark.text), to: inner.width, ellipsis: glyphs.ellipsis),
                         x: inner.x, y: inner.y + 1, style: markStyle(mark))
            } else if inner.height == 2, let first = protocolLines(of: node, rows: 1, width: inner.width).first {
                grid.put(text: DisplayWidth.truncate(shown(first), to: inner.width, ellipsis: glyphs.ellipsis),
                         x: inner.x, y: inner.y + 1, style: faint)
            }
            drawTimerBar(node, box: rect)
            return
        }
        // First line: id on the left, term on the right.
        grid.put(text: id, x: inner.x, y: inner.y, style: idStyle, maxWidth: inner.width)
        if !epoch.isEmpty && DisplayWidth.of(id) + 1 + epochWidth <= inner.width {
            grid.put(text: epoch, x: inner.maxX - epochWidth, y: inner.y, style: textStyle)
        }
        // Second line: the role.
        grid.put(text: DisplayWidth.truncate(roleLine, to: inner.width, ellipsis: glyphs.ellipsis),
                 x: inner.x, y: inner.y + 1, style: roleStyle)
        // Then the protocol's styled mark, if any, and its own lines.
        var top = inner.y + 2
        if let mark = node.mark {
            grid.put(text: DisplayWidth.truncate(shown(mark.text), to: inner.width, ellipsis: glyphs.ellipsis),
                     x: inner.x, y: top, style: markStyle(mark))
            top += 1
        }
        for (offset, text) in protocolLines(of: node, rows: max(0, inner.maxY - top), width: inner.width).enumerated() {
            grid.put(text: DisplayWidth.truncate(shown(text), to: inner.width, ellipsis: glyphs.ellipsis),
                     x: inner.x, y: top + offset, style: faint)
        }
        drawTimerBar(node, box: rect)
    }

    /// The protocol's lines for `rows` rows of a box `width` wide: for a node with a log, its
    /// newest entries (`3:x=1✓ 4:y=2`) in place of the first line, on every row they fill (the
    /// committed marks say what a `commit N` line would), then the other lines in the rows
    /// left; else the lines as given. (The protocol's mark, `⚠ stale x=1`, is drawn above them.)
    func protocolLines(of node: ClusterSnapshot.NodeView, rows: Int, width: Int) -> [String] {
        guard rows > 0 else { return [] }
        guard let log = node.log else { return Array(node.lines.prefix(rows)) }
        let entries = logLines(log, rows: rows, width: width)
        return entries + node.lines.dropFirst().prefix(rows - entries.count)
    }

    /// The newest entries of `log` packed into at most `rows` lines of `width`, newest last,
    /// each `index:value` with a mark when committed; `log empty` for an empty log.
    func logLines(_ log: LogObservation, rows: Int, width: Int) -> [String] {
        guard !log.entries.isEmpty else { return ["log empty"] }
        var lines: [String] = []
        var current: [String] = []
        var currentWidth = -1
        for entry in log.entries.reversed() {
            let token = "\(entry.index):\(entry.value)" + (entry.isCommitted ? String(glyphs.committedMark) : "")
            let tokenWidth = DisplayWidth.of(token)
            if currentWidth + 1 + tokenWidth > width, !current.isEmpty {
                lines.append(current.reversed().joined(separator: " "))
                if lines.count == rows { break }
                current = []
                currentWidth = -1
            }
            current.append(token)
            currentWidth += 1 + tokenWidth
        }
        if lines.count < rows, !current.isEmpty { lines.append(current.reversed().joined(separator: " ")) }
        return lines.reversed()
    }

    /// A node's running-out timer (Raft's election timeout) as a bar along the bottom of its
    /// box: heavy for the part still to run, so the shortest bar times out next.
    mutating func drawTimerBar(_ node: ClusterSnapshot.NodeView, box: Rect) {
        guard node.life == .up, let countdown = node.countdown, box.width > 4 else { return }
        let length = box.width - 2
        let left = roundInt(countdown.remaining(at: snapshot.time) * Double(length))
        var barStyle = style(.candidate)
        barStyle.attributes.insert(.bold)
        let y = box.maxY - 1
        for column in 0..<length {
            grid.putNarrow(column < left ? glyphs.timerLeft : glyphs.timerGone, x: box.x + 1 + column, y: y,
                           style: column < left ? barStyle : style(role(of: node)))
        }
    }

    /// A one-line node: `n3 L T3`, coloured by role.
    mutating func drawLabel(_ node: ClusterSnapshot.NodeView, centre: Point, width: Int) {
        let nodeRole = role(of: node)
        var parts = [node.id.description]
        switch node.life {
        case .down: parts.append(String(glyphs.cross))
        case .paused: parts.append(glyphs.pausedMark)
        case .up:
            // Initials only for the roles that matter (L, F, C); `node` says nothing.
            switch role(of: node) {
            case .leader: parts.append("L")
            case .follower, .candidate: parts.append(String(node.role.prefix(1)).uppercased())
            default: break
            }
        }
        if let epoch = node.epoch { parts.append("T\(epoch)") }
        var text = ""
        for part in parts {
            let candidate = text.isEmpty ? part : text + " " + part
            if DisplayWidth.of(candidate) > width { break }
            text = candidate
        }
        if text.isEmpty { text = DisplayWidth.truncate(node.id.description, to: width, ellipsis: glyphs.ellipsis) }
        var labelStyle = style(nodeRole)
        if node.isLeader || isInspected(node.id) { labelStyle.attributes.insert(.reverse) }
        if let mark = node.mark, mark.kind != .outside { labelStyle.attributes.insert(.underline) }
        let x = roundInt(centre.x - Double(DisplayWidth.of(text)) / 2)
        grid.put(text: text, x: x, y: floorInt(centre.y), style: labelStyle)
    }

    /// A one-cell node for big clusters.
    mutating func drawDot(_ node: ClusterSnapshot.NodeView, centre: Point) {
        let nodeRole = role(of: node)
        let character: Character = node.life == .down ? glyphs.cross : (node.isLeader ? (glyphs.isASCII ? "@" : "◆") : glyphs.nodeDot)
        grid.put(character, x: floorInt(centre.x), y: floorInt(centre.y), style: style(nodeRole))
    }

    /// Red banner on the canvas's top row for safety violations: they must not be missed.
    mutating func drawViolations() {
        guard let first = snapshot.violations.first else { return }
        var text = shown("\(glyphs.cross) VIOLATION \(first.property): \(first.message)")
        if snapshot.violations.count > 1 { text += " (+\(snapshot.violations.count - 1) more)" }
        let row = screen.canvas.y
        let width = screen.canvas.width
        let shown = " " + DisplayWidth.truncate(text, to: width - 2, ellipsis: glyphs.ellipsis) + " "
        grid.put(text: shown, x: screen.canvas.x, y: row, style: style(.alert), maxWidth: width)
    }

    /// The partition walls: a full-height line between neighbouring groups.
    mutating func drawWalls() {
        guard snapshot.groups.count > 1 else { return }
        let wallStyle = style(.wall)
        for x in layout.walls {
            grid.drawVerticalLine(x: x, y: screen.canvas.y, length: screen.canvas.height, character: glyphs.wall, style: wallStyle)
        }
    }
}
