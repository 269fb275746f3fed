// SPDX-License-Identifier: GPL-2.0
/*
 * user/head.c - /bin/head: the first lines of files.
 *
 * Linux 2.6: coreutils' head, with -n only.  It copies blocks until it
 * has seen N newlines and stops reading there: in a pipeline
 * (`dmesg | head`) the writer then finds no reader, and ends.  Several
 * files get a "==> name <==" header each.
 *
 *	head [-n N | -N] [FILE...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
	dprintf(STDERR_FILENO, "usage: head [-n N | -N] [FILE...]\n");
	exit(1);
}

static int write_all(const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(STDOUT_FILENO, buf, len);

		if (n <= 0)
			return -1;
		buf += n;
		len -= n;
	}
	return 0;
}

/* Copies the first @lines lines of @fd; 0, or -1 (errno) on error. */
static int head(int fd, unsigned long lines)
{
	static char buf[4096];
	ssize_t n = 0;

	while (lines && (n = read(fd, buf, sizeof(buf))) > 0) {
		ssize_t len = 0;

		while (len < n && lines)
			if (buf[len++] == '\n')
				lines--;
		if (write_all(buf, len) < 0)
			return -1;
	}
	return lines && n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long lines = 10;
	int status = 0, opt;
	char *end;

	/* The old form that scripts still use: -N is -n N. */
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' &&
	    argv[1][1] <= '9') {
		lines = strtoul(argv[1] + 1, &end, 10);
		if (*end)
			usage();
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((opt = getopt(argc, argv, "n:")) != -1) {
		if (opt != 'n')
			usage();
		errno = 0;
		lines = strtoul(optarg, &end, 10);
		if (end == optarg || *end || errno || optarg[0] == '-') {
			dprintf(STDERR_FILENO, "head: invalid number of "
				"lines: '%s'\n", optarg);
			return 1;
		}
	}
	if (optind == argc) {
		if (head(STDIN_FILENO, lines) < 0) {
			dprintf(STDERR_FILENO, "head: -: %s\n",
				strerror(errno));
			return 1;
		}
		return 0;
	}
	for (int i = optind; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);

		if (fd < 0) {
			dprintf(STDERR_FILENO, "head: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
			continue;
		}
		if (argc - optind > 1)
			printf("%s==> %s <==\n", i > optind ? "\n" : "",
			       argv[i]);
		if (head(fd, lines) < 0) {
			dprintf(STDERR_FILENO, "head: %s: %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
		close(fd);
	}
	return status;
}
