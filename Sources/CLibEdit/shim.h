// libedit's readline interface for Swift: accessors for its mutable globals (Swift 6
// rejects direct use of them).
#ifndef LIGHTCONE_CLIBEDIT_SHIM_H
#define LIGHTCONE_CLIBEDIT_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <editline/readline.h>

static inline void lc_rl_set_catch_signals(int value) { rl_catch_signals = value; }
static inline void lc_rl_set_completion(rl_completion_func_t *f) { rl_attempted_completion_function = f; }
static inline void lc_rl_set_completion_append(int c) { rl_completion_append_character = c; }
static inline const char *lc_rl_line_buffer(void) { return rl_line_buffer; }
static inline int lc_rl_point(void) { return rl_point; }
static inline void lc_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
static inline void lc_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void lc_rl_set_instream(FILE *f) { rl_instream = f; }
static inline void lc_rl_set_outstream(FILE *f) { rl_outstream = f; }
static inline FILE *lc_rl_stdin(void) { return stdin; }
static inline FILE *lc_rl_stdout(void) { return stdout; }
/// A malloc'ed copy of a string, for completion arrays libedit frees.
static inline char *lc_rl_strdup(const char *s) { return strdup(s); }
#endif
