/// Harvest and yield (Fox & Brewer 1999, "Harvest, Yield, and Scalable Tolerant Systems"),
/// over a pinned window: the last 100 finished client operations of the history. Every
/// store that answers clients publishes `yield` with these (kv-cp, kv-ap, bank, shards);
/// shards also publishes `harvest`.
///
/// **Yield** is answered requests / issued requests: a refused request (a `fail`) and one
/// whose result is unknown count against it; one that ran and observed the state (a transfer
/// refused for insufficient funds, a `cas` whose compare failed) was answered. **Harvest** is the fraction of the data
/// reflected in an answer, averaged over the answered requests (1 when none was answered).
///
/// ```swift
/// HarvestYield.yieldReading(cluster.history)          // MeterReading("yield", ...)
/// ```
public enum HarvestYield {
    /// How many finished operations the meters look back over.
    public static let window = 100

    /// The yield meter as `help` and `status` show it.
    public static let yieldMeter = MeterSpec("yield", "the fraction of the last \(window) finished requests that were answered (Fox & Brewer)")
    /// The harvest meter as `help` and `status` show it.
    public static let harvestMeter = MeterSpec("harvest", "the fraction of the records in an answer, averaged over the answered of the last \(window) queries")

    /// Yield over the last `window` finished operations (1 when none finished).
    public static func yieldReading(_ history: [HistoryEntry]) -> MeterReading {
        var answered = 0, finished = 0
        for entry in history.reversed() where entry.outcome != .pending {
            finished += 1
            if entry.outcome == .ok || (entry.outcome == .fail && entry.isObservation) { answered += 1 }
            if finished == window { break }
        }
        return MeterReading("yield", fraction: answered, of: finished)
    }

    /// Harvest over the last `window` finished operations, each answered one reflecting
    /// `reflected(entry)` = (part, whole) of the data (1 when none was answered).
    public static func harvestReading(_ history: [HistoryEntry], reflected: (HistoryEntry) -> (part: Int, whole: Int)?) -> MeterReading {
        var finished = 0
        var sum: Int64 = 0, answered: Int64 = 0
        for entry in history.reversed() where entry.outcome != .pending {
            finished += 1
            if entry.outcome == .ok, let (part, whole) = reflected(entry), whole > 0 {
                sum += Int64(part) * 1_000_000 / Int64(whole)
                answered += 1
            }
            if finished == window { break }
        }
        return MeterReading("harvest", millionths: answered == 0 ? 1_000_000 : sum / answered)
    }
}
