/// A named gauge a protocol or its checker publishes (`harvest`, `yield`, `coverage`,
/// `lost-writes`): declared once for help and for parsing `METER >= X`, read on demand.
public struct MeterSpec: Sendable, Hashable {
    /// The name typed in conditions and shown in `status`.
    public var name: String
    /// One line: what it measures.
    public var summary: String

    /// A meter called `name`.
    public init(_ name: String, _ summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// One meter's value now, in millionths so that readings and comparisons are exact and
/// print the same everywhere (`0.75`, `1`, `12`; `0.391` for 9/23, as people read it —
/// `status --json` keeps every digit).
public struct MeterReading: Sendable, Equatable {
    /// The meter's name.
    public var name: String
    /// The value times 1,000,000.
    public var millionths: Int64

    /// A reading of `millionths` / 1,000,000.
    public init(_ name: String, millionths: Int64) {
        self.name = name
        self.millionths = millionths
    }

    /// A reading of `part / whole` (1 when `whole` is 0).
    public init(_ name: String, fraction part: Int, of whole: Int) {
        self.name = name
        self.millionths = whole == 0 ? 1_000_000 : Int64(part) * 1_000_000 / Int64(whole)
    }

    /// The value to three decimals, cut toward zero (so a reading below 1 never shows as
    /// `1`), without trailing zeros: `0.75`, `1`, `0.391`.
    public var text: String {
        MeterReading.decimal(millionths / 1_000 * 1_000)
    }

    /// `millionths` as a decimal without trailing zeros.
    public static func decimal(_ millionths: Int64) -> String {
        let sign = millionths < 0 ? "-" : ""
        let magnitude = millionths.magnitude
        let whole = magnitude / 1_000_000, fraction = magnitude % 1_000_000
        guard fraction > 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 6 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }
}
