import LightconeLab
import LightconeSimulation
import Testing

/// Meters: named gauges a protocol or its checker publishes, shown in `status` and usable in
/// conditions as `METER >= X` and `METER <= X`.
@Suite struct MeterTests {
    @Test("gossip's coverage shows in status and status --json, and run until can wait for it")
    func coverage() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new gossip 5")
        #expect(lab.execute("status").lines.contains("meters: coverage 1"))
        _ = lab.execute("broadcast x via n1")
        _ = lab.execute("run 5ms")
        #expect(lab.execute("status").lines.contains("meters: coverage 0.2"))
        #expect(lab.execute("status --json").lines[0].hasSuffix("\"meters\": {\"coverage\": 0.2}}"))
        #expect(lab.execute("expect coverage <= 20%").isFailure == false)
        let run = lab.execute("run until coverage >= 1 within 5s")
        #expect(!run.isFailure && !run.isError, "\(run.lines)")
        #expect(lab.cluster.meters == [MeterReading("coverage", millionths: 1_000_000)])
        // A broadcast still on its way counts at once: coverage waits for it.
        _ = lab.execute("broadcast y via n2")
        #expect(lab.execute("status").lines.contains("meters: coverage 0.5"))
        #expect(!lab.execute("run until coverage >= 1 within 5s").isFailure)
        #expect(lab.cluster.snapshot.nodes.allSatisfy { $0.lines.contains { $0.contains("y") } })
    }

    @Test("a reading prints to three decimals, cut so that below 1 never shows as 1; JSON keeps every digit")
    func readingText() {
        #expect(MeterReading("yield", fraction: 9, of: 23).text == "0.391")
        #expect(MeterReading("yield", fraction: 3, of: 4).text == "0.75")
        #expect(MeterReading("yield", fraction: 9_999, of: 10_000).text == "0.999")
        #expect(MeterReading("yield", fraction: 0, of: 0).text == "1")
        #expect(MeterReading("lost-writes", millionths: 12_000_000).text == "12")
        #expect(MeterReading.decimal(MeterReading("yield", fraction: 9, of: 23).millionths) == "0.391304")
    }

    @Test("meters always appear in status --json, as {} when there are none")
    func emptyMeters() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new raft 3")
        #expect(lab.execute("status --json").lines[0].hasSuffix("\"meters\": {}}"))
        #expect(!lab.execute("status").lines.contains { $0.hasPrefix("meters:") })
    }

    @Test("a meter the protocol lacks is a one-line error naming the meters")
    func unknownMeters() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new gossip 3")
        #expect(lab.execute("expect coverge >= 1").lines == ["error: unknown meter 'coverge'; did you mean coverage? gossip meters are coverage"])
        #expect(lab.execute("expect harvest > 0.5").lines == ["error: condition 'harvest > 0.5' should read: harvest >= X or harvest <= X, X like 0.9 or 90%"])
        _ = lab.execute("new raft 3")
        #expect(lab.execute("expect harvest >= 0.75").lines == ["error: raft has no meters, so 'harvest' cannot be compared"])
    }
}
