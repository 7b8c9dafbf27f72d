import LightconeSimulation

extension CommandSpecs {
    static let linkSettingWords = ["latency=", "loss=", "dup="]

    /// Partitions, cuts, crashes, pauses, the network, single messages, chaos and bugs.
    static let faults: [CommandSpec] = [
        CommandSpec("Faults", "partition", usage: "partition NODES [| NODES ...]",
            summary: "Split the network into groups; one group is cut off from everyone else; with two or more, a node named in no group is isolated.",
            example: "partition n1 n2 | n3 n4 n5", arguments: [.nodes]) { r throws(CommandError) in
            var groups: [[NodeRef]] = [[]]
            for word in r.words {
                for piece in word.splitKeepingBars() {
                    if piece == "|" { groups.append([]) } else { groups[groups.count - 1].append(try r.node(piece)) }
                }
            }
            r.words = []
            groups = groups.filter { !$0.isEmpty }
            guard !groups.isEmpty else { throw CommandError("partition needs groups of nodes, like: partition n1 n2 | n3 n4 n5") }
            return .partition(groups)
        },
        CommandSpec("Faults", "isolate", usage: "isolate NODE", summary: "Cut one node off from all others.",
            example: "isolate leader", arguments: [.node]) { r throws(CommandError) in
            let n = try r.requireNode(); try r.done(); return .isolate(n)
        },
        .bare("Faults", "heal", summary: "Remove every partition and cut (held links stay held).", .heal),
        CommandSpec("Faults", "cut", usage: "cut A->B | cut A<->B", summary: "Cut a link one way, or both ways.",
            example: "cut n1->n2", arguments: [.link]) { r throws(CommandError) in
            let (a, b, both) = try r.link(allowBoth: true)
            return .cut(a, b, bothWays: both)
        },
        CommandSpec("Faults", "kill", usage: "kill NODE",
            summary: "Crash a node: volatile state lost, durable state kept; messages it sent are still in flight.",
            example: "kill leader", arguments: [.node]) { r throws(CommandError) in
            let n = try r.requireNode(); try r.done(); return .kill(n)
        },
        CommandSpec("Faults", "restart", usage: "restart NODE", summary: "Bring a crashed node back with its durable state.",
            example: "restart n2", arguments: [.node]) { r throws(CommandError) in
            let n = try r.requireNode(); try r.done(); return .restart(n)
        },
        CommandSpec("Faults", "pause", usage: "pause [NODE]",
            summary: "Freeze a node like a GC pause (its timers and messages wait); with no node, pause the view.",
            example: "pause n3", arguments: [.node]) { r throws(CommandError) in
            if r.words.isEmpty { return .pause(nil) }
            let n = try r.requireNode(); try r.done(); return .pause(n)
        },
        CommandSpec("Faults", "resume", usage: "resume NODE", summary: "Let a paused node carry on; what waited for it happens now, in order.",
            example: "resume n3", arguments: [.node]) { r throws(CommandError) in
            let n = try r.requireNode(); try r.done(); return .resume(n)
        },
        CommandSpec("Faults", "net", usage: "net [latency=MIN..MAX] [loss=P%] [dup=P%]",
            summary: "Change every link's latency range, loss and duplication.",
            example: "net latency=10..50ms loss=5% dup=1%", arguments: [.words(linkSettingWords)]) { r throws(CommandError) in
            let change = try r.linkSettings(r.words); r.words = []
            return .net(change)
        },
        CommandSpec("Faults", "link", usage: "link A B [latency=..] [loss=..] [dup=..]", summary: "Change one link (both directions).",
            example: "link n1 n2 latency=200ms loss=30%", arguments: [.node, .node, .words(linkSettingWords)]) { r throws(CommandError) in
            let a = try r.requireNode(), b = try r.requireNode()
            if a == b { throw CommandError("a link joins two different nodes") }
            let change = try r.linkSettings(r.words); r.words = []
            return .link(a, b, change)
        },
        CommandSpec("Faults", "hold", usage: "hold A->B", summary: "Queue the messages on a link instead of delivering them.",
            example: "hold n1->n3", arguments: [.link]) { r throws(CommandError) in
            let (a, b, _) = try r.link(allowBoth: false)
            return .hold(a, b)
        },
        CommandSpec("Faults", "release", usage: "release A->B", summary: "Let the queued messages of a link go, in order.",
            example: "release n1->n3", arguments: [.link]) { r throws(CommandError) in
            let (a, b, _) = try r.link(allowBoth: false)
            return .release(a, b)
        },
        .bare("Faults", "messages", summary: "The messages in flight, with ids for drop and deliver.", .messages),
        CommandSpec("Faults", "drop", usage: "drop ID", summary: "Lose one message in flight.",
            example: "drop 17", arguments: [.messageID]) { r throws(CommandError) in
            .drop(try r.messageID())
        },
        CommandSpec("Faults", "deliver", usage: "deliver ID", summary: "Deliver one message in flight now.",
            example: "deliver 17", arguments: [.messageID]) { r throws(CommandError) in
            .deliver(try r.messageID())
        },
        CommandSpec("Faults", "timeout", usage: "timeout NODE...", summary: "Fire the nodes' election (or retry) timers now.",
            example: "timeout n1 n2", arguments: [.nodes]) { r throws(CommandError) in
            guard !r.words.isEmpty else { throw CommandError("timeout needs at least one node, like: timeout n1") }
            var nodes: [NodeRef] = []
            while let word = r.next() { nodes.append(try r.node(word)) }
            return .timeout(nodes)
        },
        CommandSpec("Faults", "chaos", usage: "chaos [for DURATION] [faults=partition,kill,pause,loss]",
            summary: "A Jepsen-style nemesis: random faults from the seed (the leader is a favourite target), healed at the end. It acts as time runs.",
            example: "chaos for 20s faults=partition,kill",
            arguments: [.words(["for", "faults=partition,kill,pause,loss"])]) { r throws(CommandError) in
            var duration: SimDuration = .seconds(10)
            var faults = ChaosFaults.all
            while let word = r.next() {
                if word == "for" {
                    duration = try r.duration(r.requireWord("a duration"))
                } else if word.hasPrefix("faults=") {
                    faults = []
                    for name in word.dropFirst("faults=".count).split(separator: ",") {
                        guard let fault = ChaosFaults.names.first(where: { $0.0 == String(name) }) else {
                            throw CommandError("unknown fault '\(name)'; faults are partition, kill, pause, loss")
                        }
                        faults.insert(fault.1)
                    }
                } else {
                    throw CommandError("unexpected '\(word)'; usage: \(r.usage)")
                }
            }
            return .chaos(duration, faults)
        },
        CommandSpec("Faults", "bug", usage: "bug PROTOCOL NAME | bug off",
            summary: "Switch a teaching bug on (one rule of the paper off), or every bug off.",
            example: "bug raft commit-old-terms", arguments: [.either([.words(["off"]), .protocolName]), .bugName]) { r throws(CommandError) in
            let first = try r.requireWord("a protocol and a bug name, or off")
            if first == "off" { try r.done(); return .bugOff }
            let name = try r.requireWord("a bug name (`bugs` lists them)")
            try r.done()
            return .bug(protocolName: first.lowercased(), name: name)
        },
        .bare("Faults", "bugs", summary: "The teaching bugs of the current protocol, and which are on.", .bugs),
    ]
}
