import LightconeSimulation

/// A bank of accounts `a1`..`aK`, in one of two modes (SPEC §4, "ACID vs BASE").
///
/// `mode=acid`: account `ai` lives on node `n((i−1) mod N + 1)`; a transfer is an atomic
/// transaction, coordinated by the node it was sent to with two-phase commit (Gray 1978;
/// Bernstein, Hadzilacos & Goodman 1987, ch. 7): prepare (lock, check funds), votes, a
/// decision logged durably before it is sent, and participants in doubt — blocked, locks
/// held — until they hear it. `mode=base`: every node keeps a replica of every account; a
/// transfer applies at once where it was taken and propagates, exactly once by id, to the
/// others (Pritchett 2008, "BASE: an ACID alternative").
///
/// Durable: balances, the coordinator's log, the participant's prepared records, locks and
/// outcomes, the BASE replica, its seen vector and outbox. Volatile: votes being collected,
/// the client requests waiting, prepares waiting for a lock.
public struct BankNode: ProtocolNode {
    public typealias Message = BankMessage
    public typealias Timer = BankTimer
    public typealias Config = BankConfig

    public static let name = "bank"
    public static let summary = "ACID vs BASE: transfers by two-phase commit, or eventual balances that drift and converge"
    public static let defaultNodeCount = 3
    public static let nodeCounts = 1...16
    public static let options = [
        OptionSpec("mode", "acid|base", "two-phase commit over the accounts' nodes, or a replica of every account on every node (default acid)"),
        OptionSpec("accounts", "N", "accounts a1..aN, ai on node n((i-1) mod nodes + 1) (default 6)"),
        OptionSpec("balance", "N", "every account's opening balance (default 100)"),
        OptionSpec("vote-timeout", "DURATION", "a vote not in by then counts as no; a prepare waits that long for a lock (default 200ms)"),
        OptionSpec("retry", "DURATION", "how often unacknowledged decisions or transfers are resent (default 100ms)"),
    ]
    public static let operations = [
        OperationSpec(name: "transfer", hasKey: false, inputCount: 3, usage: "transfer FROM TO AMOUNT [via NODE]",
                      summary: "move AMOUNT from account FROM to account TO (acid: NODE coordinates a two-phase commit)",
                      example: "transfer a1 a2 30 via n3"),
        OptionSpecs.balance,
    ]
    public static let bugs = [
        BugSpec("no-durable-decision", "the coordinator keeps its decision in memory only: after a crash it decides again, so one participant commits and the other aborts"),
        BugSpec("unlock-before-decision", "a participant releases its locks once it has voted: a concurrent transfer checks funds already promised, and both spend the same money"),
    ]
    static let noDurableDecision = 0
    static let unlockBeforeDecision = 1

    public static let roles = [RoleSpec("node", .passive), RoleSpec("in-doubt", .passive)]
    public static let meters = [
        MeterSpec("in-doubt", "participants that voted yes and have not heard the decision (acid)"),
        MeterSpec("overdrafts", "accounts below 0: committed (acid), or once every transfer is merged (base)"),
        HarvestYield.yieldMeter,
    ]
    public static let messageLabels = [
        MessageLabelSpec("prep", "phase 1: the coordinator asks a participant to lock its accounts and check funds"),
        MessageLabelSpec("yes", "a participant votes yes: locked, funds there, now in doubt until the decision"),
        MessageLabelSpec("no", "a participant votes no (insufficient funds, an account locked too long)"),
        MessageLabelSpec("commit", "phase 2: the logged decision to commit"),
        MessageLabelSpec("abort", "phase 2: the logged decision to abort"),
        MessageLabelSpec("ack", "the participant applied the decision; the coordinator may forget the transaction"),
        MessageLabelSpec("ask", "a restarted participant in doubt asks for the decision"),
        MessageLabelSpec("read", "a balance read sent to the account's node"),
        MessageLabelSpec("bal", "the account's committed balance"),
        MessageLabelSpec("xfer", "base: transfers the sender took, propagated"),
        MessageLabelSpec("xfer✓", "base: the receiver applied them"),
    ]

    public static let conditions = [
        ConditionForm("balance-total", syntax: "balance-total N",
                      summary: "all balances add up to N, as the committed state holds them (base: once converged)") { words throws(OptionError) in
            guard words.count == 1, Int(words[0]) != nil else { throw OptionError("condition should read: balance-total N") }
            return words
        },
        ConditionForm("in-doubt", syntax: "in-doubt N", summary: "exactly N participants voted yes and wait for the decision") { words throws(OptionError) in
            guard words.count == 1, let n = Int(words[0]), n >= 0 else { throw OptionError("condition should read: in-doubt N") }
            return words
        },
    ]

    public let id: NodeID
    let nodeCount: Int
    public let config: BankConfig

    // Durable, both modes.
    /// Balances by account: in ACID mode of the accounts this node holds (0 elsewhere); in
    /// BASE mode this node's replica of every account.
    public internal(set) var balances: [Int]
    /// How many transfers this node has taken (their numbers).
    var transfersTaken = 0

    // Durable, ACID coordinator.
    /// The coordinator's log: a record per transaction begun and not yet acknowledged by all.
    public internal(set) var log: [TransferID: CoordinatorRecord] = [:]
    // Durable, ACID participant.
    /// Transactions this node voted yes on and has not heard the decision of: in doubt.
    public internal(set) var prepared: [TransferID: PreparedRecord] = [:]
    /// Which transaction holds each locked account.
    public internal(set) var locks: [Int: TransferID] = [:]
    /// How each transaction this node took part in ended (true: committed), for idempotence.
    public internal(set) var outcomes: [TransferID: Bool] = [:]
    /// The same outcomes in the order they happened (what a live monitor reads on from).
    public internal(set) var outcomeLog: [TransferID] = []

    // Volatile, ACID.
    /// Votes being collected, per undecided transaction this node coordinates.
    var ballots: [TransferID: Ballot] = [:]
    /// Prepares waiting for a locked account, oldest first.
    var waiting: [WaitingPrepare] = []

    // Durable, BASE.
    /// Per origin node, the highest transfer number applied here (transfers apply in order).
    public internal(set) var seen: [Int]
    /// The transfers this node took, with what it had seen when it took each.
    public internal(set) var accepted: [AcceptedTransfer] = []
    /// What the transfers this node took add to each account.
    public internal(set) var acceptedDelta: [Int]
    /// Per peer, the transfers this node took that the peer has not acknowledged.
    var outbox: [[Transfer]]

    /// A coordinator's durable record of one transaction.
    public struct CoordinatorRecord: Sendable, Equatable {
        public var from: Int, to: Int, amount: Int
        /// The nodes holding the two accounts, in id order.
        public var participants: [NodeID]
        /// Nil while undecided; true for commit.
        public var decision: Bool?
        /// False when the decision was kept in memory only (the no-durable-decision bug).
        public var isDecisionDurable = true
        /// The participants that acknowledged the decision.
        public var acked: [NodeID] = []
    }

    /// A participant's durable record of a yes vote.
    public struct PreparedRecord: Sendable, Equatable {
        public var coordinator: NodeID
        public var halves: [Half]
    }

    /// Votes of an undecided transaction, at its coordinator (volatile).
    struct Ballot: Sendable {
        var request: RequestID?
        var deadline: SimTime
        var yes: [NodeID] = []
    }

    /// A prepare waiting for a locked account (volatile).
    struct WaitingPrepare: Sendable {
        var txn: TransferID
        var coordinator: NodeID
        var halves: [Half]
        var deadline: SimTime
    }

    /// A BASE transfer as its node took it, with the node's seen vector at that moment.
    public struct AcceptedTransfer: Sendable, Equatable {
        public var transfer: Transfer
        public var seen: [Int]
    }

    public static func makeConfig(nodeCount: Int, options: [(key: String, value: String)]) throws(OptionError) -> BankConfig {
        try BankConfig.make(nodeCount: nodeCount, options: options)
    }

    public init(id: NodeID, nodeCount: Int, config: BankConfig) {
        self.id = id
        self.nodeCount = nodeCount
        self.config = config
        switch config.mode {
        case .acid:
            balances = (0..<config.accounts).map { config.holder(of: $0, nodeCount: nodeCount) == id ? config.balance : 0 }
        case .base:
            balances = Array(repeating: config.balance, count: config.accounts)
        }
        seen = Array(repeating: 0, count: nodeCount)
        acceptedDelta = Array(repeating: 0, count: config.accounts)
        outbox = Array(repeating: [], count: nodeCount)
    }

    public mutating func start(_ ctx: inout Context<BankNode>) {
        switch config.mode {
        case .acid: recover(&ctx)
        case .base: if outbox.contains(where: { !$0.isEmpty }) { ctx.setTimer(.retry, after: config.retry) }
        }
    }

    public mutating func crash() {
        ballots = [:]
        waiting = []
        // Under no-durable-decision the decisions lived in memory only.
        for (txn, record) in log where record.decision != nil && !record.isDecisionDurable {
            log[txn]?.decision = nil
            log[txn]?.acked = []
        }
    }

    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<BankNode>) {
        switch operation.name {
        case "transfer":
            let input = operation.input
            guard input.count == 3 else { ctx.reply(request, .fail("usage: transfer FROM TO AMOUNT")); return }
            guard let from = config.account(named: input[0]) else { ctx.reply(request, .fail(unknownAccount(input[0]))); return }
            guard let to = config.account(named: input[1]) else { ctx.reply(request, .fail(unknownAccount(input[1]))); return }
            guard from != to else { ctx.reply(request, .fail("FROM and TO are the same account")); return }
            guard let amount = Int(input[2]), amount >= 1 else { ctx.reply(request, .fail("AMOUNT must be a whole number of at least 1, not \(input[2])")); return }
            switch config.mode {
            case .acid: begin(from: from, to: to, amount: amount, request: request, &ctx)
            case .base: take(from: from, to: to, amount: amount, request: request, &ctx)
            }
        case "balance":
            guard let name = operation.input.first, let account = config.account(named: name) else {
                ctx.reply(request, .fail(unknownAccount(operation.input.first ?? "")))
                return
            }
            let holder = config.holder(of: account, nodeCount: nodeCount)
            if config.mode == .base || holder == id {
                ctx.reply(request, .ok(String(balances[account])))
            } else {
                ctx.send(.read(account: account, request: request), to: holder)
            }
        default:
            ctx.reply(request, .fail("bank knows transfer and balance"))
        }
    }

    func unknownAccount(_ name: String) -> String { "unknown account \(name); accounts are a1..a\(config.accounts)" }

    public mutating func receive(_ message: BankMessage, from sender: NodeID, _ ctx: inout Context<BankNode>) {
        switch message {
        case .prepare(let txn, let halves): prepare(txn, halves: halves, coordinator: sender, &ctx)
        case .vote(let txn, let yes, let reason): vote(txn, yes: yes, reason: reason, from: sender, &ctx)
        case .decision(let txn, let commit): hear(txn, commit: commit, from: sender, &ctx)
        case .ack(let txn): acknowledged(txn, by: sender)
        case .ask(let txn): asked(txn, by: sender, &ctx)
        case .read(let account, let request): ctx.send(.readReply(account: account, request: request, balance: balances[account]), to: sender)
        case .readReply(_, let request, let balance): ctx.reply(request, .ok(String(balance)))
        case .propagate(let transfers): receivePropagated(transfers, from: sender, &ctx)
        case .applied(let upTo): outbox[sender.index].removeAll { $0.id.number <= upTo }
        }
    }

    public mutating func timerFired(_ timer: BankTimer, _ ctx: inout Context<BankNode>) {
        switch timer {
        case .voteTimeout: voteDeadlinesPassed(&ctx)
        case .lockWait: lockWaitsPassed(&ctx)
        case .retry:
            switch config.mode {
            case .acid: resendDecisions(&ctx)
            case .base: propagate(&ctx)
            }
        }
    }

    public static func randomOperation(config: BankConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        let from = rng.index(below: config.accounts)
        var to = rng.index(below: config.accounts - 1)
        if to >= from { to += 1 }
        let amount = 1 + rng.index(below: 50)
        return Operation(name: "transfer", input: [BankConfig.name(of: from), BankConfig.name(of: to), String(amount)])
    }
}

/// The `balance` operation's description (kept apart so the operations list reads in one line each).
enum OptionSpecs {
    static let balance = OperationSpec(name: "balance", hasKey: false, inputCount: 1, usage: "balance ACCOUNT [via NODE]",
                                       summary: "read ACCOUNT's balance (acid: committed, at its node; base: NODE's replica)",
                                       example: "balance a1 via n2")
}
