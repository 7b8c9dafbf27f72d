import LightconeSimulation

/// Which replicated data type a `crdt` cluster holds (`new crdt type=orset`).
public enum CRDTType: String, Sendable, CaseIterable {
    case gcounter, pncounter, orset, lww, text, merge
    /// Of SPEC §4, not in this build: none.
    static let planned: [String] = []
    /// The types whose merge is a lattice join (not `text`, merged by operational transform
    /// through a server, nor `merge`, a three-way merge whose conflicts wait for a person).
    public static let conflictFree: [CRDTType] = [.gcounter, .pncounter, .orset, .lww]
}

/// The settings of `new crdt N type=gcounter|pncounter|orset|lww sync=500ms`.
public struct CRDTConfig: Sendable, Equatable {
    /// The data type every replica holds (default a G-counter).
    public var type: CRDTType = .gcounter
    /// How often a replica sends its whole state to one random peer (anti-entropy).
    public var sync: SimDuration = .milliseconds(500)

    /// The default settings.
    public init() {}

    /// Parses the `key=value` options of `new crdt`.
    public static func parse(_ options: [(key: String, value: String)]) throws(OptionError) -> CRDTConfig {
        var config = CRDTConfig()
        let types = CRDTType.allCases.map(\.rawValue).joined(separator: "|")
        for (key, value) in options {
            switch key {
            case "type":
                if CRDTType.planned.contains(value.lowercased()) {
                    throw OptionError("crdt type=\(value.lowercased()) is not in this build yet; types are \(types)")
                }
                guard let type = CRDTType(rawValue: value.lowercased()) else {
                    throw OptionError("type must be \(types), not \(value)")
                }
                config.type = type
            case "sync":
                guard let d = DurationText.parse(value), d >= 1_000, d <= .seconds(60) else {
                    throw OptionError("sync must be a duration from 1ms to 1m, like 500ms, not \(value)")
                }
                config.sync = d
            default:
                throw OptionError("unknown option \(key) for crdt; options are type=\(types) sync=DURATION")
            }
        }
        return config
    }
}
