// The wide-character ncurses API for Swift. SwiftPM drops pkg-config's -D flags, so the
// wide API is switched on here; macros and varargs functions get inline wrappers.
#ifndef LIGHTCONE_CNCURSESW_SHIM_H
#define LIGHTCONE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int wcwidth(wchar_t c);

static inline WINDOW *lc_stdscr(void) { return stdscr; }
static inline int lc_lines(void) { return LINES; }
static inline int lc_cols(void) { return COLS; }
static inline int lc_color_pair(int n) { return COLOR_PAIR(n); }
static inline int lc_colors(void) { return COLORS; }
static inline int lc_key_f(int n) { return KEY_F(n); }
#endif
