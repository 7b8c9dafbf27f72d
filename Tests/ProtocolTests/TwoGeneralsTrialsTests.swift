@testable import LightconeProtocols
import LightconeSimulation
import Testing

/// `trials N [acks=K] [loss=P]`: the numbers that make the lesson's point.
@Suite struct TwoGeneralsTrialsTests {
    @Test("the lesson's rule: for every K with loss > 0, some run ends with one general alone", arguments: 1...5)
    func everyKHasDisasters(acks: Int) {
        for loss in [100_000, 300_000, 600_000] {
            let tally = TwoGeneralsTrials.run(runs: 2_000, acks: acks, lossPPM: loss, seed: 1)
            #expect(tally.disasters > 0, "acks=\(acks) loss=\(loss)ppm: no disaster in 2000 runs")
            #expect(tally.bothAttack + tally.neitherAttacks + tally.onlyA + tally.onlyB == 2_000)
            // Only the sender of message K can attack alone.
            #expect(acks % 2 == 0 ? tally.onlyB == 0 : tally.onlyA == 0)
        }
    }

    @Test("10,000 runs at loss 30% lie within 2 points of the rule for K = 1, 2, 3", arguments: 1...3)
    func fractionsMatchTheRule(acks: Int) {
        let tally = TwoGeneralsTrials.run(runs: 10_000, acks: acks, lossPPM: 300_000, seed: 1)
        let predicted = tally.predicted
        func close(_ count: Int, _ ppm: Int) -> Bool { abs(count * 100 - ppm) <= 20_000 }  // 2 points = 20,000 ppm
        #expect(close(tally.bothAttack, predicted.bothAttack))
        #expect(close(tally.neitherAttacks, predicted.neitherAttacks))
        #expect(close(tally.disasters, predicted.disaster))
    }

    @Test("predictions: K=1 both 49%, neither 30%, alone 21%; K=2 34.3%, 51%, 14.7%")
    func predictions() {
        let one = TwoGeneralsTrials(runs: 0, acks: 1, lossPPM: 300_000).predicted
        #expect(one.bothAttack == 490_000 && one.neitherAttacks == 300_000 && one.disaster == 210_000)
        let two = TwoGeneralsTrials(runs: 0, acks: 2, lossPPM: 300_000).predicted
        #expect(two.bothAttack == 343_000 && two.neitherAttacks == 510_000 && two.disaster == 147_000)
    }

    @Test("without loss there is never a disaster; with total loss nobody attacks")
    func extremes() {
        let clear = TwoGeneralsTrials.run(runs: 500, acks: 2, lossPPM: 0, seed: 3)
        #expect(clear.bothAttack == 500)
        let wall = TwoGeneralsTrials.run(runs: 500, acks: 2, lossPPM: 1_000_000, seed: 3)
        #expect(wall.neitherAttacks == 500)
    }

    @Test("trials is read-only and deterministic: the same seed prints the same lines, the cluster is untouched")
    func readOnly() throws {
        var sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 7)
        let before = (sim.now, sim.trace.count, sim.eventsHandled)
        let words = try TwoGeneralsNode.parseTrials(["300", "acks=2"])
        let lines = try sim.performProtocolCommand("trials", arguments: words)
        #expect((sim.now, sim.trace.count, sim.eventsHandled) == before)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("trials: 300 runs, acks=2, loss=30%: both attack "))
        #expect(lines[0].contains(", neither attacks ") && lines[0].contains(", only n1 attacks ") && lines[0].contains(", only n2 attacks "))
        #expect(try sim.performProtocolCommand("trials", arguments: words) == lines)
        let command = try #require(TwoGeneralsNode.commands.first)
        #expect(command.erased.isReadOnly)
    }

    @Test("trials reads acks and loss from the cluster unless given")
    func defaultsFromCluster() throws {
        var sim = try Simulation<TwoGeneralsNode>(nodeCount: 2, seed: 1, options: [(key: "acks", value: "3"), (key: "loss", value: "10%")])
        let lines = try sim.performProtocolCommand("trials", arguments: ["100"])
        #expect(lines[0].hasPrefix("trials: 100 runs, acks=3, loss=10%:"))
        sim.setNetwork(LinkSettingsChange(lossPPM: 50_000))
        #expect(try sim.performProtocolCommand("trials", arguments: ["100", "loss=20%"])[0].hasPrefix("trials: 100 runs, acks=3, loss=20%:"))
        #expect(try sim.performProtocolCommand("trials", arguments: ["100"])[0].hasPrefix("trials: 100 runs, acks=3, loss=5%:"))
    }

    @Test("trials words: bad counts and options are one-line errors", arguments: [[], ["0"], ["x"], ["10", "acks=40"], ["10", "loss=2"], ["10", "acks=1", "acks=2"], ["10", "k=1"]])
    func badWords(words: [String]) {
        #expect(throws: OptionError.self) { try TwoGeneralsNode.parseTrials(words) }
    }
}
