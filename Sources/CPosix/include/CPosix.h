// Small POSIX helpers that need _GNU_SOURCE or must be async-signal-safe, so they are
// written in C: spawning a process with a clean signal state and no inherited
// descriptors, the process's written-byte count, and the crash handler that
// restores the terminal before a Swift trap's report is printed.
#ifndef LIGHTCONE_CPOSIX_H
#define LIGHTCONE_CPOSIX_H
#include <stdio.h>
#include <sys/types.h>

/// Starts `argv[0]` (searched in PATH) with stdin/stdout/stderr on the given descriptors
/// (-1: /dev/null), every other descriptor closed, an empty signal mask and default signal
/// actions. Returns 0 and the pid, or an errno value.
int lc_spawn(char *const argv[], int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid);

/// Waits for `pid`; returns its exit status (128 + signal when killed), -1 on error.
int lc_wait(pid_t pid);

/// Bytes this process has written with write(2) so far (`wchar` in /proc/self/io; 0 when
/// unavailable). ncurses writes straight to the terminal's descriptor, so this is how a
/// frame's bytes are measured.
unsigned long long lc_bytes_written_by_process(void);

/// Unblocks every signal (a parent such as a test runner may have blocked some).
void lc_unblock_all_signals(void);

/// Saves the terminal modes of `fd` for the crash handler; returns 0 on success.
int lc_crash_save_terminal(int fd);

/// Installs handlers for SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE and SIGABRT that, while
/// armed, restore the saved terminal modes and leave the alternate screen (async-signal-safe
/// calls only), then put back the previous handler (the Swift runtime's backtracer, or the
/// default) and let the signal take its course.
void lc_crash_install(void);

/// Arms (1) or disarms (0) the crash handler's terminal restore.
void lc_crash_arm(int armed);
#endif
