// SPDX-License-Identifier: GPL-2.0
/*
 * user/echo.c - /bin/echo: print the arguments, separated by spaces.
 *
 * Linux 2.6: coreutils' echo, without options.  The shell has an echo
 * built-in too; this program is what `/bin/echo a b` runs, so it shows
 * that execve carried argv from one program to the next intact.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	printf("\n");
	return 0;
}
