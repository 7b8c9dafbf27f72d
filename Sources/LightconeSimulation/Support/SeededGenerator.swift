/// The simulation's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Sampling is integer-only and written here (Lemire's unbiased multiply-shift), so a seed
/// gives the same numbers on every machine and toolchain:
/// `var rng = SeededGenerator(seed: 1); let latency = rng.uniform(in: 10_000...30_000)`
public struct SeededGenerator: Sendable, Equatable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator whose whole future is decided by `seed`.
    public init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @usableFromInline @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform integer in `0..<bound` (bound > 0), without modulo bias.
    @inlinable
    public mutating func uniform(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// A uniform integer in `range` (both ends included).
    @inlinable
    public mutating func uniform(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound)
        if width == UInt64.max { return Int64(bitPattern: next()) }
        return range.lowerBound &+ Int64(bitPattern: uniform(below: width &+ 1))
    }

    /// A uniform index in `0..<count` (count > 0).
    @inlinable
    public mutating func index(below count: Int) -> Int { Int(uniform(below: UInt64(count))) }

    /// True with probability `ppm` parts per million.
    @inlinable
    public mutating func chance(ppm: Int) -> Bool {
        if ppm <= 0 { return false }
        if ppm >= 1_000_000 { return true }
        return uniform(below: 1_000_000) < UInt64(ppm)
    }
}
