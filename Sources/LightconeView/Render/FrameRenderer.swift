import LightconeSimulation

/// Draws the whole lab screen as a pure function of a cluster snapshot and the view state.
///
/// ```swift
/// let frame = FrameRenderer.render(snapshot: sim.snapshot, state: ViewState(), width: 80, height: 24)
/// print(frame.grid.text)
/// ```
///
/// To animate partitions and heals, keep a `LayoutAnimator`, advance it toward
/// `layout(snapshot:state:width:height:)` each frame and pass its `current` layout in.
public enum FrameRenderer {
    /// Where the nodes belong on a `width` x `height` screen (the animation target).
    public static func layout(snapshot: ClusterSnapshot, state: ViewState, width: Int, height: Int) -> ClusterLayout {
        let screen = ScreenLayout(width: max(width, 0), height: max(height, 0), isPresenterMode: state.isPresenterMode,
                                  narrationRows: narrationRows(state, width: width, height: height))
        return ClusterLayout.target(for: snapshot, canvas: canvasForNodes(screen, snapshot: snapshot, state: state),
                                    isPresenterMode: state.isPresenterMode)
    }

    /// The screen for `snapshot` and `state`. `layout` (from a `LayoutAnimator`) places the
    /// nodes; when nil or made for another screen size, nodes go straight to their target.
    public static func render(snapshot: ClusterSnapshot, state: ViewState, width: Int, height: Int,
                              layout: ClusterLayout? = nil, compared: ComparedCluster? = nil) -> Frame {
        var grid = CellGrid(width: width, height: height)
        guard grid.width > 0, grid.height > 0 else { return Frame(grid: grid, cursor: nil) }
        guard grid.width >= ScreenLayout.minimumWidth, grid.height >= ScreenLayout.minimumHeight else {
            drawTooSmall(&grid, state: state)
            return Frame(grid: grid, cursor: nil)
        }
        let screen = ScreenLayout(width: grid.width, height: grid.height, isPresenterMode: state.isPresenterMode,
                                  narrationRows: narrationRows(state, width: grid.width, height: grid.height))
        if let compared {
            return renderSideBySide(snapshot: snapshot, compared: compared, state: state, screen: screen, grid: grid)
        }
        let canvas = canvasForNodes(screen, snapshot: snapshot, state: state)
        let nodesLayout: ClusterLayout
        if let layout, layout.canvas == canvas, layout.centres.count == (snapshot.nodes.map(\.id.index).max() ?? -1) + 1 {
            nodesLayout = layout
        } else {
            nodesLayout = ClusterLayout.target(for: snapshot, canvas: canvas, isPresenterMode: state.isPresenterMode)
        }
        // Hand the grid over (not a copy) so that drawing does not duplicate its cells.
        var painter = FramePainter(grid: consume grid, snapshot: snapshot, state: state, screen: screen, layout: nodesLayout)
        painter.paint()
        return Frame(grid: painter.grid, cursor: painter.cursor)
    }

    /// A frame with where its message tags went and the nodes' rectangles (for tests of
    /// label placement).
    static func renderWithTags(snapshot: ClusterSnapshot, state: ViewState, width: Int, height: Int)
        -> (grid: CellGrid, tags: [Rect], nodes: [Rect], canvas: Rect) {
        let screen = ScreenLayout(width: width, height: height, isPresenterMode: state.isPresenterMode,
                                  narrationRows: narrationRows(state, width: width, height: height))
        let layout = ClusterLayout.target(for: snapshot, canvas: canvasForNodes(screen, snapshot: snapshot, state: state),
                                          isPresenterMode: state.isPresenterMode)
        var painter = FramePainter(grid: CellGrid(width: width, height: height), snapshot: snapshot, state: state,
                                   screen: screen, layout: layout)
        painter.placedTags = []
        painter.paint()
        let nodes = snapshot.nodes.map { layout.shape.rect(centredOn: layout.centre(of: $0.id)) }
        return (painter.grid, painter.placedTags ?? [], nodes, screen.canvas)
    }

    /// `compare`: the canvas split in two, each half with its side's label, meters and
    /// verdict; the status bar, side panel and command line as usual (from the first side).
    static func renderSideBySide(snapshot: ClusterSnapshot, compared: ComparedCluster, state: ViewState,
                                 screen: ScreenLayout, grid: consuming CellGrid) -> Frame {
        let canvas = screen.canvas
        let half = canvas.width / 2
        var halves = [screen, screen]
        halves[0].canvas = Rect(x: canvas.x, y: canvas.y, width: half, height: canvas.height)
        halves[1].canvas = Rect(x: canvas.x + half + 1, y: canvas.y, width: max(0, canvas.width - half - 1), height: canvas.height)
        let sides = [(compared.labels.first, snapshot), (compared.labels.second, compared.snapshot)]
        var grid = grid
        for (index, side) in sides.enumerated() {
            let area = halves[index].canvas
            let nodes = Rect(x: area.x + 1, y: area.y + 2, width: max(0, area.width - 2), height: max(0, area.height - 2))
            let layout = ClusterLayout.target(for: side.1, canvas: nodes, isPresenterMode: state.isPresenterMode)
            var painter = FramePainter(grid: consume grid, snapshot: side.1, state: state, screen: halves[index], layout: layout)
            painter.paintCanvas()
            painter.drawSideLabel(side.0, in: area)
            grid = painter.grid
        }
        let divider = state.theme.style(for: .link)
        grid.drawVerticalLine(x: canvas.x + half, y: canvas.y, length: canvas.height, character: state.isASCII ? "|" : "│", style: divider)
        let layout = ClusterLayout.target(for: snapshot, canvas: canvasForNodes(halves[0], snapshot: snapshot, state: state),
                                          isPresenterMode: state.isPresenterMode)
        var chrome = FramePainter(grid: consume grid, snapshot: snapshot, state: state, screen: screen, layout: layout)
        chrome.paintChrome()
        return Frame(grid: chrome.grid, cursor: chrome.cursor)
    }

    /// The canvas minus a row on top for the violation banner and, when shown, the log table
    /// at the bottom.
    ///
    /// In presenter mode, when the boxes would lose their log row (3-row boxes, as a lesson's
    /// band leaves at 80x24) and no violation needs the banner, the nodes take the banner's
    /// row too if that lets them keep it.
    static func canvasForNodes(_ screen: ScreenLayout, snapshot: ClusterSnapshot, state: ViewState) -> Rect {
        let canvas = screen.canvas
        let table = logTableRows(snapshot: snapshot, state: state, canvas: canvas)
        let nodes = Rect(x: canvas.x + 1, y: canvas.y + 1, width: canvas.width - 2, height: canvas.height - 1 - table)
        guard state.isPresenterMode, snapshot.violations.isEmpty,
              hasNoLogRow(ClusterLayout.target(for: snapshot, canvas: nodes, isPresenterMode: true).shape) else { return nodes }
        let taller = Rect(x: nodes.x, y: nodes.y - 1, width: nodes.width, height: nodes.height + 1)
        return hasNoLogRow(ClusterLayout.target(for: snapshot, canvas: taller, isPresenterMode: true).shape) ? nodes : taller
    }

    /// True for a box too short for a line under `n1 follower T3` (and for non-box shapes: no
    /// box at all is no better).
    static func hasNoLogRow(_ shape: NodeShape) -> Bool {
        if case .box(_, let height) = shape { return height < 4 }
        return false
    }

    /// Rows of text presenter mode's narration needs (0: no band): the lesson, or the
    /// inspected node, wrapped to the band's width.
    static func narrationRows(_ state: ViewState, width: Int, height: Int) -> Int {
        guard state.isPresenterMode else { return 0 }
        let textWidth = max(10, width - 2 * narrationMargin(width: width))
        if case .inspect(_, let lines) = state.sidePanel {
            return lines.reduce(0) { $0 + TextWrap.lines($1, width: textWidth, indent: 2).count }
        }
        if let demo = state.demo { return demoRows(demo, width: width, height: height) }
        guard let lesson = state.lesson else { return 0 }
        var rows = TextWrap.lines(lesson.title, width: textWidth).count
        for paragraph in lesson.paragraphs { rows += 1 + TextWrap.lines(paragraph, width: textWidth).count }
        if let goal = lesson.goal { rows += 2 + TextWrap.lines("   Goal: " + goal, width: textWidth, indent: 2).count + (lesson.isGoalMet ? 1 : 0) }
        return rows
    }

    /// Left and right margin of the narration band.
    static func narrationMargin(width: Int) -> Int { width >= 100 ? 8 : 3 }

    /// The centred "make me bigger" message.
    static func drawTooSmall(_ grid: inout CellGrid, state: ViewState) {
        var text = "Make the terminal at least \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight) (now \(grid.width)x\(grid.height))"
        // A command typed meanwhile is kept, not run, until the view fits.
        if !state.commandLine.isEmpty { text += " — kept until then: \(state.commandLine)" }
        let lines = TextWrap.lines(text, width: max(1, grid.width >= 10 ? grid.width - 2 : grid.width))
        let style = state.theme.style(for: .panelTitle)
        let top = max(0, (grid.height - lines.count) / 2)
        for (row, line) in lines.enumerated() where top + row < grid.height {
            let x = max(0, (grid.width - DisplayWidth.of(line)) / 2)
            grid.put(text: line, x: x, y: top + row, style: style)
        }
    }
}

/// The state of one frame being painted; each part of the screen is drawn by an extension.
struct FramePainter {
    var grid: CellGrid
    let snapshot: ClusterSnapshot
    let state: ViewState
    let screen: ScreenLayout
    let layout: ClusterLayout
    let glyphs: Glyphs
    var cursor: (x: Int, y: Int)?
    /// The group number of each node in the snapshot (not the animated layout).
    let groupOfNode: [Int]
    /// Where the log table goes (empty when it is not shown).
    let logTableRect: Rect
    /// Where each message tag went, when asked for (tests of their placement); nil otherwise.
    var placedTags: [Rect]?

    init(grid: CellGrid, snapshot: ClusterSnapshot, state: ViewState, screen: ScreenLayout, layout: ClusterLayout) {
        self.grid = grid
        self.snapshot = snapshot
        self.state = state
        self.screen = screen
        self.layout = layout
        self.glyphs = Glyphs(isASCII: state.isASCII)
        var groupOfNode = [Int](repeating: 0, count: layout.centres.count)
        for (number, group) in snapshot.groups.enumerated() {
            for node in group where node.index >= 0 && node.index < groupOfNode.count { groupOfNode[node.index] = number }
        }
        self.groupOfNode = groupOfNode
        let tableRows = FrameRenderer.logTableRows(snapshot: snapshot, state: state, canvas: screen.canvas)
        let canvas = screen.canvas
        self.logTableRect = tableRows == 0 ? .zero : Rect(x: canvas.x, y: canvas.maxY - tableRows, width: canvas.width, height: tableRows)
    }

    /// The style for `role` in the state's theme, stronger in presenter mode.
    func style(_ role: Theme.Role) -> CellStyle {
        state.isPresenterMode ? state.theme.presenterStyle(for: role) : state.theme.style(for: role)
    }

    /// True when `a` and `b` are in different partition groups now.
    func isPartitioned(_ a: NodeID, _ b: NodeID) -> Bool {
        guard snapshot.groups.count > 1, a.index >= 0, b.index >= 0, a.index < groupOfNode.count, b.index < groupOfNode.count else {
            return false
        }
        return groupOfNode[a.index] != groupOfNode[b.index]
    }

    mutating func paint() {
        paintCanvas()
        paintChrome()
    }

    /// The cluster: links, walls, messages, nodes, the violation banner.
    mutating func paintCanvas() {
        drawLinks()
        drawCuts()
        drawWalls()
        // Tags keep clear of nodes and of each other: a node's box and every label stay readable.
        drawMessagesAndDrops()
        drawNodes()
        if logTableRect.height > 0 { drawLogTable() }
        drawViolations()
    }

    /// Everything around the cluster: side panel or narration, status bar, message and
    /// command lines, help.
    mutating func paintChrome() {
        if state.isPresenterMode { drawNarration() } else { drawSidePanel() }
        drawStatusBar()
        drawMessageLine()
        drawCommandLine()
        drawVerdictLanes()
        if let pane = state.outputPane { drawOutputPane(pane) }
        if state.isHelpShown { drawHelpOverlay() }
    }
}

/// The second side of `compare`, drawn beside the first: its label and its cluster.
public struct ComparedCluster: Sendable {
    /// The two sides' labels, e.g. `kv-cp` and `kv-ap`.
    public var labels: (first: String, second: String)
    /// The second side's cluster.
    public var snapshot: ClusterSnapshot

    /// The second side of a comparison.
    public init(labels: (first: String, second: String), snapshot: ClusterSnapshot) {
        self.labels = labels
        self.snapshot = snapshot
    }
}

extension FramePainter {
    /// A half's heading under its violation row: the side's label, time, leader and meters,
    /// as many whole items as fit (a label too long alone is cut with an ellipsis).
    mutating func drawSideLabel(_ label: String, in area: Rect) {
        var items = [StatusText.time(snapshot.time)]
        if let leader = snapshot.nodes.first(where: { $0.isLeader && $0.life == .up }) { items.append("leader \(leader.id)") }
        for meter in snapshot.meters { items.append("\(meter.name) \(meter.text)") }
        let text = Self.sideHeading(label: shown(label), items: items.map(shown), width: area.width, separator: glyphs.separator,
                                    ellipsis: glyphs.ellipsis)
        grid.put(text: text, x: area.x, y: area.y + 1, style: style(.panelTitle), maxWidth: area.width)
    }

    /// ` label · item · item` in at most `width` columns: items that do not fit whole are left
    /// out (a later, shorter one may still fit); a label that does not fit with the first item
    /// is shortened with `ellipsis` so that the first item (the time) stays.
    static func sideHeading(label: String, items: [String], width: Int, separator: String, ellipsis: Character) -> String {
        let separatorWidth = DisplayWidth.of(separator)
        var text = " " + label
        if let first = items.first, DisplayWidth.of(text) + separatorWidth + DisplayWidth.of(first) > width {
            let room = width - 1 - separatorWidth - DisplayWidth.of(first)
            // Room for a few letters of the label: keep the time; else the label alone.
            text = room >= 4 ? " " + DisplayWidth.truncate(label, to: room, ellipsis: ellipsis)
                : " " + DisplayWidth.truncate(label, to: max(1, width - 1), ellipsis: ellipsis)
            if room < 4 { return text }
        }
        var used = DisplayWidth.of(text)
        for item in items {
            let itemWidth = separatorWidth + DisplayWidth.of(item)
            guard used + itemWidth <= width else { continue }
            text += separator + item
            used += itemWidth
        }
        return text
    }
}
