// TEMPORARY (branch `term` only): the renderer's interface as the view helper is writing
// it, with a crude drawing, so the terminal front end builds before branch `view` lands.
// Deleted when `view` is merged.
import LightconeSimulation

public struct LessonPanelContent: Sendable, Equatable {
    public var title: String
    public var paragraphs: [String]
}

public enum Theme: String, Sendable, CaseIterable {
    case dark, light, mono
    public init?(name: String) { self.init(rawValue: name.lowercased()) }
}

public struct ViewState: Sendable, Equatable {
    public enum SidePanel: Sendable, Equatable {
        case eventLog
        case lesson
        case inspect(NodeID, lines: [String])
    }
    public var isPlaying: Bool = true
    public var speedThousandths: Int = 1000
    public var sidePanel: SidePanel = .eventLog
    public var logLines: [String] = []
    public var lesson: LessonPanelContent?
    public var isHelpShown: Bool = false
    public var isPresenterMode: Bool = false
    public var isASCII: Bool = false
    public var theme: Theme = .dark
    public var prompt: String = "> "
    public var commandLine: String = ""
    public var cursorColumn: Int = 0
    public var completions: [String] = []
    public var statusMessage: String = ""
    public var isStatusError: Bool = false
    public var harvest: String?
    public var yield: String?
    public init() {}
}

public struct ClusterLayout: Sendable, Equatable {}

public struct LayoutAnimator: Sendable, Equatable {
    public private(set) var current: ClusterLayout?
    public private(set) var isSettled: Bool = true
    public init() {}
    public mutating func advance(toward target: ClusterLayout, fraction: Double) { current = target }
}

public struct Frame: Sendable {
    public var grid: CellGrid
    public var cursor: (x: Int, y: Int)?
}

public enum FrameRenderer {
    public static func layout(snapshot: ClusterSnapshot, state: ViewState, width: Int, height: Int) -> ClusterLayout { ClusterLayout() }

    public static func render(snapshot: ClusterSnapshot, state: ViewState, width: Int, height: Int,
                              layout: ClusterLayout? = nil) -> Frame {
        var grid = CellGrid(width: width, height: height)
        func put(_ text: String, _ x: Int, _ y: Int) {
            var column = x
            for character in text { grid[column, y] = Cell(character); column += 1 }
        }
        guard height >= 3 else { return Frame(grid: grid, cursor: nil) }
        put("t=\(DurationText.instant(snapshot.time)) \(state.isPlaying ? "playing" : "paused") \(snapshot.protocolName)", 0, 0)
        for (row, node) in snapshot.nodes.enumerated() { put("[\(node.id)]", 2, 2 + row) }
        if snapshot.groups.count > 1 { put("||||", 20, 2) }
        for (row, message) in snapshot.messages.prefix(10).enumerated() {
            put("\(message.label) \(message.from)->\(message.to)", 30, 2 + row)
        }
        for (row, line) in state.logLines.suffix(5).enumerated() { put(line, 0, height - 8 + row) }
        put(state.statusMessage, 0, height - 2)
        put(state.prompt + state.commandLine, 0, height - 1)
        return Frame(grid: grid, cursor: (state.prompt.count + state.cursorColumn, height - 1))
    }
}
