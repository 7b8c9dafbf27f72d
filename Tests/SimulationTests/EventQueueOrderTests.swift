import Testing
@testable import LightconeSimulation

/// The event queue pops events in (time, sequence) order, however inserts and pops
/// interleave: every transcript depends on it.
@Suite("Event queue order")
struct EventQueueOrderTests {
    @Test("pops in (time, sequence) order with inserts and pops interleaved", arguments: 1...40)
    func popsInOrder(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var queue = EventQueue()
        var model: [Event] = []
        var sequence: UInt64 = 0
        var now: SimTime = 0
        for _ in 0..<3_000 {
            if rng.uniform(below: 3) < 2 || model.isEmpty {
                sequence += 1
                // Few distinct times, so that ties on time are common.
                let event = Event(time: now + Int64(rng.uniform(below: 50)), sequence: sequence, slot: Int32(sequence % 7))
                queue.insert(event)
                model.append(event)
            } else {
                model.sort(by: <)
                let expected = model.removeFirst()
                let popped = queue.popMin()
                #expect(popped == expected && popped?.slot == expected.slot)
                now = expected.time
            }
            #expect(queue.count == model.count)
        }
        model.sort(by: <)
        for expected in model { #expect(queue.popMin() == expected) }
        #expect(queue.isEmpty && queue.popMin() == nil)
    }
}
