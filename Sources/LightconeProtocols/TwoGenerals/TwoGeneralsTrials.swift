import LightconeSimulation

/// `trials N [acks=K] [loss=P]`: N seeded attempts of the two generals' chain, run fast (a
/// fresh cluster each, no view, no trace), counted by how dawn ended.
///
/// ```swift
/// let tally = TwoGeneralsTrials.run(runs: 10_000, acks: 2, lossPPM: 300_000, seed: 1)
/// print(tally.lines[0])  // trials: 10000 runs, acks=2, loss=30%: both attack 3430, ...
/// ```
public struct TwoGeneralsTrials: Sendable, Equatable {
    /// How many attempts ran.
    public var runs: Int
    /// K, the last messenger of each chain.
    public var acks: Int
    /// The valley's loss, both ways, in parts per million.
    public var lossPPM: Int
    /// Attempts in which both generals attacked.
    public var bothAttack = 0
    /// Attempts in which both stayed home.
    public var neitherAttacks = 0
    /// Attempts in which only general A (n1) attacked.
    public var onlyA = 0
    /// Attempts in which only general B (n2) attacked.
    public var onlyB = 0

    /// The most attempts one `trials` runs.
    public static let runsLimit = 1_000_000

    /// Runs `runs` attempts of `order attack` with `acks` acknowledgements over a valley that
    /// loses `lossPPM` both ways, messenger latency in `latency`; attempt seeds come from `seed`.
    public static func run(runs: Int, acks: Int, lossPPM: Int, latency: ClosedRange<SimDuration> = .milliseconds(10)...(.milliseconds(30)),
                           dawn: SimDuration = .seconds(1), seed: UInt64) -> TwoGeneralsTrials {
        var tally = TwoGeneralsTrials(runs: runs, acks: acks, lossPPM: lossPPM)
        var seeds = SeededGenerator(seed: seed ^ 0x7472_6961_6C73)  // "trials"
        let options = [(key: "acks", value: String(acks)), (key: "loss", value: PercentText.format(lossPPM)),
                       (key: "dawn", value: DurationText.format(dawn))]
        let general = NodeID(index: 0)
        for _ in 0..<runs {
            guard var simulation = try? Simulation<TwoGeneralsNode>(nodeCount: 2, seed: seeds.next(), options: options) else { break }
            simulation.trace.isEnabled = false
            simulation.setNetwork(LinkSettingsChange(latency: latency))
            guard (try? simulation.deliverCommand("order", arguments: ["attack"], to: general)) != nil else { break }
            simulation.run(to: dawn)
            switch (simulation.nodes[0].decision == .attack, simulation.nodes[1].decision == .attack) {
            case (true, true): tally.bothAttack += 1
            case (false, false): tally.neitherAttacks += 1
            case (true, false): tally.onlyA += 1
            case (false, true): tally.onlyB += 1
            }
        }
        return tally
    }

    /// Attempts that ended with one general attacking alone.
    public var disasters: Int { onlyA + onlyB }

    /// What the rule implies for one attempt, in parts per million: both attack (1-p)^(K+1),
    /// the sender of message K alone (1-p)^K·p, neither the rest.
    public var predicted: (bothAttack: Int, neitherAttacks: Int, disaster: Int) {
        let million = 1_000_000
        var delivered = million  // (1-p)^K in ppm
        for _ in 0..<acks { delivered = delivered * (million - lossPPM) / million }
        let disaster = delivered * lossPPM / million
        return (delivered - disaster, million - delivered, disaster)
    }

    /// The issue's line, then the fraction of disasters beside what the rule predicts.
    public var lines: [String] {
        let loss = PercentText.format(lossPPM)
        return [
            "trials: \(runs) runs, acks=\(acks), loss=\(loss): both attack \(bothAttack), neither attacks \(neitherAttacks), only n1 attacks \(onlyA), only n2 attacks \(onlyB)",
            "disasters (one general attacks alone): \(disasters) of \(runs) = \(PercentText.format(TwoGeneralsTrials.ppm(disasters, of: runs)))"
                + " (the rule predicts \(PercentText.format(predicted.disaster)): message m\(acks) lost, its sender \(acks % 2 == 0 ? "n1" : "n2") attacks alone)",
        ]
    }

    /// `part` of `whole` in parts per million, rounded to the nearest.
    static func ppm(_ part: Int, of whole: Int) -> Int {
        whole == 0 ? 0 : (part * 1_000_000 + whole / 2) / whole
    }
}

extension TwoGeneralsNode {
    /// `trials N [acks=K] [loss=P]`: read-only, it runs fresh clusters and leaves this one alone.
    public static var commands: [ProtocolCommand<TwoGeneralsNode>] {
        [ProtocolCommand(
            "trials", usage: "trials N [acks=K] [loss=P%]",
            summary: "run N seeded attempts of order attack (fast: no view, no trace) and count how dawn ends",
            example: "trials 10000 acks=2 loss=30%", arguments: [.count, .options(["acks", "loss"])], isReadOnly: true,
            parse: { words, _ throws(OptionError) in try parseTrials(words) },
            perform: { words, simulation throws(SimulationError) in
                var runs = 0, acks = simulation.config.acks, loss = simulation.network.defaults.lossPPM
                for word in words {
                    if let value = word.split(separator: "=", maxSplits: 1).last, word.hasPrefix("acks=") { acks = Int(value) ?? acks }
                    else if let value = word.split(separator: "=", maxSplits: 1).last, word.hasPrefix("loss=") { loss = PercentText.parse(String(value)) ?? loss }
                    else { runs = Int(word) ?? runs }
                }
                guard runs >= 1 else { throw SimulationError("trials needs a number of runs; usage: trials N [acks=K] [loss=P%]") }
                let defaults = simulation.network.defaults
                return TwoGeneralsTrials.run(runs: runs, acks: acks, lossPPM: loss, latency: defaults.latencyMin...defaults.latencyMax,
                                             dawn: simulation.config.dawn, seed: simulation.seed).lines
            })]
    }

    /// Checks the words of `trials`: a count, then `acks=K` and `loss=P%` at most once each.
    static func parseTrials(_ words: [String]) throws(OptionError) -> [String] {
        let usage = "usage: trials N [acks=K] [loss=P%]"
        guard let first = words.first else { throw OptionError("trials needs a number of runs; \(usage)") }
        guard let runs = Int(first), (1...TwoGeneralsTrials.runsLimit).contains(runs) else {
            throw OptionError("trials takes a number of runs 1..\(TwoGeneralsTrials.runsLimit), not \(first); \(usage)")
        }
        var result = [String(runs)]
        var seen: Set<String> = []
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["acks", "loss"].contains(parts[0].lowercased()) else { throw OptionError("unexpected '\(word)'; \(usage)") }
            let key = parts[0].lowercased()
            guard seen.insert(key).inserted else { throw OptionError("\(key)= given twice; \(usage)") }
            if key == "acks" {
                guard let k = Int(parts[1]), (0...TwoGeneralsConfig.acksLimit).contains(k) else {
                    throw OptionError("acks must be a number 0..\(TwoGeneralsConfig.acksLimit), not \(parts[1])")
                }
                result.append("acks=\(k)")
            } else {
                guard let ppm = PercentText.parse(parts[1]) else { throw OptionError("loss must be a percentage 0%..100%, like 30%, not \(parts[1])") }
                result.append("loss=\(PercentText.format(ppm))")
            }
        }
        return result
    }
}
