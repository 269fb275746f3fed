// SPDX-License-Identifier: GPL-2.0
/*
 * user/cat.c - /bin/cat: copy files (or standard input) to standard
 * output.
 *
 * Linux 2.6: coreutils' cat, without options.  A plain read/write loop
 * through one buffer: each read(2) goes through the kernel's file layer
 * (the initramfs, the disk's page cache, or the console's line
 * discipline for stdin).  "-" means standard input, as usual.  An error
 * on one file is reported and the others are still copied; the exit
 * status says whether all went well.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

/* Copies @fd to stdout; @name is only for messages.  0 or -1. */
static int copy(int fd, const char *name)
{
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(STDOUT_FILENO, buf + done, n - done);

			if (w < 0) {
				dprintf(STDERR_FILENO, "cat: write error: %s\n",
					strerror(errno));
				return -1;
			}
			done += w;
		}
	}
	if (n < 0) {
		dprintf(STDERR_FILENO, "cat: %s: %s\n", name, strerror(errno));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		return copy(STDIN_FILENO, "-") ? 1 : 0;
	for (int i = 1; i < argc; i++) {
		int fd;

		if (!strcmp(argv[i], "-")) {
			status |= copy(STDIN_FILENO, "-");
			continue;
		}
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			dprintf(STDERR_FILENO, "cat: %s: %s\n", argv[i],
				strerror(errno));
			status = -1;
			continue;
		}
		status |= copy(fd, argv[i]);
		close(fd);
	}
	return status ? 1 : 0;
}
