/// How big a node is drawn: a framed box, a one-line label, or a dot (for big clusters).
public enum NodeShape: Sendable, Hashable {
    /// A framed box `width` x `height` cells (frame included).
    case box(width: Int, height: Int)
    /// One line without frame, e.g. `n12 T3 F`, at most `width` columns.
    case label(width: Int)
    /// One cell.
    case dot

    /// Columns taken.
    public var width: Int {
        switch self {
        case .box(let width, _): width
        case .label(let width): width
        case .dot: 1
        }
    }

    /// Rows taken.
    public var height: Int {
        switch self {
        case .box(_, let height): height
        case .label, .dot: 1
        }
    }

    /// The rectangle of a node of this shape centred on `centre`.
    public func rect(centredOn centre: Point) -> Rect {
        Rect(x: roundInt(centre.x - Double(width) / 2), y: roundInt(centre.y - Double(height) / 2),
             width: width, height: height)
    }
}
