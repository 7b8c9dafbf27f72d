import LightconeSimulation

/// Offline replicas of a conflict-free replicated data type (Shapiro, Preguiça, Baquero &
/// Zawirski 2011): every node holds a replica of one G-counter, PN-counter, OR-set or LWW
/// register. A client's operation applies at the replica it reaches, at once — a
/// partitioned or isolated node (a phone with no signal) keeps answering — and every `sync`
/// each replica sends its whole state to one random peer, which merges it (the lattice join).
///
/// The replica and its count of OR-set adds are durable (the phone's storage); only the
/// sync schedule is lost in a crash.
public struct CRDTNode: ProtocolNode {
    public typealias Message = CRDTMessage
    public typealias Timer = CRDTTimer
    public typealias Config = CRDTConfig

    public static let name = "crdt"
    public static let summary = "offline replicas that always answer and merge: G/PN-counter, OR-set, LWW register, three-way merge"
    public static let defaultNodeCount = 3
    public static let nodeCounts = 1...64
    public static let options = [
        OptionSpec("type", "gcounter|pncounter|orset|lww|merge", "the data type every replica holds (default gcounter; merge: git-style versions of lines)"),
        OptionSpec("sync", "DURATION", "how often a replica sends its whole state to a random peer (default 500ms)"),
    ]
    public static let operations = [
        OperationSpec(name: "inc", hasKey: false, inputCount: 1, optionalInputCount: 1, usage: "inc [N] [via NODE]",
                      summary: "add N (default 1) to the counter at NODE's replica (gcounter, pncounter)", example: "inc 2 via n2"),
        OperationSpec(name: "dec", hasKey: false, inputCount: 1, optionalInputCount: 1, usage: "dec [N] [via NODE]",
                      summary: "subtract N (default 1) at NODE's replica (pncounter)", example: "dec via n1"),
        OperationSpec(name: "add", hasKey: false, inputCount: 1, usage: "add X [via NODE]",
                      summary: "add X to the set under a fresh tag; answers the tag (orset)", example: "add milk via n1"),
        OperationSpec(name: "remove", hasKey: false, inputCount: 1, usage: "remove X [via NODE]",
                      summary: "remove X: the adds of X this replica has seen; answers their tags (orset)", example: "remove milk via n2"),
        OperationSpec(name: "set", hasKey: false, inputCount: 1, usage: "set V [via NODE]",
                      summary: "write V, stamped with NODE's clock; answers the stamp and the one it replaced (lww)", example: "set blue via n3"),
        OperationSpec(name: "insert", hasKey: false, inputCount: 2, usage: "insert POS TEXT [via NODE]",
                      summary: "insert TEXT before character POS of NODE's copy (0 is the start) (text)", example: "insert 0 hello via n2"),
        OperationSpec(name: "delete", hasKey: false, inputCount: 2, usage: "delete POS N [via NODE]",
                      summary: "delete N characters from POS of NODE's copy (text)", example: "delete 0 2 via n3"),
        OperationSpec(name: "line", hasKey: false, inputCount: 2, usage: "line K TEXT [via NODE]",
                      summary: "set line K of the document to TEXT (K one past the end appends); answers the new version (merge)",
                      example: "line 1 hello via n1"),
        OperationSpec(name: "read", hasKey: false, inputCount: 0, usage: "read [via NODE]",
                      summary: "NODE's replica's value: the count, the set's elements, or the register", example: "read via n2"),
    ]
    public static let bugs = [
        BugSpec("max-not-sum", "a counter merges by the larger total instead of entry by entry: increments made on both sides of a partition are lost"),
        BugSpec("merge-overwrites", "merge takes the incoming state instead of the join: whatever the receiver did since its peer last heard is lost"),
        BugSpec("remove-wins-all", "an OR-set remove goes by name, not by the tags it saw (a 2P-set): it also removes concurrent adds it never observed"),
    ]
    public static let roles = [RoleSpec("replica", .passive)]
    public static var forcedTimeout: CRDTTimer? { .sync }
    public static var commands: [ProtocolCommand<CRDTNode>] {
        let usage = "resolve NODE TEXT"
        return [ProtocolCommand("resolve", usage: usage,
                                summary: "type=merge: NODE's user settles a conflict: a new version on top of its head, lines of TEXT split at |",
                                example: "resolve n1 hello|world", arguments: [.node, .text],
            parse: { words, nodeCount throws(OptionError) in
                guard words.count >= 2 else { throw OptionError("resolve needs a node and the text; usage: \(usage)") }
                return [try ProtocolCommandWords.node(words[0], nodeCount: nodeCount), words.dropFirst().joined(separator: " ")]
            },
            perform: { words, simulation throws(SimulationError) in
                guard simulation.config.type == .merge else {
                    throw SimulationError("resolve is for type=merge; this crdt is type=\(simulation.config.type.rawValue)")
                }
                guard words.count == 2 else { throw SimulationError("usage: \(usage)") }
                let id = try ProtocolCommandWords.resolve(words[0], in: simulation)
                try simulation.deliverCommand("resolve", arguments: [words[1]], to: id)
                return []
            })]
    }

    /// `resolve NODE TEXT` arrives: a new version of the document on top of the head.
    public mutating func command(_ name: String, arguments: [String], _ ctx: inout Context<CRDTNode>) {
        guard name == "resolve", case .document(var document) = replica, let text = arguments.first else { return }
        addsTaken += 1
        document.commit(id: "\(id).\(addsTaken)", lines: text.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
        replica = .document(document)
        ctx.note("resolves: \(document.description)")
    }

    public static let messageLabels = [
        MessageLabelSpec("state", "anti-entropy: the sender's whole replica, which the receiver merges into its own"),
    ]

    public let id: NodeID
    let nodeCount: Int
    public let config: CRDTConfig
    /// This node's replica (durable).
    public private(set) var replica: CRDTReplica
    /// The replica, settable by tests that build states by hand.
    var replicaForTests: CRDTReplica {
        get { replica }
        set { replica = newValue }
    }
    /// OR-set adds taken here, for unique tags (durable).
    public private(set) var addsTaken = 0
    /// States received and merged (a statistic for `inspect`).
    public private(set) var merges = 0

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> CRDTConfig {
        try CRDTConfig.parse(options)
    }

    public init(id: NodeID, nodeCount: Int, config: CRDTConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
        replica = CRDTReplica(config.type, nodeCount: nodeCount)
    }

    public mutating func start(_ ctx: inout Context<CRDTNode>) {
        // Stagger the first exchange so that replicas do not sync in lockstep.
        ctx.setTimer(.sync, after: ctx.random(in: 1...config.sync))
    }

    public mutating func timerFired(_ timer: CRDTTimer, _ ctx: inout Context<CRDTNode>) {
        if case .text(var document) = replica {
            // Jupiter: a client syncs with the server n1; the server waits to be asked.
            if id.index != 0 {
                let batch = document.batchToSend(from: id)
                replica = .text(document)
                ctx.send(.submit(base: document.revision, batch: batch), to: NodeID(index: 0))
            }
        } else if nodeCount > 1 {
            var peer = ctx.rng.index(below: nodeCount - 1)
            if peer >= id.index { peer += 1 }
            ctx.send(.state(replica), to: NodeID(index: peer))
        }
        ctx.setTimer(.sync, after: config.sync)
    }

    public mutating func receive(_ message: CRDTMessage, from sender: NodeID, _ ctx: inout Context<CRDTNode>) {
        switch message {
        case .submit(let base, let batch):
            guard case .text(var document) = replica, id.index == 0 else { return }
            let before = document.string
            if let batch { document.accept(batch, base: base) }
            replica = .text(document)
            if document.string != before {
                let text = document.string
                ctx.note("accepts \(sender)'s edits: \"\(text)\"")
            }
            let start = min(max(base, 0), document.history.count)
            ctx.send(.entries(from: start, Array(document.history[start...])), to: sender)
        case .entries(let from, let entries):
            guard case .text(var document) = replica, id.index != 0 else { return }
            let before = document.settled
            document.receive(entries, from: from, at: id)
            replica = .text(document)
            if document.settled != before {
                let description = document.description
                ctx.note("transforms the server's edits: \(description)")
            }
        case .state(let theirs):
            merges += 1
            let before = replica
            replica = before.merged(with: theirs, bugs: CRDTBugs(rawValue: ctx.bugs))
            guard replica != before else { return }
            if case .lww(let old) = before, case .lww(let new) = replica, old.stamp != nil, new.stamp != old.stamp {
                ctx.note("last write wins: keeps \(new.description), drops \(old.description)")
            } else {
                let replica = self.replica
                ctx.note("merges \(sender)'s state: \(replica.description)")
            }
        }
    }

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<CRDTNode>) {
        switch apply(operation, now: ctx.now, bugs: CRDTBugs(rawValue: ctx.bugs)) {
        case .success(let output):
            if operation.name != "read" {
                let replica = self.replica
                ctx.note("\(operation.description): \(replica.description)")
            }
            ctx.reply(request, .ok(output))
        case .failure(let error):
            ctx.reply(request, .fail(error.message))
        }
    }

    /// Applies a client's operation to this replica at once; what it answers, or why not.
    mutating func apply(_ operation: Operation, now: SimTime, bugs: CRDTBugs) -> Result<String?, OptionError> {
        let type = replica.type
        func wrongType(_ types: String) -> Result<String?, OptionError> {
            .failure(OptionError("\(operation.name) is for type=\(types); this crdt is type=\(type.rawValue)"))
        }
        func amount() -> Int? {
            guard let text = operation.input.first else { return 1 }
            guard let n = Int(text), n >= 0, n <= 1_000_000_000 else { return nil }
            return n
        }
        switch operation.name {
        case "read":
            return .success(replica.valueText)
        case "inc":
            guard let n = amount() else { return .failure(OptionError("inc takes a whole number 0..1000000000, not \(operation.input[0])")) }
            switch replica {
            case .gcounter(var counter): counter.increment(at: id, by: n); replica = .gcounter(counter)
            case .pncounter(var counter): counter.increment(at: id, by: n); replica = .pncounter(counter)
            default: return wrongType("gcounter|pncounter")
            }
            return .success(replica.valueText)
        case "dec":
            guard let n = amount() else { return .failure(OptionError("dec takes a whole number 0..1000000000, not \(operation.input[0])")) }
            switch replica {
            case .pncounter(var counter): counter.decrement(at: id, by: n); replica = .pncounter(counter)
            case .gcounter: return .failure(OptionError("a G-counter only grows: dec is for type=pncounter"))
            default: return wrongType("pncounter")
            }
            return .success(replica.valueText)
        case "add":
            guard case .orset(var set) = replica, let element = operation.input.first else { return wrongType("orset") }
            addsTaken += 1
            let tag = AddTag(node: id, number: addsTaken)
            set.add(element, tag: tag)
            replica = .orset(set)
            return .success(tag.description)
        case "remove":
            guard case .orset(var set) = replica, let element = operation.input.first else { return wrongType("orset") }
            let tags = set.remove(element, byName: bugs.contains(.removeWinsAll))
            replica = .orset(set)
            return .success(tags.isEmpty ? "removed nothing" : "removed " + tags.map(\.description).joined(separator: ","))
        case "set":
            guard case .lww(var register) = replica, let value = operation.input.first else { return wrongType("lww") }
            let replaced = register.stamp
            let stamp = register.assign(value, at: id, now: now)
            replica = .lww(register)
            return .success(stamp.description + (replaced.map { " over \($0)" } ?? ""))
        case "insert", "delete":
            guard case .text(var document) = replica, operation.input.count == 2 else { return wrongType("text") }
            let length = document.text.count
            guard let position = Int(operation.input[0]), position >= 0, position <= length else {
                return .failure(OptionError("\(operation.name) takes a position 0..\(length), not \(operation.input[0])"))
            }
            var ops: [TextOperation] = []
            if operation.name == "insert" {
                ops = operation.input[1].enumerated().map { .insert(position + $0.offset, $0.element, id) }
            } else {
                guard let count = Int(operation.input[1]), count >= 1, position + count <= length else {
                    return .failure(OptionError("delete takes a count 1..\(length - position) from position \(position), not \(operation.input[1])"))
                }
                ops = Array(repeating: .delete(position, id), count: count)
            }
            document.edit(ops, at: id)
            replica = .text(document)
            return .success(replica.valueText)
        case "line":
            guard case .document(var document) = replica, operation.input.count == 2 else { return wrongType("merge") }
            var lines = document.current.lines
            guard let k = Int(operation.input[0]), k >= 1, k <= lines.count + 1 else {
                return .failure(OptionError("line takes a line number 1..\(lines.count + 1), not \(operation.input[0])"))
            }
            if k == lines.count + 1 { lines.append(operation.input[1]) } else { lines[k - 1] = operation.input[1] }
            addsTaken += 1
            let version = "\(id).\(addsTaken)"
            document.commit(id: version, lines: lines)
            replica = .document(document)
            return .success(version)
        default:
            return .failure(OptionError("crdt does not know \(operation.name)"))
        }
    }

    public mutating func crash() {}

    public static func randomOperation(config: CRDTConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        let element = "e\(rng.index(below: max(keys, 1)) + 1)"
        switch config.type {
        case .gcounter:
            return rng.index(below: 4) == 0 ? Operation(name: "read") : Operation(name: "inc", input: [String(rng.index(below: 3) + 1)])
        case .pncounter:
            switch rng.index(below: 5) {
            case 0: return Operation(name: "read")
            case 1, 2: return Operation(name: "dec", input: [String(rng.index(below: 3) + 1)])
            default: return Operation(name: "inc", input: [String(rng.index(below: 3) + 1)])
            }
        case .orset:
            switch rng.index(below: 5) {
            case 0: return Operation(name: "read")
            case 1, 2: return Operation(name: "remove", input: [element])
            default: return Operation(name: "add", input: [element])
            }
        case .lww:
            return rng.index(below: 4) == 0 ? Operation(name: "read") : Operation(name: "set", input: ["v\(rng.index(below: 100))"])
        case .text:
            switch rng.index(below: 4) {
            case 0: return Operation(name: "read")
            case 1: return Operation(name: "delete", input: ["0", "1"])
            default: return Operation(name: "insert", input: ["0", String(Character(Unicode.Scalar(UInt8(97 + rng.index(below: 26)))))])
            }
        case .merge:
            return rng.index(below: 4) == 0 ? Operation(name: "read") : Operation(name: "line", input: ["1", "v\(rng.index(below: 100))"])
        }
    }
}
