// The declaration in include/lc_fuzz.h is defined by libFuzzer when `make fuzz` links it.
#include "lc_fuzz.h"
