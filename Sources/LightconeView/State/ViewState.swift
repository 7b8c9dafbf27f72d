import LightconeSimulation

/// Everything the view draws that is not the cluster itself: play state, speed, panels,
/// modes, the command line. A plain value the terminal front end owns and changes.
///
/// ```swift
/// var state = ViewState()
/// state.isPlaying = false
/// state.sidePanel = .inspect(NodeID(index: 2), lines: ["term 3", "log 1/1 2/3"])
/// let frame = FrameRenderer.render(snapshot: sim.snapshot, state: state, width: 80, height: 24)
/// ```
public struct ViewState: Sendable, Equatable {
    /// What the side panel shows.
    public enum SidePanel: Sendable, Equatable {
        /// The narrated event log (`logLines`).
        case eventLog
        /// The current lesson step (`lesson`).
        case lesson
        /// `inspect NODE`: that node's detail lines.
        case inspect(NodeID, lines: [String])
    }

    /// True while simulated time flows.
    public var isPlaying: Bool = true
    /// Simulated time per wall time, in thousandths: 1000 is 1x, 250 is 0.25x.
    public var speedThousandths: Int = 1000
    /// The side panel's content.
    public var sidePanel: SidePanel = .eventLog
    /// The last narrated lines (trace and command output), oldest first; the view shows
    /// as many of the newest as fit. Setting them drops their wrapping: prefer `appendLog`.
    public var logLines: [String] {
        get { eventLog.lines }
        set { eventLog = EventLog(lines: newValue) }
    }
    /// The log lines with the rows they wrap to in the side panel.
    private(set) var eventLog = EventLog()
    /// The lesson step, when a lesson runs.
    public var lesson: LessonPanelContent?
    /// Multi-line command output shown whole over the side panel (nil: none).
    public var outputPane: OutputPane?
    /// How far the side panel is scrolled, in rows: back from the newest event-log line, or
    /// down the lesson's text (0: the usual place).
    public var panelScroll: Int = 0
    /// True while the key help overlay is shown.
    public var isHelpShown: Bool = false
    /// True while the log table (one row per node, one column per index) is shown, for
    /// protocols that keep a log (F2 toggles it).
    public var isLogTableShown: Bool = false
    /// The demo script being presented, for presenter mode's band (nil: none).
    public var demo: DemoBand?
    /// The lanes of the last `check` that found a history not linearizable, shown over the canvas until Esc or the next command.
    public var verdictLanes: VerdictLanes?
    /// `--present`: big boxes and labels, no log, large lesson narration.
    public var isPresenterMode: Bool = false
    /// `--ascii`: no box drawing, arrows or other symbols outside ASCII.
    public var isASCII: Bool = false
    /// The colour theme.
    public var theme: Theme = .dark
    /// The prompt before the command line.
    public var prompt: String = "> "
    /// The command line being typed.
    public var commandLine: String = ""
    /// The cursor's position in `commandLine`, in terminal columns from its start.
    public var cursorColumn: Int = 0
    /// Completion candidates to show above the command line (empty: none).
    public var completions: [String] = []
    /// One line for the outcome of the last command or a hint (empty: none).
    public var statusMessage: String = ""
    /// True when `statusMessage` reports an error (drawn in the alert style).
    public var isStatusError: Bool = false
    /// How long (simulated) a dropped message stays visible as it dies.
    public var dropFadeDuration: SimDuration = .milliseconds(300)

    /// The default state: playing at 1x, event log, dark theme.
    public init() {}

    /// Adds narrated lines to the log, keeping the newest `limit`; each is wrapped now for
    /// the side panel's width last given to `wrapLog(screenWidth:)`.
    public mutating func appendLog(_ lines: [String], limit: Int) {
        eventLog.append(contentsOf: lines, limit: limit)
    }

    /// Wraps the log lines not wrapped yet for the side panel of a screen `screenWidth`
    /// columns wide (all of them again after a resize or a change of `isASCII`); the front
    /// end calls it before drawing, so that a frame draws lines wrapped when they arrived.
    public mutating func wrapLog(screenWidth: Int) {
        guard !isPresenterMode, screenWidth >= ScreenLayout.minimumWidth else { return }
        eventLog.wrap(width: ScreenLayout.sidePanelWidth(screenWidth: screenWidth) - 4, isASCII: isASCII)
    }
}
