// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/vsprintf_test.c - lib/vsprintf.c against the host's printf.
 *
 * The host C library is the oracle: for every format below, the kernel's
 * snprintf must produce the same bytes and the same return value.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "kernel_lib.h"
#include "unit.h"

#define SAME(fmt, ...)							\
	do {								\
		char k[128], h[128];					\
		int kn = kernel_snprintf(k, sizeof(k), fmt, __VA_ARGS__); \
		int hn = snprintf(h, sizeof(h), fmt, __VA_ARGS__);	\
		if (kn != hn || strcmp(k, h)) {				\
			unit_fail(__FILE__, __LINE__,			\
				  "format \"%s\": kernel \"%s\" (%d), "	\
				  "host \"%s\" (%d)", fmt, k, kn, h, hn); \
			return;						\
		}							\
	} while (0)

UNIT_TEST(vsnprintf_integers)
{
	SAME("%d %i %u", 0, -1, 42u);
	SAME("%d|%d", INT_MAX, INT_MIN);
	SAME("%5d|%-5d|%05d|%+d|% d", 42, 42, -42, 7, 7);
	SAME("%x|%X|%#x|%#o|%o", 0xbeefu, 0xabcu, 255u, 8u, 0u);
	SAME("%.3d|%8.3d|%-8.3d", 5, -5, 5);
	SAME("%ld|%lu|%lx", LONG_MIN, ULONG_MAX, 0xdeadbeefUL);
	SAME("%lld|%llu|%llx", LLONG_MIN, ULLONG_MAX, 0x123456789abcdefULL);
	SAME("%zu|%zd", (size_t)12345, (ssize_t)-3);
	SAME("%hd|%hu", (short)-2, (unsigned short)65535);
	SAME("%*d|%-*d|%.*d", 6, 1, 6, 2, 4, 3);
}

UNIT_TEST(vsnprintf_strings)
{
	SAME("%s|%10s|%-10s|%.2s", "abc", "right", "left", "truncate");
	SAME("%c%c%c|%3c|%-3c|", 'a', 'b', 'c', 'x', 'y');
	SAME("100%% %s", "done");
	SAME("%.*s|%*s", 3, "abcdef", -4, "l");
}

UNIT_TEST(vsnprintf_truncation)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	CHECK_EQ(kernel_snprintf(buf, 5, "%s", "abcdefgh"), 8);
	CHECK_STR(buf, "abcd");
	CHECK_EQ(buf[5], 'X');		/* nothing written past the limit */
	CHECK_EQ(kernel_snprintf(buf, 1, "%d", 12345), 5);
	CHECK_EQ(buf[0], '\0');
	CHECK_EQ(kernel_snprintf(NULL, 0, "%d", 12345), 5);
	CHECK_EQ(kernel_scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
}

UNIT_TEST(vsnprintf_pointer)
{
	char buf[32];

	kernel_snprintf(buf, sizeof(buf), "%p", (void *)0xc0100000UL);
	/* %p is always the full width of an i386 pointer. */
	CHECK(strstr(buf, "c0100000") != NULL);
	kernel_snprintf(buf, sizeof(buf), "[%p]", (void *)0x1234UL);
	CHECK(strstr(buf, "00001234]") != NULL);
}
