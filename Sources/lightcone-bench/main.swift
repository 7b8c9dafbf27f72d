// Lightcone's benchmarks, run by `make bench` in release mode. Each prints its figures.
// `lightcone-bench NAME...` runs only those (gossip, startup, linearizability, view, generals, raft, bank;
// raft-hour runs only raft's one-hour runs, without the chaos sweeps; raft-hour-off and
// raft-hour-on only one of them; kv runs issue 11's kv-ap hour and kv-cp check, only when named;
// paxos-hour runs Multi-Paxos's hour beside Raft's, only when named).
// `lightcone-bench sweep [SEEDS]` is CI's release-mode seed sweep: Raft under chaos and load
// without bugs for seeds 1...SEEDS (default 1000), then Paxos (issue 10: each bug caught in
// seeds 1..50, Basic and Multi-Paxos clean on 1...SEEDS); exit 1 on any violation.
import Glibc

if CommandLine.arguments.dropFirst().first == "sweep" {
    let seeds = CommandLine.arguments.dropFirst(2).first.flatMap { UInt64($0) } ?? 1_000
    let raftClean = raftChaosSweeps(seedsPerBug: 50, seedsWithoutBugs: seeds)
    let paxosClean = paxosChaosSweeps(seedsPerBug: 50, seedsWithoutBugs: seeds)
    exit(raftClean && paxosClean ? 0 : 1)
}
let chosen = Set(CommandLine.arguments.dropFirst())
func wanted(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }

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
