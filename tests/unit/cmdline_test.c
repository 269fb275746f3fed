// SPDX-License-Identifier: GPL-2.0
/*
 * tests/unit/cmdline_test.c - lib/cmdline.c: splitting the command line,
 * dispatching options, reading numbers and sizes.
 */
#include <errno.h>
#include <init.h>
#include <string.h>
#include "unit.h"

static int seen_count;
static char seen_value[64];

static int value_setup(char *val)
{
	seen_count++;
	strcpy(seen_value, val);
	return strcmp(val, "bad") ? 0 : -EINVAL;
}

static int flag_setup(char *val)
{
	seen_count++;
	return val == NULL ? 0 : -EINVAL;
}

static const struct obs_kernel_param params[] = {
	{ .str = "value=", .setup_func = value_setup },
	{ .str = "flag", .setup_func = flag_setup },
};

#define PARSE(p, v) parse_one(p, v, params, params + 2)

UNIT_TEST(next_arg_splits_words)
{
	char line[] = "a=1 b  c=\"x y\" \"d=e f\" last";
	char *args = line, *param, *val;

	args = next_arg(args, &param, &val);
	CHECK_STR(param, "a");
	CHECK_STR(val, "1");
	args = next_arg(args, &param, &val);
	CHECK_STR(param, "b");
	CHECK(val == NULL);
	args = next_arg(args, &param, &val);
	CHECK_STR(param, "c");
	CHECK_STR(val, "x y");
	args = next_arg(args, &param, &val);
	CHECK_STR(param, "d");
	CHECK_STR(val, "e f");
	args = next_arg(args, &param, &val);
	CHECK_STR(param, "last");
	CHECK(*args == '\0');
}

UNIT_TEST(next_arg_odd_input)
{
	char line[] = "=v k= \"unterminated";
	char *args = line, *param, *val;

	args = next_arg(args, &param, &val);
	CHECK_STR(param, "");
	CHECK_STR(val, "v");
	args = next_arg(args, &param, &val);
	CHECK_STR(param, "k");
	CHECK_STR(val, "");
	args = next_arg(args, &param, &val);
	CHECK_STR(param, "unterminated");
	CHECK(*args == '\0');
}

UNIT_TEST(parse_one_dispatch)
{
	char v1[] = "hello", v2[] = "bad";

	seen_count = 0;
	CHECK_EQ(PARSE("value", v1), PARAM_OK);
	CHECK_STR(seen_value, "hello");
	CHECK_EQ(PARSE("value", v2), PARAM_INVALID);
	CHECK_EQ(PARSE("flag", NULL), PARAM_OK);
	CHECK_EQ(seen_count, 3);
	/* A bare word never matches "name=" and a value never matches "name". */
	CHECK_EQ(PARSE("value", NULL), PARAM_UNKNOWN);
	CHECK_EQ(PARSE("flag", v1), PARAM_UNKNOWN);
	CHECK_EQ(PARSE("valu", v1), PARAM_UNKNOWN);
	CHECK_EQ(PARSE("values", v1), PARAM_UNKNOWN);
	CHECK_EQ(seen_count, 3);
}

UNIT_TEST(kstrtoul_strict)
{
	unsigned long v = 99;
	long s;

	CHECK_EQ(kstrtoul("123", 10, &v), 0);
	CHECK_EQ(v, 123);
	CHECK_EQ(kstrtoul("0x1f", 0, &v), 0);
	CHECK_EQ(v, 31);
	CHECK_EQ(kstrtoul("017", 0, &v), 0);
	CHECK_EQ(v, 15);
	CHECK_EQ(kstrtoul("0", 0, &v), 0);
	CHECK_EQ(v, 0);
	CHECK_EQ(kstrtoul("42\n", 10, &v), 0);
	CHECK_EQ(kstrtoul("", 10, &v), -EINVAL);
	CHECK_EQ(kstrtoul("12abc", 10, &v), -EINVAL);
	CHECK_EQ(kstrtoul("abc", 10, &v), -EINVAL);
	CHECK_EQ(kstrtoul("-1", 10, &v), -EINVAL);
	CHECK_EQ(kstrtoul("99999999999999999999999", 10, &v), -ERANGE);
	CHECK_EQ(kstrtoul(NULL, 10, &v), -EINVAL);
	CHECK_EQ(kstrtol("-5", 10, &s), 0);
	CHECK_EQ(s, -5);
	CHECK_EQ(kstrtol("+7", 10, &s), 0);
	CHECK_EQ(s, 7);
	CHECK_EQ(kstrtol("-+5", 10, &s), -EINVAL);
	CHECK_EQ(kstrtol("+-5", 10, &s), -EINVAL);
	CHECK_EQ(kstrtol("--5", 10, &s), -EINVAL);
	CHECK_EQ(s, 7);
}

UNIT_TEST(memparse_suffixes)
{
	char *end;

	CHECK_EQ(memparse("64M", &end), 64ULL << 20);
	CHECK_EQ(*end, '\0');
	CHECK_EQ(memparse("512k", &end), 512ULL << 10);
	CHECK_EQ(memparse("1G", &end), 1ULL << 30);
	CHECK_EQ(memparse("4096", &end), 4096);
	CHECK_EQ(memparse("0x1000", &end), 4096);
	CHECK_EQ(memparse("12X", &end), 12);
	CHECK_EQ(*end, 'X');
	CHECK_EQ(memparse("abc", &end), 0);
	CHECK_STR(end, "abc");
}

UNIT_TEST(memparse_refuses_overflow)
{
	char *end;

	/* The largest size in MiB, then one more; no wrap-around to 64M. */
	CHECK_EQ(memparse("0xfffffffffffM", &end), 0xfffffffffffULL << 20);
	CHECK_EQ(*end, '\0');
	CHECK_EQ(memparse("0x100000000000M", &end), 0);
	CHECK_STR(end, "0x100000000000M");
	CHECK_EQ(memparse("0x1000000000040M", &end), 0);
	CHECK_STR(end, "0x1000000000040M");
	CHECK_EQ(memparse("17179869184G", &end), 0);
	CHECK_STR(end, "17179869184G");
	CHECK_EQ(memparse("99999999999999999999999", &end), 0);
	CHECK_STR(end, "99999999999999999999999");
}
