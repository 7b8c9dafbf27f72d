#if canImport(Glibc)
import Glibc
#endif
import LightconeSimulation
import LightconeView

/// Composes one 160x48 frame with 5 nodes and 100 messages in flight, many times, and
/// prints the time per frame (the target: at most 1 ms in release).
func viewBenchmarks() {
    let nodes = (0..<5).map { index in
        ClusterSnapshot.NodeView(id: NodeID(index: index), life: index == 3 ? .paused : .up,
                                 role: index == 1 ? "leader" : "follower", roleKind: index == 1 ? .leading : .following, epoch: 7, isLeader: index == 1,
                                 lines: ["log 1/1 2/3 3/7", "commit 3"],
                                 log: LogObservation(length: 12, entries: (1...12).map {
                                     LogObservation.Entry(index: $0, term: ($0 + 1) / 2, value: "k\($0)=\($0 * 7)", isCommitted: $0 <= 10)
                                 }),
                                 countdown: index == 1 ? nil : Countdown(armedAt: 1_900_000, deadline: 2_000_000 + SimTime(index) * 40_000))
    }
    let labels = [MessageLabelSpec("AE", "AppendEntries: the leader's entries"), MessageLabelSpec("AE✓", "AppendEntries reply: success"),
                  MessageLabelSpec("RV", "RequestVote: a candidate asks for a vote")]
    let now: SimTime = 2_000_000
    var messages: [InFlightMessage] = []
    for number in 0..<100 {
        let from = number % 5, to = (number / 5 + 1 + from) % 5 == from ? (from + 1) % 5 : (number / 5 + 1 + from) % 5
        let sentAt = now - SimTime(number % 10) * 10_000
        messages.append(InFlightMessage(id: MessageID(number), from: NodeID(index: from), to: NodeID(index: to),
                                        sentAt: sentAt, arrivesAt: sentAt + 100_000, label: number % 2 == 0 ? "AE" : "AE✓",
                                        text: "AppendEntries", isReply: number % 2 == 1, state: number % 17 == 0 ? .held : .travelling,
                                        isLost: number % 13 == 0))
    }
    let drops = (0..<5).map { number in
        ClusterSnapshot.DroppedMessage(id: MessageID(1000 + number), from: NodeID(index: number), to: NodeID(index: (number + 2) % 5),
                                       sentAt: now - 150_000, arrivesAt: now - 50_000, droppedAt: now - 50_000, label: "RV", reason: "loss")
    }
    bigClusterBenchmark()
    var state = ViewState()
    state.logLines = (0..<200).map { "t=\($0)ms n\($0 % 5 + 1)->n\(($0 + 1) % 5 + 1) AppendEntries term=7 prev=3/7 entries=[] commit=3" }
    // As the front end does: each line is wrapped for the side panel once, when it arrives.
    state.wrapLog(screenWidth: 160)
    state.commandLine = "partition n1 n2 | n3 n4 n5"
    state.cursorColumn = 27
    for (title, groups, table) in [("whole", [[0, 1, 2, 3, 4]], false), ("partitioned", [[0, 1, 2], [3, 4]], false),
                                   ("whole, log table", [[0, 1, 2, 3, 4]], true)] {
        let snapshot = ClusterSnapshot(time: now, protocolName: "raft", seed: 1, nodes: nodes,
                                       groups: groups.map { $0.map(NodeID.init(index:)) }, messages: messages, drops: drops,
                                       labelMeanings: labels)
        state.isLogTableShown = table
        let clock = ContinuousClock()
        var checksum = 0
        // Warm up, then measure.
        for _ in 0..<50 { checksum &+= FrameRenderer.render(snapshot: snapshot, state: state, width: 160, height: 48).grid.width }
        let frames = benchFrames(2_000)
        let start = clock.now
        let cpuStart = cpuMicroseconds()
        for _ in 0..<frames {
            let frame = FrameRenderer.render(snapshot: snapshot, state: state, width: 160, height: 48)
            checksum &+= frame.grid.height
        }
        let cpu = (cpuMicroseconds() - cpuStart) / Double(frames)
        let elapsed = clock.now - start
        let wall = (Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12) / Double(frames)
        print("view: compose 160x48 frame, 5 Raft nodes with logs and timers, 100 messages in flight (\(title)): \(oneDecimal(cpu)) µs CPU, \(oneDecimal(wall)) µs wall per frame over \(frames) frames (checksum \(checksum % 10))")
    }
}

/// `standard` frames, or as many as `LIGHTCONE_VIEW_FRAMES` says (fewer under callgrind).
private func benchFrames(_ standard: Int) -> Int {
    guard let text = getenv("LIGHTCONE_VIEW_FRAMES"), let frames = Int(String(cString: text)), frames > 0 else { return standard }
    return frames
}

/// CPU time of this thread in microseconds (wall time is noisy on a shared machine).
private func cpuMicroseconds() -> Double {
    #if canImport(Glibc)
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
    #else
    return 0
    #endif
}

/// `12.3`
private func oneDecimal(_ value: Double) -> String {
    let tenths = Int(value * 10 + 0.5)
    return "\(tenths / 10).\(tenths % 10)"
}

/// A 1,000-node cluster (dots on a ring) with 300 messages in flight, 160x48.
private func bigClusterBenchmark() {
    let count = 1_000
    let nodes = (0..<count).map { index in
        ClusterSnapshot.NodeView(id: NodeID(index: index), life: .up, role: "node", epoch: nil, isLeader: false, lines: ["knows hi"])
    }
    let now: SimTime = 1_000_000
    let messages = (0..<300).map { number in
        InFlightMessage(id: MessageID(number), from: NodeID(index: number * 7 % count), to: NodeID(index: number * 13 % count + 1),
                        sentAt: now - 5_000, arrivesAt: now + 5_000, label: "push", text: "push", isReply: false,
                        state: .travelling, isLost: false)
    }
    let snapshot = ClusterSnapshot(time: now, protocolName: "gossip", seed: 1, nodes: nodes,
                                   groups: [nodes.map(\.id)], messages: messages)
    let state = ViewState()
    var checksum = 0
    let frames = benchFrames(200)
    let cpuStart = cpuMicroseconds()
    for _ in 0..<frames { checksum &+= FrameRenderer.render(snapshot: snapshot, state: state, width: 160, height: 48).grid.width }
    let cpu = (cpuMicroseconds() - cpuStart) / Double(frames)
    print("view: compose 160x48 frame, 1000 nodes, 300 messages in flight: \(oneDecimal(cpu)) µs CPU per frame over \(frames) frames (checksum \(checksum % 10))")
}
