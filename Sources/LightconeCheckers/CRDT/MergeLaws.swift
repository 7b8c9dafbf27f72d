import LightconeProtocols
import LightconeSimulation

/// The laws a state-based CRDT's merge must obey (a join-semilattice's least upper bound),
/// checked on given states.
public enum MergeLaws {
    /// The first law the merge breaks on `states` (every pair, and triples of the first
    /// eight), in words; nil when all hold.
    public static func firstViolation(in states: [CRDTReplica], bugs: CRDTBugs) -> String? {
        let names = states.indices.map { "n\($0 + 1)" }
        for (i, a) in states.enumerated() where a.merged(with: a, bugs: bugs) != a {
            return "not idempotent: \(names[i]) ⊔ \(names[i]) is \(a.merged(with: a, bugs: bugs).description), not \(a.description)"
        }
        for i in states.indices {
            for j in states.indices where j > i {
                let ab = states[i].merged(with: states[j], bugs: bugs), ba = states[j].merged(with: states[i], bugs: bugs)
                if ab != ba { return "not commutative: \(names[i]) ⊔ \(names[j]) is \(ab.description) but \(names[j]) ⊔ \(names[i]) is \(ba.description)" }
            }
        }
        let few = Array(states.prefix(8))
        for i in few.indices {
            for j in few.indices where j != i {
                for k in few.indices where k != i && k != j {
                    let left = few[i].merged(with: few[j], bugs: bugs).merged(with: few[k], bugs: bugs)
                    let right = few[i].merged(with: few[j].merged(with: few[k], bugs: bugs), bugs: bugs)
                    if left != right {
                        return "not associative: (\(names[i]) ⊔ \(names[j])) ⊔ \(names[k]) is \(left.description) but \(names[i]) ⊔ (\(names[j]) ⊔ \(names[k])) is \(right.description)"
                    }
                }
            }
        }
        return nil
    }

    /// Whether merge obeys the three laws on `a`, `b` and `c`.
    public static func hold(_ a: CRDTReplica, _ b: CRDTReplica, _ c: CRDTReplica, bugs: CRDTBugs = []) -> Bool {
        firstViolation(in: [a, b, c], bugs: bugs) == nil
    }

    /// The join of every state (the correct merge): what the replicas converge to.
    public static func join(_ states: [CRDTReplica]) -> CRDTReplica {
        guard var result = states.first else { return .gcounter(GCounter(nodeCount: 0)) }
        for state in states.dropFirst() { result = result.merged(with: state) }
        return result
    }
}
