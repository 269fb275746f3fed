// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/cmdline_fuzz.c - the command line (kernel/params.c,
 * lib/cmdline.c) under libFuzzer: any bytes, as the line the boot loader
 * passes.
 *
 * The input, cut at its first NUL, goes through parse_early_param() and
 * parse_kernel_cmdline() in the order start_kernel() calls them, with a
 * __setup() table (tests/fuzz/host/setup_table.h) of the kernel's option
 * names whose handlers parse their values as the kernel's do: kstrtoul()
 * in base 10 and 0, kstrtol(), memparse(), a string, a path kept after
 * parsing (init=), one bare word.  Checked:
 * - every value handed to a handler is a NUL-terminated string inside
 *   the working copy, boot_command_line; the kept path still is one, and
 *   begins with '/', when parsing is over;
 * - saved_command_line is the input, cut to COMMAND_LINE_SIZE - 1 bytes,
 *   with one warning exactly when it was cut;
 * - kstrtoul(), kstrtol() and memparse() agree with the host C library's
 *   strtoull() (tests/fuzz/host/host.c) on every value: the same verdict
 *   and the same number, -ERANGE past the type, no sign after a '-', a
 *   size too large for 64 bits refused like one whose digits overflow;
 * - a tab, newline or carriage return is a blank like a space: the line
 *   with each made a space calls the same handlers with the same values
 *   and prints the same messages, blanks aside (fuzz_transcript()).
 * Built with libFuzzer by `make fuzz`, and with gcc and
 * tests/fuzz/replay.c for `make test` (docs/testing.md).
 */
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <string.h>
#include "host/fuzz.h"

static const char *kept_path;		/* init=, as kernel/main.c keeps it */

/* A value from next_arg(): a string inside the working copy. */
static void check_value(const char *val)
{
	const char *end = boot_command_line + COMMAND_LINE_SIZE;

	FUZZ_ASSERT(val >= boot_command_line && val < end);
	FUZZ_ASSERT(strnlen(val, end - val) < (size_t)(end - val));
	fuzz_transcript_add("value \"%s\"\n", val);
}

/* Return: *@s's verdict and value as strtoull() sees them, +'\n' allowed. */
static int ref_unsigned(const char *s, unsigned int base,
			unsigned long long *v)
{
	const char *end;
	int err = fuzz_strtoull(s, base, v, &end);

	if (err)
		return err;
	if (*end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	return *v > ~0UL ? -ERANGE : 0;
}

static unsigned long check_kstrtoul(const char *s, unsigned int base,
				    int *err)
{
	unsigned long got = 0;
	unsigned long long want;
	int ref = ref_unsigned(*s == '+' ? s + 1 : s, base, &want);

	*err = kstrtoul(s, base, &got);
	FUZZ_ASSERT(*err == ref);
	FUZZ_ASSERT(*err || got == want);
	return got;
}

static long check_kstrtol(const char *s, unsigned int base, int *err)
{
	bool negative = *s == '-';
	long got = 0;
	unsigned long long want;
	/* One sign at most: "-+5" is no number (strtol, Linux's kstrtol). */
	int ref = ref_unsigned(negative ? s + 1 : *s == '+' ? s + 1 : s,
			       base, &want);

	if (!ref && want > (negative ? (~0UL >> 1) + 1 : ~0UL >> 1))
		ref = -ERANGE;
	*err = kstrtol(s, base, &got);
	FUZZ_ASSERT(*err == ref);
	FUZZ_ASSERT(*err || (negative ? 0UL - (unsigned long)got :
			     (unsigned long)got) == want);
	return got;
}

static unsigned long long check_memparse(char *s, char **end)
{
	unsigned long long got = memparse(s, end), want;
	const char *want_end;
	int shift = 0;

	if (fuzz_strtoull(s, 0, &want, &want_end)) {
		want = 0;
		want_end = s;
	} else {
		switch (*want_end) {
		case 'G': case 'g':
			shift += 10;
			/* fall through */
		case 'M': case 'm':
			shift += 10;
			/* fall through */
		case 'K': case 'k':
			shift += 10;
			want_end++;
		}
		if (want > ~0ULL >> shift) {
			/* Too large: as if the digits had overflowed. */
			want = 0;
			want_end = s;
		}
		want <<= shift;
	}
	FUZZ_ASSERT(got == want && *end == want_end);
	return got;
}

/* loglevel=, ktest_timeout=: decimal. */
static int decimal_setup(char *val)
{
	int err;
	unsigned long v;

	check_value(val);
	v = check_kstrtoul(val, 10, &err);
	return err || v > 8 ? -EINVAL : 0;
}

/* kswapd_interval=, dirty_background_ratio=: C prefixes. */
static int number_setup(char *val)
{
	int err;

	check_value(val);
	check_kstrtoul(val, 0, &err);
	return err;
}

/* ata_bad_sector=: signed. */
static int signed_setup(char *val)
{
	int err;
	long v;

	check_value(val);
	v = check_kstrtol(val, 0, &err);
	return err || v < 0 ? -EINVAL : 0;
}

/* mem=, trace_buf_size=: a size with K, M or G. */
static int size_setup(char *val)
{
	char *end;
	unsigned long long size;

	check_value(val);
	size = check_memparse(val, &end);
	return end == val || *end || size < 4096 ? -EINVAL : 0;
}

/* ktest=, trace=, bench=: a word. */
static int string_setup(char *val)
{
	check_value(val);
	return *val ? 0 : -EINVAL;
}

/* init=: an absolute path, kept after parsing. */
static int path_setup(char *val)
{
	check_value(val);
	if (val[0] != '/')
		return -EINVAL;
	kept_path = val;
	return 0;
}

/* A bare word (no '='), as Linux's "quiet". */
static int word_setup(char *val)
{
	FUZZ_ASSERT(!val);
	fuzz_transcript_add("bare word\n");
	return 0;
}

const struct obs_kernel_param fuzz_setup_table[] = {
	{ "loglevel=", decimal_setup, true },
	{ "ktest_timeout=", decimal_setup, false },
	{ "kswapd_interval=", number_setup, false },
	{ "dirty_background_ratio=", number_setup, false },
	{ "ata_bad_sector=", signed_setup, false },
	{ "mem=", size_setup, false },
	{ "trace_buf_size=", size_setup, false },
	{ "ktest=", string_setup, false },
	{ "trace=", string_setup, false },
	{ "init=", path_setup, false },
	{ "quiet", word_setup, false },
};
const int fuzz_setup_count = ARRAY_SIZE(fuzz_setup_table);

static bool is_blank(char c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

/* The blanks next_arg() splits words at, besides ' ': made ' '. */
static bool blanks_to_spaces(char *s)
{
	bool any = false;

	for (; *s; s++) {
		if (is_blank(*s)) {
			*s = ' ';
			any = true;
		}
	}
	return any;
}

/* Boot with @cmdline (@len bytes): what start_kernel() does, checked. */
static void parse(const char *cmdline, size_t len, char *transcript,
		  size_t size)
{
	kept_path = NULL;
	fuzz_printk_reset("Kernel command line longer than");
	fuzz_transcript(transcript, size);

	parse_early_param(cmdline);
	parse_kernel_cmdline(cmdline);

	fuzz_transcript(NULL, 0);
	FUZZ_ASSERT(!strncmp(saved_command_line, cmdline,
			     COMMAND_LINE_SIZE - 1));
	FUZZ_ASSERT(strlen(saved_command_line) ==
		    min(len, (size_t)COMMAND_LINE_SIZE - 1));
	FUZZ_ASSERT(fuzz_printk_watched() == (len >= COMMAND_LINE_SIZE));
	if (kept_path) {
		check_value(kept_path);
		FUZZ_ASSERT(kept_path[0] == '/');
	}
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static char transcript[2][65536];
	char *cmdline = malloc(size + 1);
	size_t len;

	FUZZ_ASSERT(cmdline);
	memcpy(cmdline, data, size);
	cmdline[size] = '\0';
	len = strlen(cmdline);
	parse(cmdline, len, transcript[0], sizeof(transcript[0]));

	/*
	 * A tab, a newline or a carriage return separates words as a
	 * space does: with all of them made spaces, the same options reach
	 * the same handlers and the same messages are printed (blanks
	 * made spaces in them too).
	 */
	if (blanks_to_spaces(cmdline)) {
		parse(cmdline, len, transcript[1], sizeof(transcript[1]));
		blanks_to_spaces(transcript[0]);
		blanks_to_spaces(transcript[1]);
		if (strcmp(transcript[0], transcript[1]))
			fuzz_fail("blanks are not spaces:\n%s---\n%s",
				  transcript[0], transcript[1]);
	}
	free(cmdline);
	return 0;
}
