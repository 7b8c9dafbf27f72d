import Glibc

/// Wall time for animation only (never reaches the simulation or its transcripts).
enum MonotonicClock {
    /// Microseconds since an arbitrary start.
    static var microseconds: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000
    }
}
