import LightconeLab
import LightconeSimulation

extension FramePainter {
    /// The most output lines shown under one setup command in the lesson panel; the rest
    /// are in the event log.
    static let setupOutputLimit = 6

    /// The side panel's title for a lesson: `Step 2/6`.
    static func lessonPanelTitle(_ lesson: LessonPanelContent?) -> String {
        guard let lesson, let step = lesson.step else { return "Lesson" }
        return lesson.stepCount.map { "Step \(step)/\($0)" } ?? "Step \(step)"
    }

    /// A lesson step's text as styled rows `width` columns wide: paragraphs wrapped with
    /// inline code drawn as code (no backticks), list items with a hanging indent, quotes set
    /// apart behind a bar, code and command output verbatim, each setup command on its own
    /// `> ` row followed by its output.
    func lessonRows(_ lesson: LessonPanelContent, width: Int) -> [StyledLine] {
        var rows: [StyledLine] = []
        let code: Theme.Role = .prompt
        var previousWasList = false
        for block in lesson.blocks {
            let isList: Bool
            if case .listItem = block { isList = true } else { isList = false }
            if !(isList && previousWasList) { rows.append([]) }
            previousWasList = isList
            switch block {
            case .prose(let text):
                rows += StyledText.wrap(StyledText.inline(shown(text), role: .text, code: code), width: width)
            case .listItem(let marker, let text):
                let bullet = marker == "-" || marker == "*" || marker == "+" ? (state.isASCII ? "-" : "•") : marker
                rows += StyledText.wrap(StyledText.inline(shown(text), role: .text, code: code), width: width,
                                        first: [StyledSpan(bullet + " ", .text)], indent: DisplayWidth.of(bullet) + 1)
            case .quote(let text):
                let bar = StyledSpan(state.isASCII ? "| " : "▌ ", .faint)
                for line in StyledText.wrap(StyledText.inline(shown(text), role: .goalPending, code: code), width: max(1, width - 2)) {
                    rows.append([bar] + line)
                }
            case .code(let lines):
                for line in lines {
                    for part in StyledText.preformatted(shown(line), width: max(1, width - 2)) { rows.append([StyledSpan("  " + part, code)]) }
                }
            case .commands(let runs):
                for run in runs {
                    for (index, part) in StyledText.preformatted("> " + shown(run.command), width: width).enumerated() {
                        rows.append([StyledSpan(index == 0 ? part : part, .prompt)])
                    }
                    let limit = Self.setupOutputLimit
                    for line in run.output.prefix(limit) {
                        for part in StyledText.preformatted(shown(line), width: width) { rows.append([StyledSpan(part, .faint)]) }
                    }
                    if run.output.count > limit {
                        rows.append([StyledSpan("(\(run.output.count - limit) more lines in the event log)", .faint)])
                    }
                }
            case .predict(let text):
                rows += StyledText.wrap(StyledText.inline(shown(text), role: .goalPending, code: code), width: width,
                                        first: [StyledSpan("Predict: ", .goalPending)], indent: 2)
            }
        }
        return rows
    }

    /// Draws styled rows from `rect`'s top, one per row, clipped to `rect`.
    mutating func drawStyledRows(_ rows: some Collection<StyledLine>, in rect: Rect, bold: Bool = false) {
        var y = rect.y
        for row in rows {
            guard y < rect.maxY else { return }
            var x = rect.x
            for span in row {
                var spanStyle = style(span.role)
                if bold { spanStyle.attributes.insert(.bold) }
                x += grid.put(text: span.text, x: x, y: y, style: spanStyle, maxWidth: rect.maxX - x)
            }
            y += 1
        }
    }

    /// The output pane: a box over the side panel (wider when the output is), the output's
    /// lines verbatim from `pane.top`, and the keys that scroll and close it.
    mutating func drawOutputPane(_ pane: OutputPane) {
        guard let rect = Self.outputPaneRect(pane, screen: screen, isPresenterMode: state.isPresenterMode),
              rect.width >= 10, rect.height >= 3 else { return }
        let boxStyle = style(.text)
        grid.fill(rect, style: boxStyle)
        grid.drawBox(rect, line: glyphs.overlayBox, style: style(.panelBorder))
        grid.put(text: " \(shown(pane.title)) ", x: rect.x + 2, y: rect.y, style: style(.panelTitle), maxWidth: rect.width - 4)
        let inner = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let rows = pane.lines.dropFirst(pane.top).prefix(inner.height)
        var y = inner.y
        for line in rows {
            // Verbatim: columns and runs of spaces kept, cut at the pane's edge.
            grid.put(text: shown(line).replacingTabs(), x: inner.x, y: y, style: boxStyle, maxWidth: inner.width)
            y += 1
        }
        let last = min(pane.lines.count, pane.top + inner.height)
        let position = pane.lines.count > inner.height ? " \(pane.top + 1)-\(last)/\(pane.lines.count)" : ""
        let dot = glyphs.separator.filter { $0 != " " }
        let footers = [" \(glyphs.up)\(glyphs.down) PgUp/PgDn scroll \(dot) q/Esc close\(position) ",
                       " \(glyphs.up)\(glyphs.down) scroll \(dot) q close\(position) ", " q closes\(position) ", " q closes "]
        if let footer = footers.first(where: { DisplayWidth.of($0) <= rect.width - 4 }) {
            grid.put(text: footer, x: rect.maxX - 2 - DisplayWidth.of(footer), y: rect.maxY - 1, style: style(.faint))
        }
    }

    /// Where the output pane goes: over the side panel (in presenter mode, over two thirds
    /// of the screen), widened to the left for wide output, from under the status bar down
    /// as far as its lines need (at most to above the message line).
    static func outputPaneRect(_ pane: OutputPane, screen: ScreenLayout, isPresenterMode: Bool) -> Rect? {
        let width = screen.statusBar.width
        let top = screen.statusBar.maxY
        let bottom = screen.messageLine.y
        guard bottom - top >= 3 else { return nil }
        let widest = pane.lines.reduce(DisplayWidth.of(pane.title) + 4) { max($0, DisplayWidth.of($1)) } + 4
        let base = isPresenterMode ? width * 2 / 3 : screen.sidePanel.width
        let paneWidth = min(width, max(base, min(widest, width - 4)))
        let rows = min(bottom - top, max(pane.lines.count + 2, 5))
        return Rect(x: width - paneWidth, y: top, width: paneWidth, height: rows)
    }

}

extension FrameRenderer {
    /// How far down the side panel's lesson text can scroll on a `width` x `height` screen
    /// (0 when it fits): `panelScroll` past it shows the same rows.
    public static func lessonMaxScroll(state: ViewState, width: Int, height: Int) -> Int {
        guard let lesson = state.lesson, !lesson.blocks.isEmpty, !state.isPresenterMode,
              width >= ScreenLayout.minimumWidth, height >= ScreenLayout.minimumHeight else { return 0 }
        let screen = ScreenLayout(width: width, height: height, isPresenterMode: false, narrationRows: 0)
        let panel = screen.sidePanel
        let inner = Rect(x: panel.x + 2, y: panel.y + 1, width: panel.width - 4, height: panel.height - 2)
        let empty = ClusterSnapshot(time: 0, protocolName: "", seed: 0, nodes: [], groups: [])
        let painter = FramePainter(grid: CellGrid(width: 1, height: 1), snapshot: empty, state: state, screen: screen,
                                   layout: ClusterLayout.target(for: empty, canvas: screen.canvas, isPresenterMode: false))
        let (rows, room) = painter.lessonBlockRows(lesson, in: inner, goalRows: painter.goalBlock(lesson, in: inner).count)
        return room > 0 ? max(0, rows.count - room + 1) : 0
    }

    /// `lines` as the output pane shows them on a `width` x `height` screen: each cut into
    /// rows that fit the pane (spaces kept, continuations indented), so that scrolling goes
    /// by rows.
    public static func outputPaneRows(_ lines: [String], title: String, width: Int, height: Int, isPresenterMode: Bool) -> [String] {
        let screen = ScreenLayout(width: width, height: height, isPresenterMode: isPresenterMode, narrationRows: 0)
        guard let rect = FramePainter.outputPaneRect(OutputPane(title: title, lines: lines), screen: screen, isPresenterMode: isPresenterMode),
              rect.width > 8 else { return lines }
        return lines.flatMap { StyledText.preformatted($0.replacingTabs(), width: rect.width - 4, indent: 2) }
    }

    /// Rows of text the output pane shows at once on a `width` x `height` screen (a page,
    /// for PageUp and PageDown).
    public static func outputPaneRows(_ pane: OutputPane, width: Int, height: Int, isPresenterMode: Bool) -> Int {
        let screen = ScreenLayout(width: width, height: height, isPresenterMode: isPresenterMode, narrationRows: 0)
        return max(1, (FramePainter.outputPaneRect(pane, screen: screen, isPresenterMode: isPresenterMode)?.height ?? 3) - 2)
    }
}

extension String {
    /// Tabs as four spaces (a tab's width depends on its column; the pane keeps it simple).
    func replacingTabs() -> String {
        guard contains("\t") else { return self }
        return split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "    ")
    }
}
