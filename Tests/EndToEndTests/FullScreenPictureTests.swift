import Foundation
import LightconeLab
import LightconeSimulation
import LightconeView
import Testing
@testable import LightconeTerminal

/// The view's picture keys and the demo band, on a scripted screen (issue 13).
@Suite("FullScreenLab: log table key and demo band")
struct FullScreenPictureTests {
    @Test func f2TogglesTheLogTableForLogBasedProtocols() throws {
        var (lab, _) = makeLab(screen: ScriptedScreen(width: 160, height: 48))
        _ = lab.execute("new raft 5")
        _ = lab.handle(.function(2))
        #expect(lab.state.isLogTableShown)
        lab.draw()
        let frame = try #require((lab.backend as? ScriptedScreen)?.lastFrame)
        #expect(frame.text.contains("Log: term per index"))
        _ = lab.handle(.function(2))
        #expect(!lab.state.isLogTableShown)
        // Gossip keeps no log: the key says so instead of drawing an empty table.
        _ = lab.execute("new gossip 5")
        _ = lab.handle(.function(2))
        #expect(lab.state.statusMessage.contains("keeps no log"))
    }

    @Test func aDemoShowsItsTitleAndPartAndSayIsNotRepeatedAbovePrompt() throws {
        let screen = ScriptedScreen(width: 80, height: 24)
        var (lab, _) = makeLab(screen: screen, options: { var o = ViewOptions(); o.isPresenterMode = true; return o }())
        try lab.session.loadPresentation(name: "/home/speaker/talks/failover.lc",
                                         text: "# title: Raft failover\nnew raft 5\nsay Five servers\nwait\nkill n1\nsay Gone\n")
        _ = lab.execute("next", remember: false)
        lab.draw()
        #expect(lab.state.demo == DemoBand(title: "Raft failover", part: 1, partCount: 2, captions: ["Five servers"]))
        #expect(lab.state.statusMessage.isEmpty)
        let frame = try #require(screen.lastFrame)
        #expect(frame.text.contains("Raft failover · part 1/2"))
        #expect(!frame.text.contains("failover.lc"))
        #expect(frame.text.contains("█"))
    }
}
