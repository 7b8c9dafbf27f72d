/// The simulation's event queue: a 4-ary min-heap of `Event`s in one array, ordered by
/// (time, sequence).
///
/// It replaced swift-collections' `Heap`, a min-max heap: a DES only ever takes the
/// minimum, and a min-max heap pays for the max side on every insert and pop (its levels
/// alternate, so each sift compares against grandchildren and parents of both kinds); that
/// was 11% of Raft's instructions and 25% of gossip's. A 4-ary heap has half the levels of a
/// binary one, its four children share a cache line or two, and sifting moves a hole instead
/// of swapping. Since (time, sequence) is unique per event, any correct heap pops events in
/// the same order: the order, and so every transcript, is unchanged.
struct EventQueue: Sendable {
    private var storage: [Event] = []

    /// True when nothing is queued.
    var isEmpty: Bool { storage.isEmpty }
    /// How many events are queued.
    var count: Int { storage.count }
    /// The next event, if any.
    var min: Event? { storage.first }

    /// Queues `event`.
    @inline(__always)
    mutating func insert(_ event: Event) {
        storage.append(event)
        var hole = storage.count - 1
        storage.withUnsafeMutableBufferPointer { heap in
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard event < heap[parent] else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = event
        }
    }

    /// Removes and returns the next event.
    ///
    /// Bottom-up (Wegener's variant): the hole left by the minimum sinks to a leaf along the
    /// smallest children without comparing them to the last event, which then rises from
    /// there. The last event came from the bottom, so it rarely rises more than a level:
    /// three comparisons per level instead of four.
    @inline(__always)
    mutating func popMin() -> Event? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        storage.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var hole = 0
            while true {
                let first = 4 * hole + 1
                if first >= count { break }
                var best = first
                if first + 3 < count {
                    // Four children: a tournament of two pairs (the pairs' comparisons are
                    // independent, and there is no loop to steer).
                    let left = heap[first + 1] < heap[first] ? first + 1 : first
                    let right = heap[first + 3] < heap[first + 2] ? first + 3 : first + 2
                    best = heap[right] < heap[left] ? right : left
                } else {
                    var child = first + 1
                    while child < count {
                        if heap[child] < heap[best] { best = child }
                        child += 1
                    }
                }
                heap[hole] = heap[best]
                hole = best
            }
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard last < heap[parent] else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = last
        }
        return top
    }
}
