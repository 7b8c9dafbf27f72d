@testable import LightconeView
import LightconeSimulation
import Testing

/// The event log wraps each line once, when it arrives, and draws the same frame as
/// wrapping every line on every frame.
@Suite("Event log wrapping")
struct EventLogTests {
    static func lines(_ count: Int) -> [String] {
        (0..<count).map { "t=\($0)ms n\($0 % 5 + 1)->n\(($0 + 1) % 5 + 1) AppendEntries term=7 prev=3/7   entries=[] ✓ commit=3" }
            + ["> kill n2", "error: no such node n9", "t=5ms VIOLATION ElectionSafety: two leaders in term 3"]
    }

    static func frame(_ state: ViewState, width: Int) -> [String] {
        FrameRenderer.render(snapshot: Fixtures.raft(), state: state, width: width, height: 30).grid.lines
    }

    @Test("lines appended with a known width are wrapped then, and draw as lines wrapped per frame")
    func appendedLinesAreWrappedOnce() {
        var plain = ViewState()
        plain.logLines = Self.lines(40)
        var cached = ViewState()
        cached.wrapLog(screenWidth: 100)
        cached.appendLog(Array(Self.lines(40).prefix(20)), limit: 500)
        cached.appendLog(Array(Self.lines(40).dropFirst(20)), limit: 500)
        #expect(cached.logLines == plain.logLines)
        let width = ScreenLayout.sidePanelWidth(screenWidth: 100) - 4
        for index in cached.logLines.indices {
            #expect(cached.eventLog.rows(ofLine: index, width: width, isASCII: false)
                    == EventLog.rows(of: cached.logLines[index], width: width, isASCII: false))
        }
        #expect(Self.frame(cached, width: 100) == Self.frame(plain, width: 100))
    }

    @Test("a resize or --ascii wraps again; the limit drops the oldest lines and their rows")
    func resizeAndLimit() {
        var state = ViewState()
        state.wrapLog(screenWidth: 100)
        state.appendLog(Self.lines(60), limit: 50)
        #expect(state.logLines == Array(Self.lines(60).suffix(50)))
        var plain = ViewState()
        plain.logLines = state.logLines
        for width in [80, 133, 200] {
            state.wrapLog(screenWidth: width)
            #expect(Self.frame(state, width: width) == Self.frame(plain, width: width), "width \(width)")
        }
        // Drawn at a width the cache was not made for, lines are wrapped on the spot.
        #expect(Self.frame(state, width: 100) == Self.frame(plain, width: 100))
        state.isASCII = true
        plain.isASCII = true
        state.wrapLog(screenWidth: 120)
        #expect(Self.frame(state, width: 120) == Self.frame(plain, width: 120))
        #expect(Self.frame(state, width: 120).joined().contains("entries=[] +"), "✓ is drawn as + in --ascii")
    }
}
