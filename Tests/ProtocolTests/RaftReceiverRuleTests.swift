import Testing
@testable import LightconeSimulation
@testable import LightconeProtocols

/// One RaftNode driven by hand: messages in, recorded effects out. For the receiver rules of
/// Figure 2 (AppendEntries and RequestVote), each test fails if its rule is removed.
struct RaftHarness {
    var node: RaftNode
    var effects: [Effect<RaftNode>] = []
    var bugs: UInt64 = 0
    var now: SimTime = 0
    var rng = SeededGenerator(seed: 7)

    init(id: Int = 1, nodeCount: Int = 5, currentTerm: Int = 0, log terms: [Int] = []) {
        node = RaftNode(id: n(id), nodeCount: nodeCount, config: RaftConfig())
        node.currentTerm = currentTerm
        for term in terms { node.log.append(RaftEntry(term: term, command: .put(key: "x", value: "\(term)"))) }
    }

    mutating func handle(_ body: (inout RaftNode, inout Context<RaftNode>) -> Void) {
        var ctx = Context<RaftNode>(now: now, id: node.id, nodeCount: node.nodeCount, rng: rng, bugs: bugs, effects: [])
        body(&node, &ctx)
        rng = ctx.rng
        effects = ctx.effects
    }

    mutating func receive(_ message: RaftMessage, from sender: Int) {
        handle { node, ctx in node.receive(message, from: n(sender), &ctx) }
    }

    mutating func fire(_ timer: RaftTimer) {
        handle { node, ctx in node.timerFired(timer, &ctx) }
    }

    /// The messages sent by the last handler, with their receivers.
    var sent: [(to: NodeID, message: RaftMessage)] {
        effects.compactMap { if case .send(let to, let message) = $0 { (to, message) } else { nil } }
    }

    /// The one reply the last handler sent.
    var appendEntriesReply: AppendEntriesReply? {
        for (_, message) in sent { if case .appendEntriesReply(let reply) = message { return reply } }
        return nil
    }

    var requestVoteReply: RequestVoteReply? {
        for (_, message) in sent { if case .requestVoteReply(let reply) = message { return reply } }
        return nil
    }

    var terms: [Int] { node.log.entries.map(\.term) }
}

func appendEntries(term: Int, leader: Int = 2, prev: (index: Int, term: Int), entries: [Int] = [], commit: Int = 0) -> RaftMessage {
    .appendEntries(AppendEntries(term: term, leaderId: n(leader), prevLogIndex: prev.index, prevLogTerm: prev.term,
                                 entries: entries.map { RaftEntry(term: $0, command: .put(key: "x", value: "\($0)")) },
                                 leaderCommit: commit))
}

func requestVote(term: Int, candidate: Int = 2, last: (index: Int, term: Int)) -> RaftMessage {
    .requestVote(RequestVote(term: term, candidateId: n(candidate), lastLogIndex: last.index, lastLogTerm: last.term))
}

@Suite struct RaftAppendEntriesReceiverTests {
    @Test func rule1RepliesFalseToAnOlderTerm() {
        var harness = RaftHarness(currentTerm: 3, log: [1, 2])
        harness.receive(appendEntries(term: 2, prev: (2, 2), entries: [2]), from: 2)
        #expect(harness.appendEntriesReply == AppendEntriesReply(term: 3, success: false, matchIndex: 2))
        #expect(harness.terms == [1, 2])
    }

    @Test func rule2RepliesFalseWithoutAMatchingEntryAtPrevLogIndex() {
        var harness = RaftHarness(currentTerm: 3, log: [1, 1])
        harness.receive(appendEntries(term: 3, prev: (2, 2), entries: [3]), from: 2)
        #expect(harness.appendEntriesReply?.success == false)
        harness.receive(appendEntries(term: 3, prev: (3, 1), entries: [3]), from: 2)
        #expect(harness.appendEntriesReply?.success == false)
        #expect(harness.terms == [1, 1])
        harness.receive(appendEntries(term: 3, prev: (2, 1), entries: [3]), from: 2)
        #expect(harness.appendEntriesReply == AppendEntriesReply(term: 3, success: true, matchIndex: 3))
    }

    @Test func rule3DeletesAConflictingEntryAndAllThatFollowIt() {
        var harness = RaftHarness(currentTerm: 3, log: [1, 2, 2, 2])
        harness.receive(appendEntries(term: 3, prev: (1, 1), entries: [3]), from: 2)
        #expect(harness.terms == [1, 3])
    }

    @Test func rule4AppendsOnlyEntriesNotAlreadyInTheLog() {
        // A delayed copy of an earlier AppendEntries must not cut off entries that follow.
        var harness = RaftHarness(currentTerm: 2, log: [1, 2, 2])
        harness.receive(appendEntries(term: 2, prev: (1, 1), entries: [2]), from: 2)
        #expect(harness.terms == [1, 2, 2])
        #expect(harness.appendEntriesReply == AppendEntriesReply(term: 2, success: true, matchIndex: 2))
        harness.receive(appendEntries(term: 2, prev: (3, 2), entries: [2, 2]), from: 2)
        #expect(harness.terms == [1, 2, 2, 2, 2])
    }

    @Test func rule5CommitsUpToLeaderCommitButNotPastTheLastNewEntry() {
        var harness = RaftHarness(currentTerm: 2, log: [1, 1, 1, 1])
        harness.receive(appendEntries(term: 2, prev: (1, 1), entries: [1], commit: 4), from: 2)
        // Entries 3 and 4 were not checked by this message: they may not be the leader's.
        #expect(harness.node.commitIndex == 2)
        #expect(harness.node.lastApplied == 2)
        harness.receive(appendEntries(term: 2, prev: (4, 1), commit: 3), from: 2)
        #expect(harness.node.commitIndex == 3)
        #expect(harness.node.store["x"] == "1")
    }

    @Test func aCandidateConvertsToFollowerOnAppendEntriesFromTheNewLeader() {
        var harness = RaftHarness(currentTerm: 1)
        harness.fire(.election)
        #expect(harness.node.raftRole == .candidate && harness.node.currentTerm == 2)
        harness.receive(appendEntries(term: 2, leader: 3, prev: (0, 0)), from: 3)
        #expect(harness.node.raftRole == .follower)
        #expect(harness.node.currentTerm == 2)
        #expect(harness.node.votedFor == n(1))  // its own vote in term 2 stays cast
        #expect(harness.node.leaderId == n(3))
    }

    @Test func hearingTheLeaderResetsTheElectionTimer() {
        var harness = RaftHarness(currentTerm: 2)
        harness.receive(appendEntries(term: 2, prev: (0, 0)), from: 2)
        #expect(harness.effects.contains { if case .setTimer(.election, _) = $0 { true } else { false } })
    }

    @Test func noTermCheckBugAcceptsAStaleLeader() {
        var harness = RaftHarness(currentTerm: 3, log: [1, 3])
        harness.bugs = 1 << UInt64(RaftNode.Bug.noTermCheck)
        harness.receive(appendEntries(term: 1, prev: (1, 1), entries: [1]), from: 2)
        #expect(harness.terms == [1, 1])
        #expect(harness.appendEntriesReply?.success == true)
    }
}

@Suite struct RaftRequestVoteReceiverTests {
    @Test func rule1RepliesFalseToAnOlderTerm() {
        var harness = RaftHarness(currentTerm: 3)
        harness.receive(requestVote(term: 2, last: (5, 2)), from: 2)
        #expect(harness.requestVoteReply == RequestVoteReply(term: 3, voteGranted: false))
        #expect(harness.node.votedFor == nil)
    }

    @Test func rule2GrantsOneVotePerTerm() {
        var harness = RaftHarness(currentTerm: 1, log: [1])
        harness.receive(requestVote(term: 2, candidate: 2, last: (1, 1)), from: 2)
        #expect(harness.requestVoteReply == RequestVoteReply(term: 2, voteGranted: true))
        #expect(harness.node.votedFor == n(2))
        harness.receive(requestVote(term: 2, candidate: 3, last: (1, 1)), from: 3)
        #expect(harness.requestVoteReply?.voteGranted == false)
        // The same candidate asking again (a resend) gets the same answer.
        harness.receive(requestVote(term: 2, candidate: 2, last: (1, 1)), from: 2)
        #expect(harness.requestVoteReply?.voteGranted == true)
        // A new term frees the vote.
        harness.receive(requestVote(term: 3, candidate: 3, last: (1, 1)), from: 3)
        #expect(harness.requestVoteReply?.voteGranted == true)
        #expect(harness.node.votedFor == n(3))
    }

    @Test func rule2GrantsOnlyToAnAtLeastAsUpToDateLog() {
        // §5.4.1: the later last term wins; with equal last terms, the longer log.
        var harness = RaftHarness(currentTerm: 3, log: [1, 2, 2])
        harness.receive(requestVote(term: 4, last: (5, 1)), from: 2)
        #expect(harness.requestVoteReply?.voteGranted == false)
        harness.receive(requestVote(term: 5, last: (2, 2)), from: 2)
        #expect(harness.requestVoteReply?.voteGranted == false)
        harness.receive(requestVote(term: 6, last: (3, 2)), from: 2)
        #expect(harness.requestVoteReply?.voteGranted == true)
        harness.receive(requestVote(term: 7, candidate: 3, last: (1, 3)), from: 3)
        #expect(harness.requestVoteReply?.voteGranted == true)
    }

    @Test func noVoteRestrictionBugGrantsToAStaleLog() {
        var harness = RaftHarness(currentTerm: 3, log: [1, 2, 2])
        harness.bugs = 1 << UInt64(RaftNode.Bug.noVoteRestriction)
        harness.receive(requestVote(term: 4, last: (1, 1)), from: 2)
        #expect(harness.requestVoteReply?.voteGranted == true)
    }

    @Test func grantingAVoteResetsTheElectionTimer() {
        var harness = RaftHarness(currentTerm: 1)
        harness.receive(requestVote(term: 2, last: (0, 0)), from: 2)
        #expect(harness.effects.contains { if case .setTimer(.election, _) = $0 { true } else { false } })
        // A refused candidate does not reset it (it could keep a live cluster from electing).
        harness.receive(requestVote(term: 2, candidate: 3, last: (0, 0)), from: 3)
        #expect(!harness.effects.contains { if case .setTimer(.election, _) = $0 { true } else { false } })
    }
}

@Suite struct RaftAllServersRuleTests {
    @Test func anyMessageWithAHigherTermMakesTheReceiverAFollower() {
        for message in [requestVote(term: 5, last: (0, 0)),
                        .requestVoteReply(RequestVoteReply(term: 5, voteGranted: false)),
                        appendEntries(term: 5, prev: (0, 0)),
                        .appendEntriesReply(AppendEntriesReply(term: 5, success: false, matchIndex: 0))] {
            var harness = RaftHarness(nodeCount: 3, currentTerm: 1)
            harness.fire(.election)  // a one-vote-short candidate in term 2 ...
            harness.receive(.requestVoteReply(RequestVoteReply(term: 2, voteGranted: true)), from: 2)
            #expect(harness.node.raftRole == .leader)  // ... and then a leader (2 of 3)
            harness.receive(message, from: 3)
            #expect(harness.node.raftRole == .follower, "\(message.traceText)")
            #expect(harness.node.currentTerm == 5)
        }
    }

    @Test func committedEntriesAreAppliedInOrder() {
        var harness = RaftHarness(currentTerm: 1)
        harness.receive(appendEntries(term: 1, prev: (0, 0), entries: [1, 1, 1], commit: 3), from: 2)
        #expect(harness.node.lastApplied == 3)
        #expect(harness.node.store["x"] == "1")
    }

    @Test func crashKeepsCurrentTermVotedForAndLogOnly() {
        var harness = RaftHarness(currentTerm: 1)
        harness.receive(requestVote(term: 2, last: (0, 0)), from: 2)
        harness.receive(appendEntries(term: 2, prev: (0, 0), entries: [2, 2], commit: 2), from: 2)
        #expect(harness.node.store["x"] == "2")
        harness.node.crash()
        #expect(harness.node.currentTerm == 2)
        #expect(harness.node.votedFor == n(2))
        #expect(harness.terms == [2, 2])
        #expect(harness.node.commitIndex == 0 && harness.node.lastApplied == 0)
        #expect(harness.node.store["x"] == nil)
        #expect(harness.node.leaderId == nil)
    }

    @Test func volatileVoteBugForgetsTheVoteOnRestart() {
        var harness = RaftHarness(currentTerm: 1)
        harness.receive(requestVote(term: 2, last: (0, 0)), from: 2)
        harness.node.crash()
        harness.handle { node, ctx in node.start(&ctx) }
        #expect(harness.node.votedFor == n(2))
        harness.bugs = 1 << UInt64(RaftNode.Bug.volatileVote)
        harness.node.crash()
        harness.handle { node, ctx in node.start(&ctx) }
        #expect(harness.node.votedFor == nil)
        #expect(harness.node.currentTerm == 2)
    }
}

@Suite struct RaftRobustnessTests {
    @Test func aBuggyTruncationBelowCommitIndexDoesNotCrashTheNode() {
        var harness = RaftHarness(currentTerm: 3, log: [1, 2, 3, 3])
        harness.receive(appendEntries(term: 3, prev: (4, 3), commit: 4), from: 2)
        #expect(harness.node.lastApplied == 4)
        harness.bugs = 1 << UInt64(RaftNode.Bug.noTermCheck)
        harness.receive(appendEntries(term: 1, prev: (1, 1), entries: [1], commit: 1), from: 3)
        #expect(harness.terms == [1, 1])
        harness.bugs = 0
        harness.receive(appendEntries(term: 3, prev: (2, 1), entries: [1, 1, 1, 1], commit: 6), from: 2)
        #expect(harness.node.commitIndex == 6)
        #expect(harness.node.lastApplied == 6)
    }
}
