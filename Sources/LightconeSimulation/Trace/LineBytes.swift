/// The bytes of one trace line while it is built: narration writes hundreds of thousands of
/// lines in a long run, so each is assembled as UTF-8 in a reused buffer and turned into a
/// `String` once (`take()`), instead of growing a `String` append by append. What it writes
/// is byte for byte `DurationText.instant`, `NodeID.description` and `Operation.description`.
public struct LineBytes {
    /// The line so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty line.
    public init() { bytes.reserveCapacity(128) }

    /// Appends literal text.
    @inline(__always)
    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text`.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    public mutating func append(decimal value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(unsigned: value.magnitude)
    }

    /// Appends `value` in decimal, as `String(value)` writes it.
    public mutating func append(unsigned value: UInt64) {
        var magnitude = value
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: 48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    /// Appends `DurationText.instant(us)`: `1250ms`, `21.034ms`.
    public mutating func appendInstant(_ us: SimTime) {
        guard us >= 0 else {
            append(DurationText.instant(us))
            return
        }
        append(decimal: us / 1_000)
        var fraction = us % 1_000
        if fraction != 0 {
            var digits = 3
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            bytes.append(UInt8(ascii: "."))
            if digits == 3 && fraction < 100 { append(fraction < 10 ? "00" : "0") }
            else if digits == 2 && fraction < 10 { append("0") }
            append(decimal: fraction)
        }
        append("ms")
    }

    /// Appends `node.description`: `n3`.
    public mutating func appendNode(_ node: NodeID) {
        bytes.append(UInt8(ascii: "n"))
        append(decimal: Int64(node.index) + 1)
    }

    /// Appends `operation.description`: `put x 1`.
    public mutating func appendOperation(_ operation: Operation) {
        append(operation.name)
        if let key = operation.key {
            bytes.append(32)
            append(key)
        }
        for word in operation.input {
            bytes.append(32)
            append(word)
        }
    }

    /// Appends ` #17 n1->n2`.
    public mutating func appendMessage(_ id: MessageID, _ from: NodeID, _ to: NodeID) {
        append(" #")
        append(unsigned: id)
        bytes.append(32)
        appendNode(from)
        append("->")
        appendNode(to)
    }

    /// Appends ` n2 becomes leader` (a node's note, after the time).
    public mutating func appendNote(_ node: NodeID, _ note: String) {
        bytes.append(32)
        appendNode(node)
        bytes.append(32)
        append(note)
    }

    /// Appends ` kill n3` (a fault, after the time).
    public mutating func appendFault(_ fault: String) {
        bytes.append(32)
        append(fault)
    }

    /// Appends ` #17 n1->n2 dropped (loss)`.
    public mutating func appendDrop(_ id: MessageID, _ from: NodeID, _ to: NodeID, _ reason: DropReason) {
        appendMessage(id, from, to)
        append(" dropped (")
        append(reason.rawValue)
        append(")")
    }

    /// Appends ` VIOLATION ElectionSafety: ...`.
    public mutating func appendViolation(_ violation: Violation) {
        append(" VIOLATION ")
        append(violation.property)
        append(": ")
        append(violation.message)
    }

    /// Appends ` c3 ok put x 1 -> 3` (a completion, after the time).
    public mutating func appendCompletion(_ client: Int, _ op: Operation, _ outcome: OperationOutcome, _ output: String?) {
        append(" c")
        append(decimal: Int64(client))
        bytes.append(32)
        appendOutcome(op, outcome, output)
    }

    /// Appends `ok put x 1 -> 3`.
    public mutating func appendOutcome(_ op: Operation, _ outcome: OperationOutcome, _ output: String?) {
        append(outcome.rawValue)
        bytes.append(32)
        appendOperation(op)
        if let output {
            append(" -> ")
            append(output)
        }
    }

    /// The line as a string; the buffer is emptied for the next line.
    public mutating func take() -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        bytes.removeAll(keepingCapacity: true)
        return text
    }
}

/// A trace record that writes its one-line form into a `LineBytes` buffer: the stable line
/// shared by the REPL, lessons and test goldens (`t=120ms #17 n1->n2 AppendEntries term=2 ...`).
/// A `NotableRecord` writes the same line as the `TraceRecord` it was made from.
public protocol TraceLineWriting {
    /// Appends the record's line to `line`'s bytes.
    func appendLine(to line: inout LineBytes)
}

extension TraceLineWriting {
    /// The record's one-line form.
    public var line: String {
        var line = LineBytes()
        appendLine(to: &line)
        return line.take()
    }
}
