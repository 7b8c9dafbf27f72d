import LightconeSimulation

/// Client interaction (§8).
///
/// Every operation, reads included, is appended to the log and answered only once its
/// entry is applied. A `get` therefore sees every write committed before it was invoked,
/// and a leader deposed by a partition cannot answer from stale state: reads are
/// linearizable without leases or ReadIndex, at the price of a log entry per read.
extension RaftNode {
    /// Leaders: if a command is received from a client, append the entry to the local log
    /// and respond after the entry is applied to the state machine. Followers redirect to
    /// the leader they know (`.redirect(nil)` when they know none). A leader that loses its
    /// leadership before the entry is applied does not answer; the client times out.
    public mutating func clientRequest(_ operation: Operation, request: RequestID, _ ctx: inout Context<RaftNode>) {
        log.beginEvent()
        guard let command = RaftCommand(operation) else {
            ctx.reply(request, .fail("raft knows put KEY VALUE, get KEY and cas KEY OLD NEW"))
            return
        }
        guard raftRole == .leader else {
            ctx.reply(request, .redirect(leaderId))
            return
        }
        appendToOwnLog(command, &ctx)
        waitingClients.append((index: log.lastIndex, request: request))
        if nodeCount == 1 { advanceCommitIndex(&ctx) }
        replicateNewEntries(&ctx)
    }

    /// A random `put`, `get` or `cas` over keys `k1`..`kK` with values 1..5, so that
    /// concurrent clients contend and a linearizability checker has work to do.
    public static func randomOperation(config: RaftConfig, keys: Int, using rng: inout SeededGenerator) -> Operation? {
        let key = "k\(1 + rng.index(below: max(1, keys)))"
        let value = { (rng: inout SeededGenerator) in String(1 + rng.index(below: 5)) }
        switch rng.index(below: 10) {
        case 0..<4: return Operation(name: "put", key: key, input: [value(&rng)])
        case 4..<8: return Operation(name: "get", key: key)
        default: return Operation(name: "cas", key: key, input: [value(&rng), value(&rng)])
        }
    }
}
