/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/ctype.h - character classes.
 *
 * Linux 2.6: include/linux/ctype.h (a table of classes for all of
 * Latin-1).  Here only the one the command line needs: a blank is a
 * space, a tab, a newline or a carriage return, for next_arg()
 * (lib/cmdline.c), which cuts words at blanks, and for kernel/params.c,
 * which skips blanks and the image name before the first word: both
 * must see the same words.
 */
#ifndef _CTYPE_H
#define _CTYPE_H

#include <stdbool.h>

static inline bool isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

#endif /* _CTYPE_H */
