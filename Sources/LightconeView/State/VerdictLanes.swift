/// The lanes of a `check` that found a history not linearizable, as the view shows them in a
/// pane over the canvas: the verdict line, then one lane per client and the axis of instants.
///
/// `VerdictLanes(output: check.lines)` finds them in `check`'s output (after its `timeline:`
/// line, on either side of a `compare`); nil when the output has none.
public struct VerdictLanes: Sendable, Equatable {
    /// `check: VIOLATION linearizability: not linearizable on key x` (with its side's prefix).
    public var title: String
    /// The lanes and the axis, as `check` prints them, without their indentation.
    public var lanes: [String]

    /// Lanes given directly.
    public init(title: String, lanes: [String]) {
        self.title = title
        self.lanes = lanes
    }

    /// The first lanes in a command's output lines, if any.
    public init?(output lines: [String]) {
        guard let marker = lines.firstIndex(where: { $0.hasSuffix("timeline:") && $0.contains("  timeline:") }) else { return nil }
        let markerLine = lines[marker]
        let prefixEnd = markerLine.range(of: "timeline:")?.lowerBound ?? markerLine.startIndex
        let indent = markerLine.distance(from: markerLine.startIndex, to: prefixEnd)
        // The lanes are the lines below, indented deeper than `timeline:`.
        var lanes: [String] = []
        for line in lines[(marker + 1)...] {
            let leading = Array(line)
            guard leading.count > indent + 2, leading[indent..<(indent + 2)].allSatisfy({ $0 == " " }),
                  String(leading.prefix(indent)) == String(Array(markerLine).prefix(indent)) else { break }
            lanes.append(String(leading.dropFirst(indent + 2)))
        }
        guard !lanes.isEmpty else { return nil }
        let side = markerLine.prefix(indent).trimmingSuffixSpaces
        let title = lines[..<marker].last { $0.hasPrefix(side.isEmpty ? "check: VIOLATION" : side + " check: VIOLATION") }
        self.init(title: title ?? "check: not linearizable", lanes: lanes)
    }
}

extension StringProtocol {
    /// The text without trailing spaces.
    fileprivate var trimmingSuffixSpaces: String {
        var text = String(self)
        while text.last == " " { text.removeLast() }
        return text
    }
}
