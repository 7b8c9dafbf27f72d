import LightconeSimulation

/// How wall time becomes simulated time while the view plays.
///
/// At 1x, one wall second moves the simulation 20 ms, so a message with the default
/// 10–30 ms latency crosses the screen in about a second. `speed` multiplies that
/// (in thousandths: 2000 is 2x). Fractions of a microsecond are carried, never lost.
public struct PlaySpeed: Sendable, Equatable {
    /// Simulated microseconds per wall second at 1x.
    public static let simulatedPerWallSecond: Int64 = 20_000
    /// The speeds `+` and `-` step through, in thousandths (1/16x ... 256x).
    public static let ladder = [62, 125, 250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000]
    /// The longest wall time one frame may account for (a stall does not jump the clock).
    public static let maximumWallStep: Int64 = 250_000

    /// Carried remainder (simulated microseconds × 1_000_000_000).
    private var remainder: Int64 = 0

    public init() {}

    /// The simulated time to advance for `wallMicroseconds` of wall time at `speedThousandths`.
    public mutating func simulated(forWall wallMicroseconds: Int64, speedThousandths: Int) -> SimDuration {
        let wall = min(max(0, wallMicroseconds), Self.maximumWallStep)
        // wall_us * 20_000 / 1_000_000 * speed / 1000 = wall * speed * 20 / 1_000_000
        let scaled = wall * Int64(speedThousandths) * (Self.simulatedPerWallSecond / 1_000) + remainder
        remainder = scaled % 1_000_000
        return scaled / 1_000_000
    }

    /// The next faster (`faster: true`) or slower speed on the ladder from `current`.
    public static func step(from current: Int, faster: Bool) -> Int {
        if faster { return ladder.first(where: { $0 > current }) ?? ladder[ladder.count - 1] }
        return ladder.last(where: { $0 < current }) ?? ladder[0]
    }
}
