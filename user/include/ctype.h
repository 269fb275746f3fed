/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/include/ctype.h - character classes, for ASCII.
 *
 * Linux 2.6 + a C library: <ctype.h> (the kernel has its own in
 * include/linux/ctype.h).  Plain comparisons, no locale: "C" is the
 * only one there is.  Each takes an int as C's do: a char value or EOF.
 */
#ifndef _USER_CTYPE_H
#define _USER_CTYPE_H

static inline int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

static inline int isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static inline int islower(int c)
{
	return c >= 'a' && c <= 'z';
}

static inline int isalpha(int c)
{
	return isupper(c) || islower(c);
}

static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

static inline int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int isprint(int c)
{
	return c >= ' ' && c < 0x7f;
}

static inline int tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}

static inline int toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}

#endif /* _USER_CTYPE_H */
