import LightconeSimulation

/// What the Byzantine generals send. Each message carries the instant the battle began, so a
/// lieutenant knows when each round ends (the paper assumes synchronous rounds).
public enum ByzantineMessage: ProtocolMessage, Equatable {
    /// OM: "`path` says `value`": the commander (path `n1`) or the last lieutenant on the path
    /// relaying what the one before it said.
    case oral(path: [NodeID], value: ByzantineOrder, start: SimTime)
    /// SM: `value` signed by each general of `chain` in turn, commander first. A signature
    /// cannot be forged: a traitor can only relay or withhold what it holds.
    case signed(value: ByzantineOrder, chain: [NodeID], start: SimTime)

    /// `A:n1:n3`: the value's initial and the path or the signature chain.
    public var label: String {
        switch self {
        case .oral(let path, let value, _): return ByzantineMessage.chainText(value, path)
        case .signed(let value, let chain, _): return ByzantineMessage.chainText(value, chain)
        }
    }

    public var traceText: String {
        switch self {
        case .oral(let path, let value, _):
            // `n3 says n1 said retreat`: the relays, latest first, as the paper tells them.
            let speakers = path.reversed().map(\.description)
            return "OM round \(path.count): \(speakers[0]) says " + speakers.dropFirst().map { "\($0) said " }.joined() + value.rawValue
        case .signed(let value, let chain, _):
            return "SM \(value.rawValue):\(chain.map(\.description).joined(separator: ":")) (\(chain.count) signature\(chain.count == 1 ? "" : "s"))"
        }
    }

    public var isReply: Bool { false }

    /// The round it belongs to: the length of its path or chain.
    public var round: Int {
        switch self {
        case .oral(let path, _, _): return path.count
        case .signed(_, let chain, _): return chain.count
        }
    }

    /// `A:n1:n3`.
    static func chainText(_ value: ByzantineOrder, _ nodes: [NodeID]) -> String {
        ([value == .attack ? "A" : "R"] + nodes.map(\.description)).joined(separator: ":")
    }
}

/// The Byzantine generals' one timer: the end of the current round.
public enum ByzantineTimer: Int, ProtocolTimer {
    case round
    public var name: String { "round" }
}
