import LightconeSimulation

/// `byzantine table n=3..7 m=1..2 [algorithm=om|sm]`: for each (n, m) with m < n-1, whether the
/// algorithm kept IC1 and IC2 against `worst` traitors for every choice of m traitors among the
/// n generals and both orders, how many messages it sends, and one breaking case when it fails.
///
/// It reproduces the paper: OM(m) succeeds iff n > 3m; SM(m) for every n ≥ m + 2.
public struct ByzantineTable: Sendable {
    /// One (n, m).
    public struct Row: Sendable {
        /// Generals.
        public var n: Int
        /// The algorithm's m, and the number of traitors.
        public var m: Int
        /// True when no plan tried broke IC1 or IC2.
        public var kept: Bool
        /// Messages of one battle without traitors.
        public var messages: Int
        /// The first breaking case found: traitors, order and the breach.
        public var breaking: String?
        /// True when every choice of every traitor set was tried (not a sample).
        public var isComplete: Bool
        /// Plans tried in all.
        public var tried: Int

        /// What the paper proves for this row.
        public func paperSaysKept(_ algorithm: ByzantineAlgorithm) -> Bool { algorithm == .om ? n > 3 * m : n >= m + 2 }
    }

    /// The algorithm tabled.
    public var algorithm: ByzantineAlgorithm
    /// The rows, n then m ascending.
    public var rows: [Row]

    /// The generals a table may take, and the m.
    public static let nodeLimit = 3...8, mLimit = 0...3

    /// Builds the table (the search of `TraitorSearch.worst` for every traitor set and order).
    public static func build(nodes: ClosedRange<Int>, ms: ClosedRange<Int>, algorithm: ByzantineAlgorithm) -> ByzantineTable {
        var rows: [Row] = []
        for n in nodes {
            for m in ms where m < n - 1 {
                rows.append(row(n: n, m: m, algorithm: algorithm))
            }
        }
        return ByzantineTable(algorithm: algorithm, rows: rows)
    }

    static func row(n: Int, m: Int, algorithm: ByzantineAlgorithm) -> Row {
        var config = ByzantineConfig(nodeCount: n)
        config.m = m
        config.algorithm = algorithm
        if algorithm == .om { config.tree = OralTree(nodeCount: n, m: m) }
        var loyal = Battle(config: config, order: .attack)
        _ = loyal.breach(TraitorPlan(nodeCount: n, move: .flip))
        var row = Row(n: n, m: m, kept: true, messages: loyal.messages, breaking: nil, isComplete: true, tried: 0)
        for traitors in subsets(of: n, size: m) {
            config.traitors = traitors
            for order in config.isTraitor(0) ? [ByzantineOrder.attack] : ByzantineOrder.allCases {
                let result = TraitorSearch.worst(config, order: order)
                row.tried += result.tried
                if !result.isComplete { row.isComplete = false }
                if let breach = result.breach {
                    row.kept = false
                    let given = config.isTraitor(0) ? "" : ", order \(order.rawValue)"
                    row.breaking = "traitors=\(config.traitorNames)\(given): \(breach.property) \(breach.message)"
                    return row
                }
            }
        }
        return row
    }

    /// Every set of `size` node indexes below `n`, as bit masks, in lexicographic order.
    static func subsets(of n: Int, size: Int) -> [UInt64] {
        var result: [UInt64] = []
        func extend(_ from: Int, _ left: Int, _ mask: UInt64) {
            if left == 0 { result.append(mask); return }
            guard from < n else { return }
            for i in from..<n where n - i >= left { extend(i + 1, left - 1, mask | 1 << UInt64(i)) }
        }
        extend(0, size, 0)
        return result
    }

    /// The table as the lab prints it.
    public var lines: [String] {
        let title = algorithm == .om ? "OM(m)" : "SM(m)"
        let ruleHeader = algorithm == .om ? "n>3m" : "n≥m+2"
        var lines = ["byzantine table: \(title) against worst traitors, every choice of m traitors among n generals and both orders",
                     "   n  m  \(ruleHeader)  IC1+IC2  messages  one breaking case"]
        var sampled = false
        for row in rows {
            let rule = row.paperSaysKept(algorithm) ? "yes" : "no"
            let verdict = row.kept ? (row.isComplete ? "kept" : "kept*") : "broken"
            if row.kept && !row.isComplete { sampled = true }
            let ruleColumn = left(rule, ruleHeader.count)
            let verdictColumn = left(verdict, 7)
            let counts = pad(String(row.n), 4) + pad(String(row.m), 3)
            let line: String = counts + "  " + ruleColumn + "  " + verdictColumn + pad(String(row.messages), 10) + "  " + (row.breaking ?? "-")
            lines.append(line)
        }
        let differ = rows.filter { $0.kept != $0.paperSaysKept(algorithm) }
        if differ.isEmpty {
            lines.append(algorithm == .om ? "OM(m) kept IC1 and IC2 exactly where n > 3m, as the paper proves"
                                          : "SM(m) kept IC1 and IC2 for every n ≥ m + 2, as the paper proves")
        } else {
            lines.append("differs from the paper at " + differ.map { "n=\($0.n) m=\($0.m)" }.joined(separator: ", "))
        }
        if sampled { lines.append("* choices beyond 2^\(TraitorSearch.exhaustiveBits) per traitor set: a seeded sample of \(TraitorSearch.budget) plans, not all") }
        return lines
    }

    func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    func left(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
}

extension ByzantineNode {
    /// `byzantine table n=A..B m=C..D [algorithm=om|sm]`: read-only, it builds the table apart
    /// from this cluster.
    public static var commands: [ProtocolCommand<ByzantineNode>] {
        [ProtocolCommand(
            "byzantine", usage: "byzantine table n=A..B m=C..D [algorithm=om|sm]",
            summary: "for each n and m < n-1: did the algorithm keep IC1 and IC2 against worst traitors? (the paper's result)",
            example: "byzantine table n=3..7 m=1..2", arguments: [.words(["table"]), .options(["n", "m", "algorithm"])], isReadOnly: true,
            parse: { words, _ throws(OptionError) in try parseTable(words) },
            perform: { words, _ throws(SimulationError) in
                guard let parsed = try? parseTable(words), let request = tableRequest(parsed) else {
                    throw SimulationError("usage: byzantine table n=A..B m=C..D [algorithm=om|sm]")
                }
                return ByzantineTable.build(nodes: request.nodes, ms: request.ms, algorithm: request.algorithm).lines
            })]
    }

    /// Checks `table n=A..B m=C..D [algorithm=om|sm]` and spells it out in full.
    static func parseTable(_ words: [String]) throws(OptionError) -> [String] {
        let usage = "usage: byzantine table n=A..B m=C..D [algorithm=om|sm]"
        guard words.first?.lowercased() == "table" else { throw OptionError("byzantine takes table; \(usage)") }
        var nodes = 3...7, ms = 1...2, algorithm = ByzantineAlgorithm.om
        var seen: Set<String> = []
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["n", "m", "algorithm"].contains(parts[0].lowercased()) else { throw OptionError("unexpected '\(word)'; \(usage)") }
            let key = parts[0].lowercased()
            guard seen.insert(key).inserted else { throw OptionError("\(key)= given twice; \(usage)") }
            switch key {
            case "n":
                guard let range = range(parts[1]), ByzantineTable.nodeLimit.contains(range.lowerBound), ByzantineTable.nodeLimit.contains(range.upperBound) else {
                    throw OptionError("n= takes generals like 3..7, within \(ByzantineTable.nodeLimit.lowerBound)..\(ByzantineTable.nodeLimit.upperBound)")
                }
                nodes = range
            case "m":
                guard let range = range(parts[1]), ByzantineTable.mLimit.contains(range.lowerBound), ByzantineTable.mLimit.contains(range.upperBound) else {
                    throw OptionError("m= takes traitors like 1..2, within \(ByzantineTable.mLimit.lowerBound)..\(ByzantineTable.mLimit.upperBound)")
                }
                ms = range
            default:
                guard let value = ByzantineAlgorithm(rawValue: parts[1].lowercased()) else { throw OptionError("algorithm must be om or sm, not \(parts[1])") }
                algorithm = value
            }
        }
        return ["table", "n=\(nodes.lowerBound)..\(nodes.upperBound)", "m=\(ms.lowerBound)..\(ms.upperBound)", "algorithm=\(algorithm.rawValue)"]
    }

    /// `3..7` or `4`.
    static func range(_ text: String) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "..", omittingEmptySubsequences: false).map(String.init)
        guard bounds.count <= 2, let low = Int(bounds[0]), let high = Int(bounds.last ?? ""), low <= high else { return nil }
        return low...high
    }

    /// The ranges and algorithm of parsed words.
    static func tableRequest(_ words: [String]) -> (nodes: ClosedRange<Int>, ms: ClosedRange<Int>, algorithm: ByzantineAlgorithm)? {
        func value(_ key: String) -> String? { words.first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) } }
        guard let nodes = value("n").flatMap(range), let ms = value("m").flatMap(range),
              let algorithm = value("algorithm").flatMap(ByzantineAlgorithm.init(rawValue:)) else { return nil }
        return (nodes, ms, algorithm)
    }
}
