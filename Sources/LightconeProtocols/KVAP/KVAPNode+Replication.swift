import LightconeSimulation

/// Keeping replicas together: storing versions, hinted handoff, anti-entropy.
extension KVAPNode {
    /// Stores versions as a replica (no hint, or a hint naming this node) or as a fallback
    /// for the owner the hint names.
    mutating func storeLocally(_ key: String, _ siblings: Siblings, hint: NodeID?, _ ctx: inout Context<KVAPNode>) {
        guard let owner = hint, owner != id else {
            merge(key, siblings, because: nil, &ctx)
            return
        }
        var held = hinted[owner] ?? VersionStore()
        held.merge(key, siblings, lastWriteWins: config.resolve == .lww)
        hinted[owner] = held
        ctx.note("holds \(key)=\(siblings.readValue ?? "") for \(owner) (hinted handoff)")
    }

    /// A coordinator's write arrives.
    mutating func handleReplicate(ref: Int, key: String, _ siblings: Siblings, hint: NodeID?, from sender: NodeID, _ ctx: inout Context<KVAPNode>) {
        storeLocally(key, siblings, hint: hint, &ctx)
        ctx.send(.replicated(ref: ref), to: sender)
    }

    /// Merges versions into this replica's store (under `lww` keeping only the latest), and
    /// narrates what a learner should see: new siblings, and writes last-write-wins dropped.
    mutating func merge(_ key: String, _ siblings: Siblings, because reason: String?, _ ctx: inout Context<KVAPNode>) {
        let before = store[key].versions.count
        let (changed, dropped) = store.merge(key, siblings, lastWriteWins: config.resolve == .lww)
        for version in dropped {
            ctx.note("last write wins: keeps \(key)=\(store[key].readValue ?? ""), drops \(key)=\(version.value) \(version.clock)")
        }
        guard changed else { return }
        let after = store[key]
        if after.versions.count > 1 && after.versions.count != before {
            ctx.note("\(key) has siblings \(after.readValue ?? "")" + (reason.map { " (\($0))" } ?? ""))
        } else if let reason, dropped.isEmpty {
            ctx.note("\(key)=\(after.readValue ?? "") (\(reason))")
        }
    }

    // MARK: Hinted handoff

    /// Offers the data held for each owner it can reach again (at most every 300 ms per owner).
    mutating func offerHints(_ ctx: inout Context<KVAPNode>) {
        for owner in hinted.keys.sorted() where owner != id && isReachable(owner, now: ctx.now) {
            if let offered = handoffOffered[owner], ctx.now - offered < config.suspectAfter { continue }
            guard let held = hinted[owner], !held.isEmpty else { continue }
            handoffOffered[owner] = ctx.now
            ctx.send(.handoff(held.keys.map { HandedKey($0, held[$0]) }), to: owner)
        }
    }

    /// The owner takes back what a fallback held for it.
    mutating func handleHandoff(_ keys: [HandedKey], from sender: NodeID, _ ctx: inout Context<KVAPNode>) {
        for handed in keys { merge(handed.key, handed.siblings, because: "handed back by \(sender)", &ctx) }
        ctx.send(.handoffAck(keys), to: sender)
    }

    /// The owner has the data: the fallback forgets what it handed (newer hinted writes stay).
    mutating func handleHandoffAck(_ keys: [HandedKey], from owner: NodeID, _ ctx: inout Context<KVAPNode>) {
        guard var held = hinted[owner] else { return }
        for handed in keys {
            var siblings = held[handed.key]
            siblings.remove(handed.siblings)
            held.set(handed.key, siblings)
        }
        hinted[owner] = held.isEmpty ? nil : held
        handoffOffered[owner] = nil
        ctx.note("handed \(keys.map(\.key).joined(separator: " ")) back to \(owner) (hinted handoff)")
    }

    // MARK: Anti-entropy

    /// Whether `node` is in `key`'s preference list.
    func isReplica(_ node: NodeID, of key: String) -> Bool {
        config.ring.preferenceList(for: key, n: config.n).contains(node)
    }

    /// Sends each reachable peer this node's versions of the keys they are both replicas of.
    mutating func exchangeWithReplicas(_ ctx: inout Context<KVAPNode>) {
        for peer in ctx.peers where isReachable(peer, now: ctx.now) {
            let shared = store.keys.filter { isReplica(peer, of: $0) }
            if !shared.isEmpty { ctx.send(.exchange(shared.map { HandedKey($0, store[$0]) }), to: peer) }
        }
    }

    /// Merges a peer's versions, and sends back the shared keys where the peer lacked something.
    mutating func handleExchange(_ keys: [HandedKey], from sender: NodeID, _ ctx: inout Context<KVAPNode>) {
        for handed in keys { merge(handed.key, handed.siblings, because: "anti-entropy from \(sender)", &ctx) }
        var missing: [HandedKey] = []
        for key in store.keys where isReplica(sender, of: key) {
            let theirs = keys.first { $0.key == key }?.siblings ?? Siblings()
            var union = theirs
            union.merge(store[key])
            if config.resolve == .lww { _ = union.resolveLastWriteWins() }
            if union != theirs { missing.append(HandedKey(key, store[key])) }
        }
        if !missing.isEmpty { ctx.send(.exchangeReply(missing), to: sender) }
    }
}
