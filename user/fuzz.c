// SPDX-License-Identifier: GPL-2.0
/*
 * user/fuzz.c - /bin/fuzz: make many system calls with random numbers
 * and arguments, and see the kernel survive them.
 *
 * Linux 2.6: no counterpart in the tree; trinity and syzkaller are the
 * Linux fuzzers (far smarter about arguments).  Numbers are drawn from
 * 0..MAX_NR, so most are invalid (ENOSYS) and the real ones each get a
 * few hundred tries; arguments mix any 32-bit value, small integers
 * (descriptors, counts, flags), pointers into our own buffer and kernel
 * addresses, so both the "bad pointer" and the "valid pointer, odd
 * length" paths of every call run.  The random source is xorshift32 from
 * a fixed seed and never depends on results: the same seed makes the
 * same calls, and `fuzz -n COUNT SEED` lists them without making them,
 * to find the one that broke the kernel.
 *
 * The calls run in a child with fds 0-2 closed, so none of them can
 * block on or write to the console; the parent reports.  Calls that
 * would end, replace or stall the fuzzer, or change the machine, are
 * skipped (must_skip()).  usertests runs this program and checks that
 * the free-page count is the same before and after.
 */
#include <errno.h>
#include <fcntl.h>
#include <kt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_CALLS	100000
#define DEFAULT_SEED	0x6b743236	/* "kt26" */
#define MAX_NR		450		/* numbers drawn from 0..MAX_NR */
#define NR_ARGS		5		/* ebx ecx edx esi edi */
#define KERNEL_BASE	0xC0000000UL	/* PAGE_OFFSET: the kernel's half */
/* syslog(2) type that waits for new log messages (Linux's numbering). */
#define SYSLOG_ACTION_READ	2

/* What pointer arguments point into; page aligned, filled at random. */
static unsigned char buffer[4 * 4096] __attribute__((aligned(4096)));

static uint32_t xorshift32(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static long random_arg(uint32_t *state)
{
	uint32_t kind = xorshift32(state) % 4;
	uint32_t r = xorshift32(state);

	switch (kind) {
	case 0:
		return (long)r;				/* anything */
	case 1:
		return (long)(r % 18) - 1;		/* -1 .. 16 */
	case 2:
		return (long)(buffer + r % sizeof(buffer));
	default:
		return (long)(KERNEL_BASE + r % (0 - KERNEL_BASE));
	}
}

/*
 * Calls the fuzzer must not make: they would end or replace it (exit,
 * execve), multiply it (fork), hit other processes or the machine (kill,
 * reboot), sleep for a random time (nanosleep, a blocking syslog read),
 * or do slow work on purpose (kt_pressure, kt_trace's dump to the
 * console).  open with O_CREAT is skipped because a file it managed to
 * create would rightly keep its pages, and usertests compares the free
 * pages before and after.
 */
static int must_skip(long nr, const long *args)
{
	switch (nr) {
	case __NR_exit:
	case __NR_fork:
	case __NR_execve:
	case __NR_kill:
	case __NR_reboot:
	case __NR_nanosleep:
	case __NR_kt_pressure:
	case __NR_kt_trace:
		return 1;
	case __NR_syslog:
		return args[0] == SYSLOG_ACTION_READ;
	case __NR_open:
		return (args[1] & O_CREAT) != 0;
	default:
		return 0;
	}
}

/*
 * Draws calls until @count have been made (or, with @dry_run, printed).
 * Only local state: a call that writes into our memory cannot derail it.
 */
static void fuzz(unsigned long count, uint32_t seed, int dry_run)
{
	uint32_t state = seed;

	for (size_t i = 0; i < sizeof(buffer); i++)
		buffer[i] = xorshift32(&state);

	for (unsigned long made = 0; made < count;) {
		long nr = xorshift32(&state) % (MAX_NR + 1);
		long args[NR_ARGS];

		for (int i = 0; i < NR_ARGS; i++)
			args[i] = random_arg(&state);
		if (must_skip(nr, args))
			continue;
		made++;
		if (dry_run)
			printf("fuzz: %lu: syscall(%ld, %#lx, %#lx, %#lx, "
			       "%#lx, %#lx)\n", made, nr, args[0], args[1],
			       args[2], args[3], args[4]);
		else
			raw_syscall(nr, args[0], args[1], args[2], args[3],
				    args[4]);
	}
}

/* Runs the calls in a child without a console; 0 if it survived. */
static int fuzz_in_child(unsigned long count, uint32_t seed)
{
	int status;
	pid_t pid = fork();

	if (pid < 0) {
		dprintf(STDERR_FILENO, "fuzz: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(STDIN_FILENO);
		close(STDOUT_FILENO);
		close(STDERR_FILENO);
		fuzz(count, seed, 0);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) < 0) {
		dprintf(STDERR_FILENO, "fuzz: waitpid: %s\n", strerror(errno));
		return -1;
	}
	if (WIFSIGNALED(status)) {
		const char *name = signal_name(WTERMSIG(status));

		dprintf(STDERR_FILENO, "fuzz: the fuzzing child was killed by "
			"signal %d (%s); `fuzz -n %lu %#x` lists its calls\n",
			WTERMSIG(status), name ? name : "unknown", count, seed);
		return -1;
	}
	if (WEXITSTATUS(status)) {
		dprintf(STDERR_FILENO, "fuzz: the fuzzing child exited with "
			"status %d\n", WEXITSTATUS(status));
		return -1;
	}
	return 0;
}

static int usage(void)
{
	dprintf(STDERR_FILENO, "usage: fuzz [-n] [COUNT [SEED]]\n"
		"  -n  print the calls instead of making them\n");
	return 2;
}

/* A whole word as a number (decimal, or 0x hex), or -1. */
static int parse_number(const char *word, unsigned long *value)
{
	char *end;

	errno = 0;
	*value = strtoul(word, &end, 0);
	return (end == word || *end || errno || *word == '-') ? -1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long count = DEFAULT_CALLS, seed = DEFAULT_SEED;
	int dry_run = 0, arg = 1;

	if (arg < argc && !strcmp(argv[arg], "-n")) {
		dry_run = 1;
		arg++;
	}
	if (arg < argc && parse_number(argv[arg++], &count) < 0)
		return usage();
	/* xorshift32 stays at 0 forever from a zero state. */
	if (arg < argc && (parse_number(argv[arg++], &seed) < 0 || !seed))
		return usage();
	if (arg < argc)
		return usage();

	if (dry_run) {
		fuzz(count, seed, 1);
		return 0;
	}
	/*
	 * Random calls on another kernel (say, the Linux host, as root)
	 * could delete files or kill processes: refuse.
	 */
	if (!kt26_running()) {
		dprintf(STDERR_FILENO, "fuzz: refusing to run: this kernel "
			"is not kt26\n");
		return 2;
	}
	printf("fuzz: %lu calls, seed %#lx\n", count, seed);
	if (fuzz_in_child(count, seed) < 0)
		return 1;
	printf("fuzz: %lu calls made, seed %#lx\n", count, seed);
	return 0;
}
