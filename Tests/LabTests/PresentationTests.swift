import LightconeLab
import Testing

/// Demo scripts: `wait` cuts slides, `next`/`back` move through them, `say` narrates,
/// `note` goes to the speaker only.
@Suite struct PresentationTests {
    static let script = """
    # demo
    new raft 5
    say Five servers.
    note Ask the room.
    wait
    run until leader
    say A leader.
    wait
    kill leader
    """

    @Test func slidesPlayAndGoBack() throws {
        var session = Lab(options: SessionOptions())
        try session.loadPresentation(name: "demo.lc", text: Self.script)
        #expect(session.presentationStatus == PresentationStatus(name: "demo.lc", played: 0, count: 3, captions: []))
        let first = session.execute("next")
        #expect(first.lines.contains("Five servers."))
        #expect(first.requests == [.note("Ask the room.")])
        #expect(session.cluster.protocolName == "raft")
        _ = session.execute("next")
        #expect(session.cluster.leader != nil)
        #expect(session.presentationStatus?.captions == ["A leader."])
        let timeAtSlideTwo = session.cluster.now
        _ = session.execute("next")
        #expect(session.cluster.lives.contains(.down))
        #expect(session.execute("next").lines == ["the end of demo.lc: `back` goes to the previous slide"])
        #expect(session.execute("back").lines == ["back to slide 2 of 3"])
        #expect(!session.cluster.lives.contains(.down))
        #expect(session.cluster.now == timeAtSlideTwo)
        _ = session.execute("back")
        _ = session.execute("back")
        #expect(session.execute("back").lines == ["error: this is the first slide"])
    }

    @Test func typosAreFoundBeforeTheTalk() {
        var session = Lab(options: SessionOptions())
        #expect(throws: CommandError("demo.lc:3: unknown command 'partiton'; did you mean partition? `help` lists the commands")) {
            try session.loadPresentation(name: "demo.lc", text: "new raft 5\nwait\npartiton n1 | n2\n")
        }
        #expect(throws: CommandError("empty.lc has no commands to present")) {
            try session.loadPresentation(name: "empty.lc", text: "# nothing\nwait\n")
        }
    }

    @Test func sayAndNoteWorkInAnyScript() {
        var session = Lab(options: SessionOptions())
        #expect(session.execute("say hello world").lines == ["hello world"])
        #expect(session.execute("note only for me").lines.isEmpty)
        #expect(session.execute("say").lines == ["error: say needs some text; usage: say TEXT"])
    }
}
