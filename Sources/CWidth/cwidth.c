#define _XOPEN_SOURCE 700
#include <locale.h>
#include <wchar.h>
#include "cwidth.h"

int cw_wcwidth(unsigned int codepoint) { return wcwidth((wchar_t)codepoint); }

int cw_set_ctype(const char *locale) { return setlocale(LC_CTYPE, locale) != NULL; }
