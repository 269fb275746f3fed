// SPDX-License-Identifier: GPL-2.0
/*
 * tests/user/glibc_test.c - /bin/glibc-test: a program of the host's C
 * library (glibc), linked statically for i386, that kt26 runs unchanged.
 *
 * Linux 2.6: no counterpart; it is what any Linux distribution's
 * programs look like to the kernel.  Unlike user/, which has its own
 * small C library, this is built by the host's `gcc -m32 -static` (the
 * Makefile's GLIBC_TEST) and so leans on everything glibc expects of a
 * Linux kernel at start-up and after: the auxiliary vector (AT_PHDR to
 * find its TLS segment, AT_RANDOM for its canaries), set_thread_area()
 * and %gs for thread-local storage, brk() and mmap2() for malloc (blocks
 * of 128 KiB and more are mmap()ed and munmap()ed), and clone() for
 * fork.  Each part prints one line; tests/system/test_abi.py reads them.
 * The output is the same on a Linux host, where the test runs it first.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MOTD		"/etc/motd"
#define BLOCKS		200
#define CHILD_EXIT	7

static __thread int tls_counter = 3;		/* .tdata: starts at 3 */
static __thread char tls_name[16];		/* .tbss: starts empty */

/* TLS: initial values from the program's PT_TLS, and writes that stay. */
static int check_tls(void)
{
	if (tls_counter != 3 || tls_name[0])
		return printf("glibc-test: tls FAILED: initial %d '%s'\n",
			      tls_counter, tls_name), 1;
	tls_counter += 39;
	strcpy(tls_name, "parent");
	errno = 0;
	printf("glibc-test: tls ok: counter %d, name %s\n", tls_counter,
	       tls_name);
	return 0;
}

/* Sizes from 1 byte to 256 KiB: brk() for the small, mmap2() for big. */
static int check_malloc(void)
{
	static unsigned char *blocks[BLOCKS];
	static size_t sizes[BLOCKS];

	for (int i = 0; i < BLOCKS; i++) {
		sizes[i] = i % 10 == 9 ? (size_t)(i + 1) * 1311 :
			   (size_t)1 << (i % 19);
		blocks[i] = malloc(sizes[i]);
		if (!blocks[i])
			return printf("glibc-test: malloc FAILED at %zu\n",
				      sizes[i]), 1;
		memset(blocks[i], i & 0xff, sizes[i]);
	}
	for (int i = 0; i < BLOCKS; i += 2)
		free(blocks[i]);
	for (int i = 1; i < BLOCKS; i += 2) {
		for (size_t j = 0; j < sizes[i]; j += 4093)
			if (blocks[i][j] != (i & 0xff))
				return printf("glibc-test: malloc FAILED: "
					      "block %d changed\n", i), 1;
		free(blocks[i]);
	}
	printf("glibc-test: malloc ok: %d blocks, 1 to %d bytes\n", BLOCKS,
	       1 << 18);
	return 0;
}

static int check_stdio(void)
{
	char line[128];
	FILE *f = fopen(MOTD, "r");

	if (!f)
		return printf("glibc-test: stdio FAILED: %s: %s\n", MOTD,
			      strerror(errno)), 1;
	if (!fgets(line, sizeof(line), f)) {
		fclose(f);
		return printf("glibc-test: stdio FAILED: empty %s\n", MOTD), 1;
	}
	fclose(f);
	line[strcspn(line, "\n")] = '\0';
	printf("glibc-test: motd: %s\n", line);
	return 0;
}

/* The child has the parent's TLS values (copied) and changes its own. */
static int check_fork(void)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return printf("glibc-test: fork FAILED: %s\n",
			      strerror(errno)), 1;
	if (pid == 0) {
		int ok = tls_counter == 42 && !strcmp(tls_name, "parent") &&
			 getpid() != getppid();

		strcpy(tls_name, "child");
		_exit(ok ? CHILD_EXIT : 1);
	}
	if (waitpid(pid, &status, 0) != pid)
		return printf("glibc-test: waitpid FAILED: %s\n",
			      strerror(errno)), 1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != CHILD_EXIT ||
	    strcmp(tls_name, "parent"))
		return printf("glibc-test: fork FAILED: status %#x, name %s\n",
			      status, tls_name), 1;
	printf("glibc-test: fork ok: child exited %d, parent's tls kept\n",
	       CHILD_EXIT);
	return 0;
}

int main(void)
{
	int failed = check_tls() + check_malloc() + check_stdio() +
		     check_fork();

	printf("glibc-test: %s\n", failed ? "FAILED" : "all ok");
	return failed ? 1 : 0;
}
