/// Moves nodes smoothly from where they are drawn toward where they belong, so that a
/// partition visibly drifts the groups apart and a heal drifts them back together.
///
/// ```swift
/// var animator = LayoutAnimator()
/// // every frame:
/// let target = FrameRenderer.layout(snapshot: snapshot, state: state, width: w, height: h)
/// animator.advance(toward: target, fraction: 0.2)
/// let frame = FrameRenderer.render(snapshot: snapshot, state: state, width: w, height: h, layout: animator.current)
/// ```
public struct LayoutAnimator: Sendable, Equatable {
    /// The layout drawn now; nil before the first `advance`.
    public private(set) var current: ClusterLayout?

    /// An animator with nothing drawn yet (the first `advance` jumps to the target).
    public init() {}

    /// True when every node is where the last target wants it.
    public private(set) var isSettled: Bool = true

    /// Moves every node `fraction` (0...1) of the remaining way toward `target`; nodes less
    /// than a quarter cell away snap. Regions, walls and shapes follow the target at once.
    /// A new canvas (resize) or a new node count jumps straight to the target.
    public mutating func advance(toward target: ClusterLayout, fraction: Double) {
        guard let previous = current, previous.canvas == target.canvas,
              previous.centres.count == target.centres.count else {
            current = target
            isSettled = true
            return
        }
        let step = min(1, max(0, fraction))
        var moved = target
        var settled = true
        for index in target.centres.indices {
            let from = previous.centres[index], to = target.centres[index]
            var next = from.interpolated(to: to, fraction: step)
            if abs(next.x - to.x) < 0.25 && abs(next.y - to.y) < 0.25 {
                next = to
            } else {
                settled = false
            }
            moved.centres[index] = next
        }
        current = moved
        isSettled = settled
    }

    /// Jumps to `target` without animation.
    public mutating func jump(to target: ClusterLayout) {
        current = target
        isSettled = true
    }
}
