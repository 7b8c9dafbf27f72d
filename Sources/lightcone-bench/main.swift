// Lightcone's benchmarks, run by `make bench` in release mode.
// `lightcone-bench` (or `lightcone-bench table [ROUNDS]`) prints issue 14's one table: every
// figure in process and through the session, with its anchor and target (BENCHMARKS.md).
// `lightcone-bench NAME...` runs only those, with their detailed lines (gossip, startup,
// linearizability, view, generals, raft, bank, all; raft-hour runs only raft's one-hour runs,
// without the chaos sweeps; raft-hour-off and raft-hour-on only one of them; kv runs issue
// 11's kv-ap hour and kv-cp check; `gossip-ref NODES END_US [session]` one run of the C
// reference's gossip workload; `check-file FILE [BUDGET]` one history file with a step budget;
// paxos-hour runs Multi-Paxos's hour beside Raft's; `raft-span SECONDS [on]` the Raft hour's workload for
// SECONDS simulated seconds, for profiling).
// `lightcone-bench sweep [SEEDS]` is CI's release-mode seed sweep: Raft under chaos and load
// without bugs for seeds 1...SEEDS (default 1000), then Paxos (issue 10: each bug caught in
// seeds 1..50, Basic and Multi-Paxos clean on 1...SEEDS); exit 1 on any violation.
import Glibc
import LightconeSimulation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "sweep":
    let seeds = arguments.dropFirst().first.flatMap { UInt64($0) } ?? 1_000
    let raftClean = raftChaosSweeps(seedsPerBug: 50, seedsWithoutBugs: seeds)
    let paxosClean = paxosChaosSweeps(seedsPerBug: 50, seedsWithoutBugs: seeds)
    exit(raftClean && paxosClean ? 0 : 1)
case nil, "table":
    benchmarkTable(rounds: arguments.dropFirst().first.flatMap { Int($0) } ?? 3)
    exit(0)
case "gossip-ref":
    let nodes = arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000
    let end = arguments.dropFirst(2).first.flatMap { SimTime($0) } ?? 2_000_000
    gossipReference(nodes: nodes, end: end, throughSession: arguments.dropFirst(3).first == "session")
    exit(0)
case "raft-span":
    raftSpan(seconds: arguments.dropFirst().first.flatMap { Int($0) } ?? 300, monitored: arguments.dropFirst(2).first == "on")
    exit(0)
case "check-file":
    checkFile(arguments.dropFirst().first ?? "", budget: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 5_000_000)
    exit(0)
default:
    break
}
let chosen = Set(arguments)
func wanted(_ name: String) -> Bool { chosen.contains("all") || chosen.contains(name) }

print("Lightcone benchmarks (release build)")
if wanted("gossip") { gossipBenchmarks() }
if wanted("startup") { startupBenchmark() }
if wanted("linearizability") { linearizabilityBenchmarks() }
if wanted("view") { viewBenchmarks() }
if wanted("generals") { generalsBenchmarks() }
if wanted("raft") { raftBenchmarks() }
if wanted("bank") { bankBenchmarks() }
if chosen.contains("raft-hour") { raftHourBenchmarks() }
if chosen.contains("raft-hour-off") { raftHourBenchmarks(monitors: [false]) }
if chosen.contains("raft-hour-on") { raftHourBenchmarks(monitors: [true]) }
if chosen.contains("kv") { kvBenchmarks() }
if chosen.contains("paxos-hour") { paxosHourBenchmarks() }
if chosen.contains("paxos-hour-only") { paxosHourBenchmarks(besideRaft: false) }
