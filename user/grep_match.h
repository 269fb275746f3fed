/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user/grep_match.h - grep's pattern matcher: a small regular
 * expression language, compiled once, then matched against each line.
 *
 * Linux 2.6: no counterpart in the kernel (GNU grep's basic regular
 * expressions, a subset).  Pure functions: no system call, no
 * allocation, so tests/unit/grep_match_test.c runs them on the host.
 */
#ifndef _USER_GREP_MATCH_H
#define _USER_GREP_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#define RE_ATOMS_MAX	256	/* pieces: characters, '.', [sets] */

/* re_compile()'s flags */
#define RE_ICASE	1	/* -i: 'a' matches 'A' and back */
#define RE_FIXED	2	/* -F: every character stands for itself */

/*
 * Each piece of a pattern matches one character out of a set (a literal
 * 'a' is the set {a}, '.' every character, [a-z] its range), once or,
 * followed by '*', any number of times.
 */
struct re_atom {
	unsigned char set[256 / 8];	/* bit c: character c matches */
	bool star;			/* repeated 0 or more times */
};

struct regex {
	bool anchor_start;	/* '^': only at the start of the line */
	bool anchor_end;	/* '$': only at its end */
	int nr_atoms;
	struct re_atom atoms[RE_ATOMS_MAX];
};

int re_compile(struct regex *re, const char *pattern, int flags,
	       const char **error);
bool re_match(const struct regex *re, const char *text, size_t len);

#endif /* _USER_GREP_MATCH_H */
