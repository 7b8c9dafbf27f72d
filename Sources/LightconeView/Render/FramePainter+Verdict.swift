extension FramePainter {
    /// The lanes of the last `check` that found a history not linearizable, boxed at the
    /// bottom of the canvas (Esc closes it): the operations that cannot be ordered, one lane
    /// per client, so the stale read is seen.
    mutating func drawVerdictLanes() {
        guard let verdict = state.verdictLanes else { return }
        let canvas = screen.canvas
        let contentWidth = max(DisplayWidth.of(verdict.title), verdict.lanes.map { DisplayWidth.of($0) }.max() ?? 0)
        let width = min(canvas.width, contentWidth + 4)
        let height = min(canvas.height - 1, verdict.lanes.count + 2)
        guard width >= 12, height >= 3 else { return }
        let rect = Rect(x: canvas.x, y: canvas.maxY - height, width: width, height: height)
        grid.fill(rect, style: style(.text))
        grid.drawBox(rect, line: glyphs.panelBox, style: style(.panelBorder))
        let title = " " + DisplayWidth.truncate(shown(verdict.title), to: width - 6, ellipsis: glyphs.ellipsis) + " "
        grid.put(text: title, x: rect.x + 2, y: rect.y, style: style(.dropped), maxWidth: width - 4)
        let inner = rect.insetBy(dx: 2, dy: 1)
        for (offset, lane) in verdict.lanes.enumerated() where inner.y + offset < inner.maxY {
            let isAxis = offset == verdict.lanes.count - 1
            let text = DisplayWidth.truncate(shown(lane), to: inner.width, ellipsis: glyphs.ellipsis)
            grid.put(text: text, x: inner.x, y: inner.y + offset, style: style(isAxis ? .faint : .text), maxWidth: inner.width)
        }
        grid.put(text: "Esc closes", x: rect.maxX - 12, y: rect.maxY - 1, style: style(.faint), maxWidth: 10)
    }
}
