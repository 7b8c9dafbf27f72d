import LightconeSimulation

/// Operations one node took, sent together and accepted by the server as one entry.
public struct TextBatch: Sendable, Hashable {
    /// The node that took them.
    public var origin: NodeID
    /// Its batches so far, this one included (so a resent batch is accepted once).
    public var seq: Int
    /// The operations, in order.
    public var ops: [TextOperation]
}

/// A shared text edited offline and merged by operational transform, as in Jupiter
/// (Nichols, Curtis, Dixon & Lamping 1995) and Google Docs: `n1` is the server and keeps the
/// one order of accepted batches; every node edits its own copy at once, sends its edits as a
/// batch when it can reach the server (one batch outstanding at a time), and transforms the
/// server's entries past its pending edits as they arrive. Inserts at one position are
/// ordered by node id, so every copy ends the same.
public struct TextDocument: Sendable, Hashable {
    /// This copy's text.
    public private(set) var text: [Character] = []
    /// Server entries applied here (on the server: all of them).
    public private(set) var revision = 0
    /// The batch sent to the server and not yet seen in its history.
    public private(set) var outstanding: TextBatch?
    /// Edits taken here and not sent yet.
    public private(set) var buffer: [TextOperation] = []
    /// Batches this node has made.
    public private(set) var batches = 0
    /// The server only: every accepted batch, transformed, in order.
    public private(set) var history: [TextBatch] = []
    /// The server only: the last batch accepted from each node.
    public private(set) var accepted: [Int]

    /// An empty document for `nodeCount` nodes.
    public init(nodeCount: Int) { accepted = Array(repeating: 0, count: nodeCount) }

    /// The text as a string.
    public var string: String { String(text) }

    /// True when nothing taken here is still to reach the server.
    public var isDrained: Bool { outstanding == nil && buffer.isEmpty }

    /// Node `node` edits its copy: the operations apply at once; the server records them
    /// directly, a client keeps them for its next batch.
    public mutating func edit(_ ops: [TextOperation], at node: NodeID) {
        for op in ops { op.apply(to: &text) }
        if node.index == 0 {
            batches += 1
            history.append(TextBatch(origin: node, seq: batches, ops: ops))
            accepted[0] = batches
            revision = history.count
        } else {
            buffer += ops
        }
    }

    /// A client's next batch to send: the outstanding one (again), else the buffer made a batch.
    public mutating func batchToSend(from node: NodeID) -> TextBatch? {
        if outstanding == nil && !buffer.isEmpty {
            batches += 1
            outstanding = TextBatch(origin: node, seq: batches, ops: buffer)
            buffer = []
        }
        return outstanding
    }

    /// The server receives a batch made on revision `base`: unless it has it already, it
    /// transforms the batch past every entry since `base`, applies it and appends it.
    public mutating func accept(_ batch: TextBatch, base: Int) {
        guard batch.origin.index < accepted.count, batch.seq > accepted[batch.origin.index] else { return }
        var ops = batch.ops
        for entry in history[min(max(base, 0), history.count)...] { ops = TextOperation.transform(ops, entry.ops).a }
        for op in ops { op.apply(to: &text) }
        history.append(TextBatch(origin: batch.origin, seq: batch.seq, ops: ops))
        accepted[batch.origin.index] = batch.seq
        revision = history.count
    }

    /// A client receives server entries from index `from`: its own outstanding batch is the
    /// acknowledgement; another node's is transformed past the pending edits and applied.
    public mutating func receive(_ entries: [TextBatch], from: Int, at node: NodeID) {
        for (offset, entry) in entries.enumerated() {
            let index = from + offset
            if index < revision { continue }
            guard index == revision else { return }
            revision += 1
            if entry.origin == node {
                if entry.seq == outstanding?.seq { outstanding = nil }
                continue
            }
            let pending = (outstanding?.ops ?? []) + buffer
            let (mine, theirs) = TextOperation.transform(pending, entry.ops)
            for op in theirs { op.apply(to: &text) }
            let sent = outstanding?.ops.count ?? 0
            if var batch = outstanding {
                batch.ops = Array(mine.prefix(sent))
                outstanding = batch
            }
            buffer = Array(mine.dropFirst(sent))
        }
    }

    /// What `converged` compares: the text, the revision, and whether edits are pending.
    public var settled: String { "\(revision)|\(isDrained)|\(string)" }

    /// `"hello" r3` with what is pending.
    public var description: String {
        var parts = ["\"\(string)\" r\(revision)"]
        if let outstanding { parts.append("sent \(outstanding.ops.count)") }
        if !buffer.isEmpty { parts.append("pending \(buffer.count)") }
        return parts.joined(separator: " ")
    }
}
