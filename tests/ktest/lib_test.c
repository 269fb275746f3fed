// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/lib_test.c - lib/ inside the kernel: formatting, the
 * command line parser, and printk's log ring.
 *
 * The host unit tests (tests/unit/) cover these functions in depth; these
 * check that the copies built with the kernel's flags behave the same.
 * Nothing here sleeps or starts anything; the log ring is shared with
 * every other printk(), so the log tests look for their own lines in
 * what was logged, wherever other messages fall around them.
 */
#include <init.h>
#include <kernel.h>
#include <ktest.h>
#include <string.h>

/* Record a failure, showing both strings, unless they are equal. */
#define EXPECT_STREQ(a, b)						\
	do {								\
		const char *__a = (a), *__b = (b);			\
		if (strcmp(__a, __b))					\
			ktest_fail(__FILE__, __LINE__,			\
				   "\"%s\" != \"%s\"", __a, __b);	\
	} while (0)

KTEST(vsnprintf_formats)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%5d|%-5d|%05d|%x|%#x|%X", 42, 42, -42,
		 0xbeef, 255, 0xabc);
	EXPECT_STREQ(buf, "   42|42   |-0042|beef|0xff|ABC");
	snprintf(buf, sizeof(buf), "%s|%.3s|%8s|%c|%%", "abc", "abcdef", "r",
		 'z');
	EXPECT_STREQ(buf, "abc|abc|       r|z|%");
	snprintf(buf, sizeof(buf), "%llu|%lld|%lu", 18446744073709551615ULL,
		 -9223372036854775807LL - 1, 4294967295UL);
	EXPECT_STREQ(buf, "18446744073709551615|-9223372036854775808|"
			  "4294967295");
	/* Truncation keeps the terminating NUL and reports the full length. */
	KTEST_EXPECT_EQ(snprintf(buf, 4, "abcdef"), 6);
	EXPECT_STREQ(buf, "abc");
}

static unsigned long test_value;

static int test_value_setup(char *val)
{
	return kstrtoul(val, 0, &test_value);
}

static const struct obs_kernel_param test_params[] = {
	{ .str = "value=", .setup_func = test_value_setup },
};

KTEST(cmdline_parse)
{
	char line[] = "value=0x10 bare \"q=a b\"";
	char *args = line, *param, *val;

	test_value = 0;
	args = next_arg(args, &param, &val);
	KTEST_ASSERT(param && val);
	EXPECT_STREQ(param, "value");
	EXPECT_STREQ(val, "0x10");
	KTEST_EXPECT_EQ(parse_one(param, val, test_params, test_params + 1),
			PARAM_OK);
	KTEST_EXPECT_EQ(test_value, 16);
	args = next_arg(args, &param, &val);
	KTEST_ASSERT(param);
	EXPECT_STREQ(param, "bare");
	KTEST_EXPECT(val == NULL);
	KTEST_EXPECT_EQ(parse_one(param, val, test_params, test_params + 1),
			PARAM_UNKNOWN);
	args = next_arg(args, &param, &val);
	KTEST_ASSERT(param && val);
	EXPECT_STREQ(param, "q");
	EXPECT_STREQ(val, "a b");
	KTEST_EXPECT(*args == '\0');

	char bad[] = "value=12abc";
	args = next_arg(bad, &param, &val);
	KTEST_ASSERT(param && val);
	KTEST_EXPECT_EQ(parse_one(param, val, test_params, test_params + 1),
			PARAM_INVALID);
	KTEST_EXPECT_EQ(memparse("64M", NULL), 64ULL << 20);
}

#define MARKER	"] ktest marker 12345\n"

KTEST(printk_log_ring)
{
	static char tail[1024];
	unsigned long before = log_end, n;
	char *line;

	printk(KERN_DEBUG "ktest marker %d\n", 12345);
	/* A timestamp, then the text, then a newline (others may follow). */
	KTEST_EXPECT(log_end - before > strlen(MARKER));
	/* The newest part of the ring: it ends where the last line does. */
	n = log_buf_copy(tail, sizeof(tail) - 1);
	tail[n] = '\0';
	KTEST_ASSERT(n > 0);
	KTEST_EXPECT_EQ(tail[n - 1], '\n');
	line = strstr(tail, MARKER);
	if (!line)
		KTEST_FAIL("no \"%s\" in the newest %lu bytes", "ktest marker",
			   n);
	/* The line it ends starts with the timestamp's "[". */
	while (line > tail && line[-1] != '\n')
		line--;
	KTEST_EXPECT_EQ(*line, '[');
}

/*
 * One message at each level, 0 (KERN_EMERG) to 7 (KERN_DEBUG): all of
 * them go to the log ring, whatever loglevel= hides from the console.
 * test_boot.py boots this with several loglevel= values and checks which
 * markers the serial console showed.
 */
KTEST(printk_levels_all_reach_log_ring)
{
	static const char *const levels[] = {
		KERN_EMERG, KERN_ALERT, KERN_CRIT, KERN_ERR,
		KERN_WARNING, KERN_NOTICE, KERN_INFO, KERN_DEBUG,
	};
	static char tail[1024];
	char marker[32];
	unsigned long n;

	for (unsigned int i = 0; i < ARRAY_SIZE(levels); i++)
		printk("%sprintk level marker %u\n", levels[i], i);
	n = log_buf_copy(tail, sizeof(tail) - 1);
	tail[n] = '\0';
	for (unsigned int i = 0; i < ARRAY_SIZE(levels); i++) {
		snprintf(marker, sizeof(marker), "] printk level marker %u\n",
			 i);
		if (!strstr(tail, marker))
			ktest_fail(__FILE__, __LINE__, "level %u is not in "
				   "the log ring", i);
	}
}
