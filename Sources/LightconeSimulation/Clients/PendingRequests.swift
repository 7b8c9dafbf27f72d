import DequeModule

/// The client requests waiting for their replies, by request id.
///
/// Request ids are handed out in increasing order and most are answered within
/// milliseconds, so the waiting ones live in a window of consecutive ids (a ring, oldest
/// first) instead of a hash table: a look-up is an index computation. The window starts at
/// the oldest request still waiting; a request that is never answered holds it open only
/// until its client times out.
///
/// ```swift
/// var pending = PendingRequests()
/// pending[7] = request            // ids may skip ahead; never go back below the window
/// pending.removeValue(forKey: 7)  // the request, now answered
/// ```
struct PendingRequests: Sendable {
    /// The id of `slots.first`.
    private var first: RequestID = 0
    private var slots: Deque<PendingRequest?> = []

    /// The request waiting under `id`, if any. Setting nil removes it.
    subscript(id: RequestID) -> PendingRequest? {
        get {
            guard id >= first, id - first < UInt64(slots.count) else { return nil }
            return slots[Int(id - first)]
        }
        set {
            if slots.isEmpty {
                guard newValue != nil else { return }
                first = id
            }
            if id < first {
                // Older than the window (only after the window emptied and moved on).
                guard newValue != nil else { return }
                slots.insert(contentsOf: repeatElement(nil, count: Int(first - id)), at: 0)
                first = id
            }
            let offset = Int(id - first)
            if offset >= slots.count {
                guard newValue != nil else { return }
                slots.append(contentsOf: repeatElement(nil, count: offset - slots.count + 1))
            }
            slots[offset] = newValue
            // Answered requests at the front close the window up to the oldest still waiting.
            while let oldest = slots.first, oldest == nil {
                slots.removeFirst()
                first += 1
            }
        }
    }

    /// Removes and returns the request waiting under `id`.
    mutating func removeValue(forKey id: RequestID) -> PendingRequest? {
        guard let request = self[id] else { return nil }
        self[id] = nil
        return request
    }
}
