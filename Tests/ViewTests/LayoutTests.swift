import Testing
import LightconeSimulation
import LightconeView

/// Node placement, partition regions and the drift animation.
@Suite struct LayoutTests {
    let state = ViewState()

    @Test func partitionPutsGroupsOnEitherSideOfTheWall() {
        let snapshot = Fixtures.raft(groups: [[1, 2, 3], [4, 5]])
        let layout = FrameRenderer.layout(snapshot: snapshot, state: state, width: 160, height: 48)
        #expect(layout.walls.count == 1)
        let wall = Double(layout.walls[0])
        for n in 1...3 { #expect(layout.centre(of: Fixtures.id(n)).x < wall) }
        for n in 4...5 { #expect(layout.centre(of: Fixtures.id(n)).x > wall) }
    }

    @Test func nodesDoNotOverlap() {
        for groups in [[[1, 2, 3, 4, 5]], [[1, 2, 3], [4, 5]], [[1], [2], [3, 4, 5]]] {
            for (width, height) in [(80, 24), (100, 30), (160, 48)] {
                let layout = FrameRenderer.layout(snapshot: Fixtures.raft(groups: groups), state: state, width: width, height: height)
                let rects = (1...5).map { layout.shape.rect(centredOn: layout.centre(of: Fixtures.id($0))) }
                for i in 0..<5 { for j in (i + 1)..<5 { #expect(!rects[i].intersects(rects[j]), "\(groups) \(width)x\(height)") } }
            }
        }
    }

    @Test func animatorDriftsTowardTheTargetAndSettles() {
        let whole = FrameRenderer.layout(snapshot: Fixtures.raft(), state: state, width: 160, height: 48)
        let split = FrameRenderer.layout(snapshot: Fixtures.raft(groups: [[1, 2, 3], [4, 5]]), state: state, width: 160, height: 48)
        var animator = LayoutAnimator()
        animator.advance(toward: whole, fraction: 0.3)
        #expect(animator.current == whole)
        animator.advance(toward: split, fraction: 0.3)
        #expect(!animator.isSettled)
        let n4 = Fixtures.id(4)
        let firstStep = animator.current?.centre(of: n4).x ?? 0
        // Part of the way: strictly between where it was and where it goes.
        let from = whole.centre(of: n4).x, to = split.centre(of: n4).x
        #expect(abs(firstStep - (from + (to - from) * 0.3)) < 0.001)
        for _ in 0..<60 { animator.advance(toward: split, fraction: 0.3) }
        #expect(animator.isSettled)
        #expect(animator.current?.centres == split.centres)
        // And back on heal.
        animator.advance(toward: whole, fraction: 0.3)
        #expect(!animator.isSettled)
    }

    @Test func resizeJumpsStraightToTheTarget() {
        var animator = LayoutAnimator()
        animator.advance(toward: FrameRenderer.layout(snapshot: Fixtures.raft(), state: state, width: 160, height: 48), fraction: 0.2)
        let small = FrameRenderer.layout(snapshot: Fixtures.raft(), state: state, width: 80, height: 24)
        animator.advance(toward: small, fraction: 0.2)
        #expect(animator.current == small && animator.isSettled)
    }

    @Test func animatedLayoutIsDrawnMidDrift() {
        let snapshot = Fixtures.raft(groups: [[1, 2, 3], [4, 5]])
        var animator = LayoutAnimator()
        animator.advance(toward: FrameRenderer.layout(snapshot: Fixtures.raft(), state: state, width: 80, height: 24), fraction: 1)
        animator.advance(toward: FrameRenderer.layout(snapshot: snapshot, state: state, width: 80, height: 24), fraction: 0.5)
        let mid = FrameRenderer.render(snapshot: snapshot, state: state, width: 80, height: 24, layout: animator.current).grid
        let end = FrameRenderer.render(snapshot: snapshot, state: state, width: 80, height: 24).grid
        #expect(mid != end)
        #expect(mid.text.contains("┃"))
    }

    @Test func messageBlockedByPartitionStopsBeforeTheWall() {
        // n2 -> n4 nearly arrived, but n4 is on the other side.
        for permille: Int64 in [100, 500, 900, 1000] {
            let snapshot = Fixtures.raft(messages: [Fixtures.message(1, 2, 4, label: "AE", progressPermille: permille)],
                                         groups: [[1, 2, 3], [4, 5]])
            for (width, height) in [(80, 24), (160, 48)] {
                let layout = FrameRenderer.layout(snapshot: snapshot, state: state, width: width, height: height)
                let grid = FrameRenderer.render(snapshot: snapshot, state: state, width: width, height: height).grid
                let wall = layout.walls[0]
                var found = false
                for y in 0..<grid.height {
                    for x in 0..<grid.width where grid[x, y].character == "▸" || grid[x, y].character == "▴" || grid[x, y].character == "▾" {
                        if grid[x + 1, y].character == "A" && grid[x + 2, y].character == "E" {
                            found = true
                            #expect(x + 2 < wall - 1, "\(permille) \(width)x\(height)")
                        }
                    }
                }
                #expect(found)
            }
        }
    }

    @Test func messageMovesWithTime() {
        var positions: [Int] = []
        for permille: Int64 in [0, 250, 500, 750, 1000] {
            let snapshot = Fixtures.raft(messages: [Fixtures.message(1, 5, 2, label: "AE", progressPermille: permille)])
            let grid = FrameRenderer.render(snapshot: snapshot, state: state, width: 160, height: 48).grid
            let row = grid.lines.first { $0.contains("▸AE") } ?? ""
            positions.append(row.distance(from: row.startIndex, to: row.range(of: "▸AE")?.lowerBound ?? row.startIndex))
        }
        #expect(positions == positions.sorted() && Set(positions).count == positions.count, "\(positions)")
    }
}
