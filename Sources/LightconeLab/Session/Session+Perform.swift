import LightconeSimulation

extension Session {
    /// Carries out a parsed command; throws (changing nothing) when it cannot.
    mutating func perform(_ command: Command) throws(CommandError) -> CommandOutput {
        do {
            return try performCluster(command)
        } catch let error as SimulationError {
            throw error.commandError
        } catch let error as CommandError {
            throw error
        } catch {
            throw CommandError("\(error)")
        }
    }

    private mutating func performCluster(_ command: Command) throws -> CommandOutput {
        switch command {
        case .new:
            let built = try Session.build(command, seed: seed, catalog: catalog)
            cluster = built
            creation = command
            journal = []
            narrationCursor = 0
            return CommandOutput(lines: [newLine()])
        case .status(let json):
            return CommandOutput(lines: json ? [cluster.statusJSON] : cluster.statusLines)
        case .inspect(let ref):
            let id = try resolve(ref)
            return CommandOutput(lines: try cluster.inspect(id), requests: [.inspect(id)])
        case .nodes:
            return CommandOutput(lines: cluster.nodeLines)
        case .partition(let groups):
            var resolved: [[NodeID]] = []
            for group in groups {
                var ids: [NodeID] = []
                for ref in group { ids.append(try resolve(ref)) }
                resolved.append(ids)
            }
            try cluster.partition(resolved)
        case .isolate(let ref):
            try cluster.isolate(try resolve(ref))
        case .heal:
            cluster.heal()
        case .cut(let a, let b, let both):
            try cluster.cut(try resolve(a), try resolve(b), bothWays: both)
        case .kill(let ref):
            try cluster.kill(try resolve(ref))
        case .restart(let ref):
            try cluster.restart(try resolve(ref))
        case .pause(let ref):
            guard let ref else { return CommandOutput(requests: [.pause]) }
            try cluster.pause(try resolve(ref))
        case .resume(let ref):
            try cluster.resume(try resolve(ref))
        case .net(let change):
            cluster.setNetwork(change)
        case .link(let a, let b, let change):
            try cluster.setLink(try resolve(a), try resolve(b), change)
        case .hold(let a, let b):
            try cluster.hold(try resolve(a), try resolve(b))
        case .release(let a, let b):
            try cluster.release(try resolve(a), try resolve(b))
        case .messages:
            let messages = cluster.messagesInFlight
            if messages.isEmpty { return CommandOutput(lines: ["no messages in flight"]) }
            return CommandOutput(lines: messages.map { m in
                let when: String
                switch m.state {
                case .travelling: when = "arrives t=\(DurationText.instant(m.arrivesAt))"
                case .held: when = "held"
                case .waiting: when = "waiting for \(m.to) to resume"
                }
                return "#\(m.id) \(m.from)->\(m.to) \(m.text) (sent t=\(DurationText.instant(m.sentAt)), \(when))"
            })
        case .drop(let id):
            try cluster.dropMessage(id)
        case .deliver(let id):
            let start = cluster.traceCount
            try cluster.deliverMessage(id)
            skipNarration()
            return CommandOutput(lines: cluster.traceLines(from: start, notableOnly: false, node: nil))
        case .timeout(let refs):
            var ids: [NodeID] = []
            for ref in refs { ids.append(try resolve(ref)) }
            try cluster.forceTimeout(ids)
        case .chaos(let duration, let faults):
            try cluster.startChaos(for: duration, faults: faults)
        case .bug(let name, let bug):
            guard name == cluster.protocolName else {
                if catalog.entry(named: name) == nil && !catalog.plannedNames.contains(name) {
                    throw CommandError("unknown protocol '\(name)'; protocols are \(catalog.names.joined(separator: ", "))")
                }
                throw CommandError("the cluster runs \(cluster.protocolName), not \(name); `new \(name)` first")
            }
            try cluster.enableBug(bug)
        case .bugOff:
            cluster.disableBugs()
        case .bugs:
            let specs = cluster.bugNames
            if specs.isEmpty { return CommandOutput(lines: ["\(cluster.protocolName) has no teaching bugs"]) }
            let on = Set(cluster.enabledBugs)
            return CommandOutput(lines: specs.map { "\(on.contains($0.name) ? "[on] " : "     ")bug \(cluster.protocolName) \($0.name) — \($0.summary)" })
        case .step(let count):
            let start = cluster.traceCount
            let handled = cluster.step(count, notAfter: .max)
            let entries = cluster.traceEntries(from: start, notableOnly: false, node: nil)
            var lines = entries.map(\.line)
            skipNarration()
            if handled < count { lines.append("nothing more to do at t=\(DurationText.instant(cluster.now)) (\(handled) event\(handled == 1 ? "" : "s") handled)") }
            var output = CommandOutput(lines: lines)
            output.failIfViolated(by: entries)
            return output
        case .run(let duration):
            cluster.run(to: cluster.now + duration)
        case .runUntil(let spec, let within):
            let start = cluster.now
            guard let condition = spec.resolve(leader: cluster.leader) else {
                cluster.run(to: start + within)
                return CommandOutput(lines: ["run until failed: \(spec) — there is no leader (ran \(DurationText.format(within)))"], isFailure: true)
            }
            guard let outcome = cluster.run(until: condition, deadline: start + within) else {
                throw CommandError("condition '\(spec)' does not apply to \(cluster.protocolName)")
            }
            let elapsed = DurationText.format(cluster.now - start)
            if outcome.holds {
                return CommandOutput(lines: ["t=\(DurationText.instant(cluster.now)) \(spec) (after \(elapsed))"])
            }
            return CommandOutput(lines: ["run until failed: \(spec) not reached within \(DurationText.format(within)); \(outcome.actual)"], isFailure: true)
        case .time:
            return CommandOutput(lines: ["t=\(DurationText.instant(cluster.now))"])
        case .seed(let value):
            seed = value
            let rebuilt = try Session.build(creation, seed: seed, catalog: catalog)
            cluster = rebuilt
            journal = []
            narrationCursor = 0
            return CommandOutput(lines: ["seed \(value): " + newLine()])
        case .rewind(let duration):
            return try rewind(by: duration)
        case .play:
            return CommandOutput(requests: [.play])
        case .speed(let thousandths):
            return CommandOutput(requests: [.speed(thousandths)])
        case .operation(let operation, let via):
            guard cluster.operationSpecs.contains(where: { $0.name == operation.name }) else {
                let names = cluster.operationSpecs.map(\.name)
                throw CommandError("\(operation.name) is not a \(cluster.protocolName) operation; "
                    + (names.isEmpty ? "\(cluster.protocolName) takes no client operations" : "\(cluster.protocolName) has \(names.joined(separator: ", "))"))
            }
            let node = try via.map { ref throws(CommandError) in try resolve(ref) }
            let start = cluster.traceCount
            try cluster.submit(operation, via: node)
            return CommandOutput(lines: cluster.traceEntries(from: start, notableOnly: false, node: nil).filter { $0.kind == .invoke }.map(\.line))
        case .load(let spec):
            try cluster.startLoad(spec)
        case .history(let json, let script):
            if script { return CommandOutput(lines: typed.filter { !$0.hasPrefix("history") }) }
            if json { return CommandOutput(lines: [HistoryText.json(cluster.history)]) }
            let lines = cluster.history.map(HistoryText.line)
            return CommandOutput(lines: lines.isEmpty ? ["no client operations yet"] : lines)
        case .check:
            guard let entry = protocolEntry else { throw CommandError("no checker for \(cluster.protocolName)") }
            let report = entry.check(cluster)
            if let violation = report.violation {
                let alreadyKnown = cluster.violations.contains(violation)
                cluster.report(violation)
                if !alreadyKnown { skipNarration() }
                var output = CommandOutput(lines: report.lines, isFailure: true)
                output.violationText = "VIOLATION \(violation.property): \(violation.message)"
                return output
            }
            return CommandOutput(lines: report.lines)
        case .log(let ref, let count):
            let node = try ref.map { r throws(CommandError) in try resolve(r) }
            let lines = cluster.traceLines(from: 0, notableOnly: false, node: node)
            return CommandOutput(lines: lines.isEmpty ? ["the log is empty"] : Array(lines.suffix(count)))
        case .timeline:
            guard let drawings else { throw CommandError("timeline needs the view, which this front end lacks") }
            let entries = cluster.traceEntries(from: max(0, cluster.traceCount - 400), notableOnly: false, node: nil)
            return CommandOutput(lines: drawings.timeline(entries, cluster.nodeCount))
        case .echo(let text):
            return CommandOutput(lines: [text.escapingControlCharacters()])
        case .expect(let spec):
            guard let condition = spec.resolve(leader: cluster.leader) else {
                return CommandOutput(lines: ["expect failed: \(spec) — there is no leader"], isFailure: true)
            }
            guard let outcome = cluster.evaluate(condition) else {
                throw CommandError("condition '\(spec)' does not apply to \(cluster.protocolName)")
            }
            if outcome.holds { return CommandOutput(lines: ["ok: \(spec)"]) }
            return CommandOutput(lines: ["expect failed: expected \(spec), but \(outcome.actual)"], isFailure: true)
        case .lessons, .lesson, .next, .back, .hint, .goal, .leave, .say, .wait, .source, .compare:
            throw CommandError("lessons, demo scripts and source are run by the lab, not by a bare session")
        case .note(let text):
            return CommandOutput(requests: [.note(text)])
        case .help(let topic):
            return CommandOutput(lines: try helpLines(topic))
        case .export(let kind, let path, let force):
            return try export(kind, to: path, force: force)
        case .record(let path, let force):
            guard let path else { return CommandOutput(requests: [.record(nil)]) }
            try checkWritable(path, force: force)
            return CommandOutput(lines: ["recording to \(path) (record stop ends it)"], requests: [.record(path)])
        case .theme(let name):
            return CommandOutput(requests: [.theme(name)])
        case .quit:
            return CommandOutput(requests: [.quit])
        case .protocolCommand(let name, let arguments, _):
            let start = cluster.traceCount
            let lines = try cluster.performProtocolCommand(name, arguments: arguments)
            let traced = cluster.traceEntries(from: start, notableOnly: false, node: nil)
            skipNarration()
            var output = CommandOutput(lines: lines.isEmpty ? traced.map(\.line) : lines)
            output.failIfViolated(by: traced)
            return output
        }
        return CommandOutput()
    }

    func newLine() -> String {
        "new \(cluster.protocolName): \(cluster.nodeCount) node\(cluster.nodeCount == 1 ? "" : "s") \(NodeNames.range(cluster.nodeCount)), seed \(seed)"
    }

    func helpLines(_ topic: String?) throws(CommandError) -> [String] {
        guard let topic else {
            return CommandHelp.overview(protocolName: cluster.protocolName, catalog: catalog, conditions: applicableConditionForms)
        }
        if let lines = CommandHelp.lines(for: topic, catalog: catalog, current: cluster.protocolName) { return lines }
        if let entry = catalog.entry(named: topic) {
            var lines = ["\(entry.name) — \(entry.summary)", "usage: new \(entry.name) [N] (default \(entry.defaultNodeCount) nodes)"]
            for option in entry.options { lines.append("  \(option.name)=\(option.valueSyntax)  \(option.summary)") }
            for op in entry.operations { lines.append("  \(op.usage)  \(op.summary)") }
            for bug in entry.bugs { lines.append("  bug \(entry.name) \(bug.name)  \(bug.summary)") }
            lines.append("  roles: " + entry.roles.map { "\($0.name) (\($0.kind.rawValue))" }.joined(separator: ", "))
            for form in entry.conditions { lines.append("  condition \(form.syntax)  \(form.summary)") }
            for meter in entry.meters { lines.append("  meter \(meter.name)  \(meter.summary)") }
            for command in entry.commands { lines.append("  \(command.usage)  \(command.summary)") }
            if !entry.messageLabels.isEmpty {
                lines.append("  messages: " + entry.messageLabels.map { "\($0.label) \($0.meaning)" }.joined(separator: "; "))
            }
            return lines
        }
        let hint = Suggestion.closest(to: topic, in: CommandHelp.names(in: catalog) + catalog.names).map { "did you mean \($0)? " } ?? ""
        throw CommandError("no help for '\(topic)'; \(hint)`help` lists the commands")
    }
}

extension CommandOutput {
    /// Marks the output failed by the first violation among `entries`, if there is one.
    mutating func failIfViolated(by entries: [TraceEntry]) {
        guard let violation = entries.first(where: { $0.kind == .violation }) else { return }
        isFailure = true
        violationText = "VIOLATION " + violation.text
    }
}

extension Session {
    /// The condition forms `help` lists: the generic ones this protocol answers (asked of a
    /// fresh cluster of the same protocol, so that nothing long is checked), its own, the
    /// meters when it has any, and `violation`.
    var applicableConditionForms: [String] {
        let entry = catalog.entry(named: cluster.protocolName)
        var options = self.options
        options.stateDirectory = nil
        options.startCommand = "new \(cluster.protocolName)"
        let fresh = Session(options: options).cluster
        let node = NodeID(index: 0)
        let probes: [String: Condition] = [
            "leader": .leader(nil), "leader NODE": .leader(node), "no leader": .noLeader, "role NODE ROLE": .role(node, "?"),
            "up NODE": .up(node), "down NODE": .down(node), "converged": .converged, "linearizable": .linearizable,
            "not linearizable": .notLinearizable, "value KEY VALUE on NODE": .value(key: "k", value: "v", node: node),
            "available NODE": .available(node), "unavailable NODE": .unavailable(node),
        ]
        var forms = ConditionParser.genericForms.filter { form in probes[form].map { fresh.evaluate($0) != nil } ?? true }
        forms += entry?.conditions.map(\.syntax) ?? []
        if !(entry?.meters.isEmpty ?? true) || !fresh.meters.isEmpty { forms += ["METER >= X", "METER <= X"] }
        return forms + ["violation [PROPERTY]"]
    }
}
