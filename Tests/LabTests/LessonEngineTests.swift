import Foundation
import Testing
@testable import LightconeLab

@Suite("Lesson engine")
struct LessonEngineTests {
    func crashCourse(stateDirectory: String? = nil) -> Lab {
        LessonTestSupport.session(lessons: ["01-crash.md": LessonTestSupport.crashCourse,
                                            "02-other.md": "# Another one\n\nSecond lesson.\n\n## Exercises\n\nNone.\n"],
                                  stateDirectory: stateDirectory)
    }

    @Test("lesson NAME opens the lesson on the fixed seed and runs the first step's setup")
    func open() {
        var session = crashCourse()
        _ = session.execute("seed 9")
        let output = session.execute("lesson crash")
        #expect(!output.isError)
        #expect(output.lines.first == "═══ Crash course ═══")
        #expect(output.lines.contains("── Step 1 of 3: Kill one ──"))
        #expect(output.lines.contains("> new gossip 3"))
        #expect(output.lines.contains("Goal: down n2"))
        #expect(session.seed == 1)
        #expect(session.cluster.nodeCount == 3)
        #expect(session.lesson?.name == "01-crash")
        #expect(session.lesson?.step == 0)
    }

    @Test("a goal parsed for the lesson's cluster is refused, not read out of range, on a smaller cluster")
    func goalOnSmallerCluster() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        _ = session.execute("new gossip 1")
        let goal = session.execute("goal")
        #expect(!goal.isError)
        #expect(goal.lines.joined().contains("there is no n2"), "\(goal.lines)")
        #expect(!session.execute("kill n1").isError)
    }

    @Test("the goal is met after the command that meets it, and the reveal is shown")
    func goalAfterCommand() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        let kill = session.execute("kill n2")
        #expect(kill.lines.contains("✓ goal met: down n2"))
        #expect(kill.lines.contains("It is down."))
        #expect(kill.lines.last == "Type `next` for step 2 of 3: Spread.")
        #expect(session.lesson?.goalMet == true)
        #expect(session.execute("goal").lines == ["Goal: down n2 ✓ met"])
        // Met once: a later command says nothing more about it.
        #expect(!session.execute("nodes").lines.contains { $0.contains("goal met") })
    }

    @Test("the goal is checked after the view's play moves the clock")
    func goalAfterAdvance() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        _ = session.execute("next")
        _ = session.execute("next")
        #expect(session.lesson?.step == 1)
        let broadcast = session.execute("broadcast hi via n1")
        #expect(!broadcast.lines.contains("✓ goal met: delivered hi everywhere"))
        let lines = session.advance(by: 500_000)
        #expect(lines.contains("✓ goal met: delivered hi everywhere"))
    }

    @Test("past the goal's within, the learner is pointed to hint and next once")
    func nudge() {
        var session = crashCourse()
        _ = session.execute("lesson crash 2")
        #expect(session.execute("run 1s").lines == [])
        #expect(session.execute("run 1s").lines == ["(Goal: delivered hi everywhere — not met after 2s; `hint` helps, `next` shows a",
                                                    "solution.)"])
        #expect(session.execute("run 1s").lines == [])
    }

    @Test("hint gives the hints in order, then the solution")
    func hints() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        #expect(session.execute("hint").lines == ["Hint 1 of 2: First hint."])
        #expect(session.execute("hint").lines == ["Hint 2 of 2: Second hint."])
        #expect(session.execute("hint").lines == ["One way to reach the goal (`next` plays it for you):", "  > kill n2"])
    }

    @Test("goal says what is while the goal is not met")
    func goalNotMet() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        #expect(session.execute("goal").lines == ["Goal: down n2 (not met yet: n2 is up)"])
    }

    @Test("next on an unmet goal plays the solution; the next next moves on")
    func nextPlaysSolution() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        let first = session.execute("next")
        #expect(first.lines.prefix(3) == ["Here is one way to reach the goal:", "> kill n2", "t=0ms kill n2"])
        #expect(first.lines.contains("✓ goal met: down n2"))
        #expect(session.lesson?.step == 0)
        let second = session.execute("next")
        #expect(second.lines.contains("── Step 2 of 3: Spread ──"))
        #expect(session.lesson?.step == 1)
    }

    @Test("next after the last step finishes the lesson")
    func finish() {
        var session = crashCourse()
        _ = session.execute("lesson crash 3")
        #expect(session.lesson?.step == 2)
        let output = session.execute("next")
        #expect(output.lines == ["✓ lesson complete: Crash course. The cluster stays as it is; `lessons` lists the",
                                 "others."])
        #expect(session.lesson == nil)
    }

    @Test("lesson NAME N replays the earlier steps and opens step N")
    func openAtStep() {
        var session = crashCourse()
        let output = session.execute("lesson crash 2")
        #expect(output.lines.contains("── Step 2 of 3: Spread ──"))
        #expect(session.cluster.lives[1] == .down)  // step 1's solution was replayed
        #expect(session.execute("lesson crash 9").lines == ["error: 01-crash has steps 1..3"])
    }

    @Test("back replays the lesson to the previous step")
    func back() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        #expect(session.execute("back").lines == ["error: this is the first step; `leave` leaves the lesson"])
        _ = session.execute("next")
        _ = session.execute("next")
        _ = session.execute("restart n2")
        let output = session.execute("back")
        #expect(output.lines.first == "back to step 1 (the lesson replayed from its start)")
        #expect(session.lesson?.step == 0)
        #expect(session.lesson?.goalMet == false)
        #expect(session.cluster.lives[1] == .up)
        #expect(session.cluster.now == 0)
    }

    @Test("leave ends the lesson and keeps the cluster")
    func leave() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        _ = session.execute("kill n1")
        let output = session.execute("leave")
        #expect(output.lines == ["Left Crash course at step 1 of 3; the cluster stays as it is. `lesson 01-crash`",
                                 "comes back."])
        #expect(session.lesson == nil)
        #expect(session.cluster.lives[0] == .down)
    }

    @Test("lesson commands outside a lesson are errors")
    func notInLesson() {
        var session = crashCourse()
        for command in ["next", "back", "hint", "goal", "leave"] {
            let output = session.execute(command)
            #expect(output.isError)
            #expect(output.lines == ["error: you are not in a lesson; `lessons` lists them, `lesson NAME` opens one"])
        }
    }

    @Test("NAME matches any part of the file name or title, first in course order")
    func matching() {
        var session = crashCourse()
        #expect(session.execute("lesson another").lines.first == "═══ Another one ═══")
        #expect(session.execute("lesson 0").lines.first == "═══ Crash course ═══")
        #expect(session.execute("lesson 02-other").lines.first == "═══ Another one ═══")
        #expect(session.execute("lesson COURSE").lines.first == "═══ Crash course ═══")
        #expect(session.execute("lesson nothing").lines == ["error: no lesson matches 'nothing'; lessons are 01-crash, 02-other"])
    }

    @Test("seed N inside a lesson replays it to the current step on that seed")
    func seedInLesson() {
        var session = crashCourse()
        _ = session.execute("lesson crash 2")
        let output = session.execute("seed 7")
        #expect(output.lines.contains("replayed the lesson to step 2 on seed 7"))
        #expect(session.seed == 7)
        #expect(session.lesson?.step == 1)
        #expect(session.cluster.lives[1] == .down)
    }

    @Test("progress is saved in the state directory and shown by lessons")
    func progress() throws {
        let state = LessonTestSupport.temporaryFolder()
        var session = crashCourse(stateDirectory: state)
        #expect(session.execute("lessons").lines.contains("1. Crash course (01-crash; 3 steps, not started)"))
        _ = session.execute("lesson crash")
        _ = session.execute("kill n2")
        let text = try String(contentsOfFile: state + "/progress", encoding: .utf8)
        #expect(text.contains("01-crash 1\n"))
        var other = crashCourse(stateDirectory: state)
        #expect(other.execute("lessons").lines.contains("1. Crash course (01-crash; 3 steps, 1 done)"))
        #expect(LessonProgressStore.parse(text).completed == ["01-crash": [1]])
    }

    @Test("without a state directory progress is kept in memory")
    func progressInMemory() {
        var session = crashCourse()
        _ = session.execute("lesson crash 3")
        _ = session.execute("next")
        #expect(session.execute("lessons").lines.contains("1. Crash course (01-crash; 3 steps, 1 done)"))
    }

    @Test("lessonStatus describes the step for the view")
    func status() {
        var session = crashCourse()
        #expect(session.lessonStatus == nil)
        _ = session.execute("lesson crash")
        var status = session.lessonStatus
        #expect(status == LessonStatus(title: "Crash course", stepNumber: 1, stepCount: 3, stepTitle: "Kill one",
                                       text: ["Three nodes.", "> new gossip 3"], goal: "down n2", goalMet: false,
                                       blocks: [.prose("Three nodes."),
                                                .commands([LessonCommandRun(command: "new gossip 3", output: ["new gossip: 3 nodes n1..n3, seed 1"])])]))
        _ = session.execute("kill n2")
        status = session.lessonStatus
        #expect(status?.goalMet == true)
        #expect(status?.text.last == "It is down.")
    }

    @Test("history --script holds what was typed, not the commands the lesson ran")
    func historyScript() {
        var session = crashCourse()
        _ = session.execute("lesson crash")
        _ = session.execute("next")
        _ = session.execute("next")
        _ = session.execute("broadcast hi via n1")
        #expect(session.execute("history --script").lines == ["lesson crash", "next", "next", "broadcast hi via n1"])
    }

    @Test("lesson text is wrapped to the width")
    func wrapped() {
        var options = SessionOptions()
        options.width = 30
        var session = Lab(options: options)
        let output = session.execute("lesson what")
        #expect(!output.isError)
        #expect(output.lines.allSatisfy { $0.count <= 30 || !$0.dropFirst(4).contains(" ") || $0.hasPrefix("t=") || $0.hasPrefix("new ") || $0.hasPrefix("══") || $0.hasPrefix("──") })
    }
}

/// The session keeps the cluster, the journal and `execute`; lessons, demo scripts and
/// `source` are the lab's, steering the session from outside.
@Suite struct SessionSplitTests {
    @Test func aBareSessionLeavesLessonsToTheLab() {
        var session = Session(options: SessionOptions())
        #expect(session.execute("lesson raft").lines == ["error: lessons, demo scripts and source are run by the lab, not by a bare session"])
        #expect(session.execute("kill n2").isError == false)
    }

    @Test func theLessonRunnerDrivesTheLabsSession() {
        var lab = Lab(options: SessionOptions())
        _ = lab.execute("lesson raft")
        #expect(lab.lesson?.name == "11-raft-leader-election")
        #expect(lab.cluster.protocolName == "raft")
        #expect(lab.session.cluster.protocolName == "raft")
        _ = lab.execute("leave")
        #expect(lab.lesson == nil)
    }
}
