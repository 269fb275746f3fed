// SPDX-License-Identifier: GPL-2.0
/*
 * user/fuzz.c - /bin/fuzz: make many system calls with random numbers
 * and arguments, and see the kernel survive them.
 *
 * Linux 2.6: no counterpart in the tree; trinity and syzkaller are the
 * Linux fuzzers (far smarter about arguments).  Numbers are drawn from
 * 0..MAX_NR, so most are invalid (ENOSYS) and the real ones each get a
 * few hundred tries; arguments mix any 32-bit value, small integers
 * (descriptors, counts, flags), pointers into our own buffer, the names
 * of real files, and kernel addresses, so both the "bad pointer" and the
 * "valid pointer, odd length" paths of every call run.  The random source
 * is xorshift32 from a fixed seed and never depends on results: the same
 * seed makes the same calls, and `fuzz -n COUNT SEED` lists them without
 * making them, to find the one that broke the kernel.
 *
 * The calls run in a child whose fds 0-2 are not the console but files
 * (open_fuzz_files(): two of the initramfs and, with -d, the disk), so
 * none of them can block on or write to the console, and which has
 * dropped root for user
 * and group FUZZ_UID (65534, "nobody"): the calls that act on the whole
 * machine or on other users' processes (reboot, kill, kt_pressure,
 * kt_trace, kt_drop_caches) are made for real and must be refused
 * (EPERM).  Only the calls that would end, replace, multiply or put to
 * sleep the fuzzer itself are skipped (must_skip()).  The parent stays
 * root, so the child cannot signal it either, and reports.  With several
 * seeds, each gets a child of its own, one after the other, and its time
 * is printed.  usertests runs this program and checks that the free-page
 * count is the same before and after; `make test-long` runs a million
 * calls for each of eight seeds (tests/long/test_long.py).
 */
#include <errno.h>
#include <fcntl.h>
#include <kt.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_CALLS	100000
#define DEFAULT_SEED	0x6b743236	/* "kt26" */
#define MAX_NR		510		/* numbers drawn from 0..MAX_NR */
#define MAX_SEEDS	16
#define FUZZ_UID	65534		/* the child's user and group: nobody */
#define NR_ARGS		5		/* ebx ecx edx esi edi */
#define KERNEL_BASE	0xC0000000UL	/* PAGE_OFFSET: the kernel's half */
#define MMAP_AREA	0x40000000UL	/* mmap2's addresses (mm/mmap.c) */
#define STACK_AREA	0xB0000000UL	/* below every stack */
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

/*
 * Paths a pointer argument may name, so that open() meets real files;
 * in .rodata, where a read() cannot overwrite them.  Not /dev/console:
 * a read from it sleeps until a line is typed.  /dev/hda only with -d.
 */
static const char *const paths[] = {
	"/etc/motd", "/bin/sh", "/sbin/init", "/test/badelf/kinds",
	"/test/badelf/valid", "/no/such/file", "", "/dev/hda",
};
static unsigned int nr_paths = sizeof(paths) / sizeof(paths[0]) - 1;

static long random_arg(uint32_t *state)
{
	uint32_t kind = xorshift32(state) % 5;
	uint32_t r = xorshift32(state);

	switch (kind) {
	case 0:
		return (long)r;				/* anything */
	case 1:
		return (long)(r % 18) - 1;		/* -1 .. 16 */
	case 2:
		return (long)(buffer + r % sizeof(buffer));
	case 3:
		return (long)paths[r % nr_paths];
	default:
		return (long)(KERNEL_BASE + r % (0 - KERNEL_BASE));
	}
}

/*
 * The descriptors read, write, lseek, dup2 and close work on: 0 and 1
 * are files of the initramfs, 2 the disk (-d, opened for writing: its
 * contents are lost) or nothing.  Opened as root before dropping it,
 * as a daemon does; 0-2 are free, so open() gives exactly these.
 * Return: 0, or -1 if one would not open.
 */
static int open_fuzz_files(int disk)
{
	if (open("/etc/motd", O_RDONLY) != 0 ||
	    open("/bin/fuzz", O_RDONLY) != 1)
		return -1;
	if (disk && open("/dev/hda", O_RDWR) != 2)
		return -1;
	return 0;
}

/*
 * Might [@addr, @addr + @len) reach the fuzzer's own memory?  Its
 * program (from 0x08048000), heap and stack (below KERNEL_BASE) lie
 * outside [MMAP_AREA, STACK_AREA), where only what mmap2 made lives; a
 * range that wraps around could reach anything.
 */
static int in_own_memory(long addr, long len)
{
	unsigned long start = addr, end = start + (unsigned long)len;

	if (start >= KERNEL_BASE)
		return 0;		/* refused: not a user address */
	return end < start || start < MMAP_AREA || end > STACK_AREA;
}

/*
 * Calls the fuzzer must not make, because they would act on the fuzzer
 * itself rather than test the kernel: end it (exit, exit_group), replace
 * it with another program (execve), multiply it (fork, vfork, clone:
 * each child would fuzz on, a fork bomb), or put it to sleep for a
 * random time (nanosleep, clock_nanosleep, and syslog's
 * SYSLOG_ACTION_READ, which in Linux sleeps until the log grows; pause
 * and sigsuspend, which sleep until a signal), and kill() where the
 * target could be the fuzzer: its own pid (@self; 0 in a dry run, which
 * cannot know it), 0 or below (a process group, or -1: every process it
 * may signal, itself included), and tkill/tgkill of itself; nor may it
 * set itself an alarm (alarm, setitimer: SIGALRM ends it) or return from
 * a signal frame it has not got (sigreturn, rt_sigreturn would load
 * random registers).  pipe() and pipe2() are skipped too: both ends of
 * the pipe would be the fuzzer's, so a read of it empty or a write to it
 * full would sleep forever, and a write after a close of the read end
 * kills the fuzzer with SIGPIPE (usertests and the pipe ktests test
 * pipes).  The calls that change the address space (munmap, mprotect,
 * mmap2 with MAP_FIXED) are made only where they cannot take away the
 * fuzzer's own code, data or stack (in_own_memory()); old mmap, whose
 * arguments are a struct in memory, not at all.  Every other call is
 * made, including reboot and kill of other processes: the child is not
 * root, and the kernel must refuse them.  prctl(PR_SET_NAME) is left out
 * too: the fuzzer would rename itself at random, in ps and in the
 * kernel's log.
 */
static int must_skip(long nr, const long *args, long self)
{
	switch (nr) {
	case __NR_exit:
	case __NR_exit_group:
	case __NR_fork:
	case __NR_vfork:
	case __NR_clone:
	case __NR_execve:
	case __NR_nanosleep:
	case __NR_pipe:
	case __NR_pipe2:
	case __NR_alarm:
	case __NR_pause:
	case __NR_sigsuspend:
	case __NR_setitimer:
	case __NR_sigreturn:
	case __NR_rt_sigreturn:
	case __NR_rt_sigsuspend:
	case __NR_clock_nanosleep:
	case __NR_clock_nanosleep_time64:
	case __NR_mmap:
		return 1;
	case __NR_munmap:
	case __NR_mprotect:
		return in_own_memory(args[0], args[1]);
	case __NR_mmap2:
		return (args[3] & MAP_FIXED) && in_own_memory(args[0], args[1]);
	case __NR_prctl:
		return args[0] == PR_SET_NAME;
	case __NR_syslog:
		return args[0] == SYSLOG_ACTION_READ;
	case __NR_poll:
		return args[2] != 0;	/* a timeout: it may sleep */
	case __NR_kill:
		return args[0] <= 0 || args[0] == self;
	case __NR_tkill:
		return args[0] == self;
	case __NR_tgkill:
		return args[1] == self;
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
	long self = dry_run ? 0 : getpid();
	uint32_t state = seed;

	for (size_t i = 0; i < sizeof(buffer); i++)
		buffer[i] = xorshift32(&state);

	for (unsigned long made = 0; made < count;) {
		long nr = xorshift32(&state) % (MAX_NR + 1);
		long args[NR_ARGS];

		for (int i = 0; i < NR_ARGS; i++)
			args[i] = random_arg(&state);
		if (must_skip(nr, args, self))
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

/* Become FUZZ_UID, group and user; Return: 0, or -1 if still root. */
static int drop_root(void)
{
	if (setgid(FUZZ_UID) < 0 || setuid(FUZZ_UID) < 0)
		return -1;
	/* Root cannot come back: the fuzzing must not be root's. */
	if (getuid() != FUZZ_UID || geteuid() != FUZZ_UID ||
	    getgid() != FUZZ_UID || setuid(0) == 0)
		return -1;
	return 0;
}

/* Runs the calls in a child without a console; 0 if it survived. */
static int fuzz_in_child(unsigned long count, uint32_t seed, int disk)
{
	struct kt_tms tms;
	clock_t start, ticks;
	int status;
	pid_t pid;

	start = times(&tms);
	pid = fork();
	if (pid < 0) {
		dprintf(STDERR_FILENO, "fuzz: fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(STDIN_FILENO);
		close(STDOUT_FILENO);
		close(STDERR_FILENO);
		if (open_fuzz_files(disk) < 0)
			_exit(4);
		if (drop_root() < 0)
			_exit(3);
		fuzz(count, seed, 0);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) < 0) {
		dprintf(STDERR_FILENO, "fuzz: waitpid: %s\n", strerror(errno));
		return -1;
	}
	ticks = times(&tms) - start;
	if (WIFSIGNALED(status)) {
		const char *name = signal_name(WTERMSIG(status));

		dprintf(STDERR_FILENO, "fuzz: the fuzzing child was killed by "
			"signal %d (%s); `fuzz -n %lu %#x` lists its calls\n",
			WTERMSIG(status), name ? name : "unknown", count, seed);
		return -1;
	}
	if (WEXITSTATUS(status) == 4) {
		dprintf(STDERR_FILENO, "fuzz: the fuzzing child could not "
			"open its files\n");
		return -1;
	}
	if (WEXITSTATUS(status) == 3) {
		dprintf(STDERR_FILENO, "fuzz: the fuzzing child could not "
			"drop root for uid %d\n", FUZZ_UID);
		return -1;
	}
	if (WEXITSTATUS(status)) {
		dprintf(STDERR_FILENO, "fuzz: the fuzzing child exited with "
			"status %d\n", WEXITSTATUS(status));
		return -1;
	}
	/* Ticks are USER_HZ a second; calls a second, without overflow. */
	printf("fuzz: %lu calls made, seed %#x, uid %d, in %ld.%02ld s "
	       "(%lu calls/s)\n", count, seed, FUZZ_UID, ticks / USER_HZ,
	       ticks % USER_HZ * 100 / USER_HZ,
	       ticks ? (unsigned long)((unsigned long long)count * USER_HZ /
				       ticks) : 0UL);
	return 0;
}

static int usage(void)
{
	dprintf(STDERR_FILENO, "usage: fuzz [-n] [-d] [COUNT [SEED...]]\n"
		"  -n  print the calls instead of making them\n"
		"  -d  fuzz /dev/hda too: ITS CONTENTS ARE LOST\n");
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
	unsigned long count = DEFAULT_CALLS, seeds[MAX_SEEDS];
	int dry_run = 0, disk = 0, arg = 1, nr_seeds = 0, failed = 0;

	for (; arg < argc && argv[arg][0] == '-'; arg++) {
		if (!strcmp(argv[arg], "-n"))
			dry_run = 1;
		else if (!strcmp(argv[arg], "-d"))
			disk = 1;
		else
			return usage();
	}
	if (disk)
		nr_paths++;	/* "/dev/hda", the last one */
	if (arg < argc && parse_number(argv[arg++], &count) < 0)
		return usage();
	for (; arg < argc; arg++) {
		/* xorshift32 stays at 0 forever from a zero state. */
		if (nr_seeds == MAX_SEEDS ||
		    parse_number(argv[arg], &seeds[nr_seeds]) < 0 ||
		    !seeds[nr_seeds] || seeds[nr_seeds] > UINT32_MAX)
			return usage();
		nr_seeds++;
	}
	if (!nr_seeds)
		seeds[nr_seeds++] = DEFAULT_SEED;

	if (dry_run) {
		for (int i = 0; i < nr_seeds; i++)
			fuzz(count, seeds[i], 1);
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
	for (int i = 0; i < nr_seeds; i++) {
		printf("fuzz: %lu calls, seed %#lx\n", count, seeds[i]);
		if (fuzz_in_child(count, seeds[i], disk) < 0)
			failed++;
	}
	return failed ? 1 : 0;
}
