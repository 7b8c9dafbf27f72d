import LightconeProtocols
import LightconeSimulation

/// The Byzantine generals' checker: the interactive consistency conditions of Lamport, Shostak
/// & Pease. IC2 (a loyal commander is obeyed) is checked live as each loyal lieutenant decides;
/// IC1 (loyal lieutenants agree) once the last of them has decided.
public enum ByzantineChecker: ProtocolChecker {
    public static let properties = ["IC1", "IC2"]

    public static func configure(_ simulation: inout Simulation<ByzantineNode>) {
        simulation.monitor = ByzantineMonitor(nodeCount: simulation.nodeCount)
    }

    public static func check(_ simulation: Simulation<ByzantineNode>) -> CheckReport {
        let (decisions, undecided, loyalOrder) = ByzantineNode.decisions(in: simulation.nodes)
        if let breach = Breach.verdict(decisions, loyalOrder: loyalOrder) {
            return .violation(Violation(property: breach.property, message: breach.message))
        }
        guard undecided.isEmpty else {
            return CheckReport(lines: ["check: ok (no verdict yet: \(undecided.map(\.description).joined(separator: " ")) \(undecided.count == 1 ? "has" : "have") not decided)"])
        }
        let values = Set(decisions.compactMap { $0 })
        guard let value = values.first else { return CheckReport(lines: ["check: ok (no loyal lieutenant)"]) }
        let obeyed = loyalOrder.map { ", as the loyal commander ordered \($0.rawValue)" } ?? " (the commander is a traitor)"
        return CheckReport(lines: ["check: ok (IC1 and IC2 hold: every loyal lieutenant decided \(value.rawValue)\(obeyed))"])
    }
}

/// Reports IC2 as soon as a loyal lieutenant disobeys a loyal commander, and IC1 once every
/// loyal lieutenant has decided and they differ. Constant work per event but the last.
public struct ByzantineMonitor: SafetyMonitor {
    var decided: [Bool]
    var remaining: Int?

    /// A monitor for `nodeCount` generals.
    public init(nodeCount: Int) { decided = Array(repeating: false, count: nodeCount) }

    public mutating func observe(_ id: NodeID, in nodes: [ByzantineNode], now: SimTime) -> Violation? {
        let node = nodes[id.index]
        guard let decision = node.decision, !decided[id.index] else { return nil }
        decided[id.index] = true
        if remaining == nil { remaining = nodes.filter { !$0.isCommander && !$0.isTraitor }.count }
        remaining? -= 1
        let commander = nodes[0]
        if !commander.isTraitor, let order = commander.order, decision != order {
            let breach = Breach.ic2(id.index, decided: decision, order: order)
            return Violation(property: breach.property, message: breach.message)
        }
        guard remaining == 0 else { return nil }
        let (decisions, _, loyalOrder) = ByzantineNode.decisions(in: nodes)
        return Breach.verdict(decisions, loyalOrder: loyalOrder).map { Violation(property: $0.property, message: $0.message) }
    }
}
