import LightconeSimulation

extension FramePainter {
    /// The theme role a node is drawn in.
    func role(of node: ClusterSnapshot.NodeView) -> Theme.Role {
        switch node.life {
        case .down: return .down
        case .paused: return .paused
        case .up: return node.isLeader ? .leader : Theme.role(named: node.role)
        }
    }

    /// The role text of a box: `leader`, `✗ down`, `⏸ paused`.
    func roleText(of node: ClusterSnapshot.NodeView) -> String {
        switch node.life {
        case .down: return "\(glyphs.cross) down"
        case .paused: return "\(glyphs.pausedMark) paused"
        case .up: return shown(node.isLeader && node.role != "leader" ? "\(node.role) (leads)" : node.role)
        }
    }

    /// `T3`, or empty when the protocol has no term.
    func epochText(of node: ClusterSnapshot.NodeView) -> String {
        node.epoch.map { "T\($0)" } ?? ""
    }

    mutating func drawNodes() {
        for node in snapshot.nodes {
            let centre = layout.centre(of: node.id)
            switch layout.shape {
            case .box(let width, let height): drawBox(node, centre: centre, width: width, height: height)
            case .label(let width): drawLabel(node, centre: centre, width: width)
            case .dot: drawDot(node, centre: centre)
            }
        }
    }

    mutating func drawBox(_ node: ClusterSnapshot.NodeView, centre: Point, width: Int, height: Int) {
        let rect = layout.shape.rect(centredOn: centre)
        let nodeRole = role(of: node)
        let roleStyle = style(nodeRole)
        var textStyle = nodeRole == .down ? style(.down) : style(.text)
        if state.isPresenterMode { textStyle.attributes.insert(.bold) }
        grid.fill(rect.insetBy(dx: 1, dy: 1), style: textStyle)
        let line: BoxLine = node.isLeader && node.life == .up ? glyphs.leaderBox : glyphs.nodeBox
        grid.drawBox(rect, line: line, style: roleStyle)

        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: width - 4, height: height - 2)
        guard inner.width > 0, inner.height > 0 else { return }
        var idStyle = roleStyle
        idStyle.attributes.insert(.bold)
        let id = node.id.description
        let epoch = epochText(of: node)
        let roleLine = roleText(of: node)
        if inner.height == 1 {
            // One line: `n1 T3 leader`.
            var used = grid.put(text: id, x: inner.x, y: inner.y, style: idStyle, maxWidth: inner.width)
            let rest = [epoch, roleLine].filter { !$0.isEmpty }.joined(separator: " ")
            if used + 1 < inner.width {
                used += 1
                grid.put(text: DisplayWidth.truncate(rest, to: inner.width - used, ellipsis: glyphs.ellipsis),
                         x: inner.x + used, y: inner.y, style: roleStyle)
            }
            return
        }
        // First line: id on the left, term on the right.
        grid.put(text: id, x: inner.x, y: inner.y, style: idStyle, maxWidth: inner.width)
        let epochWidth = DisplayWidth.of(epoch)
        if !epoch.isEmpty && DisplayWidth.of(id) + 1 + epochWidth <= inner.width {
            grid.put(text: epoch, x: inner.maxX - epochWidth, y: inner.y, style: textStyle)
        }
        // Second line: the role.
        grid.put(text: DisplayWidth.truncate(roleLine, to: inner.width, ellipsis: glyphs.ellipsis),
                 x: inner.x, y: inner.y + 1, style: roleStyle)
        // Then the protocol's own lines.
        var faint = nodeRole == .down ? style(.down) : textStyle
        if nodeRole == .down { faint.attributes.insert(.dim) }
        for (offset, text) in node.lines.prefix(inner.height - 2).enumerated() {
            grid.put(text: DisplayWidth.truncate(shown(text), to: inner.width, ellipsis: glyphs.ellipsis),
                     x: inner.x, y: inner.y + 2 + offset, style: faint)
        }
    }

    /// A one-line node: `n3 L T3`, coloured by role.
    mutating func drawLabel(_ node: ClusterSnapshot.NodeView, centre: Point, width: Int) {
        let nodeRole = role(of: node)
        var parts = [node.id.description]
        switch node.life {
        case .down: parts.append(String(glyphs.cross))
        case .paused: parts.append(glyphs.pausedMark)
        case .up: parts.append(node.isLeader ? "L" : String(node.role.prefix(1)).uppercased())
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
        if node.isLeader { labelStyle.attributes.insert(.reverse) }
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
