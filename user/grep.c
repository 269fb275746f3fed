// SPDX-License-Identifier: GPL-2.0
/*
 * user/grep.c - /bin/grep: print the lines that match a pattern.
 *
 * Linux 2.6: GNU grep, a few of its options, and basic regular
 * expressions without \( \) and \{ \} (the matcher is user/grep_match.c:
 * . * ^ $ [...] [^...] and \ escapes; -F takes the pattern literally).
 * Input is read in blocks and cut into lines here; a line may be of any
 * length (the buffer grows).  Exit status as GNU grep's, which scripts
 * test: 0 if a line was selected, 1 if none, 2 on an error.
 *
 *	grep [-c] [-i] [-n] [-v] [-F] PATTERN [FILE...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "grep_match.h"

static struct regex re;
static bool count_only, number, invert;
static bool any_selected, any_error;

/* Reads @fd in blocks and hands out its lines. */
struct reader {
	int fd;
	char block[4096];
	size_t start, end;	/* what is left of the block */
	char *line;		/* the current line, room for a '\n' more */
	size_t room;
};

static void usage(void)
{
	dprintf(STDERR_FILENO,
		"usage: grep [-c] [-i] [-n] [-v] [-F] PATTERN [FILE...]\n");
	exit(2);
}

/* Appends @n bytes to the line being read, growing it. */
static int line_append(struct reader *r, size_t len, const char *s, size_t n)
{
	if (len + n + 1 > r->room) {
		size_t room = 2 * (len + n + 1);
		char *line = realloc(r->line, room);

		if (!line)
			return -1;
		r->line = line;
		r->room = room;
	}
	memcpy(r->line + len, s, n);
	return 0;
}

static char *find_newline(char *p, const char *end)
{
	for (; p < end; p++)
		if (*p == '\n')
			return p;
	return NULL;
}

/*
 * The next line into r->line, without its '\n'; the last one may lack
 * it.  Return: its length, -1 at the end, -2 on error (errno).
 */
static ssize_t next_line(struct reader *r)
{
	size_t len = 0;
	bool any = false;

	for (;;) {
		char *nl;
		size_t n;

		if (r->start == r->end) {
			ssize_t got = read(r->fd, r->block, sizeof(r->block));

			if (got < 0)
				return -2;
			if (got == 0)
				return any ? (ssize_t)len : -1;
			r->start = 0;
			r->end = got;
		}
		any = true;
		nl = find_newline(r->block + r->start, r->block + r->end);
		n = (nl ? nl - r->block : (ssize_t)r->end) - r->start;
		if (line_append(r, len, r->block + r->start, n) < 0) {
			errno = ENOMEM;
			return -2;
		}
		len += n;
		r->start += n + (nl ? 1 : 0);
		if (nl)
			return len;
	}
}

/* Searches @fd; @name prefixes each line when there are several files. */
static void grep(int fd, const char *label, const char *name)
{
	static struct reader r;
	unsigned long count = 0, lineno = 0;
	ssize_t len;

	r.fd = fd;
	r.start = r.end = 0;
	while ((len = next_line(&r)) >= 0) {
		lineno++;
		if (re_match(&re, r.line, len) == invert)
			continue;
		count++;
		if (count_only)
			continue;
		if (name)
			printf("%s:", name);
		if (number)
			printf("%lu:", lineno);
		/* The line with its '\n' in one write; it may hold NULs. */
		r.line[len] = '\n';
		write(STDOUT_FILENO, r.line, len + 1);
	}
	if (len == -2) {
		dprintf(STDERR_FILENO, "grep: %s: %s\n", label,
			strerror(errno));
		any_error = true;
	}
	if (count_only)
		printf("%s%s%lu\n", name ? name : "", name ? ":" : "", count);
	if (count)
		any_selected = true;
}

int main(int argc, char **argv)
{
	const char *error;
	int flags = 0, opt;

	while ((opt = getopt(argc, argv, "cinvF")) != -1) {
		switch (opt) {
		case 'c':
			count_only = true;
			break;
		case 'i':
			flags |= RE_ICASE;
			break;
		case 'n':
			number = true;
			break;
		case 'v':
			invert = true;
			break;
		case 'F':
			flags |= RE_FIXED;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	if (re_compile(&re, argv[optind++], flags, &error) < 0) {
		dprintf(STDERR_FILENO, "grep: %s\n", error);
		return 2;
	}
	if (optind == argc)
		grep(STDIN_FILENO, "(standard input)", NULL);
	for (int i = optind; i < argc; i++) {
		bool several = argc - optind > 1;
		int fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) :
			 STDIN_FILENO;

		if (fd < 0) {
			dprintf(STDERR_FILENO, "grep: %s: %s\n", argv[i],
				strerror(errno));
			any_error = true;
			continue;
		}
		grep(fd, argv[i], several ? argv[i] : NULL);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return any_error ? 2 : any_selected ? 0 : 1;
}
