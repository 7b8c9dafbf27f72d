// Lightcone's benchmarks, run by `make bench` in release mode. Each prints its figures.
// `lightcone-bench NAME...` runs only those (gossip, startup, linearizability, view, raft).
let chosen = Set(CommandLine.arguments.dropFirst())
func wanted(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }

print("Lightcone benchmarks (release build)")
if wanted("gossip") { gossipBenchmarks() }
if wanted("startup") { startupBenchmark() }
if wanted("linearizability") { linearizabilityBenchmarks() }
if wanted("view") { viewBenchmarks() }
if wanted("raft") { raftBenchmarks() }
