/// The cells of the canvas already taken by a node or a message tag, so that message labels
/// never overlap one another or hide behind a node: a tag is placed only on free cells, and
/// a placed tag also takes the cell on each side, so that two tags never touch (`▸AE◂AE`).
struct TagOccupancy {
    /// The cells tags may use.
    let area: Rect
    private var taken: [Bool]

    /// Nothing taken yet in `area`.
    init(area: Rect) {
        self.area = area
        taken = [Bool](repeating: false, count: max(0, area.width) * max(0, area.height))
    }

    /// True when the `width` cells from (`x`, `y`) lie in the area and none is taken.
    func isFree(x: Int, y: Int, width: Int) -> Bool {
        guard y >= area.y, y < area.maxY, x >= area.x, x + width <= area.maxX, width > 0 else { return false }
        let base = (y - area.y) * area.width - area.x
        for column in x..<(x + width) where taken[base + column] { return false }
        return true
    }

    /// Takes `rect` (a node), clipped to the area.
    mutating func take(_ rect: Rect) {
        let x0 = max(area.x, rect.x), x1 = min(area.maxX, rect.maxX)
        let y0 = max(area.y, rect.y), y1 = min(area.maxY, rect.maxY)
        guard x0 < x1, y0 < y1 else { return }
        for y in y0..<y1 {
            let base = (y - area.y) * area.width - area.x
            for x in x0..<x1 { taken[base + x] = true }
        }
    }

    /// Takes a tag's cells and one cell either side of them.
    mutating func takeTag(x: Int, y: Int, width: Int) {
        take(Rect(x: x - 1, y: y, width: width + 2, height: 1))
    }
}
