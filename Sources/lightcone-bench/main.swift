// Lightcone's benchmarks, run by `make bench` in release mode. Each prints its figures.
print("Lightcone benchmarks (release build)")
gossipBenchmarks()
startupBenchmark()
