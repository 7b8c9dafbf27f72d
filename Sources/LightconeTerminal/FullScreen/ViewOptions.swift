/// How the full-screen view starts: theme, ASCII, presenter mode, speed, colours.
///
/// ```
/// var options = ViewOptions()
/// options.theme = "light"
/// options.isPresenterMode = true
/// ```
public struct ViewOptions: Sendable, Equatable {
    /// `dark`, `light` or `mono` (`--theme`).
    public var theme: String = "dark"
    /// No box drawing or arrows (`--ascii`).
    public var isASCII = false
    /// Presenter mode (`--present`).
    public var isPresenterMode = false
    /// Animation speed in thousandths (`--speed`, 1000 = 1x).
    public var speedThousandths = 1_000
    /// False when `NO_COLOR` is set: no colours at all (like `--theme mono`).
    public var isColorAllowed = true
    /// The history file (nil: `HistoryFile.standard`).
    public var historyPath: String?
    /// Lines to show in the log panel at start (e.g. the opening of `lightcone lesson NAME`).
    public var initialLogLines: [String] = []
    /// Print frame statistics (cells and bytes written) to stderr on exit.
    public var printsFrameStatistics = false
    /// Record the screen to this asciicast file from the start (`--record`).
    public var recordPath: String?
    /// Where speaker notes go (`--notes`).
    public var notesPath: String?

    /// The defaults: dark theme, Unicode, 1x, colours allowed.
    public init() {}
}
