// SPDX-License-Identifier: GPL-2.0
/*
 * user/dd.c - /bin/dd: copy blocks between files and devices, e.g. a
 * pattern onto /dev/hda and back.
 *
 * Linux 2.6: coreutils' dd, its operands if= of= bs= count= seek= skip=
 * only.  Each block is one read(2) of bs bytes and one write of what
 * came back, so on /dev/hda a run shows the block layer's requests one
 * by one; a short read (end of file, a pipe, a line from the console) is
 * a "partial record", counted after the '+' as GNU dd does.  seek= and
 * skip= count blocks and become lseek(2) calls.  of= is opened without
 * O_TRUNC (GNU's conv=notrunc): the bytes around what dd writes are left
 * as they were, which is what writing into a disk needs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_BS	512
#define FILE_MODE	0644	/* rw-r--r-- for a file that of= creates */

struct dd_options {
	const char *input;	/* NULL: standard input */
	const char *output;	/* NULL: standard output */
	unsigned long bs;	/* block size in bytes */
	long count;		/* blocks to copy, -1: until end of input */
	unsigned long seek;	/* blocks to skip in the output */
	unsigned long skip;	/* blocks to skip in the input */
};

/* What was copied, in GNU dd's terms. */
struct dd_stats {
	unsigned int full_in, partial_in;
	unsigned int full_out, partial_out;
	unsigned long long bytes;
};

static void __attribute__((noreturn)) usage(const char *problem,
					   const char *arg)
{
	dprintf(STDERR_FILENO, "dd: %s '%s'\n"
		"usage: dd [if=FILE] [of=FILE] [bs=N[k|M]] [count=N] "
		"[seek=N] [skip=N]\n", problem, arg);
	exit(1);
}

/* "4k" -> 4096: a whole number with an optional k/K (KiB) or M (MiB). */
static int parse_size(const char *text, unsigned long *value)
{
	unsigned long multiplier = 1;
	char *end;

	if (*text < '0' || *text > '9')
		return -1;
	errno = 0;
	*value = strtoul(text, &end, 10);
	if (errno)
		return -1;
	if (*end == 'k' || *end == 'K')
		multiplier = 1024, end++;
	else if (*end == 'M')
		multiplier = 1024 * 1024, end++;
	if (*end || *value > __LONG_MAX__ / multiplier)
		return -1;
	*value *= multiplier;
	return 0;
}

/* Does operand @arg, whose '=' is at @key_len, start with @key? */
static int is_key(const char *arg, size_t key_len, const char *key)
{
	return key_len == strlen(key) && !strncmp(arg, key, key_len);
}

static void parse_operand(struct dd_options *opt, const char *arg)
{
	const char *value = strchr(arg, '=');
	unsigned long number;
	size_t key_len;

	if (!value)
		usage("unrecognized operand", arg);
	key_len = value++ - arg;
	if (is_key(arg, key_len, "if")) {
		opt->input = value;
		return;
	}
	if (is_key(arg, key_len, "of")) {
		opt->output = value;
		return;
	}
	if (parse_size(value, &number) < 0 ||
	    (is_key(arg, key_len, "bs") && number == 0))
		usage("invalid number:", arg);
	if (is_key(arg, key_len, "bs"))
		opt->bs = number;
	else if (is_key(arg, key_len, "count"))
		opt->count = number;
	else if (is_key(arg, key_len, "seek"))
		opt->seek = number;
	else if (is_key(arg, key_len, "skip"))
		opt->skip = number;
	else
		usage("unrecognized operand", arg);
}

static int open_file(const char *name, int flags, int fallback)
{
	int fd;

	if (!name)
		return fallback;
	fd = open(name, flags, FILE_MODE);
	if (fd < 0) {
		dprintf(STDERR_FILENO, "dd: failed to open '%s': %s\n", name,
			strerror(errno));
		exit(1);
	}
	return fd;
}

/* Moves @fd @blocks blocks of @bs bytes forward, as seek= and skip= do. */
static void skip_blocks(int fd, const char *name, unsigned long blocks,
			unsigned long bs)
{
	if (!blocks)
		return;
	/* off_t is 32 bits here: refuse what lseek cannot express. */
	if (blocks > (unsigned long)__LONG_MAX__ / bs) {
		dprintf(STDERR_FILENO, "dd: %s: offset too large\n", name);
		exit(1);
	}
	if (lseek(fd, blocks * bs, SEEK_SET) < 0) {
		dprintf(STDERR_FILENO, "dd: %s: cannot seek: %s\n", name,
			strerror(errno));
		exit(1);
	}
}

static int write_block(int fd, const char *buf, size_t len)
{
	for (size_t done = 0; done < len;) {
		ssize_t n = write(fd, buf + done, len - done);

		if (n <= 0)
			return -1;
		done += n;
	}
	return 0;
}

/* The copy loop; returns 0, or -1 after printing what failed. */
static int copy(const struct dd_options *opt, int in, int out, char *buf,
		struct dd_stats *stats)
{
	for (long block = 0; opt->count < 0 || block < opt->count; block++) {
		ssize_t n = read(in, buf, opt->bs);

		if (n < 0) {
			dprintf(STDERR_FILENO, "dd: error reading '%s': %s\n",
				opt->input ? opt->input : "standard input",
				strerror(errno));
			return -1;
		}
		if (n == 0)
			break;
		if ((size_t)n == opt->bs)
			stats->full_in++;
		else
			stats->partial_in++;
		if (write_block(out, buf, n) < 0) {
			dprintf(STDERR_FILENO, "dd: error writing '%s': %s\n",
				opt->output ? opt->output : "standard output",
				strerror(errno));
			return -1;
		}
		if ((size_t)n == opt->bs)
			stats->full_out++;
		else
			stats->partial_out++;
		stats->bytes += n;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct dd_options opt = { NULL, NULL, DEFAULT_BS, -1, 0, 0 };
	struct dd_stats stats = { 0 };
	int in, out, ret;
	char *buf;

	for (int i = 1; i < argc; i++)
		parse_operand(&opt, argv[i]);

	buf = malloc(opt.bs);
	if (!buf) {
		dprintf(STDERR_FILENO, "dd: cannot allocate %lu bytes\n",
			opt.bs);
		return 1;
	}
	in = open_file(opt.input, O_RDONLY, STDIN_FILENO);
	out = open_file(opt.output, O_WRONLY | O_CREAT, STDOUT_FILENO);
	skip_blocks(in, opt.input ? opt.input : "standard input", opt.skip,
		    opt.bs);
	skip_blocks(out, opt.output ? opt.output : "standard output",
		    opt.seek, opt.bs);

	ret = copy(&opt, in, out, buf, &stats);
	dprintf(STDERR_FILENO, "%u+%u records in\n%u+%u records out\n"
		"%llu bytes copied\n", stats.full_in, stats.partial_in,
		stats.full_out, stats.partial_out, stats.bytes);
	return ret ? 1 : 0;
}
