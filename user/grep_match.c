// SPDX-License-Identifier: GPL-2.0
/*
 * user/grep_match.c - grep's matcher: a pattern is compiled into a row
 * of character sets, then tried at each position of a line.
 *
 * Linux 2.6: no counterpart in the kernel.  The language is the core of
 * POSIX's basic regular expressions, what grep without -E understands:
 *
 *	c	the character c		.	any character
 *	[abc]	one of them		[a-z]	one in the range
 *	[^abc]	any other one		x*	x, 0 or more times
 *	^	(first) line start	$	(last) line end
 *	\c	c itself, even if it is one of . * [ ^ $ \
 *
 * Every piece becomes a 256-bit set of the characters it accepts (a
 * literal 'a' is {a}, '.' all of them), so matching a character is one
 * bit test whatever the piece was, and -i only widens the sets.  The
 * matcher is the classic backtracking one (Kernighan and Pike, "The
 * Practice of Programming", chapter 9): at each starting position, match
 * the pieces in turn; a starred piece first eats as many characters as
 * it can and gives them back one by one until the rest matches.  That
 * is exponential for patterns like a*a*a*a*b in the worst case, which is
 * fine for a teaching grep (GNU grep builds an automaton instead).
 *
 * Pure functions: no system call, no allocation; tested on the host by
 * tests/unit/grep_match_test.c.  Next: user/grep.c feeds it lines.
 */
#include <string.h>
#include "grep_match.h"

static void set_add(struct re_atom *a, unsigned char c)
{
	a->set[c / 8] |= 1 << (c % 8);
}

static bool set_has(const struct re_atom *a, unsigned char c)
{
	return a->set[c / 8] & (1 << (c % 8));
}

/* -i: a letter in the set brings its other case along. */
static void set_fold_case(struct re_atom *a)
{
	for (unsigned char c = 'a'; c <= 'z'; c++) {
		unsigned char upper = c - 'a' + 'A';

		if (set_has(a, c) || set_has(a, upper)) {
			set_add(a, c);
			set_add(a, upper);
		}
	}
}

/*
 * Reads a bracket expression from just after its '[' into @a; returns
 * the character after its ']', or NULL with *@error set.  A ']' right
 * after '[' or '[^' is a member, as is a '-' at either end; a backslash
 * is an ordinary character in brackets (POSIX).
 */
static const unsigned char *read_set(struct re_atom *a,
				     const unsigned char *p, int flags,
				     const char **error)
{
	bool negate = *p == '^';

	if (negate)
		p++;
	for (bool first = true; first || *p != ']'; first = false) {
		if (!*p) {
			*error = "unmatched [";
			return NULL;
		}
		if (p[1] == '-' && p[2] && p[2] != ']') {
			if (p[0] > p[2]) {
				*error = "invalid range end";
				return NULL;
			}
			for (unsigned int c = p[0]; c <= p[2]; c++)
				set_add(a, c);
			p += 3;
		} else {
			set_add(a, *p++);
		}
	}
	if (flags & RE_ICASE)
		set_fold_case(a);
	if (negate) {
		for (size_t i = 0; i < sizeof(a->set); i++)
			a->set[i] = ~a->set[i];
		/* Lines never contain their '\n'; keep it out anyway. */
		a->set['\n' / 8] &= ~(1 << ('\n' % 8));
	}
	return p + 1;
}

/**
 * re_compile - turn a pattern into the form re_match() uses
 * @re: filled in
 * @pattern: the pattern, NUL-terminated
 * @flags: RE_ICASE, RE_FIXED
 * @error: set to what is wrong when the pattern is refused
 *
 * Context: pure, callable on the host.
 * Return: 0, or -1 with *@error: "unmatched [", "trailing backslash",
 * "invalid range end", "pattern too long".
 */
int re_compile(struct regex *re, const char *pattern, int flags,
	       const char **error)
{
	const unsigned char *p = (const unsigned char *)pattern;
	bool fixed = flags & RE_FIXED;

	memset(re, 0, sizeof(*re));
	if (!fixed && *p == '^') {
		re->anchor_start = true;
		p++;
	}
	while (*p) {
		struct re_atom *a;

		if (!fixed && p[0] == '$' && p[1] == '\0') {
			re->anchor_end = true;
			break;
		}
		/* A '*' with nothing before it is a plain '*' (POSIX BRE). */
		if (!fixed && *p == '*' && re->nr_atoms > 0) {
			re->atoms[re->nr_atoms - 1].star = true;
			p++;
			continue;
		}
		if (re->nr_atoms == RE_ATOMS_MAX) {
			*error = "pattern too long";
			return -1;
		}
		a = &re->atoms[re->nr_atoms++];
		if (fixed) {
			set_add(a, *p++);
		} else if (*p == '.') {
			memset(a->set, 0xff, sizeof(a->set));
			p++;
		} else if (*p == '[') {
			p = read_set(a, p + 1, flags, error);
			if (!p)
				return -1;
			continue;	/* folded already, before negation */
		} else if (*p == '\\') {
			if (!p[1]) {
				*error = "trailing backslash";
				return -1;
			}
			set_add(a, p[1]);
			p += 2;
		} else {
			set_add(a, *p++);
		}
		if (flags & RE_ICASE)
			set_fold_case(a);
	}
	return 0;
}

/* Do atoms @i.. of @re match at @s, up to @end? */
static bool match_here(const struct regex *re, int i,
		       const unsigned char *s, const unsigned char *end)
{
	for (; i < re->nr_atoms; i++) {
		const struct re_atom *a = &re->atoms[i];

		if (a->star) {
			const unsigned char *t = s;

			/* The longest run first, then shorter ones. */
			while (t < end && set_has(a, *t))
				t++;
			for (;;) {
				if (match_here(re, i + 1, t, end))
					return true;
				if (t == s)
					return false;
				t--;
			}
		}
		if (s == end || !set_has(a, *s))
			return false;
		s++;
	}
	return !re->anchor_end || s == end;
}

/**
 * re_match - does @re match somewhere in @text?
 * @re: from re_compile()
 * @text: the line, without its '\n' (it may contain NUL bytes)
 * @len: its length
 *
 * Context: pure, callable on the host.
 * Return: true if it matches.
 */
bool re_match(const struct regex *re, const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text, *end = s + len;

	for (;;) {
		if (match_here(re, 0, s, end))
			return true;
		if (re->anchor_start || s == end)
			return false;
		s++;
	}
}
