import LightconeSimulation

/// Coordinating reads and writes (Dynamo §4.5, Riak's put and get FSMs) and read repair.
extension KVAPNode {
    /// The nodes a request for `key` goes to: the first `n` reachable nodes clockwise from it.
    /// A preference-list node goes as itself; a fallback beyond the list goes with a hint
    /// naming the unreachable owner it stands in for (sloppy quorum).
    func sloppyTargets(_ key: String, now: SimTime) -> [(node: NodeID, hint: NodeID?)] {
        let order = config.ring.order(for: key)
        let preference = order.prefix(config.n)
        var missing = preference.filter { !isReachable($0, now: now) }
        var targets: [(node: NodeID, hint: NodeID?)] = []
        for node in order where targets.count < config.n && isReachable(node, now: now) {
            if preference.contains(node) {
                targets.append((node: node, hint: nil))
            } else if !missing.isEmpty {
                targets.append((node: node, hint: missing.removeFirst()))
            }
        }
        return targets
    }

    /// Coordinates `operation`: refuses at once when fewer nodes than it needs (`w` or `r`)
    /// are reachable; otherwise sends it to its sloppy-quorum targets and answers after `w`
    /// acknowledgements or `r` replies (itself included when it is a target).
    mutating func coordinate(_ operation: Operation, request: RequestID, _ ctx: inout Context<KVAPNode>) {
        guard let key = operation.key else { return }
        let isWrite: Bool
        switch (operation.name, operation.input.count) {
        case ("put", 1): isWrite = true
        case ("get", 0): isWrite = false
        case ("cas", 2):
            ctx.reply(request, .fail("cas needs a strongly consistent bucket (new kv-ap consistent=BUCKET, key BUCKET/...)"))
            return
        default:
            ctx.reply(request, .fail("kv-ap knows put KEY VALUE and get KEY"))
            return
        }
        let needed = isWrite ? config.w : config.r
        let targets = sloppyTargets(key, now: ctx.now)
        guard targets.count >= needed else {
            ctx.reply(request, .fail("unavailable: \(targets.count) of n=\(config.n) replicas reachable, \(isWrite ? "w" : "r")=\(needed)"))
            return
        }
        let ref = nextRef
        nextRef += 1
        var coordination = Coordination(request: request, key: key, isWrite: isWrite, needed: needed, targets: targets, started: ctx.now)
        if isWrite {
            // The new version descends from every version this node holds for the key.
            writes += 1
            var clock = held(key).mergedClock(nodeCount: nodeCount)
            clock.advance(id, to: writes)
            let version = Version(value: operation.input[0], clock: clock, writer: id, counter: writes, timestamp: ctx.now)
            coordination.version = version
            for target in targets {
                if target.node == id {
                    storeLocally(key, Siblings([version]), hint: target.hint, &ctx)
                    coordination.answers.append((node: id, siblings: Siblings()))
                } else {
                    ctx.send(.replicate(ref: ref, key: key, Siblings([version]), hint: target.hint), to: target.node)
                }
            }
        } else {
            for target in targets {
                if target.node == id {
                    coordination.answers.append((node: id, siblings: held(key)))
                    coordination.merged.merge(held(key))
                } else {
                    ctx.send(.read(ref: ref, key: key), to: target.node)
                }
            }
        }
        coordinations[ref] = coordination
        progress(ref, &ctx)
    }

    /// A replica acknowledged a write.
    mutating func handleReplicated(ref: Int, from sender: NodeID, _ ctx: inout Context<KVAPNode>) {
        guard var coordination = coordinations[ref], coordination.isWrite,
              !coordination.answers.contains(where: { $0.node == sender }) else { return }
        coordination.answers.append((node: sender, siblings: Siblings()))
        coordinations[ref] = coordination
        progress(ref, &ctx)
    }

    /// A replica answered a read.
    mutating func handleReadReply(ref: Int, _ siblings: Siblings, from sender: NodeID, _ ctx: inout Context<KVAPNode>) {
        guard var coordination = coordinations[ref], !coordination.isWrite,
              !coordination.answers.contains(where: { $0.node == sender }) else { return }
        coordination.answers.append((node: sender, siblings: siblings))
        coordination.merged.merge(siblings)
        coordinations[ref] = coordination
        progress(ref, &ctx)
    }

    /// Answers the client once enough have answered; after a read's answer, repairs every
    /// replica that answered with less than the read found; forgets a finished coordination.
    mutating func progress(_ ref: Int, _ ctx: inout Context<KVAPNode>) {
        guard var coordination = coordinations[ref] else { return }
        if config.resolve == .lww { _ = coordination.merged.resolveLastWriteWins() }
        if !coordination.hasReplied && coordination.answers.count >= coordination.needed {
            coordination.hasReplied = true
            if coordination.isWrite, let version = coordination.version {
                if config.resolve == .lww {
                    acknowledged.append(AcknowledgedWrite(key: coordination.key, value: version.value, writer: id,
                                                          counter: version.counter, time: ctx.now))
                }
                ctx.reply(coordination.request, .ok(nil))
            } else {
                ctx.reply(coordination.request, .ok(coordination.merged.readValue))
            }
        }
        if !coordination.isWrite && coordination.hasReplied { readRepair(&coordination, &ctx) }
        if coordination.answers.count == coordination.targets.count {
            coordinations[ref] = nil
        } else {
            coordinations[ref] = coordination
        }
    }

    /// Read repair: each preference-list replica that answered without some version the
    /// read found gets the merged versions.
    mutating func readRepair(_ coordination: inout Coordination, _ ctx: inout Context<KVAPNode>) {
        let key = coordination.key
        let merged = coordination.merged
        for index in coordination.answers.indices {
            let answer = coordination.answers[index]
            guard coordination.targets.contains(where: { $0.node == answer.node && $0.hint == nil }) else { continue }
            var union = answer.siblings
            union.merge(merged)
            if config.resolve == .lww { _ = union.resolveLastWriteWins() }
            guard union != answer.siblings else { continue }
            coordination.answers[index].siblings = union
            if answer.node == id {
                merge(key, merged, because: "read repair", &ctx)
            } else {
                ctx.note("read repair: \(key)=\(merged.readValue ?? "") to \(answer.node)")
                ctx.send(.repair(key: key, merged), to: answer.node)
            }
        }
    }

    /// Forgets coordinations whose clients have long given up (they wait 1 s).
    mutating func forgetStaleCoordinations(now: SimTime) {
        guard !coordinations.isEmpty else { return }
        coordinations = coordinations.filter { now - $0.value.started < .seconds(2) }
    }
}
