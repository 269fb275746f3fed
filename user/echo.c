// SPDX-License-Identifier: GPL-2.0
/*
 * user/echo.c - /bin/echo: print the arguments, separated by spaces.
 *
 * Linux 2.6: coreutils' echo, without options.  The shell has no echo
 * built-in: `echo a b` runs this program, which shows that execve
 * carried argv from one program to the next intact.  A write that fails
 * (`echo 99999 > /proc/sys/...` out of bounds: EINVAL) is reported and
 * the status is 1, as coreutils' "echo: write error".  The line goes out
 * in one write(), as the sysctl files of /proc want it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define LINE_MAX	4096

int main(int argc, char **argv)
{
	static char line[LINE_MAX];
	size_t len = 0;

	for (int i = 1; i < argc; i++) {
		/* Room for this argument and the newline, or too long. */
		int n = snprintf(line + len, sizeof(line) - len, "%s%s",
				 argv[i], i + 1 < argc ? " " : "");

		if (n < 0 || (size_t)n + 1 >= sizeof(line) - len) {
			dprintf(STDERR_FILENO, "echo: line too long\n");
			return 1;
		}
		len += n;
	}
	line[len++] = '\n';
	if (write(STDOUT_FILENO, line, len) != (ssize_t)len) {
		dprintf(STDERR_FILENO, "echo: write error: %s\n",
			strerror(errno));
		return 1;
	}
	return 0;
}
