// SPDX-License-Identifier: GPL-2.0
/*
 * user/hello.c - /bin/hello: the smallest program that shows an execve
 * worked.
 *
 * Linux 2.6: any hello world; on Linux it needs crt1.o and glibc, here
 * user/lib/crt0.asm and the tiny libc.  Prints one line with its pid and
 * its arguments, then returns 0 through crt0's call to exit().
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	printf("hello, world from pid %d", getpid());
	for (int i = 1; i < argc; i++)
		printf(" %s", argv[i]);
	printf("\n");
	return 0;
}
