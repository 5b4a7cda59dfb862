#ifndef SNAPINFRA_CNCURSESW_SHIM_H
#define SNAPINFRA_CNCURSESW_SHIM_H

/* Without this, cchar_t, wget_wch and setcchar are not declared (SwiftPM drops pkg-config's
   -D_XOPEN_SOURCE). */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* C globals and function-like macros as functions: Swift 6 rejects references to C globals. */
static inline WINDOW *snap_stdscr(void) { return stdscr; }
static inline SCREEN *snap_newterm(const char *type) { return newterm(type, stdout, stdin); }
static inline int snap_lines(void) { return LINES; }
static inline int snap_cols(void) { return COLS; }
static inline void snap_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

static const attr_t SNAP_A_NORMAL = A_NORMAL;
static const attr_t SNAP_A_BOLD = A_BOLD;
static const attr_t SNAP_A_DIM = A_DIM;
static const attr_t SNAP_A_REVERSE = A_REVERSE;
static const attr_t SNAP_A_UNDERLINE = A_UNDERLINE;

enum {
    SNAP_KEY_CODE_YES = KEY_CODE_YES,
    SNAP_KEY_UP = KEY_UP, SNAP_KEY_DOWN = KEY_DOWN, SNAP_KEY_LEFT = KEY_LEFT, SNAP_KEY_RIGHT = KEY_RIGHT,
    SNAP_KEY_HOME = KEY_HOME, SNAP_KEY_END = KEY_END, SNAP_KEY_PPAGE = KEY_PPAGE, SNAP_KEY_NPAGE = KEY_NPAGE,
    SNAP_KEY_BTAB = KEY_BTAB, SNAP_KEY_ENTER = KEY_ENTER, SNAP_KEY_BACKSPACE = KEY_BACKSPACE,
    SNAP_KEY_DC = KEY_DC, SNAP_KEY_RESIZE = KEY_RESIZE, SNAP_KEY_F1 = KEY_F0 + 1, SNAP_KEY_MOUSE = KEY_MOUSE
};

/* The mouse: the left button and the wheel, reported at once (no click interval). Returns whether
   the terminal reports any of them. */
static inline int snap_mouse_on(void) {
    mmask_t wanted = BUTTON1_PRESSED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    wanted |= BUTTON5_PRESSED;
#endif
    mouseinterval(0);
    return mousemask(wanted, NULL) != 0;
}

/* The event behind KEY_MOUSE: its cell and 1 (left button), 4 (wheel up), 5 (wheel down) or 0. */
static inline int snap_getmouse(int *x, int *y, int *button) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    *button = (event.bstate & BUTTON1_PRESSED) ? 1 : (event.bstate & BUTTON4_PRESSED) ? 4 : 0;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) *button = 5;
#endif
    return 1;
}

/* Draw one grapheme (one spacing character plus up to four combining marks) at y, x. */
static inline int snap_mvadd_grapheme(WINDOW *w, int y, int x, const wchar_t *wcs, attr_t attr, int pair) {
    cchar_t cc;
    if (setcchar(&cc, wcs, attr, (short)pair, NULL) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

static inline int snap_setlocale_from_env(void) { return setlocale(LC_ALL, "") != NULL; }
static inline int snap_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

#endif
