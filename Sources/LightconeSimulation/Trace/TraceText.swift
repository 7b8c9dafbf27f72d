/// Cheap text building for trace lines: appends into one string instead of interpolating
/// and joining. Narration formats hundreds of thousands of lines in a long run, so each
/// line is built with a handful of appends. The bytes are exactly those of
/// `DurationText.instant`, `NodeID.description` and `Operation.description`.
public enum TraceText {
    /// Appends `DurationText.instant(us)`: `1250ms`, `21.034ms`.
    @inlinable
    public static func appendInstant(_ us: SimTime, to text: inout String) {
        guard us >= 0 else {
            text += DurationText.instant(us)
            return
        }
        text += String(us / 1_000)
        var fraction = us % 1_000
        if fraction != 0 {
            var digits = 3
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            text += "."
            if digits == 3 && fraction < 100 { text += fraction < 10 ? "00" : "0" }
            else if digits == 2 && fraction < 10 { text += "0" }
            text += String(fraction)
        }
        text += "ms"
    }

    /// Appends `node.description`: `n3`.
    @inlinable
    public static func appendNode(_ node: NodeID, to text: inout String) {
        text += "n"
        text += String(node.index + 1)
    }

    /// Appends `operation.description`: `put x 1`.
    @inlinable
    public static func appendOperation(_ operation: Operation, to text: inout String) {
        text += operation.name
        if let key = operation.key {
            text += " "
            text += key
        }
        for word in operation.input {
            text += " "
            text += word
        }
    }

    /// `operation.description`, built with appends.
    @inlinable
    public static func operation(_ operation: Operation) -> String {
        var text = ""
        appendOperation(operation, to: &text)
        return text
    }

    /// Appends ` #17 n1->n2`.
    public static func appendMessage(_ id: MessageID, _ from: NodeID, _ to: NodeID, to text: inout String) {
        text += " #"
        text += String(id)
        text += " "
        appendNode(from, to: &text)
        text += "->"
        appendNode(to, to: &text)
    }

    /// Appends ` c3 ok put x 1 -> 3` (a completion, after the time).
    public static func appendCompletion(_ client: Int, _ op: Operation, _ outcome: OperationOutcome, _ output: String?,
                                        to text: inout String) {
        text += " c"
        text += String(client)
        text += " "
        appendOutcome(op, outcome, output, to: &text)
    }

    /// `ok put x 1 -> 3`: a completion's text.
    public static func completionText(_ op: Operation, _ outcome: OperationOutcome, _ output: String?) -> String {
        var text = ""
        appendOutcome(op, outcome, output, to: &text)
        return text
    }

    static func appendOutcome(_ op: Operation, _ outcome: OperationOutcome, _ output: String?, to text: inout String) {
        text += outcome.rawValue
        text += " "
        appendOperation(op, to: &text)
        if let output {
            text += " -> "
            text += output
        }
    }
}
