import LightconeSimulation

/// The pictures the lab prints or exports but does not draw itself: the view layer draws
/// them (the screen as the view shows it, the space-time timeline) and the front end hands
/// them to the lab. A lab without drawings says which commands need them.
public struct LabDrawings: Sendable {
    /// The cluster as the view draws it, as text lines (`export screen FILE.txt`).
    public var screen: @Sendable (ClusterSnapshot) -> [String]
    /// The same screen as an SVG picture in its colours (`export screen FILE.svg`).
    public var screenSVG: @Sendable (ClusterSnapshot) -> String
    /// The space-time diagram of these trace entries for a cluster of N nodes (`timeline`).
    public var timeline: @Sendable ([TraceEntry], Int) -> [String]
    /// The same diagram as an SVG picture (`export timeline FILE.svg`).
    public var timelineSVG: @Sendable ([TraceEntry], Int) -> String

    /// Drawings from these four functions.
    public init(screen: @escaping @Sendable (ClusterSnapshot) -> [String],
                screenSVG: @escaping @Sendable (ClusterSnapshot) -> String,
                timeline: @escaping @Sendable ([TraceEntry], Int) -> [String],
                timelineSVG: @escaping @Sendable ([TraceEntry], Int) -> String) {
        self.screen = screen
        self.screenSVG = screenSVG
        self.timeline = timeline
        self.timelineSVG = timelineSVG
    }
}
