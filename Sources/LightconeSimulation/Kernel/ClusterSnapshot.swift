/// Everything the view draws at one instant, independent of the protocol's types.
public struct ClusterSnapshot: Sendable {
    /// One node's box.
    public struct NodeView: Sendable, Equatable {
        public var id: NodeID
        public var life: NodeLife
        public var role: String
        /// What the role does (the view colours and marks by it); `down` nodes keep the kind
        /// of their role before they went down.
        public var roleKind: RoleKind
        public var epoch: Int?
        public var isLeader: Bool
        public var lines: [String]
        /// Its log, for protocols that keep one (`ProtocolNode.logObservation`).
        public var log: LogObservation?
        /// Its running-out timer, if armed (`ProtocolNode.countdown`); nil for a down node.
        public var countdown: Countdown?
        /// The protocol's mark on the box (`⚠ stale x=1`, a light cone), if any
        /// (`ProtocolNode.marks(focus:in:)`), drawn above its lines.
        public var mark: NodeMark?

        /// A node's box as the view draws it.
        public init(id: NodeID, life: NodeLife, role: String, roleKind: RoleKind = .passive, epoch: Int?,
                    isLeader: Bool, lines: [String], log: LogObservation? = nil,
                    countdown: Countdown? = nil, mark: NodeMark? = nil) {
            self.mark = mark
            self.log = log
            self.countdown = countdown
            self.id = id
            self.life = life
            self.role = role
            self.roleKind = roleKind
            self.epoch = epoch
            self.isLeader = isLeader
            self.lines = lines
        }
    }

    /// A message that died recently, for the dying animation.
    public struct DroppedMessage: Sendable, Equatable {
        public var id: MessageID
        public var from: NodeID
        public var to: NodeID
        public var sentAt: SimTime
        public var arrivesAt: SimTime
        public var droppedAt: SimTime
        public var label: String
        public var reason: String

        /// A message that died at `droppedAt` for `reason`.
        public init(id: MessageID, from: NodeID, to: NodeID, sentAt: SimTime, arrivesAt: SimTime,
                    droppedAt: SimTime, label: String, reason: String) {
            self.id = id
            self.from = from
            self.to = to
            self.sentAt = sentAt
            self.arrivesAt = arrivesAt
            self.droppedAt = droppedAt
            self.label = label
            self.reason = reason
        }
    }

    public var time: SimTime
    public var protocolName: String
    public var seed: UInt64
    public var nodes: [NodeView]
    public var groups: [[NodeID]]
    public var cuts: [Link]
    public var held: [Link]
    public var messages: [InFlightMessage]
    public var drops: [DroppedMessage]
    public var violations: [Violation]
    public var bugs: [String]
    public var isChaosRunning: Bool
    /// Every meter now, for the status bar.
    public var meters: [MeterReading]
    /// What the protocol's message labels mean (`AE` = AppendEntries), for the legend.
    public var labelMeanings: [MessageLabelSpec]

    /// A snapshot built by hand (tests, benchmarks); `Simulation.snapshot` builds the real one.
    public init(time: SimTime, protocolName: String, seed: UInt64, nodes: [NodeView], groups: [[NodeID]],
                cuts: [Link] = [], held: [Link] = [], messages: [InFlightMessage] = [], drops: [DroppedMessage] = [],
                violations: [Violation] = [], bugs: [String] = [], isChaosRunning: Bool = false,
                meters: [MeterReading] = [], labelMeanings: [MessageLabelSpec] = []) {
        self.meters = meters
        self.labelMeanings = labelMeanings
        self.time = time
        self.protocolName = protocolName
        self.seed = seed
        self.nodes = nodes
        self.groups = groups
        self.cuts = cuts
        self.held = held
        self.messages = messages
        self.drops = drops
        self.violations = violations
        self.bugs = bugs
        self.isChaosRunning = isChaosRunning
    }
}

extension Simulation {
    /// What the view needs to draw the cluster now.
    public var snapshot: ClusterSnapshot {
        let leader = self.leader
        let marks = Node.marks(focus: markFocus, in: state)
        let views = (0..<nodeCount).map { (index: Int) -> ClusterSnapshot.NodeView in
            ClusterSnapshot.NodeView(id: NodeID(index: index), life: lives[index],
                                     role: lives[index] == .down ? "down" : nodes[index].role,
                                     roleKind: nodes[index].roleKind,
                                     epoch: nodes[index].epoch, isLeader: leader?.index == index,
                                     lines: nodes[index].boxLines,
                                     log: nodes[index].logObservation,
                                     countdown: lives[index] == .down ? nil : nodes[index].countdown,
                                     mark: marks[NodeID(index: index)])
        }
        let drops = recentDrops.map { item in
            ClusterSnapshot.DroppedMessage(id: item.envelope.id, from: item.envelope.from, to: item.envelope.to,
                                           sentAt: item.envelope.sentAt, arrivesAt: item.envelope.arrivesAt,
                                           droppedAt: item.time, label: item.envelope.payload.label, reason: item.reason.rawValue)
        }
        return ClusterSnapshot(time: now, protocolName: Node.name, seed: seed, nodes: views, groups: network.groups,
                               cuts: network.cuts.sorted { ($0.from, $0.to) < ($1.from, $1.to) },
                               held: network.held.sorted { ($0.from, $0.to) < ($1.from, $1.to) },
                               messages: messagesInFlight, drops: Array(drops), violations: violations,
                               bugs: enabledBugs, isChaosRunning: chaos != nil, meters: meters,
                               labelMeanings: Node.messageLabels)
    }
}
