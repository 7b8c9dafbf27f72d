#define _GNU_SOURCE
#include "CPosix.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char **environ;

int lc_spawn(char *const argv[], int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    int fds[3] = { stdin_fd, stdout_fd, stderr_fd };
    for (int target = 0; target < 3; target++) {
        if (fds[target] >= 0) {
            posix_spawn_file_actions_adddup2(&actions, fds[target], target);
        } else {
            posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0);
        }
    }
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
    posix_spawnattr_init(&attributes);
    sigset_t empty, all;
    sigemptyset(&empty);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &empty);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    result = posix_spawnp(pid, argv[0], &actions, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}

int lc_wait(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

unsigned long long lc_bytes_written_by_process(void) {
    int fd = open("/proc/self/io", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buffer[512];
    ssize_t n = read(fd, buffer, sizeof buffer - 1);
    close(fd);
    if (n <= 0) return 0;
    buffer[n] = 0;
    const char *field = strstr(buffer, "wchar:");
    if (!field) return 0;
    return strtoull(field + 6, NULL, 10);
}

void lc_unblock_all_signals(void) {
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_UNBLOCK, &all, NULL);
}

static struct termios saved_modes;
static int saved_fd = -1;
static volatile sig_atomic_t crash_armed = 0;
static const int crash_signals[] = { SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT };
enum { crash_signal_count = sizeof(crash_signals) / sizeof(crash_signals[0]) };
static struct sigaction previous_actions[crash_signal_count];
static char alternate_stack[64 * 1024];

int lc_crash_save_terminal(int fd) {
    if (tcgetattr(fd, &saved_modes) != 0) return -1;
    saved_fd = fd;
    return 0;
}

void lc_crash_arm(int armed) { crash_armed = armed; }

static void crash_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (crash_armed) {
        crash_armed = 0;
        static const char leave[] = "\033[0m\033[?1049l\033[?25h\r\n";
        if (saved_fd >= 0) tcsetattr(saved_fd, TCSAFLUSH, &saved_modes);
        ssize_t ignored = write(STDOUT_FILENO, leave, sizeof(leave) - 1);
        (void)ignored;
    }
    for (int i = 0; i < crash_signal_count; i++) {
        if (crash_signals[i] == sig) sigaction(sig, &previous_actions[i], NULL);
    }
    // A fault re-executes the faulting instruction on return and meets the previous
    // handler (the runtime's crash report) with its real context. A signal that was sent
    // (kill -SEGV, abort) ends the process by its default action at once: the runtime's
    // report would wait at an interactive prompt on a terminal, with the program still
    // running behind it.
    if (info == NULL || info->si_code <= 0) {
        signal(sig, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
        _exit(128 + sig);
    }
}

void lc_crash_install(void) {
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = crash_handler;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < crash_signal_count; i++) {
        sigaction(crash_signals[i], &action, &previous_actions[i]);
    }
}
