// libedit's readline interface for Swift: accessors for its mutable globals (Swift 6
// rejects direct use of them).
#ifndef LIGHTCONE_CLIBEDIT_SHIM_H
#define LIGHTCONE_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <editline/readline.h>

static inline void lc_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void lc_rl_set_completion(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void lc_rl_set_completion_append(int c) { rl_completion_append_character = c; }
static inline const char *lc_rl_line_buffer(void) { return rl_line_buffer; }
static inline void lc_rl_set_instream(FILE *f) { rl_instream = f; }
static inline void lc_rl_set_outstream(FILE *f) { rl_outstream = f; }
#endif
