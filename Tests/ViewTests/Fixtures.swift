import LightconeSimulation
import LightconeView

/// Hand-built cluster snapshots for the view's snapshot tests.
enum Fixtures {
    static func id(_ n: Int) -> NodeID { NodeID(index: n - 1) }

    static let now: SimTime = 1_234_000

    /// Five raft-like nodes: n2 leads term 3, the rest follow; each keeps the log
    /// `1/1 noop, 2/3 x=1, 3/3 y=2` with two entries committed, and the followers' election
    /// timers run out at different times (n4 first).
    static func raftNodes() -> [ClusterSnapshot.NodeView] {
        let remaining: [Int: SimDuration] = [1: 200_000, 3: 120_000, 4: 40_000, 5: 280_000]
        return (1...5).map { n in
            ClusterSnapshot.NodeView(id: id(n), life: .up, role: n == 2 ? "leader" : "follower", roleKind: n == 2 ? .leading : .following, epoch: 3,
                                     isLeader: n == 2, lines: ["log 1/1 2/3 3/3", "commit 2"],
                                     log: log([(1, "noop"), (3, "x=1"), (3, "y=2")], committed: 2),
                                     countdown: remaining[n].map { Countdown(armedAt: now + $0 - 300_000, deadline: now + $0) })
        }
    }

    /// A log of `entries` (term, value) from index 1, the first `committed` committed.
    static func log(_ entries: [(Int, String)], committed: Int) -> LogObservation {
        LogObservation(length: entries.count, entries: entries.enumerated().map { offset, entry in
            LogObservation.Entry(index: offset + 1, term: entry.0, value: entry.1, isCommitted: offset + 1 <= committed)
        })
    }

    /// What Raft's labels mean, as `RaftNode.messageLabels` says.
    static let raftLabels = [
        MessageLabelSpec("RV", "RequestVote: a candidate asks for a vote (its term and last log position)"),
        MessageLabelSpec("RV✓", "RequestVote reply: vote granted"),
        MessageLabelSpec("RV✗", "RequestVote reply: vote refused"),
        MessageLabelSpec("AE", "AppendEntries: the leader's entries and commit index (a heartbeat when empty)"),
        MessageLabelSpec("AE✓", "AppendEntries reply: success (the follower's log matches up to matchIndex)"),
        MessageLabelSpec("AE✗", "AppendEntries reply: failure (term too old, or the logs differ at prev)"),
    ]

    static func message(_ messageID: MessageID, _ from: Int, _ to: Int, label: String, progressPermille: Int64,
                        isReply: Bool = false, state: InFlightMessage.State = .travelling, isLost: Bool = false) -> InFlightMessage {
        let latency: SimDuration = .milliseconds(100)
        let sentAt = now - latency * progressPermille / 1000
        return InFlightMessage(id: messageID, from: id(from), to: id(to), sentAt: sentAt, arrivesAt: sentAt + latency,
                               label: label, text: label, isReply: isReply, state: state, isLost: isLost)
    }

    static func raft(messages: [InFlightMessage] = [], drops: [ClusterSnapshot.DroppedMessage] = [],
                     groups: [[Int]] = [[1, 2, 3, 4, 5]], nodes: [ClusterSnapshot.NodeView]? = nil,
                     violations: [Violation] = []) -> ClusterSnapshot {
        ClusterSnapshot(time: now, protocolName: "raft", seed: 42, nodes: nodes ?? raftNodes(),
                        groups: groups.map { $0.map(id) }, messages: messages, drops: drops, violations: violations,
                        labelMeanings: raftLabels)
    }

    /// Heartbeats from the leader and a few answers, at various points of their flight.
    static func heartbeats() -> [InFlightMessage] {
        [
            message(1, 2, 1, label: "AE", progressPermille: 300),
            message(2, 2, 3, label: "AE", progressPermille: 500),
            message(3, 2, 4, label: "AE", progressPermille: 700),
            message(4, 2, 5, label: "AE", progressPermille: 200),
            message(5, 1, 2, label: "AE✓", progressPermille: 600, isReply: true),
            message(6, 3, 2, label: "AE✓", progressPermille: 150, isReply: true),
        ]
    }

    static func state(_ change: (inout ViewState) -> Void = { _ in }) -> ViewState {
        var state = ViewState()
        state.logLines = [
            "t=0ms n1 became follower at term 0",
            "t=161ms n2 election timeout; became candidate at term 1",
            "t=170ms n2 became leader at term 1",
            "t=1200ms n2->n1 AppendEntries term=3 prev=3/3 entries=[] commit=2",
            "t=1210ms n1->n2 AppendEntriesResponse term=3 success=true match=3",
        ]
        state.statusMessage = "ok"
        change(&state)
        return state
    }

    static let lesson = LessonPanelContent(
        title: "Leader election",
        paragraphs: [
            "Every node starts as a follower. When a follower hears nothing from a leader for an election timeout, it becomes a candidate and asks the others for votes.",
            "Kill the leader and watch a new one take over.",
        ],
        goal: "kill the leader, then run until leader", isGoalMet: false, step: 2, stepCount: 6)
}
