import LightconeSimulation

/// Wing & Gong's search for a linearization of one key's sub-history, with Lowe's
/// memoisation (as in Knossos and Porcupine).
///
/// The history is a doubly-linked list of call and return entries in time order. The
/// search walks it from the front: at a call it tries to linearize that operation now (the
/// model must allow it, and the pair (linearized set, new state) must not have been seen
/// before: Lowe's cache), lifting the call and its return out of the list; at a return of an
/// operation not yet linearized it is stuck and backtracks to the last choice. The list
/// empties exactly when every operation has a place. Unknown operations return at +infinity,
/// so they can always wait.
struct LinearizabilitySearch {
    /// How a search ended.
    enum Result: Equatable, Sendable {
        /// Every operation has a place in one sequential order.
        case linearizable
        /// No order exists.
        case notLinearizable
        /// The step budget ran out first.
        case exhausted
    }

    /// Searches `operations` for a linearization from the empty register, taking at most
    /// `budget` steps (one step = one entry visited). Returns the result and the steps taken.
    static func run(_ operations: [RegisterOperation], values: inout RegisterValues,
                    budget: Int) -> (result: Result, steps: Int) {
        let count = operations.count
        if count == 0 { return (.linearizable, 0) }
        var list = EntryList(operations)
        var linearized = OperationSet(capacity: count)
        var seen = MemoTable(bitsetWords: linearized.words.count)
        // The choices made so far: (call entry, state before it).
        var choices: [(entry: Int, state: Int)] = []
        choices.reserveCapacity(count)
        var state = 0
        var entry = list.next[EntryList.head]
        var steps = 0
        while list.next[EntryList.head] != EntryList.none {
            if steps >= budget { return (.exhausted, steps) }
            steps += 1
            let operation = list.operation[entry]
            if list.isCall[entry] {
                let action = operations[operation].action
                if let newState = values.step(state, action, isUnknown: operations[operation].isUnknown) {
                    linearized.insert(operation)
                    if seen.insert(linearized, state: newState) {
                        choices.append((entry, state))
                        state = newState
                        list.lift(entry)
                        entry = list.next[EntryList.head]
                        continue
                    }
                    linearized.remove(operation)
                }
                entry = list.next[entry]
            } else {
                // The return of an operation not yet linearized: backtrack.
                guard let last = choices.popLast() else { return (.notLinearizable, steps) }
                state = last.state
                linearized.remove(list.operation[last.entry])
                list.unlift(last.entry)
                entry = list.next[last.entry]
            }
        }
        return (.linearizable, steps)
    }
}

/// The call and return entries of a sub-history as a doubly-linked list in arrays, sorted
/// by time (calls before returns at the same instant, so that touching operations count as
/// concurrent). Entry 0 is the head sentinel.
struct EntryList {
    static let head = 0
    static let none = -1

    var next: [Int]
    var previous: [Int]
    /// For each entry, the index of its operation.
    let operation: [Int]
    let isCall: [Bool]
    /// For each call entry, its return entry.
    let match: [Int]

    init(_ operations: [RegisterOperation]) {
        struct Event {
            let time: SimTime
            let isCall: Bool
            let operation: Int
        }
        var events: [Event] = []
        events.reserveCapacity(operations.count * 2)
        for (index, op) in operations.enumerated() {
            events.append(Event(time: op.invokeTime, isCall: true, operation: index))
            events.append(Event(time: op.returnTime, isCall: false, operation: index))
        }
        events.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.isCall != b.isCall { return a.isCall }
            return a.operation < b.operation
        }
        let size = events.count + 1
        var next = [Int](repeating: EntryList.none, count: size)
        var previous = [Int](repeating: EntryList.none, count: size)
        var operation = [Int](repeating: -1, count: size)
        var isCall = [Bool](repeating: false, count: size)
        var match = [Int](repeating: EntryList.none, count: size)
        var callEntry = [Int](repeating: EntryList.none, count: operations.count)
        var returnEntry = [Int](repeating: EntryList.none, count: operations.count)
        for (position, event) in events.enumerated() {
            let entry = position + 1
            previous[entry] = entry - 1
            next[entry - 1] = entry
            operation[entry] = event.operation
            isCall[entry] = event.isCall
            if event.isCall { callEntry[event.operation] = entry } else { returnEntry[event.operation] = entry }
        }
        for op in 0..<operations.count { match[callEntry[op]] = returnEntry[op] }
        self.next = next
        self.previous = previous
        self.operation = operation
        self.isCall = isCall
        self.match = match
    }

    /// Takes the call `entry` and its return out of the list.
    mutating func lift(_ entry: Int) {
        unlink(entry)
        unlink(match[entry])
    }

    /// Puts the call `entry` and its return back where they were (the reverse of `lift`).
    mutating func unlift(_ entry: Int) {
        relink(match[entry])
        relink(entry)
    }

    private mutating func unlink(_ entry: Int) {
        let before = previous[entry]
        let after = next[entry]
        next[before] = after
        if after != EntryList.none { previous[after] = before }
    }

    private mutating func relink(_ entry: Int) {
        let before = previous[entry]
        let after = next[entry]
        next[before] = entry
        if after != EntryList.none { previous[after] = entry }
    }
}
