import LightconeSimulation

extension Session {
    /// `rewind DURATION`: rebuilds the cluster from the seed and replays the journal up to
    /// `now - duration` (events at that instant included, and so are the commands typed at
    /// that instant), so that everything afterwards is exactly as after a fresh run to that
    /// instant.
    mutating func rewind(by duration: SimDuration) throws(CommandError) -> CommandOutput {
        let target = max(0, cluster.now - duration)
        var replay = try Session.build(creation, seed: seed, catalog: catalog)
        var replayed: [JournalEntry] = []
        entries: for entry in journal {
            switch entry {
            case .advance(let time):
                if time > target {
                    replay.run(to: target)
                    break entries
                }
                replay.run(to: time)
                replayed.append(entry)
            case .command(let command):
                switch command {
                case .run(let d):
                    if replay.now + d > target {
                        replay.run(to: target)
                        break entries
                    }
                    replay.run(to: replay.now + d)
                case .step(let count):
                    if replay.step(count, notAfter: target) < count {
                        replay.run(to: target)
                        break entries
                    }
                case .runUntil(let spec, let within):
                    let deadline = replay.now + within
                    if let condition = spec.resolve(leader: replay.leader) {
                        let outcome = replay.run(until: condition, deadline: min(deadline, target))
                        if outcome?.holds != true && deadline > target { break entries }
                    } else {
                        if deadline > target { replay.run(to: target); break entries }
                        replay.run(to: deadline)
                    }
                default:
                    var scratch = self
                    scratch.cluster = replay
                    _ = try? scratch.perform(command)
                    replay = scratch.cluster
                }
                replayed.append(entry)
            }
        }
        replay.run(to: target)
        replayed.append(.advance(to: target))
        cluster = replay
        journal = replayed
        skipNarration()
        return CommandOutput(lines: ["rewound to t=\(DurationText.instant(cluster.now))"])
    }
}
