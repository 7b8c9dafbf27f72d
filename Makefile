# Lightcone: the quick start is `make run` and `make test`.
SWIFT ?= swift
APT_PACKAGES = libncurses-dev libedit-dev

.PHONY: run test build bench sweep fuzz deps lessons clean

## Release builds link the Swift runtime and Foundation statically: the dynamic loader's
## relocations were half of the 18 ms from start to the first prompt (now under 10 ms).
RELEASE = -c release --static-swift-stdlib

## Start the lab (installs the C libraries with apt when they are missing).
run: deps build
	./.build/debug/lightcone $(ARGS)

build:
	$(SWIFT) build --product lightcone

## Run every test: unit, scenario goldens, lessons, end-to-end.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Build Lessons/*.md into the binary (run after changing a lesson), then check every lesson.
lessons:
	sh Lessons/embed-lessons.sh
	$(SWIFT) build --product lightcone
	./.build/debug/lightcone check-lessons

## Benchmarks, built in release mode: one table (BENCHMARKS.md), medians of BENCH_ROUNDS
## paired rounds; `lightcone-bench NAME` prints one benchmark's detailed lines.
BENCH_ROUNDS ?= 3
bench: deps
	$(SWIFT) build $(RELEASE) --product lightcone-bench
	$(SWIFT) build $(RELEASE) --product lightcone
	./.build/release/lightcone-bench table $(BENCH_ROUNDS)

## The release-mode seed sweep of CI: Raft under chaos and load, every teaching bug caught,
## and seeds 1..1000 without bugs free of violations (SEEDS=10000 for a longer run).
SEEDS ?= 1000
sweep: deps
	$(SWIFT) build $(RELEASE) --product lightcone-bench
	./.build/release/lightcone-bench sweep $(SEEDS)

## Fuzz the history readers (EDN, Jepsen log) with libFuzzer and AddressSanitizer, each for
## FUZZ_SECONDS (default 600); a crash stops with its input in .build/fuzz/ — keep it in
## Fuzz/crashers/READER/ so the tests replay it. Seeds: Fuzz/seeds and, when present, the
## recorded histories in ../shared/testdata/histories (read only).
FUZZ_SECONDS ?= 600
FUZZ_BIN = .build/fuzz/release/lightcone-fuzz
HISTORIES = ../shared/testdata/histories
fuzz: deps
	$(SWIFT) build -c release --build-path .build/fuzz --product lightcone-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
	mkdir -p .build/fuzz/corpus/edn .build/fuzz/corpus/jepsen-log
	$(FUZZ_BIN) edn -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=.build/fuzz/edn- .build/fuzz/corpus/edn Fuzz/seeds/edn Fuzz/crashers/edn \
		$$(test -d $(HISTORIES)/kv && echo $(HISTORIES)/kv)
	$(FUZZ_BIN) jepsen-log -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix=.build/fuzz/jepsen-log- .build/fuzz/corpus/jepsen-log Fuzz/seeds/jepsen-log Fuzz/crashers/jepsen-log \
		$$(test -d $(HISTORIES)/jepsen-etcd && echo $(HISTORIES)/jepsen-etcd)

## Install the system libraries when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists ncursesw libedit 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES) with apt..."; \
		if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y $(APT_PACKAGES); \
		else sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES); fi; \
	fi

clean:
	rm -rf .build
