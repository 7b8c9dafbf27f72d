/// The areas of the screen: status bar on top, cluster canvas, side panel on the right (or
/// the large narration band in presenter mode), a message line and the command line.
///
/// ```text
/// ┌ status bar ──────────────────────────────────┐
/// │ canvas                        │ side panel   │
/// │                               │              │
/// ├ message / completions ────────────────────────┤
/// └ command line ─────────────────────────────────┘
/// ```
public struct ScreenLayout: Sendable, Equatable {
    /// The smallest screen the lab draws into; smaller ones get a "make me bigger" message.
    public static let minimumWidth = 80
    /// See `minimumWidth`.
    public static let minimumHeight = 24

    /// The top row: protocol, time, play state, speed, leader, harvest and yield.
    public var statusBar: Rect
    /// Where the cluster is drawn (its top row is kept for a violation banner).
    public var canvas: Rect
    /// The side panel; empty in presenter mode.
    public var sidePanel: Rect
    /// Presenter mode's narration band under the canvas; empty otherwise.
    public var narration: Rect
    /// The row above the prompt: completion candidates or the last command's message.
    public var messageLine: Rect
    /// The bottom row: prompt and command line.
    public var commandLine: Rect

    /// The side panel's width (its frame included) on a screen `screenWidth` columns wide.
    public static func sidePanelWidth(screenWidth: Int) -> Int { max(28, min(60, screenWidth * 3 / 10)) }

    /// The areas for a `width` x `height` screen (at least the minimum); in presenter mode the
    /// narration band gets `narrationRows` rows of text (plus its rule), within limits.
    public init(width: Int, height: Int, isPresenterMode: Bool, narrationRows: Int) {
        statusBar = Rect(x: 0, y: 0, width: width, height: 1)
        messageLine = Rect(x: 0, y: height - 2, width: width, height: 1)
        commandLine = Rect(x: 0, y: height - 1, width: width, height: 1)
        let bodyTop = 1
        let bodyHeight = max(0, height - 3)
        if isPresenterMode {
            sidePanel = .zero
            let bandHeight = narrationRows > 0 ? min(max(7, narrationRows + 2), max(7, bodyHeight * 2 / 5)) : 0
            canvas = Rect(x: 0, y: bodyTop, width: width, height: bodyHeight - bandHeight)
            narration = Rect(x: 0, y: bodyTop + bodyHeight - bandHeight, width: width, height: bandHeight)
        } else {
            let panelWidth = Self.sidePanelWidth(screenWidth: width)
            canvas = Rect(x: 0, y: bodyTop, width: width - panelWidth, height: bodyHeight)
            sidePanel = Rect(x: width - panelWidth, y: bodyTop, width: panelWidth, height: bodyHeight)
            narration = .zero
        }
    }
}
