// libFuzzer's driver, for the fuzz harness built by `make fuzz` (-sanitize=fuzzer links it).
// Only declared here: the ordinary build never calls it, so it needs no definition.
#ifndef LIGHTCONE_CFUZZ_H
#define LIGHTCONE_CFUZZ_H
#include <stddef.h>
#include <stdint.h>

/// Runs libFuzzer with the command-line flags in argc/argv on `callback`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
