/// How a link behaves: its latency range and its loss and duplication rates.
///
/// The defaults (`new` resets to them) are 10..30 ms latency, no loss, no duplication.
public struct LinkSettings: Sendable, Equatable {
    /// The shortest one-way latency.
    public var latencyMin: SimDuration
    /// The longest one-way latency (latencies are uniform in between, so messages reorder).
    public var latencyMax: SimDuration
    /// The chance a message is lost, in parts per million.
    public var lossPPM: Int
    /// The chance a message is delivered twice, in parts per million.
    public var duplicatePPM: Int

    /// The settings a new cluster starts with.
    public static let defaults = LinkSettings(latencyMin: .milliseconds(10), latencyMax: .milliseconds(30), lossPPM: 0, duplicatePPM: 0)

    /// Settings with these values.
    public init(latencyMin: SimDuration, latencyMax: SimDuration, lossPPM: Int, duplicatePPM: Int) {
        self.latencyMin = latencyMin
        self.latencyMax = latencyMax
        self.lossPPM = lossPPM
        self.duplicatePPM = duplicatePPM
    }

    /// One message's latency, uniform in the range (a fixed latency draws no number).
    @inlinable
    public func drawLatency(using rng: inout SeededGenerator) -> SimDuration {
        latencyMin == latencyMax ? latencyMin : rng.uniform(in: latencyMin...latencyMax)
    }

    /// `latency=10..30ms loss=0% dup=0%`.
    public var description: String {
        let latency = latencyMin == latencyMax ? DurationText.format(latencyMin)
            : "\(DurationText.format(latencyMin))..\(DurationText.format(latencyMax))"
        return "latency=\(latency) loss=\(PercentText.format(lossPPM)) dup=\(PercentText.format(duplicatePPM))"
    }
}

/// A change to some link settings, as typed in `net` and `link`: only the keys given change.
public struct LinkSettingsChange: Sendable, Equatable {
    /// New latency range, if given.
    public var latency: ClosedRange<SimDuration>?
    /// New loss, if given.
    public var lossPPM: Int?
    /// New duplication, if given.
    public var duplicatePPM: Int?

    /// A change.
    public init(latency: ClosedRange<SimDuration>? = nil, lossPPM: Int? = nil, duplicatePPM: Int? = nil) {
        self.latency = latency
        self.lossPPM = lossPPM
        self.duplicatePPM = duplicatePPM
    }

    /// `settings` with this change applied.
    public func applied(to settings: LinkSettings) -> LinkSettings {
        var result = settings
        if let latency {
            result.latencyMin = latency.lowerBound
            result.latencyMax = latency.upperBound
        }
        if let lossPPM { result.lossPPM = lossPPM }
        if let duplicatePPM { result.duplicatePPM = duplicatePPM }
        return result
    }
}
