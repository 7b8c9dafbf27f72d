import LightconeSimulation

/// What one operation does to the register of its key, with values as interned ids.
enum RegisterAction: Sendable, Hashable {
    /// `get`: observed the value with this id (0 = empty: nil or "").
    case read(observed: Int)
    /// `put`: sets the value.
    case write(Int)
    /// `cas KEY OLD NEW`: sets `new` if the value is `expected`.
    case compareAndSet(expected: Int, new: Int)
    /// A `cas` that ran and failed its compare: the value was not `expected`; nothing changed.
    case compareFailed(expected: Int)
    /// `append`: adds the text at the end of the value (Jepsen's kv histories).
    case append(Int)
}

/// One operation of one key's sub-history, ready for the search.
struct RegisterOperation: Sendable {
    /// What it does.
    let action: RegisterAction
    /// When it was invoked.
    let invokeTime: SimTime
    /// When it returned; `SimTime.max` when the outcome is unknown (it may take effect at any
    /// time after its invoke, or never).
    let returnTime: SimTime
    /// Its index in the entries the sub-history was built from.
    let source: Int

    /// Whether the outcome is unknown (timed out, or still pending).
    var isUnknown: Bool { returnTime == .max }
}

/// The values of one key's register, interned as small integers so that model states are
/// cheap to compare and hash. Id 0 is the empty value: a key never written reads as nil,
/// which Jepsen's kv histories print as `""`, so nil and `""` are the same value here.
///
/// A model state is either a value id (>= 0) or, after an `append`, a node of a trie of
/// appends (< 0): node `-k-1` is (earlier state, appended value). Appending never builds
/// or hashes a string; a read compares the observed text with a node's pieces once and
/// remembers the answer. Two nodes may spell the same text; the memo then merely keeps
/// both, which costs search time but never changes a verdict.
struct RegisterValues: Sendable {
    private(set) var strings: [String] = [""]
    private var ids: [String: Int] = ["": 0]
    /// Trie nodes: node `-k-1` is `appends[k]`.
    private var appends: [AppendStep] = []
    private var appendNodes: [AppendStep: Int] = [:]
    /// Memoised comparisons of a trie node's text with a value.
    private var spells: [AppendStep: Bool] = [:]

    private struct AppendStep: Hashable, Sendable {
        let state: Int
        let suffix: Int
    }

    /// The id of `text` (nil and "" are both 0), interning it if new.
    mutating func id(of text: String?) -> Int {
        guard let text, !text.isEmpty else { return 0 }
        if let known = ids[text] { return known }
        strings.append(text)
        ids[text] = strings.count - 1
        return strings.count - 1
    }

    /// The model's step (Herlihy & Wing's sequential specification of a register):
    /// the state after `action` in `state`, or nil when the action cannot happen there
    /// (a read of another value, a successful cas whose expected value is not there).
    /// A cas of unknown outcome that does not match is a no-op.
    mutating func step(_ state: Int, _ action: RegisterAction, isUnknown: Bool) -> Int? {
        switch action {
        case .read(let observed):
            return holds(state, observed) ? state : nil
        case .write(let value):
            return value
        case .compareAndSet(let expected, let new):
            if holds(state, expected) { return new }
            return isUnknown ? state : nil
        case .compareFailed(let expected):
            return holds(state, expected) ? nil : state
        case .append(let suffix):
            if suffix == 0 { return state }
            if state == 0 { return suffix }
            let key = AppendStep(state: state, suffix: suffix)
            if let node = appendNodes[key] { return node }
            appends.append(key)
            let node = -appends.count
            appendNodes[key] = node
            return node
        }
    }

    /// Whether the register in `state` holds the value with id `value`.
    private mutating func holds(_ state: Int, _ value: Int) -> Bool {
        if state >= 0 { return state == value }
        let key = AppendStep(state: state, suffix: value)
        if let known = spells[key] { return known }
        let answer = spell(state, value)
        spells[key] = answer
        return answer
    }

    /// Whether the pieces of trie node `state` spell the value `value`, compared from the end.
    private func spell(_ state: Int, _ value: Int) -> Bool {
        var remaining = strings[value].utf8[...]
        var current = state
        while current < 0 {
            let step = appends[-current - 1]
            let piece = strings[step.suffix].utf8
            guard remaining.count >= piece.count, remaining.suffix(piece.count).elementsEqual(piece) else { return false }
            remaining = remaining.dropLast(piece.count)
            current = step.state
        }
        return remaining.elementsEqual(strings[current].utf8)
    }
}

/// Turning `HistoryEntry`s into register operations: the key-value model of `get`, `put`,
/// `cas` and `append` (and Jepsen's `read`/`write` spellings).
enum RegisterModel {
    /// Whether `name` is an operation of this model.
    static func handles(_ name: String) -> Bool {
        switch name {
        case "get", "read", "put", "write", "cas", "append": return true
        default: return false
        }
    }

    /// The operations of `entries` that constrain the register, in order: failed operations
    /// did not happen and are dropped, except a `cas` whose compare ran and failed, which
    /// observed that the value was not the expected one (Porcupine's and Jepsen's reading of
    /// `:fail :cas`); reads of unknown outcome constrain nothing and are dropped; operations
    /// outside the model or without their arguments are ignored.
    static func operations(of entries: [HistoryEntry], values: inout RegisterValues) -> [RegisterOperation] {
        var result: [RegisterOperation] = []
        result.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            guard var action = action(of: entry, values: &values) else { continue }
            let returnTime: SimTime
            switch entry.outcome {
            case .fail:
                guard entry.isObservation, case .compareAndSet(let expected, _) = action else { continue }
                action = .compareFailed(expected: expected)
                returnTime = max(entry.completeTime ?? .max, entry.invokeTime)
            case .ok:
                returnTime = max(entry.completeTime ?? .max, entry.invokeTime)
            case .unknown, .pending:
                if case .read = action { continue }
                returnTime = .max
            }
            result.append(RegisterOperation(action: action, invokeTime: entry.invokeTime,
                                            returnTime: returnTime, source: index))
        }
        return result
    }

    /// The register action of one entry, or nil when it is not a register operation.
    static func action(of entry: HistoryEntry, values: inout RegisterValues) -> RegisterAction? {
        let input = entry.operation.input
        switch entry.operation.name {
        case "get", "read":
            return .read(observed: values.id(of: entry.output))
        case "put", "write":
            guard input.count == 1 else { return nil }
            return .write(values.id(of: input[0]))
        case "cas":
            guard input.count == 2 else { return nil }
            return .compareAndSet(expected: values.id(of: input[0]), new: values.id(of: input[1]))
        case "append":
            guard input.count == 1 else { return nil }
            return .append(values.id(of: input[0]))
        default:
            return nil
        }
    }
}
