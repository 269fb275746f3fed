// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/string_test.c - lib/string.c against the host's libc.
 */
#include <stdlib.h>
#include <string.h>
#include "kernel_lib.h"
#include "unit.h"

UNIT_TEST(string_compare_and_length)
{
	CHECK_EQ(kernel_strlen(""), 0);
	CHECK_EQ(kernel_strlen("kernel"), 6);
	CHECK_EQ(kernel_strnlen("kernel", 3), 3);
	CHECK(kernel_strcmp("abc", "abd") < 0);
	CHECK(kernel_strcmp("b", "abc") > 0);
	CHECK_EQ(kernel_strcmp("same", "same"), 0);
	CHECK_EQ(kernel_strncmp("abcX", "abcY", 3), 0);
	CHECK(kernel_strncmp("ab", "abc", 5) < 0);
	CHECK(kernel_strchr("a=b", '=') != NULL);
	CHECK(kernel_strchr("ab", 'z') == NULL);
	CHECK(*kernel_strchr("ab", '\0') == '\0');
	CHECK(kernel_strstr("kernel thread", "thread") == strstr("kernel thread", "thread"));
	CHECK(kernel_strstr("abc", "abd") == NULL);
	CHECK(kernel_strstr("abc", "") != NULL);
	CHECK(kernel_strstr("", "a") == NULL);
	CHECK(kernel_strstr("aab", "ab") != NULL);
	CHECK(kernel_strrchr("/bin/sh", '/') == strrchr("/bin/sh", '/'));
	CHECK(kernel_strrchr("sh", '/') == NULL);
	CHECK(*kernel_strrchr("ab", '\0') == '\0');
	/* Bytes compare as unsigned. */
	CHECK(kernel_memcmp("\x80", "\x01", 1) > 0);
}

UNIT_TEST(string_copies_match_libc)
{
	unsigned char a[256], b[256], src[256];

	srand(7);
	for (int round = 0; round < 2000; round++) {
		size_t off = rand() % 64, len = rand() % 128;
		size_t dst = rand() % 64;

		for (size_t i = 0; i < sizeof(src); i++)
			src[i] = (unsigned char)rand();
		memcpy(a, src, sizeof(a));
		memcpy(b, src, sizeof(b));
		/* Overlapping moves in both directions. */
		memmove(a + dst, a + off, len);
		kernel_memmove(b + dst, b + off, len);
		CHECK(memcmp(a, b, sizeof(a)) == 0);
		memset(a + off, round, len);
		kernel_memset(b + off, round, len);
		CHECK(memcmp(a, b, sizeof(a)) == 0);
		/* Any alignment of either end, any length: words, then bytes. */
		memcpy(a + 128 + dst, src + off, len % 64);
		CHECK(kernel_memcpy(b + 128 + dst, src + off, len % 64) ==
		      b + 128 + dst);
		CHECK(memcmp(a, b, sizeof(a)) == 0);
	}
}

UNIT_TEST(strlcpy_truncates)
{
	char buf[4];

	CHECK_EQ(kernel_strlcpy(buf, "toolong", sizeof(buf)), 7);
	CHECK_STR(buf, "too");
	CHECK_EQ(kernel_strlcpy(buf, "ok", sizeof(buf)), 2);
	CHECK_STR(buf, "ok");
}
