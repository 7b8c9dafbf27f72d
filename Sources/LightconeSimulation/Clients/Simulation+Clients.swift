/// A client request waiting for its reply.
struct PendingRequest: Sendable {
    let id: RequestID
    let historyIndex: Int
    /// The node the client stands beside (its `via`); replies travel back to it.
    let clientNode: NodeID
    var redirects: Int
    /// The `load` worker that issued it, if any: (load, worker).
    let worker: (load: Int, index: Int)?
}

extension Simulation {
    /// The most redirects a client follows before it gives up with a failure.
    static var redirectLimit: Int { 3 }

    /// A client beside node `via` (default: the leader, else n1) invokes `operation`. It
    /// follows redirects, never retries after a timeout, and its result lands in `history`.
    /// Returns the client's number.
    @discardableResult
    public mutating func submit(_ operation: Operation, via: NodeID?) throws(SimulationError) -> Int {
        let node = via ?? leader ?? NodeID(index: 0)
        try checkNode(node)
        let client = nextClientID
        nextClientID += 1
        invoke(operation, client: client, at: node, worker: nil)
        return client
    }

    mutating func invoke(_ operation: Operation, client: Int, at node: NodeID, worker: (load: Int, index: Int)?) {
        let request = nextRequestID
        nextRequestID += 1
        history.append(HistoryEntry(client: client, node: node, operation: operation, invokeTime: now))
        pending[request] = PendingRequest(id: request, historyIndex: history.count - 1, clientNode: node, redirects: 0, worker: worker)
        if trace.isEnabled { trace.append(now, .invoke(client: client, node: node, operation)) }
        // A down node refuses the connection: the operation definitely did not happen.
        if lives[node.index] == .down {
            complete(request, outcome: .fail, output: "\(node) is down")
            return
        }
        send(.request(request, operation), from: node, to: node)
        schedule(at: now + clientTimeout, .clientTimeout(request))
    }

    /// A reply reached the client of `request`.
    mutating func clientHears(_ reply: ClientReply, for request: RequestID, from server: NodeID) {
        guard var waiting = pending[request] else { return }
        switch reply {
        case .ok(let output):
            complete(request, outcome: .ok, output: output)
        case .fail(let why):
            complete(request, outcome: .fail, output: why)
        case .checkFailed(let why):
            history[waiting.historyIndex].isObservation = true
            complete(request, outcome: .fail, output: why)
        case .redirect(let target):
            guard let target, target != server, target.index < nodeCount else {
                complete(request, outcome: .fail, output: "no leader known")
                return
            }
            guard waiting.redirects < Self.redirectLimit else {
                complete(request, outcome: .fail, output: "too many redirects")
                return
            }
            guard lives[target.index] != .down else {
                complete(request, outcome: .fail, output: "\(target) is down")
                return
            }
            waiting.redirects += 1
            pending[request] = waiting
            let operation = history[waiting.historyIndex].operation
            send(.request(request, operation), from: waiting.clientNode, to: target)
        }
    }

    mutating func complete(_ request: RequestID, outcome: OperationOutcome, output: String?) {
        guard let waiting = pending.removeValue(forKey: request) else { return }
        // In place: copying the entry out and back would retain and release its strings.
        history[waiting.historyIndex].outcome = outcome
        history[waiting.historyIndex].output = output
        history[waiting.historyIndex].completeTime = outcome == .unknown ? nil : now
        if trace.isEnabled {
            let entry = history[waiting.historyIndex]
            trace.append(now, .complete(client: entry.client, entry.operation, outcome, output))
        }
        if let worker = waiting.worker { workerFinished(worker, outcome: outcome) }
    }
}
