/// git's three-way merge of lines (diff3; Khanna, Kunal & Pierce 2007): lines that both sides
/// kept as in the base are stable; between them, a chunk changed on one side only takes that
/// side, a chunk changed the same way on both takes it once, and a chunk changed differently
/// on both is a conflict, written with git's markers.
public enum ThreeWayMerge {
    /// The merged lines and whether any chunk conflicted.
    public struct Result: Sendable, Equatable {
        public var lines: [String]
        public var conflicts: Int
    }

    /// Merges `ours` and `theirs`, both edited from `base`; conflicts are marked with the sides' names.
    public static func merge(base: [String], ours: [String], theirs: [String], oursName: String, theirsName: String) -> Result {
        let a = matches(base, ours), b = matches(base, theirs)
        var lines: [String] = []
        var conflicts = 0
        var o = 0, i = 0, j = 0
        while o < base.count || i < ours.count || j < theirs.count {
            // The next base line both sides kept, at or after the current positions.
            var next = o
            while next < base.count && !(a[next] != nil && b[next] != nil) { next += 1 }
            let endO = next, endA = next < base.count ? a[next]! : ours.count, endB = next < base.count ? b[next]! : theirs.count
            if endO == o && endA == i && endB == j {
                lines.append(base[o])
                o += 1; i += 1; j += 1
                continue
            }
            let chunkO = Array(base[o..<endO]), chunkA = Array(ours[i..<endA]), chunkB = Array(theirs[j..<endB])
            if chunkA == chunkO { lines += chunkB } else if chunkB == chunkO || chunkA == chunkB { lines += chunkA } else {
                conflicts += 1
                lines += ["<<<<<<< \(oursName)"] + chunkA + ["======="] + chunkB + [">>>>>>> \(theirsName)"]
            }
            o = endO; i = endA; j = endB
        }
        return Result(lines: lines, conflicts: conflicts)
    }

    /// For each base line, the index of the line it matches in `other` on a longest common
    /// subsequence, or nil.
    static func matches(_ base: [String], _ other: [String]) -> [Int?] {
        let n = base.count, m = other.count
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for x in stride(from: n - 1, through: 0, by: -1) {
            for y in stride(from: m - 1, through: 0, by: -1) {
                lcs[x][y] = base[x] == other[y] ? lcs[x + 1][y + 1] + 1 : max(lcs[x + 1][y], lcs[x][y + 1])
            }
        }
        var result = [Int?](repeating: nil, count: n)
        var x = 0, y = 0
        while x < n && y < m {
            if base[x] == other[y] { result[x] = y; x += 1; y += 1 } else if lcs[x + 1][y] >= lcs[x][y + 1] { x += 1 } else { y += 1 }
        }
        return result
    }
}
