import LightconeSimulation

/// BASE mode: a replica of every account on every node; a transfer applies at once where it
/// is taken (if that replica has the funds) and propagates to the others, exactly once by id.
extension BankNode {
    /// A client's transfer reached this node: check this replica's funds, apply, reply, propagate.
    mutating func take(from: Int, to: Int, amount: Int, request: RequestID, _ ctx: inout Context<BankNode>) {
        guard balances[from] >= amount else {
            ctx.reply(request, .checkFailed("insufficient funds: \(BankConfig.name(of: from)) has \(balances[from]) here"))
            return
        }
        transfersTaken += 1
        let transfer = Transfer(id: TransferID(origin: id, number: transfersTaken), from: from, to: to, amount: amount)
        accepted.append(AcceptedTransfer(transfer: transfer, seen: seen))
        acceptedDelta[from] -= amount
        acceptedDelta[to] += amount
        apply(transfer)
        ctx.note("takes \(transfer): \(BankConfig.name(of: from))=\(balances[from]) \(BankConfig.name(of: to))=\(balances[to]) here")
        ctx.reply(request, .ok(nil))
        for peer in ctx.peers { outbox[peer.index].append(transfer) }
        propagate(&ctx)
    }

    /// Applies a transfer to this replica (a balance may go below 0: the replicas merge).
    mutating func apply(_ transfer: Transfer) {
        balances[transfer.from] -= transfer.amount
        balances[transfer.to] += transfer.amount
        seen[transfer.id.origin.index] = transfer.id.number
    }

    /// Sends every peer the transfers it has not acknowledged, and retries while any remain.
    mutating func propagate(_ ctx: inout Context<BankNode>) {
        var pending = false
        for peer in ctx.peers where !outbox[peer.index].isEmpty {
            pending = true
            ctx.send(.propagate(outbox[peer.index]), to: peer)
        }
        if pending { ctx.setTimer(.retry, after: config.retry) }
    }

    /// Transfers from their origin, in order: each applies once, by its number.
    mutating func receivePropagated(_ transfers: [Transfer], from origin: NodeID, _ ctx: inout Context<BankNode>) {
        var appliedNow: [Transfer] = []
        for transfer in transfers where transfer.id.origin == origin {
            let next = seen[origin.index] + 1
            if transfer.id.number < next { continue }
            guard transfer.id.number == next else { break }
            apply(transfer)
            appliedNow.append(transfer)
        }
        if !appliedNow.isEmpty {
            let negative = (0..<config.accounts).filter { balances[$0] < 0 }
                .map { "\(BankConfig.name(of: $0))=\(balances[$0])" }
            ctx.note("applies \(appliedNow.map(\.id.description).joined(separator: ",")) from \(origin)"
                     + (negative.isEmpty ? "" : ": overdrawn \(negative.joined(separator: " "))"))
        }
        ctx.send(.applied(upTo: seen[origin.index]), to: origin)
    }
}
