import LightconeSimulation

extension FramePainter {
    /// The framed side panel: event log, lesson or inspected node.
    mutating func drawSidePanel() {
        let rect = screen.sidePanel
        guard rect.width >= 6, rect.height >= 3 else { return }
        grid.drawBox(rect, line: glyphs.panelBox, style: style(.panelBorder))
        let title: String
        switch state.sidePanel {
        case .eventLog: title = state.panelScroll > 0 ? "Event log \(glyphs.up)\(state.panelScroll)" : "Event log"
        case .lesson: title = Self.lessonPanelTitle(state.lesson)
        case .inspect(let node, _): title = "inspect \(node)"
        }
        grid.put(text: " \(title) ", x: rect.x + 2, y: rect.y, style: style(.panelTitle), maxWidth: rect.width - 4)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        switch state.sidePanel {
        case .eventLog: drawLog(in: inner)
        case .lesson: drawLesson(in: inner, isLarge: false)
        case .inspect(_, let lines): drawInspect(lines, in: inner)
        }
    }

    /// The newest log lines that fit, wrapped, oldest at the top; the `t=...` stamp faint.
    mutating func drawLog(in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        if state.logLines.isEmpty {
            var row = rect.y
            for line in TextWrap.lines("Nothing yet. Type `help` for the commands, `?` for the keys.", width: rect.width) {
                if row >= rect.maxY { break }
                grid.put(text: line, x: rect.x, y: row, style: style(.faint), maxWidth: rect.width)
                row += 1
            }
            return
        }
        // The newest lines backwards until the panel is full, each wrapped once (when it
        // arrived, at this width) rather than on every frame.
        var rows: [LogRow] = []
        rows.reserveCapacity(rect.height + 8)
        // Scrolled back `panelScroll` lines; runs of spaces (tables, `timeline`) are kept.
        let log = state.eventLog
        var index = log.lines.count - min(state.panelScroll, max(0, log.lines.count - 1)) - 1
        while index >= 0 {
            rows.append(contentsOf: log.rows(ofLine: index, width: rect.width, isASCII: state.isASCII).reversed())
            if rows.count >= rect.height { break }
            index -= 1
        }
        let visible = rows.prefix(rect.height).reversed()
        var y = rect.y
        for row in visible {
            drawLogRow(row, x: rect.x, y: y, width: rect.width)
            y += 1
        }
    }

    /// One log row: a leading `t=...` stamp is faint, an error or violation stands out.
    mutating func drawLogRow(_ row: LogRow, x: Int, y: Int, width: Int) {
        let text = row.text
        var body = Substring(text)
        var column = x
        if row.stampLength > 0 {
            let space = text.utf8.index(text.startIndex, offsetBy: row.stampLength)
            column += grid.put(text: text[..<space], x: column, y: y, style: style(.faint), maxWidth: width)
            body = text[space...]
        }
        grid.put(text: body, x: column, y: y, style: style(row.role), maxWidth: width - (column - x))
    }

    /// The lesson: title, paragraphs, and the goal pinned at the bottom.
    mutating func drawLesson(in rect: Rect, isLarge: Bool) {
        guard rect.width > 0, rect.height > 0 else { return }
        guard let lesson = state.lesson else {
            let hint = "No lesson running. `lessons` lists them; `lesson NAME` opens one."
            var row = rect.y
            for line in TextWrap.lines(hint, width: rect.width) where row < rect.maxY {
                grid.put(text: line, x: rect.x, y: row, style: style(.faint))
                row += 1
            }
            return
        }
        // The goal block at the bottom.
        let goalLines = goalBlock(lesson, in: rect)

        if !isLarge, !lesson.blocks.isEmpty {
            drawLessonBlocks(lesson, in: rect, goalLines: goalLines)
            return
        }
        var lines: [(String, Theme.Role)] = []
        var titleText = shown(lesson.title)
        if isLarge, let step = lesson.step {
            titleText = lesson.stepCount.map { "\(step)/\($0)  " } ?? "\(step)  "
            titleText += shown(lesson.title)
        }
        if isLarge {
            // A title bar, as on a slide.
            for line in TextWrap.lines(titleText, width: rect.width - 2) { lines.append((" \(line) ", .statusBarStrong)) }
        } else {
            for line in TextWrap.lines(titleText, width: rect.width) { lines.append((line, .panelTitle)) }
        }
        for paragraph in lesson.paragraphs {
            lines.append(("", .text))
            for line in TextWrap.lines(shown(paragraph), width: rect.width) { lines.append((line, .text)) }
        }
        let room = rect.height - goalLines.count - (goalLines.isEmpty ? 0 : 1)
        if lines.count > room, room > 0 {
            lines = Array(lines.prefix(room))
            lines[room - 1] = (DisplayWidth.truncate(lines[room - 1].0 + " " + String(glyphs.ellipsis), to: rect.width,
                                                     ellipsis: glyphs.ellipsis), lines[room - 1].1)
        } else if room <= 0 {
            lines = []
        }
        for (offset, line) in lines.enumerated() {
            var lineStyle = style(line.1)
            if isLarge { lineStyle.attributes.insert(.bold) }
            grid.put(text: line.0, x: rect.x, y: rect.y + offset, style: lineStyle, maxWidth: rect.width)
        }
        let goalTop = rect.maxY - goalLines.count
        for (offset, line) in goalLines.enumerated() {
            var lineStyle = style(line.1)
            if isLarge { lineStyle.attributes.insert(.bold) }
            grid.put(text: line.0, x: rect.x, y: goalTop + offset, style: lineStyle, maxWidth: rect.width)
        }
    }

    /// The goal block pinned at the bottom of the lesson: the goal, and once met, what next.
    func goalBlock(_ lesson: LessonPanelContent, in rect: Rect) -> [(String, Theme.Role)] {
        var goalLines: [(String, Theme.Role)] = []
        if let goal = lesson.goal {
            let mark = lesson.isGoalMet ? glyphs.goalMet : glyphs.goalPending
            let role: Theme.Role = lesson.isGoalMet ? .goalMet : .goalPending
            for line in TextWrap.lines("\(mark) Goal: \(shown(goal))", width: rect.width, indent: 2) { goalLines.append((line, role)) }
            if lesson.isGoalMet {
                for line in TextWrap.lines("Done! \(glyphs.nextKey) or next: the next step.", width: rect.width, indent: 0) {
                    goalLines.append((line, .goalMet))
                }
            }
        }
        return Array(goalLines.suffix(max(0, rect.height - 1)))
    }

    /// The side panel's lesson: the title, the step's blocks scrolled by `panelScroll` rows,
    /// an ellipsis row when more follows, and the goal block at the bottom.
    mutating func drawLessonBlocks(_ lesson: LessonPanelContent, in rect: Rect, goalLines: [(String, Theme.Role)]) {
        let (rows, room) = lessonBlockRows(lesson, in: rect, goalRows: goalLines.count)
        guard room > 0 else { return }
        let scroll = min(state.panelScroll, max(0, rows.count - room + 1))
        var visible = Array(rows.dropFirst(scroll).prefix(room))
        if rows.count - scroll > room {
            visible[room - 1] = [StyledSpan("\(glyphs.ellipsis) ] scrolls down, [ back", .faint)]
        }
        drawStyledRows(visible, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: room))
        let goalTop = rect.maxY - goalLines.count
        for (offset, line) in goalLines.enumerated() {
            grid.put(text: line.0, x: rect.x, y: goalTop + offset, style: style(line.1), maxWidth: rect.width)
        }
    }

    /// The lesson's rows (title and blocks) and the rows there is room for above the goal.
    func lessonBlockRows(_ lesson: LessonPanelContent, in rect: Rect, goalRows: Int) -> (rows: [StyledLine], room: Int) {
        var rows: [StyledLine] = TextWrap.lines(shown(lesson.title), width: rect.width).map { [StyledSpan($0, .panelTitle)] }
        rows += lessonRows(lesson, width: rect.width)
        return (rows, rect.height - goalRows - (goalRows == 0 ? 0 : 1))
    }

    /// `inspect NODE`: the node's detail lines, wrapped, runs of spaces kept.
    mutating func drawInspect(_ lines: [String], in rect: Rect) {
        var y = rect.y
        for line in lines {
            for part in StyledText.preformatted(shown(line), width: rect.width, indent: 2) {
                guard y < rect.maxY else { return }
                grid.put(text: part, x: rect.x, y: y, style: style(.text), maxWidth: rect.width)
                y += 1
            }
        }
    }

    /// Presenter mode: the narration band under the canvas, wide margins, bold text.
    mutating func drawNarration() {
        let rect = screen.narration
        guard rect.height >= 2, rect.width >= 10 else { return }
        grid.drawHorizontalLine(x: rect.x, y: rect.y, length: rect.width, character: glyphs.bandRule, style: style(.panelBorder))
        let margin = FrameRenderer.narrationMargin(width: rect.width)
        let inner = Rect(x: rect.x + margin, y: rect.y + 1, width: rect.width - 2 * margin, height: rect.height - 1)
        if case .inspect(let node, let lines) = state.sidePanel {
            grid.put(text: " inspect \(node) ", x: rect.x + margin, y: rect.y, style: style(.panelTitle))
            drawInspect(lines, in: inner)
            return
        }
        drawLegendStrip(y: rect.y, x: rect.x + margin, width: rect.width - 2 * margin)
        if let demo = state.demo { drawDemoBand(demo, in: inner) } else { drawLesson(in: inner, isLarge: true) }
    }

    /// The top bar: protocol, seed, simulated time, play state and speed, leader, harvest
    /// and yield; `? help` on the right.
    mutating func drawStatusBar() {
        let rect = screen.statusBar
        let barStyle = style(.statusBar)
        grid.fill(rect, style: barStyle)
        var items: [(String, Bool)] = []
        items.append((" \(snapshot.protocolName)", true))
        items.append((StatusText.time(snapshot.time), true))
        let play = state.isPlaying ? "\(glyphs.playingMark) playing" : "\(glyphs.pausedMark) paused"
        items.append(("\(play) \(StatusText.speed(state.speedThousandths))", !state.isPlaying))
        if let leader = snapshot.nodes.first(where: { $0.isLeader && $0.life == .up }) {
            items.append(("leader \(leader.id)" + (leader.epoch.map { " T\($0)" } ?? ""), false))
        } else if snapshot.nodes.contains(where: { [.following, .campaigning].contains($0.roleKind) }) {
            items.append(("no leader", false))
        }
        for meter in snapshot.meters { items.append(("\(meter.name) \(meter.text)", false)) }
        if snapshot.isChaosRunning { items.append(("chaos", true)) }
        if !snapshot.bugs.isEmpty { items.append(("bug \(snapshot.bugs.joined(separator: ","))", true)) }
        items.append(("seed \(snapshot.seed)", false))

        let hint = state.isHelpShown ? "? close help " : "? help "
        let available = rect.width - DisplayWidth.of(hint) - 1
        var x = rect.x
        for (index, item) in items.enumerated() {
            let separator = index == 0 ? "" : glyphs.separator
            let width = DisplayWidth.of(separator) + DisplayWidth.of(item.0)
            if x + width > available { break }
            x += grid.put(text: separator, x: x, y: rect.y, style: barStyle)
            x += grid.put(text: item.0, x: x, y: rect.y, style: item.1 ? style(.statusBarStrong) : barStyle)
        }
        grid.put(text: hint, x: rect.maxX - DisplayWidth.of(hint), y: rect.y, style: barStyle)
    }

    /// The line above the prompt: completion candidates, else the last command's message.
    mutating func drawMessageLine() {
        let rect = screen.messageLine
        if !state.completions.isEmpty {
            var x = rect.x + DisplayWidth.of(state.prompt)
            for (index, candidate) in state.completions.enumerated() {
                let width = DisplayWidth.of(candidate) + 2
                let remaining = state.completions.count - index
                if x + width + (remaining > 1 ? 6 : 0) > rect.maxX {
                    grid.put(text: "+\(remaining) more", x: x, y: rect.y, style: style(.faint))
                    break
                }
                x += grid.put(text: " \(candidate) ", x: x, y: rect.y, style: style(.completion))
                x += 1
            }
            return
        }
        guard !state.statusMessage.isEmpty else { return }
        let text = DisplayWidth.truncate(shown(state.statusMessage), to: rect.width - 1, ellipsis: glyphs.ellipsis)
        grid.put(text: text, x: rect.x, y: rect.y, style: style(state.isStatusError ? .dropped : .text))
    }

    /// The prompt and the command line, scrolled sideways to keep the cursor in view.
    mutating func drawCommandLine() {
        let rect = screen.commandLine
        let promptWidth = grid.put(text: state.prompt, x: rect.x, y: rect.y, style: style(.prompt), maxWidth: rect.width / 2)
        let available = rect.width - promptWidth - 1
        guard available > 0 else { return }
        let cursorColumn = max(0, state.cursorColumn)
        let start = cursorColumn >= available ? cursorColumn - available + 1 : 0
        // Skip the columns scrolled off to the left, never splitting a wide character.
        var column = 0
        var index = state.commandLine.startIndex
        while index < state.commandLine.endIndex && column < start {
            column += DisplayWidth.of(state.commandLine[index])
            index = state.commandLine.index(after: index)
        }
        let x = rect.x + promptWidth + (column - start)
        grid.put(text: state.commandLine[index...], x: x, y: rect.y, style: style(.text), maxWidth: rect.maxX - x)
        cursor = (min(rect.x + promptWidth + cursorColumn - start, grid.width - 1), rect.y)
    }
}

/// Status bar texts.
enum StatusText {
    /// `t=1.234s`, always to the millisecond.
    static func time(_ time: SimTime) -> String {
        let sign = time < 0 ? "-" : ""
        let ms = abs(time) / 1_000
        let fraction = String(ms % 1_000)
        return "t=\(sign)\(ms / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
    }

    /// `1x`, `0.25x`, `16x` from thousandths.
    static func speed(_ thousandths: Int) -> String {
        let whole = thousandths / 1_000
        var fraction = String(abs(thousandths % 1_000))
        guard fraction != "0" else { return "\(whole)x" }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return "\(whole).\(fraction)x"
    }
}
