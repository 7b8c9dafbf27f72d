/// The help text of every command: usage, what it does, and an example.
public enum CommandHelp {
    /// One command's help.
    public struct Entry: Sendable {
        public var name: String
        public var usage: String
        public var summary: String
        public var example: String
        public var group: String
    }

    static func e(_ group: String, _ name: String, _ usage: String, _ summary: String, _ example: String) -> Entry {
        Entry(name: name, usage: usage, summary: summary, example: example, group: group)
    }

    /// Every command, in the order `help` lists them.
    public static let entries: [Entry] = [
        e("Cluster", "new", "new PROTOCOL [N] [key=value ...]",
          "Replace the cluster: resets the clock to 0, the generator to the session seed, the network to 10..30ms with no loss, and clears partitions, cuts, holds, bugs, loads and history.",
          "new raft 5 batch=1"),
        e("Cluster", "status", "status [--json]", "The time, the protocol, every node and the network; --json prints one JSON object on one line.", "status --json"),
        e("Cluster", "inspect", "inspect NODE", "Everything a node holds (a leader also shows nextIndex and matchIndex).", "inspect leader"),
        e("Cluster", "nodes", "nodes", "One line per node: up/down/paused, role, term and a summary.", "nodes"),
        e("Faults", "partition", "partition NODES [| NODES ...]", "Split the network into groups; one group is cut off from everyone else; with two or more, a node named in no group is isolated.", "partition n1 n2 | n3 n4 n5"),
        e("Faults", "isolate", "isolate NODE", "Cut one node off from all others.", "isolate leader"),
        e("Faults", "heal", "heal", "Remove every partition and cut (held links stay held).", "heal"),
        e("Faults", "cut", "cut A->B | cut A<->B", "Cut a link one way, or both ways.", "cut n1->n2"),
        e("Faults", "kill", "kill NODE", "Crash a node: volatile state lost, durable state kept; messages it sent are still in flight.", "kill leader"),
        e("Faults", "restart", "restart NODE", "Bring a crashed node back with its durable state.", "restart n2"),
        e("Faults", "pause", "pause [NODE]", "Freeze a node like a GC pause (its timers and messages wait); with no node, pause the view.", "pause n3"),
        e("Faults", "resume", "resume NODE", "Let a paused node carry on; what waited for it happens now, in order.", "resume n3"),
        e("Faults", "net", "net [latency=MIN..MAX] [loss=P%] [dup=P%]", "Change every link's latency range, loss and duplication.", "net latency=10..50ms loss=5% dup=1%"),
        e("Faults", "link", "link A B [latency=..] [loss=..] [dup=..]", "Change one link (both directions).", "link n1 n2 latency=200ms loss=30%"),
        e("Faults", "hold", "hold A->B", "Queue the messages on a link instead of delivering them.", "hold n1->n3"),
        e("Faults", "release", "release A->B", "Let the queued messages of a link go, in order.", "release n1->n3"),
        e("Faults", "messages", "messages", "The messages in flight, with ids for drop and deliver.", "messages"),
        e("Faults", "drop", "drop ID", "Lose one message in flight.", "drop 17"),
        e("Faults", "deliver", "deliver ID", "Deliver one message in flight now.", "deliver 17"),
        e("Faults", "timeout", "timeout NODE...", "Fire the nodes' election (or retry) timers now.", "timeout n1 n2"),
        e("Faults", "chaos", "chaos [for DURATION] [faults=partition,kill,pause,loss]",
          "A Jepsen-style nemesis: random faults from the seed (the leader is a favourite target), healed at the end. It acts as time runs.",
          "chaos for 20s faults=partition,kill"),
        e("Faults", "bug", "bug PROTOCOL NAME | bug off", "Switch a teaching bug on (one rule of the paper off), or every bug off.", "bug raft commit-old-terms"),
        e("Faults", "bugs", "bugs", "The teaching bugs of the current protocol, and which are on.", "bugs"),
        e("Time", "step", "step [N]", "Handle the next N events (default 1): deliveries, timers, client timeouts.", "step 5"),
        e("Time", "run", "run DURATION | run until CONDITION [within DURATION]",
          "Let simulated time pass (events at the final instant included), or run until a condition holds (default within 1m; a missed deadline is a failed expectation).",
          "run until leader within 5s"),
        e("Time", "time", "time", "The simulated time.", "time"),
        e("Time", "seed", "seed N", "Set the session seed and rebuild the current cluster from it (same protocol and options).", "seed 7"),
        e("Time", "rewind", "rewind DURATION", "Go back in simulated time by replaying the seed and the commands; afterwards everything is exactly as after a fresh run to that instant.", "rewind 1s"),
        e("Time", "play", "play", "Start the view's animation (the view starts playing).", "play"),
        e("Time", "speed", "speed X", "The view's animation speed factor (1 = default).", "speed 0.5"),
        e("Clients", "put", "put KEY VALUE [via NODE]", "A client beside NODE (default: the leader, else n1) writes KEY; it follows redirects and never retries after a timeout.", "put x 1 via n2"),
        e("Clients", "get", "get KEY [via NODE]", "A client reads KEY.", "get x"),
        e("Clients", "cas", "cas KEY OLD NEW [via NODE]", "A client compares-and-sets KEY from OLD to NEW.", "cas x 1 2"),
        e("Clients", "broadcast", "broadcast VALUE via NODE", "Gossip: NODE learns VALUE and starts spreading it at once.", "broadcast hi via n1"),
        e("Clients", "load", "load RATE [for DURATION] [clients=N] [keys=K]",
          "A random workload of the protocol's operations, RATE per simulated second (default for 10s, one client per node, 3 keys); it runs as time runs.",
          "load 20/s for 20s clients=5 keys=3"),
        e("Clients", "history", "history [--json | --script]", "Every client operation with invoke and completion time and result (ok, fail, unknown); --script prints the commands typed so far.", "history --json"),
        e("Clients", "check", "check", "Run the checker that fits the protocol (safety properties, linearizability, convergence).", "check"),
        e("Observation", "log", "log [NODE] [N]", "The last N trace lines (default 20), oldest first, optionally only those about NODE.", "log n1 50"),
        e("Observation", "timeline", "timeline", "A space-time diagram of the recent messages.", "timeline"),
        e("Observation", "echo", "echo TEXT", "Print TEXT.", "echo now we cut the leader off"),
        e("Observation", "expect", "expect CONDITION", "Check a condition now; a failure says what was expected and what is (and fails a script).", "expect leader n1"),
        e("Lessons", "lessons", "lessons", "The lessons, with one-line summaries and your progress.", "lessons"),
        e("Lessons", "lesson", "lesson NAME", "Open a lesson (any part of its name or title).", "lesson raft"),
        e("Lessons", "next", "next", "The lesson's next step.", "next"),
        e("Lessons", "back", "back", "The lesson's previous step.", "back"),
        e("Lessons", "hint", "hint", "A hint for the current goal.", "hint"),
        e("Lessons", "goal", "goal", "The current goal and whether it is met.", "goal"),
        e("Lessons", "leave", "leave", "Leave the lesson (the cluster stays).", "leave"),
        e("Meta", "help", "help [COMMAND]", "This list, or one command's help with an example.", "help partition"),
        e("Meta", "source", "source FILE", "Run the commands of a script file.", "source demo.lc"),
        e("Meta", "export", "export timeline FILE.svg | export screen FILE.svg|FILE.txt [--force]",
          "Write the space-time diagram of recent messages, or the screen as it looks now, to a file (never overwriting one without --force).",
          "export timeline figure8.svg"),
        e("Meta", "record", "record FILE.cast [--force] | record stop",
          "Record what the lab shows as an asciicast v2 file (play it with asciinema), until `record stop` or quit.",
          "record demo.cast"),
        e("Meta", "theme", "theme dark|light|mono", "The view's colours.", "theme light"),
        e("Meta", "quit", "quit", "Leave Lightcone (Ctrl-D too).", "quit"),
        e("Demo scripts", "say", "say TEXT", "In a demo script: narration, shown large in the view.", "say Now we cut the leader off."),
        e("Demo scripts", "note", "note TEXT", "In a demo script: a speaker note, sent to --notes (never shown on screen).", "note Ask who expects a new leader."),
        e("Demo scripts", "wait", "wait", "In a demo script: stop until the next clicker press (PageDown, Right, `next`).", "wait"),
    ]

    /// Every command name.
    public static let names: [String] = entries.map(\.name)

    /// The help of `name`.
    public static func entry(_ name: String) -> Entry? { entries.first { $0.name == name } }

    /// The text of `help` (no topic): commands by group.
    public static var overview: [String] {
        var lines = ["Commands (help NAME for details and an example):"]
        var groups: [String] = []
        for entry in entries where !groups.contains(entry.group) { groups.append(entry.group) }
        for group in groups {
            let names = entries.filter { $0.group == group }.map(\.name).joined(separator: " ")
            lines.append("  " + group.padding(12) + names)
        }
        lines.append("Conditions (expect, run until, lesson goals): " + ConditionParser.forms.joined(separator: ", "))
        lines.append("Nodes are n1..nN; `leader` names the current leader. Durations: 250ms, 2s, 1m. `#` starts a comment.")
        return lines
    }

    /// The text of `help NAME`.
    public static func lines(for name: String) -> [String]? {
        guard let entry = entry(name) else { return nil }
        return ["usage: \(entry.usage)", entry.summary, "example: \(entry.example)"]
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
