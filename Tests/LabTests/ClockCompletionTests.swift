import LightconeLab
import Testing

/// Tab completion knows the clocks protocol's events (issue 13's leftover): `hb` and `cone`
/// complete the event names that exist, `event` and `send` the processes.
@Suite("Completion of clock events")
struct ClockCompletionTests {
    static func lab() -> Lab {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new clocks 3")
        _ = lab.execute("event n1")
        _ = lab.execute("send n1 n2")
        _ = lab.execute("run 1s")
        return lab
    }

    @Test("hb and cone complete the events that exist; cone also off")
    func eventNames() {
        let lab = Self.lab()
        #expect(lab.completions(for: "hb ") == ["n1:1", "n1:2", "n2:1"])
        #expect(lab.completions(for: "hb n1:1 n") == ["n1:1", "n1:2", "n2:1"])
        #expect(lab.completions(for: "hb n1:1 n2") == ["n2:1"])
        #expect(lab.completions(for: "hb n1:1 n2:1 ") == [])
        #expect(lab.completions(for: "cone ") == ["n1:1", "n1:2", "n2:1", "off"])
        #expect(lab.completions(for: "cone n1:") == ["n1:1", "n1:2"])
        #expect(lab.completions(for: "cone o") == ["off"])
    }

    @Test("event and send complete processes, not leader; send not to the sender itself")
    func processes() {
        let lab = Self.lab()
        #expect(lab.completions(for: "event ") == ["n1", "n2", "n3"])
        #expect(lab.completions(for: "send ") == ["n1", "n2", "n3"])
        #expect(lab.completions(for: "send n2 ") == ["n1", "n3"])
    }

    @Test("before any event, hb has nothing to offer")
    func noEventsYet() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("new clocks 2")
        #expect(lab.completions(for: "hb ") == [])
        #expect(lab.completions(for: "cone ") == ["off"])
    }
}
