extension Context {
    /// Runs a handler of `part`, a node of another protocol that this node embeds (a store
    /// node that replicates through a Raft group), and records its effects as this node's:
    /// its messages wrapped by `message`, its timers mapped into this protocol's timers by
    /// `timer`, its client replies passed through and its notes passed through `note` (by
    /// default unchanged; a store may prefix them to say which part speaks). The part draws
    /// from this node's generator, so a run stays deterministic.
    ///
    /// ```swift
    /// ctx.embed(&raft, message: StoreMessage.raft, timer: StoreTimer.init) { raft, inner in
    ///     raft.receive(message, from: sender, &inner)
    /// }
    /// ```
    public mutating func embed<Part: ProtocolNode>(
        _ part: inout Part,
        message wrap: (Part.Message) -> Node.Message,
        timer map: (Part.Timer) -> Node.Timer,
        bugs partBugs: UInt64 = 0,
        note mapNote: (String) -> String = { $0 },
        _ handler: (inout Part, inout Context<Part>) -> Void
    ) {
        var inner = Context<Part>(now: now, id: id, nodeCount: nodeCount, rng: rng, bugs: partBugs,
                                  isTracing: isTracing, recorded: [])
        handler(&part, &inner)
        rng = inner.rng
        for effect in inner.recorded {
            switch effect {
            case .send(let to, let message): recorded.append(.send(to, wrap(message)))
            case .setTimer(let timer, let delay): recorded.append(.setTimer(map(timer), delay))
            case .cancelTimer(let timer): recorded.append(.cancelTimer(map(timer)))
            case .reply(let request, let reply): recorded.append(.reply(request, reply))
            case .note(let text): recorded.append(.note(mapNote(text)))
            }
        }
    }
}
