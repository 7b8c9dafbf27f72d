// The wide-character ncurses API for Swift. SwiftPM drops pkg-config's -D flags, so the
// wide API is switched on here; macros, varargs functions and mutable globals get inline
// wrappers (Swift 6 rejects direct use of mutable C globals).
#ifndef LIGHTCONE_CNCURSESW_SHIM_H
#define LIGHTCONE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <langinfo.h>
#include <string.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int wcwidth(wchar_t c);

static inline WINDOW *lc_stdscr(void) { return stdscr; }
static inline int lc_lines(void) { return LINES; }
static inline int lc_cols(void) { return COLS; }
static inline int lc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int lc_colors(void) { return COLORS; }
static inline int lc_color_pairs(void) { return COLOR_PAIRS; }
static inline int lc_key_f(int n) { return KEY_F(n); }
static inline FILE *lc_stdout(void) { return stdout; }
static inline FILE *lc_stdin(void) { return stdin; }

/// Sets the locale from the environment; falls back to C.UTF-8 when the codeset is not
/// UTF-8. Returns 1 when the locale is UTF-8 afterwards.
static inline int lc_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_ALL, "C.UTF-8") == NULL) return 0;
    codeset = nl_langinfo(CODESET);
    return codeset && strcmp(codeset, "UTF-8") == 0;
}

/// Whether terminfo knows TERM and it can address the cursor (`cup`); TERM=dumb and unknown
/// terminals cannot. Loads terminfo without touching the screen.
static inline int lc_terminal_has_cup(const char *term) {
    int error = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(term, 1, &error) != OK) return 0;
    const char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (const char *)-1;
    TERMINAL *loaded = cur_term;
    set_curterm(saved);
    if (loaded != saved) del_curterm(loaded);
    return ok;
}

/// Cell attribute bits shared with Swift: 1 bold, 2 dim, 4 reverse, 8 underline.
static inline attr_t lc_attributes(unsigned bits) {
    attr_t a = A_NORMAL;
    if (bits & 1) a |= A_BOLD;
    if (bits & 2) a |= A_DIM;
    if (bits & 4) a |= A_REVERSE;
    if (bits & 8) a |= A_UNDERLINE;
    return a;
}

/// Writes one cell (a character of up to CCHARW_MAX scalars, zero-terminated) at (y, x).
static inline int lc_put_cell(WINDOW *win, int y, int x, const wchar_t *chars, unsigned attributeBits, int pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, lc_attributes(attributeBits), (short)pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

/// Reads one key or character: returns OK (a character in *ch), KEY_CODE_YES (a key code
/// in *ch) or ERR (timeout).
static inline int lc_get_wch(WINDOW *win, unsigned int *ch) {
    wint_t value = 0;
    int result = wget_wch(win, &value);
    *ch = (unsigned int)value;
    return result;
}

static inline int lc_key_code_yes(void) { return KEY_CODE_YES; }

/* Ctrl-C while a long command runs: in raw mode it is a byte, not a signal. Reads what is
   waiting on stdin without blocking, reports whether a Ctrl-C (0x03) was among it, and
   gives every other byte back to curses in order. */
#include <poll.h>
#include <unistd.h>
static inline int lc_poll_interrupt(void) {
    unsigned char bytes[256];
    int count = 0, interrupted = 0;
    struct pollfd waiting = { 0, POLLIN, 0 };
    while (count < 256 && poll(&waiting, 1, 0) > 0 && (waiting.revents & POLLIN)) {
        if (read(0, &bytes[count], 1) != 1) break;
        if (bytes[count] == 3) interrupted = 1;
        count++;
    }
    for (int i = count - 1; i >= 0; i--) {
        if (bytes[i] != 3) ungetch(bytes[i]);
    }
    return interrupted;
}
#endif
