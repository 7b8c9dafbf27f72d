/// Trace text as strings, built with `LineBytes`: byte for byte `DurationText.instant`,
/// `Operation.description` and a completion's text, without interpolation or joining.
public enum TraceText {
    /// Appends `DurationText.instant(us)`: `1250ms`, `21.034ms`.
    public static func appendInstant(_ us: SimTime, to text: inout String) {
        var line = LineBytes()
        line.appendInstant(us)
        text += line.take()
    }

    /// `operation.description`: `put x 1`.
    public static func operation(_ operation: Operation) -> String {
        var line = LineBytes()
        line.appendOperation(operation)
        return line.take()
    }

    /// `ok put x 1 -> 3`: a completion's text.
    public static func completionText(_ op: Operation, _ outcome: OperationOutcome, _ output: String?) -> String {
        var line = LineBytes()
        line.appendOutcome(op, outcome, output)
        return line.take()
    }
}
