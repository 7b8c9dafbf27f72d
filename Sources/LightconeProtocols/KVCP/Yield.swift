import LightconeSimulation

/// Yield (Fox & Brewer 1999): the fraction of requests answered, over the last window of
/// finished client operations. A refused request (`unavailable: no quorum`, a node down)
/// and one whose result is unknown count against it; a `cas` whose compare failed was
/// answered and counts for it.
public enum Yield {
    /// The meter as `help` and `status` show it.
    public static let meter = MeterSpec("yield", "the fraction of the last \(window) finished requests that were answered (Fox & Brewer)")
    /// How many finished operations the meter looks back over.
    public static let window = 100

    /// The reading over `history`'s last `window` finished operations (1 when none finished).
    public static func reading(_ history: [HistoryEntry]) -> MeterReading {
        var answered = 0, finished = 0
        for entry in history.reversed() where entry.outcome != .pending {
            finished += 1
            if entry.outcome == .ok || (entry.outcome == .fail && entry.isObservation) { answered += 1 }
            if finished == window { break }
        }
        return MeterReading("yield", fraction: answered, of: finished)
    }
}
