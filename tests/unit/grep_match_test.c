// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/grep_match_test.c - grep's matcher (user/grep_match.c) on
 * the host: each piece of the pattern language, the anchors, bracket
 * sets, -i and -F, and the patterns it refuses.
 */
#include <string.h>
#include "grep_match.h"
#include "unit.h"

static struct regex re;

/* Does @pattern (compiled with @flags) match @text? -1: refused. */
static int matches(const char *pattern, int flags, const char *text)
{
	const char *error = NULL;

	if (re_compile(&re, pattern, flags, &error) < 0)
		return -1;
	return re_match(&re, text, strlen(text));
}

static int m(const char *pattern, const char *text)
{
	return matches(pattern, 0, text);
}

UNIT_TEST(grep_match_fixed_text_anywhere)
{
	CHECK_EQ(m("kswapd", "  6  2 S [kswapd0]"), 1);
	CHECK_EQ(m("kswapd", "kthreadd"), 0);
	CHECK_EQ(m("", "anything"), 1);
	CHECK_EQ(m("", ""), 1);
	CHECK_EQ(m("a", ""), 0);
	CHECK_EQ(m("abc", "ab"), 0);
	CHECK_EQ(m("aab", "aaab"), 1);
	/* Case matters without -i. */
	CHECK_EQ(m("Kernel", "kernel"), 0);
}

UNIT_TEST(grep_match_dot_and_star)
{
	CHECK_EQ(m("k.d", "kod"), 1);
	CHECK_EQ(m("k.d", "kd"), 0);
	CHECK_EQ(m("k.*d", "kthreadd"), 1);
	CHECK_EQ(m("k.*d", "kd"), 1);
	CHECK_EQ(m("ab*c", "ac"), 1);
	CHECK_EQ(m("ab*c", "abbbbc"), 1);
	CHECK_EQ(m("ab*c", "abxc"), 0);
	/* The star gives back what the rest needs. */
	CHECK_EQ(m("a.*b.*c", "a-b-c-b"), 1);
	CHECK_EQ(m("x*x*x*y", "xxxxxxxxxxxxxxxxxxxxxxxx"), 0);
	/* A leading '*' is a plain star; so is one after '^'. */
	CHECK_EQ(m("*a", "x*a"), 1);
	CHECK_EQ(m("*a", "xa"), 0);
	CHECK_EQ(m("^*", "*x"), 1);
	CHECK_EQ(m("^*", "x*"), 0);
}

UNIT_TEST(grep_match_anchors)
{
	CHECK_EQ(m("^k", "kthreadd"), 1);
	CHECK_EQ(m("^k", "[kthreadd]"), 0);
	CHECK_EQ(m("d$", "kthreadd"), 1);
	CHECK_EQ(m("d$", "kthreadd]"), 0);
	CHECK_EQ(m("^k.*d$", "kthreadd"), 1);
	CHECK_EQ(m("^k.*d$", "ksoftirqd/0"), 0);
	CHECK_EQ(m("^$", ""), 1);
	CHECK_EQ(m("^$", " "), 0);
	CHECK_EQ(m("^", "x"), 1);
	CHECK_EQ(m("$", "x"), 1);
	/* Elsewhere ^ and $ are ordinary characters. */
	CHECK_EQ(m("a^b", "a^b"), 1);
	CHECK_EQ(m("a$b", "a$b"), 1);
	CHECK_EQ(m("x^", "x^"), 1);
}

UNIT_TEST(grep_match_brackets)
{
	CHECK_EQ(m("[abc]x", "bx"), 1);
	CHECK_EQ(m("[abc]x", "dx"), 0);
	CHECK_EQ(m("^[0-9][0-9]*$", "12345"), 1);
	CHECK_EQ(m("^[0-9][0-9]*$", "123a5"), 0);
	CHECK_EQ(m("[^0-9]", "123"), 0);
	CHECK_EQ(m("[^0-9]", "12a"), 1);
	CHECK_EQ(m("^[a-z_][a-z0-9_]*$", "kswapd0"), 1);
	/* ']' first is a member, '-' at either end too. */
	CHECK_EQ(m("[]]", "]"), 1);
	CHECK_EQ(m("[^]]", "]"), 0);
	CHECK_EQ(m("[a-]", "-"), 1);
	CHECK_EQ(m("[-a]", "-"), 1);
	/* Special characters are plain inside brackets. */
	CHECK_EQ(m("[.*$]", "x"), 0);
	CHECK_EQ(m("[.*$]", "$"), 1);
	CHECK_EQ(m("[\\]", "\\"), 1);
	CHECK_EQ(m("[ab]*c", "ababc"), 1);
}

UNIT_TEST(grep_match_escapes)
{
	CHECK_EQ(m("a\\.b", "a.b"), 1);
	CHECK_EQ(m("a\\.b", "axb"), 0);
	CHECK_EQ(m("a\\*", "a*"), 1);
	CHECK_EQ(m("a\\*", "aa"), 0);
	CHECK_EQ(m("\\[k", "[kswapd0]"), 1);
	CHECK_EQ(m("\\^a", "^a"), 1);
	CHECK_EQ(m("\\^a", "a"), 0);
	CHECK_EQ(m("a\\$", "a$"), 1);
	CHECK_EQ(m("\\\\", "a\\b"), 1);
}

UNIT_TEST(grep_match_ignore_case)
{
	CHECK_EQ(matches("kernel", RE_ICASE, "KeRnEl"), 1);
	CHECK_EQ(matches("KERNEL", RE_ICASE, "kernel"), 1);
	CHECK_EQ(matches("[a-c]x", RE_ICASE, "BX"), 1);
	CHECK_EQ(matches("[^a-c]", RE_ICASE, "ABC"), 0);
	CHECK_EQ(matches("[^a-c]", RE_ICASE, "ABCD"), 1);
	CHECK_EQ(matches("k.*D$", RE_ICASE, "KTHREADD"), 1);
	/* Only letters fold. */
	CHECK_EQ(matches("@", RE_ICASE, "`"), 0);
	CHECK_EQ(matches("[", RE_ICASE | RE_FIXED, "a[b"), 1);
}

UNIT_TEST(grep_match_fixed_strings)
{
	CHECK_EQ(matches("a.*b", RE_FIXED, "a.*b"), 1);
	CHECK_EQ(matches("a.*b", RE_FIXED, "axxb"), 0);
	CHECK_EQ(matches("^x$", RE_FIXED, "1^x$2"), 1);
	CHECK_EQ(matches("^x$", RE_FIXED, "x"), 0);
	CHECK_EQ(matches("[\\", RE_FIXED, "[\\"), 1);
}

UNIT_TEST(grep_match_text_with_nul_bytes)
{
	CHECK_EQ(re_compile(&re, "b.d", 0, &(const char *){ NULL }), 0);
	CHECK(re_match(&re, "a\0b\0d", 5));
	CHECK(!re_match(&re, "a\0b\0d", 4));
}

UNIT_TEST(grep_match_refused_patterns)
{
	const char *error = NULL;
	char long_pattern[RE_ATOMS_MAX + 2];

	CHECK_EQ(re_compile(&re, "[abc", 0, &error), -1);
	CHECK_STR(error, "unmatched [");
	CHECK_EQ(re_compile(&re, "[]", 0, &error), -1);
	CHECK_STR(error, "unmatched [");
	CHECK_EQ(re_compile(&re, "[^", 0, &error), -1);
	CHECK_EQ(re_compile(&re, "ab\\", 0, &error), -1);
	CHECK_STR(error, "trailing backslash");
	CHECK_EQ(re_compile(&re, "[z-a]", 0, &error), -1);
	CHECK_STR(error, "invalid range end");
	memset(long_pattern, 'a', RE_ATOMS_MAX);
	long_pattern[RE_ATOMS_MAX] = '\0';
	CHECK_EQ(re_compile(&re, long_pattern, 0, &error), 0);
	strcat(long_pattern, "a");
	CHECK_EQ(re_compile(&re, long_pattern, 0, &error), -1);
	CHECK_STR(error, "pattern too long");
	/* Stars do not count: they belong to the piece before them. */
	long_pattern[RE_ATOMS_MAX] = '*';
	CHECK_EQ(re_compile(&re, long_pattern, 0, &error), 0);
}
