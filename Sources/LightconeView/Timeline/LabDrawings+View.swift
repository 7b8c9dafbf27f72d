import LightconeLab

extension LabDrawings {
    /// The view's drawings for a front end without a screen (scripts, the line REPL): the
    /// screen at 100×30 with the default view state, and the timeline.
    public static let view = LabDrawings(
        screen: { snapshot in FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 100, height: 30).grid.lines },
        screenSVG: { snapshot in FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 100, height: 30).grid.svg() },
        timeline: { entries, nodeCount in Timeline.render(entries, nodeCount: nodeCount) },
        timelineSVG: { entries, nodeCount in Timeline.svg(entries, nodeCount: nodeCount) })

    /// The view's drawings in the full-screen lab, where `export screen` writes `grid`, the
    /// screen exactly as it is shown (its size, its colours in `theme`).
    public static func view(showing grid: CellGrid, theme: Theme) -> LabDrawings {
        var drawings = LabDrawings.view
        drawings.screen = { _ in grid.lines }
        drawings.screenSVG = { _ in grid.svg(palette: .of(theme)) }
        return drawings
    }
}
