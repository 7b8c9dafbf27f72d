import LightconeSimulation

/// A `run D` or `run until C` that the view plays frame by frame instead of jumping to its
/// end: where it started, where it ends, and what it waits for.
public struct PlayedRun: Sendable {
    /// The line as typed.
    public let line: String
    /// The simulated time it started at.
    public let start: SimTime
    /// The instant it ends at (`run D`), or its deadline (`run until ... within D`).
    public let deadline: SimTime
    /// What `run until` waits for; nil for `run D`.
    let condition: ConditionSpec?

    /// The play speed (thousandths, as `speed`) that shows it at `speed` but takes at most
    /// `maxWall` microseconds of wall time: longer spans are sped up.
    public func speed(atLeast speed: Int, maxWall: Int64 = 4_000_000, simulatedPerWallSecond: Int64 = 20_000) -> Int {
        let span = deadline - start
        guard condition == nil else {
            // A deadline is only a bound; play `run until` fast enough for a typical election,
            // but never slower than asked.
            let needed = Int((min(span, .seconds(2)) * 1_000_000 * 1_000) / (maxWall * simulatedPerWallSecond))
            return max(speed, needed)
        }
        let needed = Int((span * 1_000_000 * 1_000 + maxWall * simulatedPerWallSecond - 1) / (maxWall * simulatedPerWallSecond))
        return max(speed, needed)
    }
}

extension Lab {
    /// When `line` is a `run` the view should play (not `skip`, not while comparing), records it
    /// as typed and returns its plan; nil when the line should simply be executed (it is not a
    /// run, it is empty, its condition already holds or does not apply, or it has an error).
    public mutating func beginPlayedRun(_ line: String) -> PlayedRun? {
        let text = CommandParser.stripComment(line)
        guard comparison == nil, text.split(separator: " ").first?.lowercased() == "run",
              let command = try? CommandParser.parse(text, context: session.parseContext) else { return nil }
        let now = session.cluster.now
        switch command {
        case .run(let duration) where duration > 0:
            session.cluster.interruptCheck = session.interruptCheck
            session.typed.append(text)
            return PlayedRun(line: text, start: now, deadline: now + duration, condition: nil)
        case .runUntil(let spec, let within):
            guard let condition = spec.resolve(leader: session.cluster.leader),
                  let outcome = session.cluster.evaluate(condition), !outcome.holds, within > 0 else { return nil }
            session.cluster.interruptCheck = session.interruptCheck
            session.typed.append(text)
            return PlayedRun(line: text, start: now, deadline: now + within, condition: spec)
        default:
            return nil
        }
    }

    /// Plays `duration` more of `run`: the narrated lines, and once the run is over (its end,
    /// its condition met, its deadline passed, or a violation) the output `run` would print.
    public mutating func continuePlayedRun(_ run: PlayedRun, by duration: SimDuration) -> (lines: [String], done: CommandOutput?) {
        let now = session.cluster.now
        let step = min(max(0, duration), run.deadline - now)
        let spec = run.condition
        let condition = spec?.resolve(leader: session.cluster.leader)
        let advanced = session.advance(by: step, until: condition)
        var lines = advanced.lines
        lines += lessons.afterCommand(on: &session)
        let after = session.cluster.now
        let elapsed = DurationText.format(after - run.start)
        if session.cluster.wasInterrupted, advanced.outcome?.holds != true {
            // Ctrl-C stopped it on purpose: where it stopped, not a missed deadline.
            var output = CommandOutput(lines: ["interrupted at t=\(DurationText.instant(after))"])
            output.wasInterrupted = true
            return (lines, output)
        }
        if let spec, advanced.outcome?.holds == true {
            return (lines, CommandOutput(lines: ["t=\(DurationText.instant(after)) \(spec) (after \(elapsed))"]))
        }
        if advanced.stoppedShort {
            return (lines, CommandOutput(lines: ["stopped at t=\(DurationText.instant(after)) (a violation)"], isFailure: true))
        }
        guard after >= run.deadline else { return (lines, nil) }
        if let spec {
            let actual = advanced.outcome?.actual ?? "it does not apply"
            return (lines, CommandOutput(lines: ["run until failed: \(spec) not reached within \(DurationText.format(run.deadline - run.start)); \(actual)"],
                                         isFailure: true))
        }
        return (lines, CommandOutput(lines: ["t=\(DurationText.instant(after))"]))
    }

    /// Ends a played run early, at the instant reached (a key was pressed); after Ctrl-C
    /// (`interrupted`) it says only `interrupted at t=...`, as a `run` stopped by Ctrl-C does.
    public mutating func stopPlayedRun(_ run: PlayedRun, interrupted: Bool = false) -> CommandOutput {
        let instant = DurationText.instant(session.cluster.now)
        var output = CommandOutput(lines: [interrupted ? "interrupted at t=\(instant)" : "stopped at t=\(instant) (\(run.line) was playing)"])
        output.wasInterrupted = true
        return output
    }
}

extension Session {
    /// Moves the clock forward by `duration`, stopping early when `condition` holds or a
    /// monitor finds a violation; journaled like the view's play. The narrated lines, the
    /// condition's outcome, and whether it stopped short of the duration for a violation.
    mutating func advance(by duration: SimDuration, until condition: Condition?) -> (lines: [String], outcome: ConditionOutcome?, stoppedShort: Bool) {
        guard let condition else {
            let target = cluster.now + duration
            let lines = advance(by: duration)
            return (lines, nil, cluster.now < target)
        }
        let outcome = cluster.run(until: condition, deadline: cluster.now + duration)
        journalAdvance()
        let narrated = narrateEntries()
        return (narrated.lines, outcome, narrated.violation != nil && outcome?.holds != true)
    }
}
