extension Simulation {
    /// Every meter now: the protocol's, then its checker's.
    public var meters: [MeterReading] {
        let state = self.state
        return Node.readMeters(in: state) + (meterHook?(state) ?? [])
    }

    /// Answers `condition` now, or nil when it does not apply to this protocol.
    public func evaluate(_ condition: Condition) -> ConditionOutcome? {
        if let id = condition.namedNode, id.index >= nodeCount {
            return ConditionOutcome(holds: false, actual: "there is no \(id)")
        }
        switch condition {
        case .up(let id):
            guard id.index < nodeCount else { return ConditionOutcome(holds: false, actual: "there is no \(id)") }
            return ConditionOutcome(holds: lives[id.index] != .down, actual: "\(id) is \(lives[id.index].rawValue)")
        case .down(let id):
            guard id.index < nodeCount else { return ConditionOutcome(holds: false, actual: "there is no \(id)") }
            return ConditionOutcome(holds: lives[id.index] == .down, actual: "\(id) is \(lives[id.index].rawValue)")
        case .meter(let name, let comparison, let bound):
            guard let reading = meters.first(where: { $0.name == name }) else { return nil }
            return ConditionOutcome(holds: comparison.holds(reading.millionths, bound), actual: "\(name) is \(reading.text)")
        case .violation(let property):
            let found = violations.filter { property == nil || $0.property.lowercased() == property!.lowercased() }
            let actual = violations.isEmpty ? "no violation" : "violations: " + violations.map(\.property).joined(separator: ", ")
            return ConditionOutcome(holds: !found.isEmpty, actual: actual)
        default:
            break
        }
        let state = self.state
        if let outcome = Node.evaluate(condition, in: state) { return outcome }
        if let outcome = conditionHook?(condition, state) { return outcome }
        let hasLeaders = Node.hasLeaders
        switch condition {
        case .leader(let id):
            guard hasLeaders else { return nil }
            let current = leader
            let actual = current.map { "leader is \($0)" } ?? "no leader"
            if let id { return ConditionOutcome(holds: current == id, actual: actual) }
            return ConditionOutcome(holds: current != nil, actual: actual)
        case .noLeader:
            guard hasLeaders else { return nil }
            let current = leader
            return ConditionOutcome(holds: current == nil, actual: current.map { "leader is \($0)" } ?? "no leader")
        case .role(let id, let role):
            guard id.index < nodeCount else { return ConditionOutcome(holds: false, actual: "there is no \(id)") }
            let actualRole = lives[id.index] == .down ? "down" : nodes[id.index].role
            return ConditionOutcome(holds: actualRole == role, actual: "\(id) is \(actualRole)")
        default:
            return nil
        }
    }
}
