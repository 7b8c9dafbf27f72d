/// A position on the canvas in (fractional) cells; the view's only use of floating point,
/// which never reaches a transcript.
public struct Point: Sendable, Hashable {
    /// Column, from the left edge.
    public var x: Double
    /// Row, from the top edge.
    public var y: Double

    /// The point (`x`, `y`).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// The point a `fraction` of the way from `self` to `other`.
    public func interpolated(to other: Point, fraction: Double) -> Point {
        Point(x: x + (other.x - x) * fraction, y: y + (other.y - y) * fraction)
    }
}

/// The largest integer not above `value` (without libm, which this target does not link).
@inline(__always) func floorInt(_ value: Double) -> Int {
    guard value.isFinite else { return 0 }
    let clamped = min(max(value, -1e9), 1e9)
    let truncated = Int(clamped)
    return Double(truncated) > clamped ? truncated - 1 : truncated
}

/// `value` rounded to the nearest integer, halves up.
@inline(__always) func roundInt(_ value: Double) -> Int { floorInt(value + 0.5) }

/// The smallest integer not below `value`.
@inline(__always) func ceilInt(_ value: Double) -> Int { -floorInt(-value) }
