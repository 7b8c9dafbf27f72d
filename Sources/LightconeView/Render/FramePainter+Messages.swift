import LightconeSimulation

/// Where on its link a lost message visibly dies (the simulation loses it "somewhere").
let lossPoint = 0.6

extension FramePainter {
    /// The part of the segment between two node centres that lies outside both nodes,
    /// keeping `margin` columns clear of each node (for a label); nil for a node's link to itself.
    func linkSpan(from: NodeID, to: NodeID, margin: Int) -> (start: Point, end: Point, tStart: Double, tEnd: Double)? {
        guard from != to else { return nil }
        let a = layout.centre(of: from), b = layout.centre(of: to)
        let dx = b.x - a.x, dy = b.y - a.y
        guard abs(dx) > 0.01 || abs(dy) > 0.01 else { return nil }
        let hx = Double(layout.shape.width) / 2 + Double(margin) + 0.5
        let hy = Double(layout.shape.height) / 2 + 0.5
        // Parameter at which the ray from a centre leaves a box of half-size hx, hy.
        let exit = min(abs(dx) > 0.01 ? hx / abs(dx) : .infinity, abs(dy) > 0.01 ? hy / abs(dy) : .infinity)
        var tStart = exit, tEnd = 1 - exit
        if tStart > tEnd { tStart = 0.5; tEnd = 0.5 }
        return (Point(x: a.x + dx * tStart, y: a.y + dy * tStart), Point(x: a.x + dx * tEnd, y: a.y + dy * tEnd), tStart, tEnd)
    }

    /// Where a tag (marker and label) `width` columns wide stands `progress` (0...1) of the
    /// way along the link: its left column and its row. The tag leaves the sender just outside
    /// its box and reaches the receiver just outside its box; on a link cut by a partition it
    /// stops in front of the wall.
    func tagPlacement(from: NodeID, to: NodeID, progress: Double, width: Int) -> (x: Int, y: Int)? {
        guard let span = linkSpan(from: from, to: to, margin: 0) else { return nil }
        let w = Double(width)
        let dx = span.end.x - span.start.x
        let isRightward = dx >= 0
        var p = min(1, max(0, progress))
        // A one-way cut stops the message in the middle of its link, where the cut is drawn.
        if isCut(from, to) && !isPartitioned(from, to) {
            let length = max(abs(span.end.x - span.start.x), abs(span.end.y - span.start.y) * 2)
            p = min(p, max(0, 0.5 - (w + 1) / max(1, length)))
        }
        if isPartitioned(from, to), let wall = firstWall(from: from, to: to) {
            // The tag's left edge is start.x + p*dx - w*p (rightward) or start.x + p*dx - w*(1-p).
            if isRightward {
                let slope = dx - w, room = Double(wall) - 1 - w - span.start.x
                p = min(p, max(0, slope > 0.01 ? room / slope : (room >= 0 ? 1 : 0)))
            } else {
                let slope = dx + w, room = Double(wall) + 2 + w - span.start.x
                p = min(p, max(0, slope < -0.01 ? room / slope : (room <= 0 ? 1 : 0)))
            }
        }
        let point = span.start.interpolated(to: span.end, fraction: p)
        var left = roundInt(point.x - w * (isRightward ? p : 1 - p))
        // No room between the sender and the wall: the tag still never crosses it.
        if isPartitioned(from, to), let wall = firstWall(from: from, to: to) {
            left = isRightward ? min(left, wall - 1 - width) : max(left, wall + 2)
        }
        return (left, floorInt(point.y))
    }

    /// The column of the first wall between `from` and `to`, in their direction of travel.
    func firstWall(from: NodeID, to: NodeID) -> Int? {
        let regionFrom = layout.region(of: from), regionTo = layout.region(of: to)
        if regionFrom < regionTo, regionFrom < layout.walls.count { return layout.walls[regionFrom] }
        if regionFrom > regionTo, regionFrom >= 1, regionFrom - 1 < layout.walls.count { return layout.walls[regionFrom - 1] }
        return nil
    }

    /// True when `cut from->to` blocks the link.
    func isCut(_ from: NodeID, _ to: NodeID) -> Bool {
        !snapshot.cuts.isEmpty && snapshot.cuts.contains(Link(from, to))
    }

    /// A cut link: a mark in the middle of the link, on the side of the cut direction.
    mutating func drawCuts() {
        guard case .box = layout.shape else { return }
        for link in snapshot.cuts where !isPartitioned(link.from, link.to) {
            guard let span = linkSpan(from: link.from, to: link.to, margin: 0) else { continue }
            let middle = span.start.interpolated(to: span.end, fraction: 0.5)
            let x = floorInt(middle.x), y = floorInt(middle.y)
            guard screen.canvas.contains(x: x, y: y) else { continue }
            grid.putNarrow(glyphs.cutMark, x: x, y: y, style: style(.wall))
        }
    }

    /// An arrow-like marker for the direction of travel (cells are about twice as tall as wide).
    func marker(from: NodeID, to: NodeID) -> Character {
        let a = layout.centre(of: from), b = layout.centre(of: to)
        let dx = b.x - a.x, dy = (b.y - a.y) * 2
        if abs(dx) >= abs(dy) { return dx >= 0 ? glyphs.right : glyphs.left }
        return dy >= 0 ? glyphs.down : glyphs.up
    }

    /// A message's label as drawn: `AE`, or `[AE]` in presenter mode, at most 8 columns.
    func labelText(_ label: String) -> String {
        let short = DisplayWidth.truncate(shown(label), to: 8, ellipsis: glyphs.ellipsis)
        return state.isPresenterMode ? "[\(short)]" : short
    }

    /// Text from outside the view (protocols, lessons, the log) as it may be drawn: ASCII
    /// only in `--ascii` mode.
    func shown(_ text: String) -> String {
        state.isASCII ? ShownText.asciiOnly(text) : text
    }

    /// Writes a marker and label near `progress` of the way from `from` to `to`, on cells no
    /// other tag or node takes: at that point if free, else shifted along the link (a tag's
    /// width at a time), else a row off it, else the marker alone; nothing when even that has
    /// no room. Without `showsLabel`, only the marker. Returns where the tag went.
    @discardableResult
    mutating func drawTag(marker: Character, label: String, labelWidth: Int? = nil, labelScalars: [Unicode.Scalar]? = nil,
                          from: NodeID, to: NodeID, progress: Double,
                          style: CellStyle, showsLabel: Bool = true, occupancy: inout TagOccupancy) -> Rect? {
        let text = showsLabel ? label : ""
        let width = 1 + (showsLabel ? labelWidth ?? DisplayWidth.of(text) : 0)
        guard let place = freePlace(from: from, to: to, progress: progress, width: width, occupancy: occupancy) else {
            guard showsLabel, !text.isEmpty else { return nil }
            return drawTag(marker: marker, label: label, from: from, to: to, progress: progress, style: style, showsLabel: false,
                           occupancy: &occupancy)
        }
        occupancy.takeTag(x: place.x, y: place.y, width: width)
        grid.put(marker, x: place.x, y: place.y, style: style)
        if let labelScalars, showsLabel {
            grid.putNarrow(scalars: labelScalars, x: place.x + 1, y: place.y, style: style)
        } else if !text.isEmpty {
            grid.put(text: text, x: place.x + 1, y: place.y, style: style)
        }
        let rect = Rect(x: place.x, y: place.y, width: width, height: 1)
        placedTags?.append(rect)
        return rect
    }

    /// The first free spot for a tag `width` wide near `progress` along the link.
    func freePlace(from: NodeID, to: NodeID, progress: Double, width: Int, occupancy: TagOccupancy) -> (x: Int, y: Int)? {
        guard let span = linkSpan(from: from, to: to, margin: 0) else { return nil }
        let length = max(1, max(abs(span.end.x - span.start.x), abs(span.end.y - span.start.y) * 2))
        let step = Double(width + 1) / length
        var first: (x: Int, y: Int)?
        for shift in [0, 1, -1, 2, -2, 3, -3, 4, -4] {
            let p = progress + Double(shift) * step
            if shift != 0 && (p < -0.001 || p > 1.001) { continue }
            guard let place = tagPlacement(from: from, to: to, progress: min(1, max(0, p)), width: width) else { continue }
            if first == nil { first = place }
            if occupancy.isFree(x: place.x, y: place.y, width: width) { return place }
        }
        guard let first else { return nil }
        for row in [-1, 1] where occupancy.isFree(x: first.x, y: first.y + row, width: width) {
            return (first.x, first.y + row)
        }
        return nil
    }

    /// The cells tags may not use: the nodes, the log table, the violation banner.
    func tagOccupancy() -> TagOccupancy {
        var area = screen.canvas
        if logTableRect.height > 0 { area.height = max(0, logTableRect.y - area.y) }
        var occupancy = TagOccupancy(area: area)
        if !snapshot.violations.isEmpty { occupancy.take(Rect(x: area.x, y: area.y, width: area.width, height: 1)) }
        for node in snapshot.nodes {
            let centre = layout.centre(of: node.id)
            switch layout.shape {
            case .box, .label: occupancy.take(layout.shape.rect(centredOn: centre))
            case .dot: occupancy.take(Rect(x: floorInt(centre.x), y: floorInt(centre.y), width: 1, height: 1))
            }
        }
        return occupancy
    }

    /// Progress (0...1) of a message through its flight at the snapshot's time.
    func progress(sentAt: SimTime, arrivesAt: SimTime, at time: SimTime) -> Double {
        guard arrivesAt > sentAt else { return time >= arrivesAt ? 1 : 0 }
        return min(1, max(0, Double(time - sentAt) / Double(arrivesAt - sentAt)))
    }

    /// Faint dotted lines along the links that carry messages now, at most 40 of them.
    mutating func drawLinks() {
        guard case .box = layout.shape else { return }
        var drawn: [Int] = []
        let count = layout.centres.count
        let linkStyle = style(.link)
        var links = snapshot.messages.map { Link($0.from, $0.to) }
        links += snapshot.cuts
        for link in links where link.from != link.to {
            let a = min(link.from.index, link.to.index), b = max(link.from.index, link.to.index)
            guard a >= 0, b < count else { continue }
            let key = a * count + b
            if drawn.contains(key) { continue }
            drawn.append(key)
            if drawn.count > 40 { break }
            drawLink(NodeID(index: a), NodeID(index: b), style: linkStyle)
        }
    }

    /// One dotted line between two nodes, over blank cells only, broken by walls.
    mutating func drawLink(_ a: NodeID, _ b: NodeID, style: CellStyle) {
        guard let span = linkSpan(from: a, to: b, margin: 0) else { return }
        let dx = span.end.x - span.start.x, dy = span.end.y - span.start.y
        let steps = ceilInt(max(abs(dx), abs(dy) * 2))
        guard steps > 0, steps < 1000 else { return }
        let wall = isPartitioned(a, b) ? firstWall(from: a, to: b) : nil
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            let x = floorInt(span.start.x + dx * t), y = roundInt(span.start.y + dy * t)
            if let wall, x >= wall - 1, x <= wall + 1 { continue }
            guard screen.canvas.contains(x: x, y: y) else { continue }
            if grid.isBlank(x: x, y: y) { grid.putNarrow(glyphs.linkDot, x: x, y: y, style: style) }
        }
    }

    /// The messages in flight, then the dying ones, each tag placed clear of the others.
    mutating func drawMessagesAndDrops() {
        var occupancy = tagOccupancy()
        drawMessages(&occupancy)
        drawDrops(&occupancy)
    }

    mutating func drawMessages(_ occupancy: inout TagOccupancy) {
        let now = snapshot.time
        // A cluster has a handful of labels: each is shaped (truncated, bracketed) once.
        var shaped: [(label: String, text: String, width: Int, scalars: [Unicode.Scalar]?)] = []
        for message in snapshot.messages where message.from != message.to {
            let label: String, labelWidth: Int, labelScalars: [Unicode.Scalar]?
            if let known = shaped.first(where: { $0.label == message.label }) {
                (label, labelWidth, labelScalars) = (known.text, known.width, known.scalars)
            } else {
                label = labelText(message.label)
                labelWidth = DisplayWidth.of(label)
                // One narrow scalar per column (`AE✓`): drawn without taking graphemes apart.
                let scalars = Array(label.unicodeScalars)
                labelScalars = scalars.count == labelWidth && scalars.allSatisfy({ DisplayWidth.of(scalar: $0) == 1 }) ? scalars : nil
                shaped.append((message.label, label, labelWidth, labelScalars))
            }
            var messageStyle = style(message.isReply ? .reply : .request)
            var marker = self.marker(from: message.from, to: message.to)
            let where_: Double
            switch message.state {
            case .travelling:
                let p = progress(sentAt: message.sentAt, arrivesAt: message.arrivesAt, at: now)
                if message.isLost && p >= lossPoint {
                    // The network has lost it: it dies here, and `drops` takes over on arrival.
                    drawDying(label: label, from: message.from, to: message.to, progress: lossPoint, age: 0, occupancy: &occupancy)
                    continue
                }
                where_ = p
            case .held:
                where_ = 0
                messageStyle = style(.held)
                marker = glyphs.heldMark
            case .waiting:
                where_ = 1
                messageStyle = style(.held)
                marker = glyphs.heldMark
            }
            if message.isQuiet {
                // Nothing new in it: a faint marker, no label.
                messageStyle = style(.link)
            }
            drawTag(marker: marker, label: label, labelWidth: labelWidth, labelScalars: labelScalars,
                    from: message.from, to: message.to, progress: where_,
                    style: messageStyle, showsLabel: !message.isQuiet, occupancy: &occupancy)
        }
    }

    mutating func drawDrops(_ occupancy: inout TagOccupancy) {
        let now = snapshot.time
        let fade = max(1, state.dropFadeDuration)
        for drop in snapshot.drops where drop.from != drop.to {
            let age = now - drop.droppedAt
            guard age >= 0, age <= fade else { continue }
            // A message that died at a wall already healed away has nowhere left to be shown.
            if drop.reason == "partition" && !isPartitioned(drop.from, drop.to) { continue }
            // Dropped on arrival at a cut or wall: `tagPlacement` stops it in front of it.
            let p = drop.reason == "loss" ? lossPoint : progress(sentAt: drop.sentAt, arrivesAt: drop.arrivesAt, at: drop.droppedAt)
            drawDying(label: labelText(drop.label), from: drop.from, to: drop.to, progress: p, age: Double(age) / Double(fade),
                      occupancy: &occupancy)
        }
    }

    /// A dying message: `✗AE` at first, then a fading `✗`.
    mutating func drawDying(label: String, from: NodeID, to: NodeID, progress: Double, age: Double, occupancy: inout TagOccupancy) {
        var dyingStyle = style(.dropped)
        if age >= 0.5 {
            dyingStyle.attributes.remove(.bold)
            dyingStyle.attributes.insert(.dim)
        }
        drawTag(marker: glyphs.cross, label: label, from: from, to: to, progress: progress, style: dyingStyle,
                showsLabel: age < 0.5, occupancy: &occupancy)
    }
}
