/// A mark a protocol puts on a node's box in the view: one short line, drawn in the theme's
/// mark style. Clocks marks a light cone this way (`cone n2:3`): the node of the event, the
/// nodes with events in its past or future, and those wholly outside it.
///
/// ```swift
/// NodeMark(.marked, "past<=2 fut>=4")
/// ```
public struct NodeMark: Sendable, Equatable {
    /// What the mark says about the node, for its style.
    public enum Kind: Sendable, Equatable {
        /// The node the marking is about (the event of the cone is on it).
        case focus
        /// The node takes part (some of its events are in the cone).
        case marked
        /// The node is outside what is marked (drawn faint).
        case outside
    }

    /// What the mark says about the node.
    public var kind: Kind
    /// The line drawn in the box, e.g. `past<=2 fut>=4` (ASCII, so `--ascii` shows it).
    public var text: String

    /// A mark of `kind` reading `text`.
    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}
