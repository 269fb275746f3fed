// SPDX-License-Identifier: GPL-2.0
/*
 * tests/fuzz/host/host.c - printk() for the fuzzed kernel files, and the
 * helpers of fuzz.h that need the host C library.
 *
 * Compiled against the host's headers rather than the kernel's, unlike
 * the rest of tests/fuzz/host/ (stubs.c has the kernel-side stand-ins).
 * kernel_vsnprintf is lib/vsprintf.c under its host name
 * (tests/unit/host-renames.txt).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel_lib.h"

#define PRINTK_LINE_MAX	1024		/* as kernel/printk.c */

void fuzz_fail(const char *fmt, ...) __attribute__((noreturn));
void fuzz_note(const char *fmt, ...);

static int printk_counts[8], printk_watched;
static const char *printk_watch;
static char printk_last[PRINTK_LINE_MAX];
static char *transcript;
static size_t transcript_size, transcript_len;

static void transcript_append(const char *fmt, va_list args)
{
	int n;

	if (!transcript || transcript_len >= transcript_size - 1)
		return;
	n = vsnprintf(transcript + transcript_len,
		      transcript_size - transcript_len, fmt, args);
	if (n > 0)
		transcript_len += n;
}

void fuzz_transcript(char *buf, size_t size)
{
	transcript = buf;
	transcript_size = size;
	transcript_len = 0;
	if (buf)
		buf[0] = '\0';
}

void fuzz_transcript_add(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	transcript_append(fmt, args);
	va_end(args);
}

/*
 * printk: formatted by the kernel's own vsnprintf (so a format that does
 * not match its arguments is caught here too), counted by level.
 */
int printk(const char *fmt, ...)
{
	char line[PRINTK_LINE_MAX];
	const char *text = line;
	int level = 4, len;	/* DEFAULT_MESSAGE_LOGLEVEL */
	va_list args;

	va_start(args, fmt);
	len = kernel_vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (line[0] == '<' && line[1] >= '0' && line[1] <= '7' &&
	    line[2] == '>') {
		level = line[1] - '0';
		text = line + 3;
	}
	printk_counts[level]++;
	fuzz_transcript_add("<%d>%s", level, text);
	if (printk_watch && !strncmp(text, printk_watch, strlen(printk_watch)))
		printk_watched++;
	snprintf(printk_last, sizeof(printk_last), "%s", text);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "printk: <%d>%s", level, text);
	return len;
}

void fuzz_printk_reset(const char *watch)
{
	memset(printk_counts, 0, sizeof(printk_counts));
	printk_watch = watch;
	printk_watched = 0;
	printk_last[0] = '\0';
}

int fuzz_printk_count(int level)
{
	return printk_counts[level];
}

int fuzz_printk_watched(void)
{
	return printk_watched;
}

const char *fuzz_printk_last(void)
{
	return printk_last;
}

void fuzz_fail(const char *fmt, ...)
{
	va_list args;

	fprintf(stderr, "fuzz: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
	abort();
}

void fuzz_note(const char *fmt, ...)
{
	va_list args;

	if (!getenv("FUZZ_VERBOSE"))
		return;
	fprintf(stderr, "fuzz: ");
	va_start(args, fmt);
	vfprintf(stderr, fmt, args);
	va_end(args);
	fprintf(stderr, "\n");
}

int fuzz_strtoull(const char *s, unsigned int base, unsigned long long *v,
		  const char **end)
{
	char *e;

	/* strtoull() would skip these; the kernel's parsers never do. */
	if (*s == ' ' || (*s >= '\t' && *s <= '\r') || *s == '+' ||
	    *s == '-')
		return -EINVAL;
	errno = 0;
	*v = strtoull(s, &e, base);
	if (e == s)
		return -EINVAL;
	if (errno == ERANGE)
		return -ERANGE;
	*end = e;
	return 0;
}
