import LightconeSimulation

/// What gossiping nodes exchange: push-pull epidemic broadcast (Demers et al. 1987).
public enum GossipMessage: ProtocolMessage, Equatable {
    /// "Here is everything I know" (a push that doubles as a pull request); `news` when the
    /// sender learned something since its previous round (only the view reads it).
    case push([String], news: Bool)
    /// "And here is what you were missing" (the pull half), sent only when non-empty.
    case pull([String])

    public var label: String {
        switch self {
        case .push: return "push"
        case .pull: return "pull"
        }
    }

    public var traceText: String {
        switch self {
        case .push(let values, _): return "Push [\(values.joined(separator: ","))]"
        case .pull(let values): return "Pull [\(values.joined(separator: ","))]"
        }
    }

    public var isReply: Bool {
        if case .pull = self { return true }
        return false
    }

    /// A push with nothing new — from a node that knows nothing yet, or that has learned
    /// nothing since its previous round — is drawn faintly, so that the news stands out.
    public var isQuiet: Bool {
        if case .push(let values, let news) = self { return values.isEmpty || !news }
        return false
    }
}

/// Gossip's one timer: the start of the node's next round.
public enum GossipTimer: Int, ProtocolTimer {
    case round
    public var name: String { "round" }
}

/// Gossip's settings: `new gossip N fanout=3 round=100ms mode=push-pull`.
public struct GossipConfig: Sendable, Equatable {
    /// Peers contacted per round.
    public var fanout: Int = 3
    /// Time between a node's rounds.
    public var round: SimDuration = .milliseconds(100)
    /// `mode=push` (Demers et al.'s push): only nodes that know something push, and nobody
    /// pulls back. The default is push-pull.
    public var pushOnly = false
}

extension GossipNode {
    /// What the labels of `GossipMessage.label` mean, for `help gossip`.
    public static var messageLabels: [MessageLabelSpec] {
        [
            MessageLabelSpec("push", "a round's push: every value the sender knows (it doubles as a pull request)"),
            MessageLabelSpec("pull", "the answer: the values the pusher was missing (sent only when there are some)"),
        ]
    }
}
