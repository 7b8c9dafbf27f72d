import LightconeSimulation

/// Wing & Gong's search for a linearization of one key's sub-history, with Lowe's
/// memoisation (as in Knossos and Porcupine), and three reductions for operations of unknown
/// outcome (timed out: they may take effect at any time after their invoke, or never).
///
/// The operations that returned are a doubly-linked list of call and return entries in time
/// order. The search walks it from the front: at a call it tries to linearize that
/// operation now (the model must allow it, and the pair (linearized set, new state) must not
/// have been seen before: Lowe's cache), lifting the call and its return out of the list; at
/// the first return of an operation not yet linearized it tries the unknown operations
/// invoked before that return, and when none helps it backtracks to the last choice. The
/// search succeeds when every operation that returned has a place.
///
/// Unknown operations never block anyone (they return at +infinity), so (in `runJustInTime`):
/// - they are tried only after the operations that returned (Lowe's just-in-time
///   linearization: an unknown operation is placed only when something needs its effect),
///   first those after which the operation whose return blocks the walk can happen;
///   they wait in a list of their own, so that the walk does not pass over them each step;
/// - one that would change nothing now (a write of the value already there, a `cas` that
///   does not match) is not placed now: placing it at the very end is never worse;
/// - of two unknown operations with the same action, both invoked, the later is tried only
///   once the earlier is placed (they are interchangeable: symmetry);
/// - an unknown blind write (`put`) is never placed right after another unknown operation:
///   it would erase that one's effect, so placing that one at the end is never worse;
/// - when every operation that returned is placed, the unknown ones left go at the end, in
///   any order (each can always happen, or change nothing): the history is linearizable.
/// All five keep the verdict: each only leaves out orders that an order it keeps can stand
/// in for. The just-in-time order decides histories with many timed-out writes of a few
/// values (Jepsen's etcd logs) at once, but is slow where many reads need what timed-out
/// writes wrote; `run` gives it a quarter of the budget, then searches in plain time order
/// (`runInTimeOrder`, with the same symmetry and no-op rules).
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

    /// One choice on the search's stack: the call entry placed, the state before it, and
    /// where the walk was (`pass` 1: among the unknown operations before position `stop`).
    private struct Choice {
        let entry: Int32
        let state: Int
        let pass: UInt8
        let stop: Int32
    }

    /// Searches `operations` for a linearization from the empty register, taking at most
    /// `budget` steps (one step = one entry visited). Returns the result and the steps taken.
    ///
    /// Without timed-out appends: first a relaxed just-in-time search with an eighth of the
    /// budget, in which a timed-out `put` or `cas` stands for its action, which may then
    /// happen any number of times once an operation with it was invoked. Its memo key is
    /// then (the operations that returned and are placed, the state): which unknown ones were
    /// used no longer multiplies the states. It allows every order the exact search allows,
    /// so "no order" is the verdict; an order it finds is the verdict only when each use of
    /// an action can be an operation of its own, invoked before the return it was placed
    /// ahead of (checked by `assigns`). Otherwise the exact just-in-time search gets three
    /// quarters of what is left (its cache drops a state that one seen before dominates:
    /// the same operations that returned placed, the same state, and no more of each
    /// action's unknown operations used), then the plain time-order walk the rest.
    /// With timed-out appends (Jepsen's kv histories) the relaxed search cannot run (an
    /// append repeated makes new states without end): the exact just-in-time search gets a
    /// quarter, then the time-order walk the rest. Every search is complete, so whichever
    /// decides gives the verdict.
    static func run(_ operations: [RegisterOperation], values: inout RegisterValues,
                    budget: Int) -> (result: Result, steps: Int) {
        let appendsInFlight = operations.contains { operation in
            if operation.isUnknown, case .append = operation.action { return true }
            return false
        }
        if appendsInFlight {
            // Jepsen's kv histories: the exact just-in-time order with a quarter, then the
            // time-order walk, which finds at once what many reads need of timed-out appends.
            let first = runJustInTime(operations, values: &values, budget: max(1, budget / 4))
            guard first.result == .exhausted else { return first }
            let second = runInTimeOrder(operations, values: &values, budget: max(1, budget - first.steps))
            return (second.result, first.steps + second.steps)
        }
        let relaxed = runJustInTime(operations, values: &values, budget: max(1, budget / 8), reusingWrites: true)
        if relaxed.result != .exhausted && relaxed.decided { return (relaxed.result, relaxed.steps) }
        let rest = max(1, budget - relaxed.steps)
        let first = runJustInTime(operations, values: &values, budget: max(1, rest - rest / 4))
        let spent = relaxed.steps + first.steps
        guard first.result == .exhausted else { return (first.result, spent) }
        let second = runInTimeOrder(operations, values: &values, budget: max(1, budget - spent))
        return (second.result, spent + second.steps)
    }

    /// The search in just-in-time order (see the type's comment). At a dead end it tries
    /// the unknown operations by action: of each action only the first not yet placed (the
    /// others are interchangeable with it), so a dead end costs one step per distinct action
    /// however many timed-out operations wait.
    static func runJustInTime(_ operations: [RegisterOperation], values: inout RegisterValues,
                              budget: Int) -> (result: Result, steps: Int) {
        let run = runJustInTime(operations, values: &values, budget: budget, reusingWrites: false)
        return (run.result, run.steps)
    }

    /// The just-in-time search; with `reusingWrites`, the relaxed search of `run`: an unknown
    /// `put` or `cas` stands for its action, which may then happen any number of times once
    /// one operation with it was invoked (see `run`). `decided` is false when a relaxed
    /// search found an order that uses some action more often than its operations allow.
    static func runJustInTime(_ operations: [RegisterOperation], values: inout RegisterValues,
                              budget: Int, reusingWrites: Bool) -> (result: Result, steps: Int, decided: Bool) {
        let count = operations.count
        if count == 0 { return (.linearizable, 0, true) }
        var list = EntryList(operations, layout: .justInTime)
        var remaining = list.knownCount
        if remaining == 0 { return (.linearizable, 0, true) }
        // Per action of the unknown operations: whether the relaxed search may repeat it.
        let reusable = list.classes.map { members in
            guard reusingWrites, let first = members.first else { return false }
            if case .append = operations[first].action { return false }
            return true
        }
        // The relaxed search's cache leaves unknown operations out, so every action must repeat.
        if reusingWrites && reusable.contains(false) { return (.exhausted, 0, true) }
        var linearized = OperationSet(capacity: count)
        var seen = MemoTable(bitsetWords: linearized.words.count)
        // The exact search keys its cache on the operations that returned and are placed and
        // the state, and keeps per key how many of each action's unknown operations were used.
        var dominance = DominanceMemo(bitsetWords: linearized.words.count)
        var choices: [Choice] = []
        choices.reserveCapacity(count)
        // Per action of the unknown operations: how many of its operations are placed.
        var placed = [Int](repeating: 0, count: list.classes.count)
        var state = 0
        var entry = list.next[EntryList.head]
        var pass: UInt8 = 0
        var stop: Int32 = 0
        var steps = 0
        while true {
            if steps >= budget { return (.exhausted, steps, true) }
            steps += 1
            if pass == 0 {
                if entry == EntryList.none || !list.isCall[entry] {
                    // The first return: now the unknown operations invoked before it.
                    pass = 1
                    stop = entry == EntryList.none ? Int32.max : Int32(entry)
                    entry = 0  // in pass 1, the action (class) to try next
                    continue
                }
                let operation = list.operation[entry]
                if let newState = values.step(state, operations[operation].action, isUnknown: false) {
                    linearized.insert(operation)
                    if reusingWrites ? seen.insert(linearized, state: newState)
                        : dominance.insert(linearized, state: newState, placed: placed) {
                        choices.append(Choice(entry: Int32(entry), state: state, pass: 0, stop: 0))
                        state = newState
                        list.lift(entry)
                        remaining -= 1
                        if remaining == 0 {
                            return (.linearizable, steps, !reusingWrites || Self.assigns(choices, list))
                        }
                        entry = list.next[EntryList.head]
                        continue
                    }
                    linearized.remove(operation)
                }
                entry = list.next[entry]
                continue
            }
            if entry >= list.classes.count {
                if pass == 1 {
                    // Then the unknown operations that do not let the blocked one happen.
                    pass = 2
                    entry = 0
                    continue
                }
                // Nothing fits here: undo the last choice and try what comes after it.
                guard let last = choices.popLast() else { return (.notLinearizable, steps, true) }
                state = last.state
                pass = last.pass
                stop = last.stop
                if pass == 0 {
                    let undone = Int(last.entry)
                    let operation = list.operation[undone]
                    linearized.remove(operation)
                    remaining += 1
                    list.unlift(undone)
                    entry = list.next[undone]
                } else {
                    let kind = Int(last.entry)
                    if !reusable[kind] { placed[kind] -= 1 }
                    entry = kind + 1
                }
                continue
            }
            let kind = entry
            entry += 1
            let reuse = reusable[kind]
            guard reuse || placed[kind] < list.classes[kind].count else { continue }
            let operation = list.classes[kind][reuse ? 0 : placed[kind]]
            guard list.callEntry[operation] < stop else { continue }
            // A blind write right after another unknown operation would erase that one's
            // effect: placing the earlier one at the end instead is never worse.
            // (The exact search's dominance cache does not know how a state was reached, so
            // this rule is the relaxed search's only.)
            if reusingWrites, case .write = operations[operation].action, let last = choices.last, last.pass != 0 { continue }
            if let newState = values.step(state, operations[operation].action, isUnknown: true), newState != state {
                // First (pass 1) those after which the operation whose return blocks the walk
                // can happen, then (pass 2) the others.
                let unblocks = stop == Int32.max
                    || values.step(newState, operations[list.operation[Int(stop)]].action, isUnknown: false) != nil
                if unblocks != (pass == 1) { continue }
                if !reuse { placed[kind] += 1 }
                if reuse ? seen.insert(linearized, state: newState)
                    : dominance.insert(linearized, state: newState, placed: placed) {
                    choices.append(Choice(entry: Int32(kind), state: state, pass: pass, stop: stop))
                    state = newState
                    entry = list.next[EntryList.head]
                    pass = 0
                    continue
                }
                if !reuse { placed[kind] -= 1 }
            }
        }
    }
}

extension LinearizabilitySearch {
    /// Whether the unknown operations placed on `choices` (by action) can each be a distinct
    /// operation invoked before the return it was placed ahead of (`stop`): the uses of an
    /// action, in order of `stop`, take its operations in invoke order (each use may take any
    /// operation invoked early enough, and those form a prefix of the invoke order, so this
    /// greedy assignment succeeds whenever any does).
    private static func assigns(_ choices: [Choice], _ list: EntryList) -> Bool {
        var stops: [Int: [Int32]] = [:]
        for choice in choices where choice.pass != 0 { stops[Int(choice.entry), default: []].append(choice.stop) }
        for (kind, uses) in stops {
            let members = list.classes[kind]
            guard uses.count <= members.count else { return false }
            for (index, stop) in uses.sorted().enumerated() where list.callEntry[members[index]] >= stop { return false }
        }
        return true
    }
}


extension LinearizabilitySearch {
    /// Wing & Gong's walk in plain time order: at a call it tries to place that operation,
    /// unknown ones too (as soon as they are reached), with the symmetry and no-op rules of
    /// `run`. Unknown operations are placed eagerly here, which is what a history needs when
    /// many later reads see what timed-out writes wrote (Jepsen's kv histories end with
    /// dozens of appends still in flight); `run` tries it after the just-in-time order.
    static func runInTimeOrder(_ operations: [RegisterOperation], values: inout RegisterValues,
                               budget: Int) -> (result: Result, steps: Int) {
        let count = operations.count
        if count == 0 { return (.linearizable, 0) }
        var list = EntryList(operations, layout: .timeOrder)
        var remaining = list.knownCount
        if remaining == 0 { return (.linearizable, 0) }
        var linearized = OperationSet(capacity: count)
        var seen = MemoTable(bitsetWords: linearized.words.count)
        var choices: [(entry: Int, state: Int)] = []
        choices.reserveCapacity(count)
        var state = 0
        var entry = list.next[EntryList.head]
        var steps = 0
        while true {
            if steps >= budget { return (.exhausted, steps) }
            steps += 1
            if entry != EntryList.none && list.isCall[entry] {
                let operation = list.operation[entry]
                let isUnknown = list.isUnknown[operation]
                if isUnknown, let twin = list.twin[operation], !linearized.contains(twin) {
                    entry = list.next[entry]
                    continue
                }
                if let newState = values.step(state, operations[operation].action, isUnknown: isUnknown),
                   !isUnknown || newState != state {
                    linearized.insert(operation)
                    if seen.insert(linearized, state: newState) {
                        choices.append((entry, state))
                        state = newState
                        list.lift(entry)
                        if !isUnknown {
                            remaining -= 1
                            if remaining == 0 { return (.linearizable, steps) }
                        }
                        entry = list.next[EntryList.head]
                        continue
                    }
                    linearized.remove(operation)
                }
                entry = list.next[entry]
            } else {
                // The return of an operation not yet linearized (or an unknown one's, at +infinity): backtrack.
                guard let last = choices.popLast() else { return (.notLinearizable, steps) }
                state = last.state
                let operation = list.operation[last.entry]
                linearized.remove(operation)
                if !list.isUnknown[operation] { remaining += 1 }
                list.unlift(last.entry)
                entry = list.next[last.entry]
            }
        }
    }
}
