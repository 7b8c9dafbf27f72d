/// What a role does in its protocol, so that the view colours and marks nodes, and the
/// nemesis picks its targets, without knowing any protocol's role names.
public enum RoleKind: String, Sendable, Hashable, CaseIterable {
    /// Leads: a Raft leader, a distinguished proposer, a commander, a primary.
    case leading
    /// Trying to lead: a Raft candidate, a proposer in phase 1.
    case campaigning
    /// Follows a leader: a Raft follower, a lieutenant, a backup.
    case following
    /// Takes part without leading or following: a gossip node, an acceptor, a replica.
    case passive
    /// Works against the protocol on purpose: a traitor among the Byzantine generals.
    case faulty
}

/// A role a protocol's nodes can be in (`leader`, `candidate`, `follower`), with its kind.
public struct RoleSpec: Sendable, Hashable {
    /// The role's name as `nodes`, the view and `role NODE ROLE` spell it.
    public var name: String
    /// What the role does.
    public var kind: RoleKind

    /// A role called `name` of kind `kind`.
    public init(_ name: String, _ kind: RoleKind) {
        self.name = name
        self.kind = kind
    }
}

extension ProtocolNode {
    /// The kind of the role called `name` among this protocol's declared roles (passive if
    /// the protocol does not declare it).
    public static func roleKind(of name: String) -> RoleKind {
        roles.first { $0.name == name }?.kind ?? .passive
    }
}
