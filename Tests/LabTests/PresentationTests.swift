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
        #expect(session.presentationStatus == PresentationStatus(name: "demo.lc", title: "demo", played: 0, count: 3, captions: []))
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
        #expect(session.execute("next").lines == ["the end of the demo: `back` goes to the previous part"])
        #expect(session.execute("back").lines == ["back to part 2 of 3"])
        #expect(!session.cluster.lives.contains(.down))
        #expect(session.cluster.now == timeAtSlideTwo)
        _ = session.execute("back")
        #expect(session.presentationStatus?.played == 1)
        // The first part stays: before it there is only the default cluster.
        #expect(session.execute("back").lines == ["error: this is the first part"])
        #expect(session.cluster.protocolName == "raft")
    }

    /// The audience sees a title, never the script's path: `# title: TEXT`, else an opening
    /// comment, else the first `say`.
    @Test func demoTitleComesFromTheScriptNotItsPath() throws {
        #expect(Presentation(name: "/home/me/talk.lc", text: "# title: Raft failover\nnew raft 5\nsay Hi\n").title == "Raft failover")
        #expect(Presentation(name: "/home/me/talk.lc", text: "# Raft failover\nnew raft 5\n# a note\nsay Hi\n").title == "Raft failover")
        #expect(Presentation(name: "/home/me/talk.lc", text: "new raft 5\n# later\nsay Five servers\n").title == "Five servers")
        #expect(Presentation(name: "/home/me/talk.lc", text: "new raft 5\n").title == "Demo")
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
