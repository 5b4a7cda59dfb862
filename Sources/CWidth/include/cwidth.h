#ifndef SNAPINFRA_CWIDTH_H
#define SNAPINFRA_CWIDTH_H

/* Columns a code point takes in the terminal (libc wcwidth): -1 non-printable, 0, 1 or 2. */
int cw_wcwidth(unsigned int codepoint);
/* Sets LC_CTYPE (for tests, which run in the C locale where wcwidth is -1 for non-ASCII). */
int cw_set_ctype(const char *locale);

#endif
