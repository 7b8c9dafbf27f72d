import LightconeSimulation

/// The pictures the lab prints or exports but does not draw itself: the view layer draws
/// them (the screen as the view shows it, the space-time timeline) and the front end hands
/// them to the lab. A lab without drawings says which commands need them.
public struct LabDrawings: Sendable {
    /// The cluster as the view draws it, as text lines (`export screen`).
    public var screen: @Sendable (ClusterSnapshot) -> [String]
    /// Text lines as an SVG picture (`export screen FILE.svg`).
    public var screenSVG: @Sendable ([String]) -> String
    /// The space-time diagram of these trace entries for a cluster of N nodes (`timeline`).
    public var timeline: @Sendable ([TraceEntry], Int) -> [String]
    /// The same diagram as an SVG picture (`export timeline FILE.svg`).
    public var timelineSVG: @Sendable ([TraceEntry], Int) -> String

    /// Drawings from these four functions.
    public init(screen: @escaping @Sendable (ClusterSnapshot) -> [String],
                screenSVG: @escaping @Sendable ([String]) -> String,
                timeline: @escaping @Sendable ([TraceEntry], Int) -> [String],
                timelineSVG: @escaping @Sendable ([TraceEntry], Int) -> String) {
        self.screen = screen
        self.screenSVG = screenSVG
        self.timeline = timeline
        self.timelineSVG = timelineSVG
    }
}
