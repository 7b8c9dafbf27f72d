import LightconeLab

extension LabDrawings {
    /// The view's drawings: the screen at 100×30 with the default view state, and the timeline.
    public static let view = LabDrawings(
        screen: { snapshot in FrameRenderer.render(snapshot: snapshot, state: ViewState(), width: 100, height: 30).grid.lines },
        screenSVG: { lines in Timeline.svg(screen: lines) },
        timeline: { entries, nodeCount in Timeline.render(entries, nodeCount: nodeCount) },
        timelineSVG: { entries, nodeCount in Timeline.svg(entries, nodeCount: nodeCount) })
}
