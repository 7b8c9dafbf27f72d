import LightconeSimulation

/// The call and return entries of a sub-history as doubly-linked lists in arrays, in time
/// order (calls before returns at the same instant, so that touching operations count as
/// concurrent). An entry's number is its place in that time order, so `a < b` means a comes
/// first; entries 0 and 1 are the heads of the two lists. Lifting an operation out of its
/// list and putting it back are O(1) (Lowe's and Wing & Gong's searches backtrack by it).
///
/// - `.justInTime` (`LinearizabilitySearch.runJustInTime`): from `head`, the calls and
///   returns of the operations that returned; from `unknownHead`, the calls of the unknown
///   ones, which have no return entry (it would be at +infinity).
/// - `.timeOrder` (`runInTimeOrder`): every entry from `head`, an unknown operation's return
///   last (at +infinity); `unknownHead`'s list is empty.
struct EntryList {
    /// Where the unknown operations' entries go.
    enum Layout {
        /// Their calls in a list of their own, without returns.
        case justInTime
        /// In the one list with the others, returning at +infinity.
        case timeOrder
    }

    static let head = 0
    static let unknownHead = 1
    static let none = -1

    var next: [Int]
    var previous: [Int]
    /// For each entry, the index of its operation.
    let operation: [Int]
    let isCall: [Bool]
    /// For each call entry, its return entry (none for an unknown operation in `.justInTime`).
    let match: [Int]
    /// Per operation: whether its outcome is unknown.
    let isUnknown: [Bool]
    /// The unknown operations grouped by action, each group in invoke order.
    let classes: [[Int]]
    /// Per operation: its call entry.
    let callEntry: [Int32]
    /// Per unknown operation: the unknown operation with the same action invoked last before it.
    let twin: [Int?]
    /// How many operations returned.
    let knownCount: Int

    init(_ operations: [RegisterOperation], layout: Layout) {
        struct Event {
            let time: SimTime
            let isCall: Bool
            let operation: Int
        }
        var events: [Event] = []
        events.reserveCapacity(operations.count * 2)
        for (index, op) in operations.enumerated() {
            events.append(Event(time: op.invokeTime, isCall: true, operation: index))
            if !op.isUnknown || layout == .timeOrder {
                events.append(Event(time: op.returnTime, isCall: false, operation: index))
            }
        }
        events.sort { a, b in
            if a.time != b.time { return a.time < b.time }
            if a.isCall != b.isCall { return a.isCall }
            return a.operation < b.operation
        }
        let size = events.count + 2
        var next = [Int](repeating: EntryList.none, count: size)
        var previous = [Int](repeating: EntryList.none, count: size)
        var operation = [Int](repeating: -1, count: size)
        var isCall = [Bool](repeating: false, count: size)
        var match = [Int](repeating: EntryList.none, count: size)
        var callEntry = [Int](repeating: EntryList.none, count: operations.count)
        var returnEntry = [Int](repeating: EntryList.none, count: operations.count)
        var isUnknown = [Bool](repeating: false, count: operations.count)
        var twin = [Int?](repeating: nil, count: operations.count)
        var classes: [[Int]] = []
        var classOf: [RegisterAction: Int] = [:]
        var tail = [EntryList.head, EntryList.unknownHead]
        var knownCount = 0
        for (position, event) in events.enumerated() {
            let entry = position + 2
            let unknown = operations[event.operation].isUnknown
            let list = unknown && layout == .justInTime ? EntryList.unknownHead : EntryList.head
            previous[entry] = tail[list]
            next[tail[list]] = entry
            tail[list] = entry
            operation[entry] = event.operation
            isCall[entry] = event.isCall
            if event.isCall { callEntry[event.operation] = entry } else { returnEntry[event.operation] = entry }
            guard event.isCall else { continue }
            if unknown {
                isUnknown[event.operation] = true
                let action = operations[event.operation].action
                if let kind = classOf[action] {
                    twin[event.operation] = classes[kind].last
                    classes[kind].append(event.operation)
                } else {
                    classOf[action] = classes.count
                    classes.append([event.operation])
                }
            } else {
                knownCount += 1
            }
        }
        for op in 0..<operations.count { match[callEntry[op]] = returnEntry[op] }
        self.next = next
        self.previous = previous
        self.operation = operation
        self.isCall = isCall
        self.match = match
        self.isUnknown = isUnknown
        self.classes = classes
        self.callEntry = callEntry.map { Int32($0) }
        self.twin = twin
        self.knownCount = knownCount
    }

    /// Takes the call `entry` and its return (if any) out of their list.
    mutating func lift(_ entry: Int) {
        unlink(entry)
        if match[entry] != EntryList.none { unlink(match[entry]) }
    }

    /// Puts the call `entry` and its return back where they were (the reverse of `lift`).
    mutating func unlift(_ entry: Int) {
        if match[entry] != EntryList.none { relink(match[entry]) }
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
