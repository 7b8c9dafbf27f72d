# Lightcone: the quick start is `make run` and `make test`.
SWIFT ?= swift
APT_PACKAGES = libncurses-dev libedit-dev

.PHONY: run test build bench sweep deps lessons clean

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

## Benchmarks, built in release mode.
bench: deps
	$(SWIFT) build -c release --product lightcone-bench
	$(SWIFT) build -c release --product lightcone
	./.build/release/lightcone-bench

## The release-mode seed sweep of CI: Raft under chaos and load, every teaching bug caught,
## and seeds 1..1000 without bugs free of violations (SEEDS=10000 for a longer run).
SEEDS ?= 1000
sweep: deps
	$(SWIFT) build -c release --product lightcone-bench
	./.build/release/lightcone-bench sweep $(SEEDS)

## Install the system libraries when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists ncursesw libedit 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES) with apt..."; \
		if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y $(APT_PACKAGES); \
		else sudo apt-get update && sudo apt-get install -y $(APT_PACKAGES); fi; \
	fi

clean:
	rm -rf .build
