// ncursesw with the wide-character (X/Open) API. Macros and globals that Swift cannot import
// (stdscr, LINES/COLS, attribute bits, COLOR_PAIR) are wrapped in small inline functions.
#ifndef BCD_CNCURSESW_SHIM_H
#define BCD_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

static inline WINDOW *bcd_stdscr(void) { return stdscr; }
static inline int bcd_lines(void) { return LINES; }
static inline int bcd_cols(void) { return COLS; }
/// The user's locale; when its character set is not UTF-8 (LANG unset, POSIX), C.UTF-8 for
/// characters: BCD text is Unicode and the wide-character API needs a UTF-8 locale.
static inline void bcd_set_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset == NULL || strcmp(codeset, "UTF-8") != 0) {
        if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "en_US.UTF-8");
    }
}
static inline unsigned int bcd_attr_normal(void) { return (unsigned int)A_NORMAL; }
static inline unsigned int bcd_attr_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int bcd_attr_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int bcd_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int bcd_attr_dim(void) { return (unsigned int)A_DIM; }
static inline int bcd_set_attr(unsigned int attrs, short pair) { return attr_set((attr_t)attrs, pair, NULL); }
/// get_wch: returns OK (a character), KEY_CODE_YES (a key code) or ERR.
static inline int bcd_get_wch(unsigned int *out) {
    wint_t w = 0;
    int r = get_wch(&w);
    *out = (unsigned int)w;
    return r;
}
static inline int bcd_put(int y, int x, const wchar_t *text, int n) { return mvaddnwstr(y, x, text, n); }
static inline int bcd_keypad(int on) { return keypad(stdscr, on ? TRUE : FALSE); }
static inline int bcd_erase(void) { return erase(); }
static inline int bcd_refresh(void) { return refresh(); }
static inline int bcd_move(int y, int x) { return move(y, x); }
static inline int bcd_clrtoeol(void) { return clrtoeol(); }
static inline int bcd_timeout(int ms) { timeout(ms); return 0; }
static inline int bcd_bkgd(unsigned int attrs, short pair) { return bkgdset((chtype)attrs | (chtype)COLOR_PAIR(pair)), 0; }
static inline SCREEN *bcd_newterm(void) { return newterm(NULL, stdout, stdin); }
static inline int bcd_colors(void) { return COLORS; }
static inline int bcd_color_pairs(void) { return COLOR_PAIRS; }
static inline int bcd_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }
#endif
