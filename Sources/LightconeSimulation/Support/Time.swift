/// Simulated time: microseconds since the cluster was created.
///
/// Time is an integer so that every run is the same on every machine:
/// `let t: SimTime = 1_500_000  // 1.5 s`
public typealias SimTime = Int64

/// A length of simulated time in microseconds, e.g. `SimDuration.milliseconds(250)`.
public typealias SimDuration = Int64

extension SimDuration {
    /// `ms` milliseconds as microseconds.
    @inlinable public static func milliseconds(_ ms: Int64) -> SimDuration { ms * 1_000 }
    /// `s` seconds as microseconds.
    @inlinable public static func seconds(_ s: Int64) -> SimDuration { s * 1_000_000 }
}

/// Reading and writing durations the way commands spell them: `250ms`, `2s`, `1m`, `1.5s`, `500us`.
public enum DurationText {
    /// Parses `250ms`, `2s`, `1.5s`, `1m`, `1h`, `800us`; nil when malformed or negative.
    public static func parse(_ text: String) -> SimDuration? {
        let units: [(String, Int64)] = [("us", 1), ("ms", 1_000), ("s", 1_000_000), ("m", 60_000_000), ("h", 3_600_000_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            let number = String(text.dropLast(suffix.count))
            // "ms" also ends in "s" and "us" in "s": only accept if the rest is a number.
            if let value = DecimalText.parse(number, scale: scale) { return value }
        }
        return nil
    }

    /// Formats a duration compactly: `0ms`, `250ms`, `1.5s`, `12s`, `1m30s` style is not used:
    /// everything below a minute in ms or s, to the microsecond when needed.
    public static func format(_ us: SimDuration) -> String {
        if us < 0 { return "-" + format(-us) }
        if us % 1_000_000 == 0 && us >= 1_000_000 { return "\(us / 1_000_000)s" }
        if us >= 1_000_000 && us % 1_000 == 0 { return DecimalText.format(us / 1_000, decimals: 3) + "s" }
        if us % 1_000 == 0 { return "\(us / 1_000)ms" }
        return DecimalText.format(us, decimals: 3) + "ms"
    }

    /// Formats an instant for trace lines and the status bar: always milliseconds, e.g. `t=1250ms`
    /// is written `1250ms`; sub-millisecond instants keep their microseconds (`12.345ms`).
    public static func instant(_ us: SimTime) -> String {
        if us % 1_000 == 0 { return "\(us / 1_000)ms" }
        return DecimalText.format(us, decimals: 3) + "ms"
    }
}

/// Integer-only decimal parsing and formatting (no floating point anywhere in the simulation).
public enum DecimalText {
    /// Parses `12`, `1.5`, `0.25` into `value * scale`, rounding toward zero; nil when malformed.
    public static func parse(_ text: String, scale: Int64) -> Int64? {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return nil }
        let whole = parts[0]
        guard !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }), whole.count <= 12,
              let wholeValue = Int64(whole) else { return nil }
        var result = wholeValue.multipliedReportingOverflow(by: scale)
        guard !result.overflow else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }), fraction.count <= 9 else { return nil }
            var numerator: Int64 = 0
            var denominator: Int64 = 1
            for digit in fraction {
                numerator = numerator * 10 + Int64(digit.wholeNumberValue ?? 0)
                denominator *= 10
            }
            let add = numerator.multipliedReportingOverflow(by: scale)
            guard !add.overflow else { return nil }
            result = result.partialValue.addingReportingOverflow(add.partialValue / denominator)
            guard !result.overflow else { return nil }
        }
        return result.partialValue
    }

    /// Formats `value / 10^decimals` with trailing zeros removed: `format(1500, decimals: 3) == "1.5"`.
    public static func format(_ value: Int64, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let whole = value / scale
        var fraction = value % scale
        if fraction == 0 { return "\(whole)" }
        var digits = decimals
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var fractionText = "\(fraction)"
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return "\(whole).\(fractionText)"
    }
}

/// Probabilities as parts per million, so that `loss=5%` is exact integer arithmetic.
public enum PercentText {
    /// Parses `5%`, `0.5%`, `100%` into parts per million; nil when malformed or above 100 %.
    public static func parse(_ text: String) -> Int? {
        guard text.hasSuffix("%"), let ppm = DecimalText.parse(String(text.dropLast()), scale: 10_000),
              ppm <= 1_000_000 else { return nil }
        return Int(ppm)
    }

    /// Formats parts per million as a percentage: `50_000` → `5%`.
    public static func format(_ ppm: Int) -> String { DecimalText.format(Int64(ppm), decimals: 4) + "%" }
}
