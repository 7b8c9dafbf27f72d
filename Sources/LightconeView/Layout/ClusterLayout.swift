import LightconeSimulation

/// Where the nodes of a cluster go on the canvas: one ring when the network is whole; when
/// it is partitioned, one ring per group, side by side, with a wall between neighbours.
///
/// `ClusterLayout.target(for: snapshot, canvas: Rect(x: 0, y: 1, width: 50, height: 21), isPresenterMode: false)`
public struct ClusterLayout: Sendable, Equatable {
    /// The area the cluster is drawn in.
    public var canvas: Rect
    /// The shape every node is drawn with.
    public var shape: NodeShape
    /// Each node's centre, indexed by `NodeID.index`.
    public var centres: [Point]
    /// Each group's region (one region when the network is whole).
    public var regions: [Rect]
    /// The columns of the walls between regions.
    public var walls: [Int]
    /// The region of each node, indexed by `NodeID.index`.
    public var regionOfNode: [Int]

    /// A layout; normally built by `target(for:canvas:isPresenterMode:)`.
    public init(canvas: Rect, shape: NodeShape, centres: [Point], regions: [Rect], walls: [Int], regionOfNode: [Int]) {
        self.canvas = canvas
        self.shape = shape
        self.centres = centres
        self.regions = regions
        self.walls = walls
        self.regionOfNode = regionOfNode
    }

    /// The centre of `node` (the canvas centre for an unknown node).
    public func centre(of node: NodeID) -> Point {
        node.index >= 0 && node.index < centres.count ? centres[node.index]
            : Point(x: Double(canvas.x) + Double(canvas.width) / 2, y: Double(canvas.y) + Double(canvas.height) / 2)
    }

    /// The region index of `node`, 0 for an unknown node.
    public func region(of node: NodeID) -> Int {
        node.index >= 0 && node.index < regionOfNode.count ? regionOfNode[node.index] : 0
    }

    /// Where the nodes should be for `snapshot`: the largest node shape that fits without
    /// overlap, then smaller ones, down to dots.
    public static func target(for snapshot: ClusterSnapshot, canvas: Rect, isPresenterMode: Bool) -> ClusterLayout {
        let nodeCount = (snapshot.nodes.map(\.id.index).max() ?? -1) + 1
        let groups = normalisedGroups(snapshot.groups, nodes: snapshot.nodes)
        var regionOfNode = [Int](repeating: 0, count: nodeCount)
        for (number, group) in groups.enumerated() { for node in group where node.index < nodeCount { regionOfNode[node.index] = number } }
        let (regions, walls) = splitCanvas(canvas, groups: groups)

        // Rings with readable boxes first; then zigzag columns for narrow partition regions;
        // then any shape on rings, down to dots (which always fit).
        let tallest = 4 + min(2, snapshot.nodes.reduce(0) { max($0, $1.lines.count + ($1.mark == nil ? 0 : 1)) })
        let shapes = candidateShapes(canvas: canvas, nodeCount: nodeCount, isPresenterMode: isPresenterMode)
            .filter { $0.height <= tallest }
        let readable = shapes.filter { $0.height >= 5 && $0.width >= 14 }
        let boxes = shapes.filter { $0.height > 1 }
        // A whole cluster is always a ring; zigzag columns are for the narrow regions of a partition.
        let zigzag = groups.count > 1
        for (pass, allowsZigzag) in [(readable, false), (readable, zigzag), (boxes, false), (boxes, zigzag), (shapes, false)] {
            for shape in pass {
                if let layout = arrange(groups: groups, shape: shape, canvas: canvas, regions: regions, walls: walls,
                                        regionOfNode: regionOfNode, nodeCount: nodeCount, allowsZigzag: allowsZigzag) {
                    return layout
                }
            }
        }
        return arrange(groups: groups, shape: .dot, canvas: canvas, regions: regions, walls: walls,
                       regionOfNode: regionOfNode, nodeCount: nodeCount, allowsZigzag: false)
            ?? ClusterLayout(canvas: canvas, shape: .dot, centres: [], regions: regions, walls: walls, regionOfNode: [])
    }

    /// Every group placed with `shape` on a ring (or a zigzag column), or nil if they do not fit.
    static func arrange(groups: [[NodeID]], shape: NodeShape, canvas: Rect, regions: [Rect], walls: [Int],
                        regionOfNode: [Int], nodeCount: Int, allowsZigzag: Bool) -> ClusterLayout? {
        var centres = [Point](repeating: Point(x: Double(canvas.x), y: Double(canvas.y)), count: nodeCount)
        for (number, group) in groups.enumerated() {
            let region = regions[number]
            var points = ring(count: group.count, in: region, shape: shape)
            if !fits(points, shape: shape, in: region) {
                guard allowsZigzag else { return nil }
                points = zigzag(count: group.count, in: region, shape: shape)
                guard fits(points, shape: shape, in: region) else { return nil }
            }
            for (position, node) in group.enumerated() where node.index < nodeCount { centres[node.index] = points[position] }
        }
        return ClusterLayout(canvas: canvas, shape: shape, centres: centres, regions: regions, walls: walls,
                             regionOfNode: regionOfNode)
    }

    /// Groups as given, dropping unknown nodes, with nodes named in no group as lone groups.
    static func normalisedGroups(_ groups: [[NodeID]], nodes: [ClusterSnapshot.NodeView]) -> [[NodeID]] {
        let known = Set(nodes.map(\.id))
        var seen = Set<NodeID>()
        var result: [[NodeID]] = []
        for group in groups {
            let members = group.filter { known.contains($0) && seen.insert($0).inserted }
            if !members.isEmpty { result.append(members) }
        }
        for node in nodes where !seen.contains(node.id) {
            if result.isEmpty { result.append([node.id]) } else if groups.isEmpty { result[0].append(node.id) } else { result.append([node.id]) }
            seen.insert(node.id)
        }
        return result.isEmpty ? [[]] : result
    }

    /// Splits the canvas into side-by-side regions sized by group size, with a wall column
    /// between neighbours and room on each side of it for a message stopped by the wall.
    static func splitCanvas(_ canvas: Rect, groups: [[NodeID]]) -> (regions: [Rect], walls: [Int]) {
        guard groups.count > 1 else { return ([canvas], []) }
        let gap = 2 * wallClearance + 1
        let usable = max(groups.count, canvas.width - gap * (groups.count - 1))
        let total = max(1, groups.reduce(0) { $0 + max(1, $1.count) })
        var regions: [Rect] = []
        var walls: [Int] = []
        var x = canvas.x
        var assigned = 0
        var weightSoFar = 0
        for (number, group) in groups.enumerated() {
            weightSoFar += max(1, group.count)
            // Cumulative rounding keeps the widths summing exactly to `usable`.
            let end = number == groups.count - 1 ? usable : (usable * weightSoFar + total / 2) / total
            let width = max(1, end - assigned)
            assigned += width
            regions.append(Rect(x: x, y: canvas.y, width: width, height: canvas.height))
            x += width
            if number < groups.count - 1 {
                walls.append(x + wallClearance)
                x += gap
            }
        }
        return (regions, walls)
    }

    /// Blank columns between a region and its wall.
    static let wallClearance = 6

    /// Shapes to try, largest first.
    static func candidateShapes(canvas: Rect, nodeCount: Int, isPresenterMode: Bool) -> [NodeShape] {
        var shapes: [NodeShape] = []
        if nodeCount <= 24 {
            let widths = isPresenterMode ? [40, 36, 32, 28, 24, 22, 20, 18, 16, 14, 12] : [26, 24, 22, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10]
            let heights = [6, 5, 4, 3]
            for height in heights {
                for width in widths where width <= canvas.width { shapes.append(.box(width: width, height: height)) }
            }
        }
        if nodeCount <= 200 { shapes += [.label(width: 10), .label(width: 7), .label(width: 4)] }
        shapes.append(.dot)
        // Prefer tall boxes at the big sizes, then trade height for width. Presenter mode keeps
        // a row for the log under `n1 follower T3` while boxes stay 16 wide.
        return shapes.sorted { a, b in
            var areaA = a.width * a.height, areaB = b.width * b.height
            if isPresenterMode {
                if a.height >= 4 && a.width >= 16 { areaA += 10_000 }
                if b.height >= 4 && b.width >= 16 { areaB += 10_000 }
            }
            return areaA != areaB ? areaA > areaB : a.height > b.height
        }
    }

    /// Centres of `count` nodes on an ellipse filling `region`, the first at the top, clockwise.
    static func ring(count: Int, in region: Rect, shape: NodeShape) -> [Point] {
        let cx = Double(region.x) + Double(region.width) / 2
        let cy = Double(region.y) + Double(region.height) / 2
        guard count > 1 else { return count == 1 ? [Point(x: cx, y: cy)] : [] }
        let rx = max(0, Double(region.width - shape.width) / 2 - 0.5)
        let ry = max(0, Double(region.height - shape.height) / 2)
        return (0..<count).map { k in
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(count)
            return Point(x: cx + rx * cosine(angle), y: cy + ry * sine(angle))
        }
    }

    /// Centres of `count` nodes down a tall narrow region, alternately left and right of its
    /// middle so that no link passes through a third node.
    static func zigzag(count: Int, in region: Rect, shape: NodeShape) -> [Point] {
        let cx = Double(region.x) + Double(region.width) / 2
        guard count > 0 else { return [] }
        let swing = max(0, Double(region.width - shape.width) / 2) * 0.8
        let pitch = Double(region.height) / Double(count)
        return (0..<count).map { k in
            let side = count == 1 ? 0.0 : (k % 2 == 0 ? -swing : swing)
            return Point(x: cx + side, y: Double(region.y) + pitch * (Double(k) + 0.5))
        }
    }

    /// True when every node lies inside `region` and no two are too close.
    static func fits(_ centres: [Point], shape: NodeShape, in region: Rect) -> Bool {
        if case .dot = shape { return true }
        let rects = centres.map { shape.rect(centredOn: $0) }
        for rect in rects where rect.x < region.x || rect.y < region.y || rect.maxX > region.maxX || rect.maxY > region.maxY {
            return false
        }
        // Neighbours keep room for a message between them: a blank row, or some blank columns.
        let columnsOfAir = shape.height >= 5 ? 6 : (shape.height > 1 ? 3 : 1)
        if rects.count > 1 {
            for i in 0..<(rects.count - 1) {
                for j in (i + 1)..<rects.count {
                    let a = rects[i], b = rects[j]
                    let columnGap = max(b.x - a.maxX, a.x - b.maxX)
                    let rowGap = max(b.y - a.maxY, a.y - b.maxY)
                    if columnGap < columnsOfAir && rowGap < 1 { return false }
                }
            }
        }
        return true
    }
}

/// Deterministic sine and cosine through the standard library's `Double` (Foundation-free):
/// a Taylor series after range reduction, accurate far beyond a cell.
func sine(_ angle: Double) -> Double {
    let turns = angle / (2 * Double.pi)
    var x = angle - Double(floorInt(turns)) * 2 * Double.pi
    if x > Double.pi { x -= 2 * Double.pi } else if x < -Double.pi { x += 2 * Double.pi }
    // Fold into [-pi/2, pi/2] where the series converges fast.
    if x > Double.pi / 2 { x = Double.pi - x } else if x < -Double.pi / 2 { x = -Double.pi - x }
    let x2 = x * x
    var term = x
    var sum = x
    for n in stride(from: 2, through: 18, by: 2) {
        term *= -x2 / Double(n * (n + 1))
        sum += term
    }
    return sum
}

/// Cosine through `sine`.
func cosine(_ angle: Double) -> Double { sine(angle + Double.pi / 2) }
