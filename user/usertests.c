// SPDX-License-Identifier: GPL-2.0
/*
 * user/usertests.c - /bin/usertests: the system call layer tested from
 * ring 3, in the same TAP shape as the kernel's in-kernel tests.
 *
 * Linux 2.6: no counterpart in the tree (LTP tests these calls on
 * Linux); xv6's user/usertests.c is the model.  Each test checks one
 * promise of the ABI (include/uapi/kt26.h): exit statuses reach the
 * parent, bad pointers give EFAULT instead of a crash, a fault in user
 * mode becomes the signal Linux sends, sleeping and killing work, and
 * the kernel's own threads cannot be killed from user space.  Faults are
 * provoked in forked children, so one failure does not stop the run.
 *
 * Every test but the kt26-only ones also passes on a Linux host, where
 * the same binary runs: that checks the tests themselves before the
 * kernel implements the calls.  The kt26-only ones (teaching calls, pid
 * 2, the fuzzer) report "# SKIP not kt26" there.  As pid 1 (init=
 * /bin/usertests) it powers the machine off at the end; otherwise its
 * exit status says whether everything passed.
 *
 * Output: "usertests: 1..N", one "usertests: ok N - name" or
 * "usertests: not ok N - name: reason" per test, then
 * "usertests: P passed, F failed" (skipped tests count as passed).
 */
#include <errno.h>
#include <fcntl.h>
#include <kt.h>
#include <kt26_fs.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define KERNEL_ADDRESS	((void *)0xC0100000)	/* PAGE_OFFSET + 1 MiB */
#define WILD_ADDRESS	((void *)0x7fff0000)	/* nothing mapped there */
#define NO_SUCH_PID	0x40000000		/* > any pid_max (Linux: 2^22) */
#define BRK_GROWTH	(64 * 1024)
#define PAGE_SIZE	4096
#define MAX_TASKS	128
#define BADELF_DIR	"/test/badelf"	/* tools/mkbroken.py badelf */
#define BADELF_VALID_EXIT 42		/* mkbroken.py's VALID_EXIT */
#define BADELF_LIST_SIZE 1024		/* room for BADELF_DIR/kinds */
#define FUZZ_PATH	"/bin/fuzz"
#define NOBODY		65534			/* uid and gid "nobody" */

enum test_result {
	TEST_PASS,
	TEST_FAIL,
	TEST_SKIP,
};

struct test {
	const char *name;
	enum test_result (*run)(void);
};

/* Why the current test failed or was skipped. */
static char reason[200];

static enum test_result __attribute__((format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);
	return TEST_FAIL;
}

static enum test_result skip_not_kt26(void)
{
	snprintf(reason, sizeof(reason), "not kt26");
	return TEST_SKIP;
}

static enum test_result skip_not_init(void)
{
	snprintf(reason, sizeof(reason), "not pid 1");
	return TEST_SKIP;
}

static const char *signal_label(int sig)
{
	const char *name = signal_name(sig);

	return name ? name : "unknown signal";
}

/* Describes a waitpid status word, for failure messages. */
static const char *describe(int status)
{
	static char text[48];

	if (WIFSIGNALED(status))
		snprintf(text, sizeof(text), "killed by %s",
			 signal_label(WTERMSIG(status)));
	else
		snprintf(text, sizeof(text), "exited with status %d",
			 WEXITSTATUS(status));
	return text;
}

/*
 * Runs @child in a new process (which exits 0 if @child returns) and
 * stores its status word; -1 if fork or waitpid failed.
 */
static int run_in_child(void (*child)(void), int *status)
{
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		child();
		_exit(0);
	}
	return waitpid(pid, status, 0) == pid ? 0 : -1;
}

static enum test_result expect_signal(void (*child)(void), int sig)
{
	int status;

	if (run_in_child(child, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		return fail("child %s, expected %s", describe(status),
			    signal_label(sig));
	return TEST_PASS;
}

/* Expects the call just made to have returned @ret == -1 and @err. */
static enum test_result expect_error(const char *call, long ret, int err)
{
	if (ret != -1)
		return fail("%s returned %ld, expected -1", call, ret);
	if (errno != err)
		return fail("%s failed with \"%s\", expected \"%s\"", call,
			    strerror(errno), strerror(err));
	return TEST_PASS;
}

static enum test_result test_fork_wait_exit_status(void)
{
	static const int codes[] = { 0, 7, 255 };

	for (int i = 0; i < 3; i++) {
		int status;
		pid_t pid = fork();

		if (pid < 0)
			return fail("fork: %s", strerror(errno));
		if (pid == 0)
			_exit(codes[i]);
		if (waitpid(pid, &status, 0) != pid)
			return fail("waitpid(%d): %s", pid, strerror(errno));
		if (!WIFEXITED(status) || WEXITSTATUS(status) != codes[i])
			return fail("child %s, expected exit status %d",
				    describe(status), codes[i]);
	}
	return TEST_PASS;
}

static enum test_result test_waitpid_non_child_echild(void)
{
	int status;

	/* We are never our own child; and there are no children left. */
	if (expect_error("waitpid(self)", waitpid(getpid(), &status, 0),
			 ECHILD) != TEST_PASS)
		return TEST_FAIL;
	return expect_error("waitpid(-1)", waitpid(-1, &status, 0), ECHILD);
}

static enum test_result test_execve_missing_enoent(void)
{
	char *argv[] = { "no-such-program", NULL };

	return expect_error("execve", execve("/bin/no-such-program", argv,
					     environ), ENOENT);
}

/* The file the next exec_child_path() runs. */
static const char *exec_path;

/* In a child: execve(exec_path); if that fails, exit with its errno. */
static void exec_child_path(void)
{
	char *argv[] = { (char *)exec_path, NULL };

	execve(exec_path, argv, environ);
	_exit(errno);
}

/* Runs @path in a child; 0 if it ended with @expected_exit, else -1. */
static int exec_expecting(const char *path, int expected_exit)
{
	int status;

	exec_path = path;
	if (run_in_child(exec_child_path, &status) < 0) {
		fail("fork/waitpid: %s", strerror(errno));
		return -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == expected_exit)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == BADELF_VALID_EXIT)
		fail("%s: execve ran it (exit status %d)", path,
		     BADELF_VALID_EXIT);
	else if (WIFEXITED(status))
		fail("%s: execve failed with \"%s\"", path,
		     strerror(WEXITSTATUS(status)));
	else
		fail("%s: child %s", path, describe(status));
	return -1;
}

/*
 * tools/mkbroken.py's family of broken executables, listed in
 * BADELF_DIR/kinds: execve() of each must fail with ENOEXEC, and the
 * child that called it goes on to report that.  First their common
 * ancestor, BADELF_DIR/valid, must run: else every one of them could be
 * refused for a fault of that file instead of its own breakage.
 */
static enum test_result test_execve_badelf_enoexec(void)
{
	/* On a host the files are in the build tree: BADELF_DIR=dir. */
	const char *dir = getenv("BADELF_DIR") ? getenv("BADELF_DIR") :
						  BADELF_DIR;
	static char kinds[BADELF_LIST_SIZE], path[128];
	char *kind, *next;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "%s/kinds", dir);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(reason, sizeof(reason), "no %s (set BADELF_DIR=dir)",
			 path);
		return TEST_SKIP;
	}
	len = read(fd, kinds, sizeof(kinds));
	close(fd);
	if (len <= 0 || len == sizeof(kinds))
		return fail("%s: %s", path, len < 0 ? strerror(errno) :
			    "empty, or longer than the buffer");
	kinds[len] = '\0';

	snprintf(path, sizeof(path), "%s/valid", dir);
	if (exec_expecting(path, BADELF_VALID_EXIT) < 0)
		return TEST_FAIL;
	for (kind = kinds; *kind; kind = next) {
		next = strchr(kind, '\n');
		if (!next)
			return fail("%s/kinds: no newline after %s", dir, kind);
		*next++ = '\0';
		snprintf(path, sizeof(path), "%s/%s", dir, kind);
		if (exec_expecting(path, ENOEXEC) < 0)
			return TEST_FAIL;
	}
	return TEST_PASS;
}

static enum test_result test_write_kernel_address_efault(void)
{
	return expect_error("write", write(STDOUT_FILENO, KERNEL_ADDRESS, 10),
			    EFAULT);
}

static enum test_result test_write_unmapped_address_efault(void)
{
	return expect_error("write", write(STDOUT_FILENO, WILD_ADDRESS, 10),
			    EFAULT);
}

static enum test_result test_read_kernel_address_efault(void)
{
	/* /bin/sh exists on kt26 and on any Linux host. */
	int fd = open("/bin/sh", O_RDONLY);
	enum test_result result;

	if (fd < 0)
		return fail("open /bin/sh: %s", strerror(errno));
	result = expect_error("read", read(fd, KERNEL_ADDRESS, 16), EFAULT);
	close(fd);
	return result;
}

/* Checks that the call just made failed with @err; returns on mismatch. */
#define EXPECT_ERROR(call, err)						\
	do {								\
		enum test_result r = expect_error(#call, (long)(call), err); \
		if (r != TEST_PASS)					\
			return r;					\
	} while (0)

static enum test_result test_bad_descriptors_ebadf(void)
{
	char c;

	EXPECT_ERROR(read(99, &c, 1), EBADF);
	EXPECT_ERROR(write(99, &c, 1), EBADF);
	EXPECT_ERROR(close(99), EBADF);
	EXPECT_ERROR(dup2(99, 5), EBADF);
	EXPECT_ERROR(dup2(0, 100000), EBADF);
	EXPECT_ERROR(lseek(99, 0, SEEK_SET), EBADF);
	return TEST_PASS;
}

/* The initramfs is read-only, /dev/console has no position (kt26). */
static enum test_result test_initramfs_files_read_only(void)
{
	char buf[16];
	int fd;

	if (!kt26_running())
		return skip_not_kt26();
	EXPECT_ERROR(open("/etc/motd", O_WRONLY), EROFS);
	EXPECT_ERROR(open("/etc/motd", O_RDWR), EROFS);
	EXPECT_ERROR(open("/etc/new", O_WRONLY | O_CREAT), EROFS);
	EXPECT_ERROR(open("/etc/none", O_RDONLY), ENOENT);
	EXPECT_ERROR(open("/etc/motd", O_ACCMODE), EINVAL);
	EXPECT_ERROR(lseek(STDIN_FILENO, 0, SEEK_SET), ESPIPE);
	fd = open("/etc/motd", O_RDONLY);
	if (fd < 0)
		return fail("open /etc/motd: %s", strerror(errno));
	EXPECT_ERROR(write(fd, "x", 1), EBADF);
	EXPECT_ERROR(lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERROR(lseek(fd, 0, 7), EINVAL);
	if (lseek(fd, 1000000, SEEK_SET) != 1000000)
		return fail("lseek past the end: %s", strerror(errno));
	if (read(fd, buf, sizeof(buf)) != 0)
		return fail("read past the end did not return 0");
	EXPECT_ERROR(lseek(fd, 0x7fffffff, SEEK_CUR), EOVERFLOW);
	close(fd);
	EXPECT_ERROR(close(fd), EBADF);
	return TEST_PASS;
}

/* /dev/hda through the buffer cache: write, seek, read back (kt26). */
static enum test_result test_dev_hda_read_write(void)
{
	static char out[4096 + 100], in[sizeof(out)];
	long size;
	int fd;

	if (!kt26_running())
		return skip_not_kt26();
	fd = open("/dev/hda", O_RDWR);
	if (fd < 0)
		return fail("open /dev/hda: %s", strerror(errno));
	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7 + 3);
	/* Straddles two blocks, neither of them whole. */
	if (lseek(fd, 3 * 4096 - 50, SEEK_SET) < 0 ||
	    write(fd, out, sizeof(out)) != sizeof(out))
		return fail("write /dev/hda: %s", strerror(errno));
	if (lseek(fd, 3 * 4096 - 50, SEEK_SET) < 0 ||
	    read(fd, in, sizeof(in)) != sizeof(in))
		return fail("read /dev/hda: %s", strerror(errno));
	if (memcmp(in, out, sizeof(out)))
		return fail("read back something else than was written");
	size = lseek(fd, 0, SEEK_END);
	if (size <= 0 || size % 512)
		return fail("lseek SEEK_END gave %ld", size);
	EXPECT_ERROR(write(fd, out, 1), ENOSPC);
	if (read(fd, in, 1) != 0)
		return fail("read at the end of the disk did not return 0");
	close(fd);
	return TEST_PASS;
}

/* A grandchild whose parent exits goes to init, which reaps it. */
static enum test_result test_orphans_go_to_init(void)
{
	int status;
	pid_t child, orphan;

	if (getpid() != 1)
		return skip_not_init();
	child = fork();
	if (child < 0)
		return fail("fork: %s", strerror(errno));
	if (child == 0) {
		if (fork() == 0) {
			struct kt_timespec nap = { 0, 100 * 1000 * 1000 };

			nanosleep(&nap, NULL);	/* the parent is gone by now */
			_exit(getppid() == 1 ? 42 : 1);
		}
		_exit(0);
	}
	if (waitpid(child, &status, 0) != child)
		return fail("waitpid child: %s", strerror(errno));
	/* Now the orphan is our child: we are init. */
	orphan = waitpid(-1, &status, 0);
	if (orphan <= 0)
		return fail("no orphan to reap: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 42)
		return fail("the orphan %s (42: its parent was init)",
			    describe(status));
	return TEST_PASS;
}

static void write_to_null(void)
{
	*(volatile int *)0 = 1;
}

/* The kernel half is mapped in every process, but never for ring 3. */
static void read_kernel_address(void)
{
	(void)*(volatile char *)KERNEL_ADDRESS;
}

static void write_kernel_address(void)
{
	*(volatile char *)KERNEL_ADDRESS = 1;
}

static void run_hlt(void)
{
	asm volatile("hlt");
}

static void run_cli(void)
{
	asm volatile("cli");
}

static void run_ud2(void)
{
	asm volatile("ud2");
}

static void divide_by_zero(void)
{
	unsigned int zero = 0, quotient, remainder;

	/* In asm, so that the compiler can neither fold nor drop it. */
	asm volatile("divl %2"
		     : "=a"(quotient), "=d"(remainder)
		     : "r"(zero), "0"(1), "1"(0));
}

/* #PF, #GP (privileged instructions), #UD and #DE, as Linux maps them. */
static enum test_result test_null_write_sigsegv(void)
{
	return expect_signal(write_to_null, SIGSEGV);
}

static enum test_result test_kernel_address_read_sigsegv(void)
{
	return expect_signal(read_kernel_address, SIGSEGV);
}

static enum test_result test_kernel_address_write_sigsegv(void)
{
	return expect_signal(write_kernel_address, SIGSEGV);
}

static enum test_result test_hlt_sigsegv(void)
{
	return expect_signal(run_hlt, SIGSEGV);
}

static enum test_result test_cli_sigsegv(void)
{
	return expect_signal(run_cli, SIGSEGV);
}

static enum test_result test_ud2_sigill(void)
{
	return expect_signal(run_ud2, SIGILL);
}

static enum test_result test_divide_error_sigfpe(void)
{
	return expect_signal(divide_by_zero, SIGFPE);
}

/* Set before the child that touches it is forked. */
static volatile char *released_memory;

static void touch_released_memory(void)
{
	*released_memory = 1;
}

static enum test_result test_brk_grow_shrink(void)
{
	char *start = sbrk(0), *p = sbrk(BRK_GROWTH);

	if (p == (void *)-1)
		return fail("sbrk(+%d): %s", BRK_GROWTH, strerror(errno));
	if (p != start)
		return fail("sbrk(+%d) returned %p, the break was %p",
			    BRK_GROWTH, p, start);
	for (int i = 0; i < BRK_GROWTH; i += PAGE_SIZE)
		p[i] = (char)(i / PAGE_SIZE + 1);
	for (int i = 0; i < BRK_GROWTH; i += PAGE_SIZE)
		if (p[i] != (char)(i / PAGE_SIZE + 1))
			return fail("heap byte at %p changed", p + i);
	if (sbrk(-BRK_GROWTH) == (void *)-1)
		return fail("sbrk(-%d): %s", BRK_GROWTH, strerror(errno));
	if (sbrk(0) != start)
		return fail("the break is %p after shrinking, expected %p",
			    sbrk(0), start);
	/* Pages wholly above the break must be gone. */
	released_memory = start + BRK_GROWTH / 2;
	return expect_signal(touch_released_memory, SIGSEGV);
}

/*
 * The C library's heap, which lives on brk.  Random mallocs and frees,
 * each block filled with its own byte and checked before it is freed:
 * a block handed out twice, or a merge that swallows a neighbour, shows
 * up as a changed byte or as free() aborting on a clobbered header.  In
 * a child, so that a broken heap cannot take the other tests with it.
 */
#define MALLOC_SLOTS	64
#define MALLOC_ROUNDS	4000
#define MALLOC_MAX	3000
#define HEAP_CORRUPT	1	/* malloc_stress's exit codes */
#define HEAP_FULL	2

static void malloc_stress(void)
{
	unsigned char *block[MALLOC_SLOTS] = { NULL };
	size_t size[MALLOC_SLOTS];
	unsigned char fill[MALLOC_SLOTS];
	unsigned int random = 1;

	for (int round = 0; round < MALLOC_ROUNDS + MALLOC_SLOTS; round++) {
		int i;

		/* A linear congruential generator (the C standard's). */
		random = random * 1103515245 + 12345;
		/* The last rounds visit every slot: all is freed at the end. */
		if (round < MALLOC_ROUNDS)
			i = (random >> 16) % MALLOC_SLOTS;
		else
			i = round - MALLOC_ROUNDS;
		if (block[i]) {
			for (size_t j = 0; j < size[i]; j++)
				if (block[i][j] != fill[i])
					_exit(HEAP_CORRUPT);
			free(block[i]);
			block[i] = NULL;
		} else if (round < MALLOC_ROUNDS) {
			size[i] = 1 + (random >> 8) % MALLOC_MAX;
			fill[i] = round;
			block[i] = malloc(size[i]);
			if (!block[i])
				_exit(HEAP_FULL);
			memset(block[i], fill[i], size[i]);
		}
	}
}

static void free_twice(void)
{
	char *p = malloc(32);

	close(STDERR_FILENO);	/* free's complaint is expected: keep quiet */
	free(p);
	free(p);
}

static enum test_result test_malloc_free_keep_data(void)
{
	int status;

	if (run_in_child(malloc_stress, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (WIFSIGNALED(status) || WEXITSTATUS(status) == HEAP_CORRUPT)
		return fail("heap corrupted: child %s", describe(status));
	if (WEXITSTATUS(status) == HEAP_FULL)
		return fail("malloc returned NULL");
	return expect_signal(free_twice, SIGABRT);
}

static enum test_result test_nanosleep_200ms(void)
{
	struct kt_timespec duration = { 0, 200 * 1000 * 1000 };
	struct kt_tms tms;
	clock_t start = times(&tms);
	long ms;

	if (nanosleep(&duration, NULL) < 0)
		return fail("nanosleep: %s", strerror(errno));
	ms = (times(&tms) - start) * 1000 / USER_HZ;
	if (ms < 190 || ms > 400)
		return fail("slept %ld ms, expected 190..400", ms);
	return TEST_PASS;
}

static void spin_forever(void)
{
	for (;;)
		;
}

static enum test_result kill_spinning_child(int sig)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	if (pid == 0)
		spin_forever();
	if (kill(pid, sig) < 0) {
		int err = errno;

		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return fail("kill(%s): %s", signal_label(sig), strerror(err));
	}
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid: %s", strerror(errno));
	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		return fail("child %s, expected %s", describe(status),
			    signal_label(sig));
	return TEST_PASS;
}

static enum test_result test_kill_sigkill_spinning_child(void)
{
	return kill_spinning_child(SIGKILL);
}

static enum test_result test_kill_sigterm_spinning_child(void)
{
	return kill_spinning_child(SIGTERM);
}

/* Linux's sched_yield() always succeeds, whether or not it switched. */
static enum test_result test_sched_yield_returns_0(void)
{
	for (int i = 0; i < 3; i++) {
		int ret = sched_yield();

		if (ret != 0)
			return fail("sched_yield returned %d (%s)", ret,
				    ret < 0 ? strerror(errno) : "not an error");
	}
	return TEST_PASS;
}

/*
 * CPU masks for the affinity calls: room for 1024 CPUs, more than any
 * host has, so that the same test runs on Linux (whose mask is larger
 * than kt26's one word).
 */
#define AFFINITY_WORDS	32
#define LONG_BITS	(8 * (int)sizeof(long))

static int mask_last_cpu(const unsigned long *mask)
{
	for (int cpu = AFFINITY_WORDS * LONG_BITS - 1; cpu >= 0; cpu--)
		if (mask[cpu / LONG_BITS] & (1UL << (cpu % LONG_BITS)))
			return cpu;
	return -1;
}

static int mask_weight(const unsigned long *mask)
{
	int n = 0;

	for (int i = 0; i < AFFINITY_WORDS; i++)
		n += __builtin_popcountl(mask[i]);
	return n;
}

/* The child: the mask it inherited is its parent's one CPU. */
static int inherited_cpu;

static void affinity_child(void)
{
	unsigned long mask[AFFINITY_WORDS] = { 0 };

	if (sched_getaffinity(0, sizeof(mask), mask) <= 0)
		_exit(1);
	if (mask_weight(mask) != 1 || mask_last_cpu(mask) != inherited_cpu)
		_exit(2);
	_exit(0);
}

/*
 * sched_getaffinity() returns the size of the kernel's mask (the system
 * call does; glibc's wrapper says 0) and the CPUs we may run on.  Bound
 * to one of them, the last (on a kt26 with two CPUs: CPU 1), we read
 * back that one alone, and so does a child we fork.  The first mask is
 * put back at the end.
 */
static enum test_result test_sched_affinity_set_get_fork(void)
{
	unsigned long orig[AFFINITY_WORDS] = { 0 };
	unsigned long mask[AFFINITY_WORDS] = { 0 };
	enum test_result result = TEST_PASS;
	int size, status;

	size = sched_getaffinity(0, sizeof(orig), orig);
	if (size <= 0 || size > (int)sizeof(orig) || size % sizeof(long))
		return fail("sched_getaffinity returned %d (%s)", size,
			    size < 0 ? strerror(errno) : "a bad size");
	inherited_cpu = mask_last_cpu(orig);
	if (inherited_cpu < 0)
		return fail("sched_getaffinity gave an empty mask");
	mask[inherited_cpu / LONG_BITS] = 1UL << (inherited_cpu % LONG_BITS);
	if (sched_setaffinity(0, sizeof(mask), mask) != 0)
		return fail("sched_setaffinity(CPU %d): %s", inherited_cpu,
			    strerror(errno));
	memset(mask, 0, sizeof(mask));
	if (sched_getaffinity(0, sizeof(mask), mask) != size)
		result = fail("sched_getaffinity after set: %s",
			      strerror(errno));
	else if (mask_weight(mask) != 1 ||
		 mask_last_cpu(mask) != inherited_cpu)
		result = fail("bound to CPU %d, %d CPUs read back, the last "
			      "%d", inherited_cpu, mask_weight(mask),
			      mask_last_cpu(mask));
	else if (run_in_child(affinity_child, &status) < 0)
		result = fail("fork/waitpid: %s", strerror(errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		result = fail("child %s (1: getaffinity failed, 2: not its "
			      "parent's mask)", describe(status));
	if (sched_setaffinity(0, sizeof(orig), orig) != 0 && result == TEST_PASS)
		result = fail("putting the mask back: %s", strerror(errno));
	return result;
}

/*
 * A mask without a CPU we could run on is EINVAL (none at all, or only
 * CPU 1023); a bad pointer is EFAULT; a missing process ESRCH.  On kt26
 * a buffer smaller than the kernel's mask is EINVAL too.
 */
static enum test_result test_sched_affinity_bad_masks_fail(void)
{
	unsigned long mask[AFFINITY_WORDS] = { 0 };
	enum test_result r;

	r = expect_error("sched_setaffinity(no CPU)",
			 sched_setaffinity(0, sizeof(mask), mask), EINVAL);
	if (r != TEST_PASS)
		return r;
	mask[AFFINITY_WORDS - 1] = 1UL << (LONG_BITS - 1);
	r = expect_error("sched_setaffinity(CPU 1023)",
			 sched_setaffinity(0, sizeof(mask), mask), EINVAL);
	if (r != TEST_PASS)
		return r;
	r = expect_error("sched_getaffinity(kernel address)",
			 sched_getaffinity(0, sizeof(mask), KERNEL_ADDRESS),
			 EFAULT);
	if (r != TEST_PASS)
		return r;
	r = expect_error("sched_setaffinity(unmapped address)",
			 sched_setaffinity(0, sizeof(mask), WILD_ADDRESS),
			 EFAULT);
	if (r != TEST_PASS)
		return r;
	r = expect_error("sched_getaffinity(no such pid)",
			 sched_getaffinity(NO_SUCH_PID, sizeof(mask), mask),
			 ESRCH);
	if (r != TEST_PASS || !kt26_running())
		return r;
	return expect_error("sched_getaffinity(1 byte)",
			    sched_getaffinity(0, 1, mask), EINVAL);
}

static uid_t become_unprivileged(int code);

static void affinity_refused_child(void)
{
	unsigned long mask[AFFINITY_WORDS] = { 0 };

	become_unprivileged(10);
	/* Looking is open to all; pid 1 is root's. */
	if (sched_getaffinity(1, sizeof(mask), mask) <= 0)
		_exit(11);
	if (sched_setaffinity(1, sizeof(mask), mask) != -1 || errno != EPERM)
		_exit(12);
	/* Its own mask it may set. */
	if (sched_setaffinity(0, sizeof(mask), mask) != 0)
		_exit(13);
	_exit(0);
}

/* Another user's process: EPERM without CAP_SYS_NICE, as on Linux. */
static enum test_result test_sched_setaffinity_of_another_user_eperm(void)
{
	int status;

	if (run_in_child(affinity_refused_child, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("unprivileged child %s (10: could not drop root, "
			    "11: getaffinity of pid 1 failed, 12: setaffinity "
			    "of pid 1 not EPERM, 13: its own refused)",
			    describe(status));
	return TEST_PASS;
}

static enum test_result test_kill_bad_pid_or_signal_fails(void)
{
	long ret = kill(NO_SUCH_PID, SIGTERM);

	if (ret != -1 || (errno != ESRCH && errno != EINVAL))
		return fail("kill(%d) returned %ld (%s), expected ESRCH",
			    NO_SUCH_PID, ret, strerror(errno));
	/* Aimed at ourselves: had it been delivered, we would know. */
	return expect_error("kill(self, 1000)", kill(getpid(), 1000), EINVAL);
}

/* The kt26-only tests: the teaching calls, and pid 0 and 2. */

/*
 * Numbers without a system call: far above the table, negative (eax is
 * compared unsigned, so -1 is huge), and 405, the first past the last
 * teaching call (NR_syscalls).  On Linux 405 is clock_adjtime64.
 */
static enum test_result test_unknown_syscalls_enosys(void)
{
	/* 406: one past the last teaching call, the end of the table. */
	static const long numbers[] = { 9999, -1, 406 };

	if (!kt26_running())
		return skip_not_kt26();
	for (size_t i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		long ret = raw_syscall(numbers[i], 0, 0, 0, 0, 0);

		if (ret != -ENOSYS)
			return fail("system call %ld returned %ld, expected "
				    "-ENOSYS (%d)", numbers[i], ret, -ENOSYS);
	}
	return TEST_PASS;
}

/*
 * A child that is not root: root drops to NOBODY for good, anyone else
 * stays who it is (the host tests run usertests as nobody).  Exits with
 * @code unless it ends up an ordinary user.
 */
static uid_t become_unprivileged(int code)
{
	if (getuid() == 0 && (setgid(NOBODY) < 0 || setuid(NOBODY) < 0))
		_exit(code);
	if (getuid() == 0 || geteuid() != getuid())
		_exit(code);
	return getuid();
}

static void setuid_child(void)
{
	uid_t me = become_unprivileged(10);
	int status;
	pid_t pid;

	/* Root cannot be had back, nor any other user. */
	if (setuid(0) != -1 || errno != EPERM)
		_exit(11);
	if (setuid(me + 1) != -1 || errno != EPERM)
		_exit(12);
	if (setgid(0) != -1 || errno != EPERM)
		_exit(13);
	/* Its own id it may set. */
	if (setuid(me) != 0 || getuid() != me || geteuid() != me)
		_exit(14);
	/* The old 16-bit calls agree, for an id below 65536. */
	if (raw_syscall(__NR_getuid, 0, 0, 0, 0, 0) != (long)me ||
	    raw_syscall(__NR_geteuid, 0, 0, 0, 0, 0) != (long)me ||
	    raw_syscall(__NR_setuid, 0, 0, 0, 0, 0) != -EPERM)
		_exit(15);
	/* A child is the same user. */
	pid = fork();
	if (pid == 0)
		_exit(getuid() == me && geteuid() == me ? 0 : 1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		_exit(16);
	_exit(0);
}

/* Linux's setuid(): root gives up root for good; others keep their id. */
static enum test_result test_setuid_drops_root_for_good(void)
{
	int status;

	if (run_in_child(setuid_child, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("unprivileged child %s (10: could not drop root, "
			    "11-13: got root or another id back, 14: its own "
			    "id refused, 15: 16-bit calls, 16: fork)",
			    describe(status));
	return TEST_PASS;
}

static void refused_child(void)
{
	int status;
	pid_t pid;

	become_unprivileged(10);
	/* pid 1 is root's (and on kt26 may be usertests itself). */
	if (kill(1, 0) != -1 || errno != EPERM)
		_exit(11);
	/*
	 * The wrong magic: EINVAL had the call got past the capability
	 * check; nothing can go down even if this child were root.
	 */
	if (reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2 + 1,
		   LINUX_REBOOT_CMD_POWER_OFF, NULL) != -1 || errno != EPERM)
		_exit(12);
	if (kt26_running() &&
	    ((kt_pressure(16) != -1 || errno != EPERM) ||
	     (kt_trace() != -1 || errno != EPERM) ||
	     (kt_drop_caches() != -1 || errno != EPERM)))
		_exit(13);
	/* Its own processes it may signal. */
	pid = fork();
	if (pid == 0)
		spin_forever();
	if (pid < 0 || kill(pid, SIGKILL) != 0)
		_exit(14);
	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status) ||
	    WTERMSIG(status) != SIGKILL)
		_exit(15);
	_exit(0);
}

/*
 * What changes the machine or reaches another user's process is root's:
 * kill (CAP_KILL), reboot (CAP_SYS_BOOT), and on kt26 the teaching calls
 * that drive the kernel (kt_pressure, kt_trace, kt_drop_caches).
 */
static enum test_result test_unprivileged_kill_reboot_refused(void)
{
	int status;

	if (run_in_child(refused_child, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("unprivileged child %s (10: could not drop root, "
			    "11: kill of pid 1, 12: reboot, 13: a teaching "
			    "call, not refused; 14-15: could not kill its own "
			    "child)", describe(status));
	return TEST_PASS;
}

/* Finds @pid in a fresh task list; 0 if listed, -1 if not or on error. */
static int find_task(pid_t pid, struct kt_task_info *found)
{
	static struct kt_task_info tasks[MAX_TASKS];
	int count = kt_tasks(tasks, MAX_TASKS);

	for (int i = 0; i < count && i < MAX_TASKS; i++) {
		if (tasks[i].pid == pid) {
			*found = tasks[i];
			return 0;
		}
	}
	return -1;
}

static int is_alive(char state)
{
	return state == 'R' || state == 'S' || state == 'D';
}

static void kill_pid0(void)
{
	int ret = kill(0, SIGKILL);

	_exit(ret == -1 && (errno == ESRCH || errno == EINVAL) ? 0 : 1);
}

static enum test_result test_kill_pid0_fails_harmlessly(void)
{
	struct kt_task_info swapper;
	int status;

	if (!kt26_running())
		return skip_not_kt26();
	/* On Linux pid 0 means "my process group": be sure first. */
	if (find_task(0, &swapper) < 0 || strcmp(swapper.comm, "swapper/0"))
		return fail("pid 0 is not swapper/0: is this kt26?");
	if (run_in_child(kill_pid0, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("kill(0, SIGKILL) did not fail with ESRCH/EINVAL: "
			    "child %s", describe(status));
	if (find_task(0, &swapper) < 0)
		return fail("pid 0 is no longer listed");
	return TEST_PASS;
}

static enum test_result test_kill_kthreadd_survives(void)
{
	struct kt_task_info before, after;
	struct kt_timespec pause = { 0, 50 * 1000 * 1000 };
	int ret;

	if (!kt26_running())
		return skip_not_kt26();
	if (find_task(2, &before) < 0 || strcmp(before.comm, "kthreadd"))
		return fail("pid 2 is not kthreadd");
	/* Linux says 0 (delivered, then ignored) as root, EPERM as not. */
	ret = kill(2, SIGKILL);
	nanosleep(&pause, NULL);	/* time to die, if it were going to */
	if (find_task(2, &after) < 0)
		return fail("kthreadd is gone after kill (kill returned %d)",
			    ret);
	if (is_alive(after.state) != is_alive(before.state))
		return fail("kthreadd went from state %c to %c", before.state,
			    after.state);
	return TEST_PASS;
}

/* A kernel thread lives in the kernel half only: it owns no mm. */
static enum test_result every_kthread_without_mm(void)
{
	static struct kt_task_info tasks[MAX_TASKS];
	int count = kt_tasks(tasks, MAX_TASKS);

	if (count < 0)
		return fail("kt_tasks: %s", strerror(errno));
	for (int i = 0; i < count && i < MAX_TASKS; i++)
		if ((tasks[i].flags & KT_PF_KTHREAD) && tasks[i].mm)
			return fail("kernel thread %d (%.16s) has mm %#x",
				    tasks[i].pid, tasks[i].comm, tasks[i].mm);
	return TEST_PASS;
}

static enum test_result test_kt_tasks_lists_kernel_threads(void)
{
	struct kt_task_info swapper, init, kthreadd;

	if (!kt26_running())
		return skip_not_kt26();
	if (find_task(0, &swapper) < 0 || strcmp(swapper.comm, "swapper/0"))
		return fail("pid 0 swapper/0 is not listed");
	if (find_task(1, &init) < 0)
		return fail("pid 1 is not listed");
	if (find_task(2, &kthreadd) < 0 || strcmp(kthreadd.comm, "kthreadd"))
		return fail("pid 2 kthreadd is not listed");
	if (swapper.mm || kthreadd.mm)
		return fail("kernel threads have an mm: swapper %#x, kthreadd "
			    "%#x", swapper.mm, kthreadd.mm);
	if (!(kthreadd.flags & KT_PF_KTHREAD))
		return fail("kthreadd lacks KT_PF_KTHREAD (flags %#x)",
			    kthreadd.flags);
	/* By now pid 1 runs a program (init or this one): it has an mm. */
	if (!init.mm)
		return fail("pid 1 has no mm");
	return every_kthread_without_mm();
}

/* MemFree, in kB, from kt_meminfo's "MemFree:   1234 kB" line; -1 if none. */
static long mem_free_kb(void)
{
	static char text[2048];
	int len = kt_meminfo(text, sizeof(text) - 1);
	char *line = text;

	if (len < 0)
		return -1;
	text[len < (int)sizeof(text) - 1 ? len : (int)sizeof(text) - 1] = 0;
	while (line) {
		if (!strncmp(line, "MemFree:", 8))
			return strtol(line + 8, NULL, 10);
		line = strchr(line, '\n');
		if (line)
			line++;
	}
	return -1;
}

/* Runs /bin/fuzz with @count calls (NULL: its default); it must exit 0. */
static enum test_result run_fuzz(char *count)
{
	char *argv[] = { "fuzz", count, NULL };
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	if (pid == 0) {
		execve(FUZZ_PATH, argv, environ);
		dprintf(STDERR_FILENO, "usertests: %s: %s\n", FUZZ_PATH,
			strerror(errno));
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("fuzz %s %s", count ? count : "", describe(status));
	return TEST_PASS;
}

static enum test_result test_fuzz_keeps_free_pages(void)
{
	struct kt_timespec pause = { 0, 50 * 1000 * 1000 };
	long before, after;

	if (!kt26_running())
		return skip_not_kt26();
	/*
	 * A first, identical run warms the caches the calls use: each slab
	 * cache keeps one empty slab, rightly, and the same calls grow the
	 * same caches.  So the measured run starts from that state, and
	 * only a leak can change MemFree.
	 */
	if (run_fuzz(NULL) != TEST_PASS)
		return TEST_FAIL;
	before = mem_free_kb();
	if (before < 0)
		return fail("no MemFree line in kt_meminfo's report");
	if (run_fuzz(NULL) != TEST_PASS)
		return TEST_FAIL;
	/* Freeing may finish in kernel threads just after the exit. */
	for (int tries = 0; tries < 20; tries++) {
		after = mem_free_kb();
		if (after == before)
			return TEST_PASS;
		nanosleep(&pause, NULL);
	}
	return fail("MemFree was %ld kB before fuzz, %ld kB after", before,
		    after);
}

/*
 * The file system (VFS): files, directories and links in /tmp, a
 * directory per test named after the pid (so a Linux host's /tmp is
 * shared safely), and the errors of bad paths.  The calls go through
 * raw_syscall() with Linux's i386 numbers and layouts (<kt26_fs.h>) and
 * return -errno; each test removes what it made, also when it fails.
 * vfs_read_only_root_and_mounts is kt26's own: its read-only root, its
 * mount(2) (root only), its /dev nodes and execve through a symlink.
 */
#define VFS_PATH	512			/* room for one test path */

static char vfs_dir[64];

/* @name inside this test's directory, in a static buffer of 4. */
static const char *vfs(const char *name)
{
	static char bufs[4][VFS_PATH];
	static int next;
	char *buf = bufs[next++ % 4];

	snprintf(buf, VFS_PATH, "%s/%s", vfs_dir, name);
	return buf;
}

/* The first five of the arguments: VCALL() pads them with zeros. */
static long vfs_call(long nr, ...)
{
	long a[5];
	va_list args;

	va_start(args, nr);
	for (int i = 0; i < 5; i++)
		a[i] = va_arg(args, long);
	va_end(args);
	return raw_syscall(nr, a[0], a[1], a[2], a[3], a[4]);
}

#define VCALL(nr, ...)	vfs_call(nr, ##__VA_ARGS__, 0, 0, 0, 0, 0)
#define VP(p)		((long)(p))

static void vfs_cleanup(void);

/*
 * Is @got @want?  If not, the reason (the check's line: the program must
 * stay small, it is in the initramfs), and the test's files go.
 */
static int vfs_mismatch(long got, long want, int line)
{
	if (got == want)
		return 0;
	vfs_cleanup();
	fail("usertests.c:%d: got %ld (%s), expected %ld (%s)", line, got,
	     got < 0 ? strerror(-got) : "ok", want,
	     want < 0 ? strerror(-want) : "ok");
	return 1;
}

/* Checks that @ret (a raw result) is @want; returns from the test if not. */
#define EXPECT_RAW(ret, want)						\
	do {								\
		if (vfs_mismatch((ret), (want), __LINE__))		\
			return TEST_FAIL;				\
	} while (0)

#define EXPECT_TRUE(cond)	EXPECT_RAW(!!(cond), 1)

/* Every name a test below may leave in its directory, deepest first. */
static const char *const vfs_names[] = {
	"d1/d2/f", "d1/d2", "d1/f", "d1", "d3", "f", "f1", "f2", "a", "b",
	"l", "sub/x", "sub", "rel", "gone", "m/x", "m", "hello", "prog", NULL
};

static void vfs_cleanup(void)
{
	if (!vfs_dir[0])
		return;
	(void)VCALL(__NR_umount2, VP(vfs("m")), MNT_DETACH);
	for (int i = 0; vfs_names[i]; i++)
		if (VCALL(__NR_unlink, VP(vfs(vfs_names[i]))) < 0)
			(void)VCALL(__NR_rmdir, VP(vfs(vfs_names[i])));
	(void)VCALL(__NR_rmdir, VP(vfs_dir));
	vfs_dir[0] = '\0';
}

/* A fresh directory for the test; Return: 0, or -1 with the reason. */
static int vfs_setup(void)
{
	long err;

	snprintf(vfs_dir, sizeof(vfs_dir), "/tmp/usertests-vfs.%d", getpid());
	(void)VCALL(__NR_umask, 022);
	err = VCALL(__NR_mkdir, VP(vfs_dir), 0755);
	if (err) {
		fail("mkdir %s: %s", vfs_dir, strerror(-err));
		vfs_dir[0] = '\0';
		return -1;
	}
	return 0;
}

static long vfs_create(const char *path, const char *text)
{
	long fd = VCALL(__NR_open, VP(path), O_CREAT | O_WRONLY | O_TRUNC,
			0644);

	if (fd < 0)
		return fd;
	if (text && VCALL(__NR_write, fd, VP(text), strlen(text)) !=
	    (long)strlen(text))
		fd = -EIO;
	(void)VCALL(__NR_close, fd);
	return fd < 0 ? fd : 0;
}

static long vfs_size(const char *path)
{
	struct stat64 st;
	long err = VCALL(__NR_stat64, VP(path), VP(&st));

	return err ? err : (long)st.st_size;
}

static enum test_result test_vfs_tmp_file_write_read_truncate_unlink(void)
{
	struct stat64 st;
	char buf[64];
	long long pos = -1;
	long fd, fd2;

	if (vfs_setup())
		return TEST_FAIL;
	fd = VCALL(__NR_open, VP(vfs("f")), O_CREAT | O_EXCL | O_RDWR, 0666);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(VCALL(__NR_write, fd, VP("hello, "), 7), 7);
	EXPECT_RAW(VCALL(__NR_write, fd, VP("world"), 5), 5);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("f")), O_CREAT | O_EXCL | O_RDWR,
			 0644), -EEXIST);
	EXPECT_RAW(VCALL(__NR_lseek, fd, 0, SEEK_SET), 0);
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), 12);
	EXPECT_TRUE(!memcmp(buf, "hello, world", 12));
	EXPECT_RAW(VCALL(__NR_fstat64, fd, VP(&st)), 0);
	EXPECT_TRUE(S_ISREG(st.st_mode) && st.st_size == 12 &&
		    st.st_nlink == 1 && (st.st_mode & 0777) == 0644);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);

	fd = VCALL(__NR_open, VP(vfs("f")), O_WRONLY | O_APPEND);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(VCALL(__NR_write, fd, VP("!"), 1), 1);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);
	EXPECT_RAW(vfs_size(vfs("f")), 13);

	fd = VCALL(__NR_open, VP(vfs("f")), O_RDWR | O_TRUNC);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(vfs_size(vfs("f")), 0);
	EXPECT_RAW(VCALL(__NR_ftruncate, fd, 5000), 0);
	EXPECT_RAW(VCALL(__NR_lseek, fd, 4000, SEEK_SET), 4000);
	memset(buf, 'x', sizeof(buf));
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), sizeof(buf));
	EXPECT_TRUE(buf[0] == 0 && !memcmp(buf, buf + 1, sizeof(buf) - 1));
	EXPECT_RAW(VCALL(__NR_ftruncate64, fd, 3, 0), 0);
	EXPECT_RAW(vfs_size(vfs("f")), 3);
	EXPECT_RAW(VCALL(__NR_truncate, VP(vfs("f")), 1), 0);
	EXPECT_RAW(vfs_size(vfs("f")), 1);
	EXPECT_RAW(VCALL(__NR__llseek, fd, 0, 1, VP(&pos), SEEK_SET), 0);
	EXPECT_TRUE(pos == 1);
	EXPECT_RAW(VCALL(__NR_ftruncate, fd, -1), -EINVAL);

	/* Unlinked while open: the file lives on through the descriptor. */
	EXPECT_RAW(VCALL(__NR_lseek, fd, 0, SEEK_SET), 0);
	EXPECT_RAW(VCALL(__NR_write, fd, VP("abc"), 3), 3);
	EXPECT_RAW(VCALL(__NR_unlink, VP(vfs("f"))), 0);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("f")), O_RDONLY), -ENOENT);
	EXPECT_RAW(VCALL(__NR_fstat64, fd, VP(&st)), 0);
	EXPECT_TRUE(st.st_nlink == 0 && st.st_size == 3);
	EXPECT_RAW(VCALL(__NR_lseek, fd, 0, SEEK_SET), 0);
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), 3);
	EXPECT_TRUE(!memcmp(buf, "abc", 3));
	fd2 = VCALL(__NR_open, VP(vfs("f")), O_RDONLY);
	EXPECT_RAW(fd2, -ENOENT);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);
	vfs_cleanup();
	return TEST_PASS;
}

/* Looks for @name in getdents64 records; Return: its d_type, or -1. */
static int dirent64_type(const char *buf, long len, const char *name)
{
	for (long off = 0; off < len;) {
		const struct linux_dirent64 *d = (const void *)(buf + off);

		if (!strcmp(d->d_name, name))
			return d->d_type;
		off += d->d_reclen;
	}
	return -1;
}

static enum test_result test_vfs_getdents64_names_and_types(void)
{
	static char buf[4096] __attribute__((aligned(8)));
	const struct linux_dirent *old;
	long fd, n, count = 0;

	if (vfs_setup())
		return TEST_FAIL;
	EXPECT_RAW(vfs_create(vfs("f"), "x"), 0);
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs("sub")), 0755), 0);
	EXPECT_RAW(VCALL(__NR_symlink, VP("f"), VP(vfs("l"))), 0);
	fd = VCALL(__NR_open, VP(vfs_dir), O_RDONLY | O_DIRECTORY);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), -EISDIR);
	EXPECT_RAW(VCALL(__NR_getdents64, fd, VP(buf), 10), -EINVAL);
	EXPECT_RAW(VCALL(__NR_getdents64, fd, VP(KERNEL_ADDRESS), 4096),
		   -EFAULT);
	n = VCALL(__NR_getdents64, fd, VP(buf), sizeof(buf));
	EXPECT_TRUE(n > 0);
	EXPECT_RAW(dirent64_type(buf, n, "."), DT_DIR);
	EXPECT_RAW(dirent64_type(buf, n, ".."), DT_DIR);
	EXPECT_RAW(dirent64_type(buf, n, "f"), DT_REG);
	EXPECT_RAW(dirent64_type(buf, n, "sub"), DT_DIR);
	EXPECT_RAW(dirent64_type(buf, n, "l"), DT_LNK);
	EXPECT_RAW(VCALL(__NR_getdents64, fd, VP(buf), sizeof(buf)), 0);

	/* The old format, from the start again: the type is the last byte. */
	EXPECT_RAW(VCALL(__NR_lseek, fd, 0, SEEK_SET), 0);
	n = VCALL(__NR_getdents, fd, VP(buf), sizeof(buf));
	EXPECT_TRUE(n > 0);
	for (long off = 0; off < n; off += old->d_reclen, count++) {
		old = (const void *)(buf + off);
		if (!strcmp(old->d_name, "l"))
			EXPECT_TRUE(buf[off + old->d_reclen - 1] == DT_LNK);
	}
	EXPECT_RAW(count, 5);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);
	EXPECT_RAW(VCALL(__NR_getdents64, fd, VP(buf), sizeof(buf)), -EBADF);

	if (kt26_running()) {
		fd = VCALL(__NR_open, VP("/"), O_RDONLY | O_DIRECTORY);
		EXPECT_TRUE(fd >= 0);
		n = VCALL(__NR_getdents64, fd, VP(buf), sizeof(buf));
		EXPECT_RAW(VCALL(__NR_close, fd), 0);
		EXPECT_RAW(dirent64_type(buf, n, "bin"), DT_DIR);
		EXPECT_RAW(dirent64_type(buf, n, "dev"), DT_DIR);
		EXPECT_RAW(dirent64_type(buf, n, "proc"), DT_DIR);
		EXPECT_RAW(dirent64_type(buf, n, "tmp"), DT_DIR);
	}
	vfs_cleanup();
	return TEST_PASS;
}

static enum test_result test_vfs_stat64_statx_readlink(void)
{
	struct statx stx;
	struct stat64 st;
	char buf[64];
	long dfd;

	if (vfs_setup())
		return TEST_FAIL;
	EXPECT_RAW(VCALL(__NR_symlink, VP("target-name"), VP(vfs("l"))), 0);
	EXPECT_RAW(VCALL(__NR_lstat64, VP(vfs("l")), VP(&st)), 0);
	EXPECT_TRUE(S_ISLNK(st.st_mode) && st.st_size == 11);
	EXPECT_RAW(VCALL(__NR_stat64, VP(vfs("l")), VP(&st)), -ENOENT);
	memset(buf, 'x', sizeof(buf));
	EXPECT_RAW(VCALL(__NR_readlink, VP(vfs("l")), VP(buf), sizeof(buf)),
		   11);
	EXPECT_TRUE(!memcmp(buf, "target-name", 11) && buf[11] == 'x');
	EXPECT_RAW(VCALL(__NR_readlink, VP(vfs("l")), VP(buf), 4), 4);
	EXPECT_RAW(VCALL(__NR_readlink, VP(vfs_dir), VP(buf), 4), -EINVAL);
	EXPECT_RAW(VCALL(__NR_readlink, VP(vfs("l")), VP(KERNEL_ADDRESS), 4),
		   -EFAULT);

	EXPECT_RAW(VCALL(__NR_statx, AT_FDCWD, VP(vfs("l")),
			 AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, VP(&stx)), 0);
	EXPECT_TRUE((stx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	EXPECT_TRUE(S_ISLNK(stx.stx_mode) && stx.stx_size == 11);
	EXPECT_RAW(VCALL(__NR_statx, AT_FDCWD, VP("/"), 0, STATX_BASIC_STATS,
			 VP(&stx)), 0);
	EXPECT_TRUE(S_ISDIR(stx.stx_mode) && stx.stx_nlink >= 2);
	EXPECT_RAW(VCALL(__NR_statx, AT_FDCWD, VP("/"), 0, STATX__RESERVED,
			 VP(&stx)), -EINVAL);
	EXPECT_RAW(VCALL(__NR_stat64, VP(vfs_dir), VP(KERNEL_ADDRESS)),
		   -EFAULT);

	dfd = VCALL(__NR_open, VP(vfs_dir), O_RDONLY | O_DIRECTORY);
	EXPECT_TRUE(dfd >= 0);
	EXPECT_RAW(VCALL(__NR_fstatat64, dfd, VP("l"), VP(&st),
			 AT_SYMLINK_NOFOLLOW), 0);
	EXPECT_TRUE(S_ISLNK(st.st_mode));
	EXPECT_RAW(VCALL(__NR_readlinkat, dfd, VP("l"), VP(buf), 6), 6);
	EXPECT_RAW(VCALL(__NR_statx, dfd, VP(""), AT_EMPTY_PATH,
			 STATX_BASIC_STATS, VP(&stx)), 0);
	EXPECT_TRUE(S_ISDIR(stx.stx_mode));
	EXPECT_RAW(VCALL(__NR_close, dfd), 0);

	if (kt26_running()) {
		EXPECT_RAW(VCALL(__NR_stat64, VP("/dev/null"), VP(&st)), 0);
		EXPECT_TRUE(S_ISCHR(st.st_mode) && st.st_rdev == (1 << 8 | 3));
		EXPECT_RAW(VCALL(__NR_stat64, VP("/dev/hda"), VP(&st)), 0);
		EXPECT_TRUE(S_ISBLK(st.st_mode) && st.st_rdev == (3 << 8 | 0));
	}
	vfs_cleanup();
	return TEST_PASS;
}

static enum test_result test_vfs_chdir_getcwd_relative_paths(void)
{
	static char old[PATH_MAX], buf[PATH_MAX];
	long dfd;

	if (vfs_setup())
		return TEST_FAIL;
	EXPECT_TRUE(VCALL(__NR_getcwd, VP(old), sizeof(old)) > 0);
	EXPECT_RAW(VCALL(__NR_chdir, VP(vfs_dir)), 0);
	EXPECT_RAW(VCALL(__NR_getcwd, VP(buf), sizeof(buf)),
		   (long)strlen(vfs_dir) + 1);
	EXPECT_TRUE(!strcmp(buf, vfs_dir));
	EXPECT_RAW(vfs_create("rel", "relative"), 0);
	EXPECT_RAW(vfs_size(vfs("rel")), 8);
	EXPECT_RAW(VCALL(__NR_mkdir, VP("sub"), 0755), 0);
	EXPECT_RAW(VCALL(__NR_chdir, VP("sub")), 0);
	EXPECT_RAW(vfs_size("../rel"), 8);
	EXPECT_RAW(VCALL(__NR_getcwd, VP(buf), 3), -ERANGE);
	EXPECT_RAW(VCALL(__NR_getcwd, VP(KERNEL_ADDRESS), sizeof(buf)),
		   -EFAULT);
	EXPECT_RAW(VCALL(__NR_chdir, VP("..")), 0);
	EXPECT_RAW(VCALL(__NR_chdir, VP("rel")), -ENOTDIR);
	EXPECT_RAW(VCALL(__NR_chdir, VP("none")), -ENOENT);

	/* A removed working directory has no name any more. */
	EXPECT_RAW(VCALL(__NR_mkdir, VP("gone"), 0755), 0);
	EXPECT_RAW(VCALL(__NR_chdir, VP("gone")), 0);
	EXPECT_RAW(VCALL(__NR_rmdir, VP(vfs("gone"))), 0);
	EXPECT_RAW(VCALL(__NR_getcwd, VP(buf), sizeof(buf)), -ENOENT);
	EXPECT_RAW(VCALL(__NR_open, VP("new"), O_CREAT | O_WRONLY, 0644),
		   -ENOENT);

	dfd = VCALL(__NR_open, VP("/"), O_RDONLY | O_DIRECTORY);
	EXPECT_TRUE(dfd >= 0);
	EXPECT_RAW(VCALL(__NR_fchdir, dfd), 0);
	EXPECT_RAW(VCALL(__NR_close, dfd), 0);
	EXPECT_RAW(VCALL(__NR_getcwd, VP(buf), sizeof(buf)), 2);
	EXPECT_TRUE(!strcmp(buf, "/"));
	EXPECT_RAW(VCALL(__NR_chdir, VP(old)), 0);
	vfs_cleanup();
	return TEST_PASS;
}

static enum test_result test_vfs_mkdir_rename_rmdir_rules(void)
{
	char buf[8];
	long fd, dfd;

	if (vfs_setup())
		return TEST_FAIL;
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs("d1")), 0755), 0);
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs("d1")), 0755), -EEXIST);
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs("d1/d2")), 0755), 0);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("d1")), VP(vfs("d1/d2/d3"))),
		   -EINVAL);
	EXPECT_RAW(VCALL(__NR_rmdir, VP(vfs("d1"))), -ENOTEMPTY);
	EXPECT_RAW(VCALL(__NR_rmdir, VP(vfs("d1/."))), -EINVAL);

	/* A rename replaces the target file. */
	EXPECT_RAW(vfs_create(vfs("f1"), "one"), 0);
	EXPECT_RAW(vfs_create(vfs("f2"), "two!"), 0);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("f1")), VP(vfs("f2"))), 0);
	EXPECT_RAW(vfs_size(vfs("f1")), -ENOENT);
	fd = VCALL(__NR_open, VP(vfs("f2")), O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), 3);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);

	/* Across directories, files and directories. */
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("f2")), VP(vfs("d1/f"))), 0);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("d1/d2")), VP(vfs("d3"))), 0);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("d1/f")), VP(vfs("d3"))),
		   -EISDIR);
	EXPECT_RAW(vfs_create(vfs("f"), NULL), 0);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("d3")), VP(vfs("f"))), -ENOTDIR);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("d3")), VP(vfs("d1"))),
		   -ENOTEMPTY);
	EXPECT_RAW(VCALL(__NR_unlink, VP(vfs("d3"))), -EISDIR);
	EXPECT_RAW(VCALL(__NR_rmdir, VP(vfs("f"))), -ENOTDIR);
	EXPECT_RAW(VCALL(__NR_unlink, VP(vfs("f/"))), -ENOTDIR);

	/* The *at() forms, from a directory descriptor. */
	dfd = VCALL(__NR_open, VP(vfs_dir), O_RDONLY | O_DIRECTORY);
	EXPECT_TRUE(dfd >= 0);
	EXPECT_RAW(VCALL(__NR_mkdirat, dfd, VP("sub"), 0755), 0);
	EXPECT_RAW(VCALL(__NR_renameat, dfd, VP("sub"), dfd, VP("gone")), 0);
	EXPECT_RAW(VCALL(__NR_unlinkat, dfd, VP("gone"), 0), -EISDIR);
	EXPECT_RAW(VCALL(__NR_unlinkat, dfd, VP("gone"), AT_REMOVEDIR), 0);
	EXPECT_RAW(VCALL(__NR_unlinkat, dfd, VP("f"), 0x4000), -EINVAL);
	EXPECT_RAW(VCALL(__NR_mkdirat, 99, VP("sub"), 0755), -EBADF);
	EXPECT_RAW(VCALL(__NR_close, dfd), 0);
	vfs_cleanup();
	return TEST_PASS;
}

static enum test_result test_vfs_bad_paths_errno(void)
{
	static char longpath[PATH_MAX + 16], name[NAME_MAX + 8];
	struct stat64 st;

	if (vfs_setup())
		return TEST_FAIL;
	EXPECT_RAW(vfs_create(vfs("f"), "x"), 0);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("none")), O_RDONLY), -ENOENT);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("none/x")), O_RDONLY), -ENOENT);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("f/x")), O_RDONLY), -ENOTDIR);
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs("f/x")), 0755), -ENOTDIR);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("f")), O_RDONLY | O_DIRECTORY),
		   -ENOTDIR);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs_dir), O_WRONLY), -EISDIR);
	EXPECT_RAW(VCALL(__NR_open, VP(""), O_RDONLY), -ENOENT);

	/* Links that lead back to themselves. */
	EXPECT_RAW(VCALL(__NR_symlink, VP("b"), VP(vfs("a"))), 0);
	EXPECT_RAW(VCALL(__NR_symlink, VP("a"), VP(vfs("b"))), 0);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("a")), O_RDONLY), -ELOOP);
	EXPECT_RAW(VCALL(__NR_stat64, VP(vfs("a/x")), VP(&st)), -ELOOP);
	EXPECT_RAW(VCALL(__NR_lstat64, VP(vfs("a")), VP(&st)), 0);
	EXPECT_RAW(VCALL(__NR_symlink, VP("f"), VP(vfs("l"))), 0);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("l")), O_RDONLY | O_NOFOLLOW),
		   -ELOOP);

	/* A name of NAME_MAX + 1 bytes, a path of PATH_MAX. */
	memset(name, 'n', NAME_MAX + 1);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs(name)), O_CREAT | O_WRONLY, 0644),
		   -ENAMETOOLONG);
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs(name)), 0755), -ENAMETOOLONG);
	name[NAME_MAX] = '\0';
	EXPECT_RAW(VCALL(__NR_stat64, VP(vfs(name)), VP(&st)), -ENOENT);
	for (int i = 0; i < PATH_MAX + 8; i += 2)
		memcpy(longpath + i, "a/", 2);
	EXPECT_RAW(VCALL(__NR_open, VP(longpath), O_RDONLY), -ENAMETOOLONG);
	EXPECT_RAW(VCALL(__NR_chdir, VP(longpath)), -ENAMETOOLONG);

	/* Bad pointers: -EFAULT, never a crash. */
	EXPECT_RAW(VCALL(__NR_open, VP(KERNEL_ADDRESS), O_RDONLY), -EFAULT);
	EXPECT_RAW(VCALL(__NR_mkdir, VP(WILD_ADDRESS), 0755), -EFAULT);
	EXPECT_RAW(VCALL(__NR_rename, VP(vfs("f")), VP(WILD_ADDRESS)),
		   -EFAULT);
	EXPECT_RAW(VCALL(__NR_symlink, VP(KERNEL_ADDRESS), VP(vfs("x"))),
		   -EFAULT);
	EXPECT_RAW(VCALL(__NR_chdir, VP(KERNEL_ADDRESS)), -EFAULT);
	EXPECT_RAW(VCALL(__NR_statx, AT_FDCWD, VP(vfs("f")), 0,
			 STATX_BASIC_STATS, VP(KERNEL_ADDRESS)), -EFAULT);
	vfs_cleanup();
	return TEST_PASS;
}

static enum test_result test_vfs_read_only_root_and_mounts(void)
{
	char buf[16];
	long fd;

	if (!kt26_running())
		return skip_not_kt26();
	if (vfs_setup())
		return TEST_FAIL;
	EXPECT_RAW(VCALL(__NR_mkdir, VP("/newdir"), 0755), -EROFS);
	EXPECT_RAW(VCALL(__NR_unlink, VP("/etc/motd")), -EROFS);
	EXPECT_RAW(VCALL(__NR_rename, VP("/etc/motd"), VP("/etc/m2")), -EROFS);
	EXPECT_RAW(VCALL(__NR_symlink, VP("x"), VP("/x")), -EROFS);
	EXPECT_RAW(VCALL(__NR_truncate, VP("/etc/motd"), 0), -EROFS);
	EXPECT_RAW(VCALL(__NR_rmdir, VP("/tmp")), -EROFS);

	/* A read-only ramfs, then a writable one that is busy. */
	EXPECT_RAW(VCALL(__NR_mkdir, VP(vfs("m")), 0755), 0);
	EXPECT_RAW(VCALL(__NR_mount, VP("none"), VP(vfs("m")), VP("nosuchfs"),
			 0, 0), -ENODEV);
	EXPECT_RAW(VCALL(__NR_mount, VP("none"), VP(vfs("m")), VP("ramfs"),
			 MS_RDONLY, 0), 0);
	EXPECT_RAW(VCALL(__NR_open, VP(vfs("m/x")), O_CREAT | O_WRONLY, 0644),
		   -EROFS);
	EXPECT_RAW(VCALL(__NR_umount2, VP(vfs("m")), 0), 0);
	EXPECT_RAW(VCALL(__NR_mount, VP("none"), VP(vfs("m")), VP("ramfs"), 0,
			 VP("size=64k")), 0);
	EXPECT_RAW(vfs_create(vfs("m/x"), "in the mount"), 0);
	EXPECT_RAW(VCALL(__NR_rmdir, VP(vfs("m"))), -EBUSY);
	EXPECT_RAW(VCALL(__NR_chdir, VP(vfs("m"))), 0);
	EXPECT_RAW(VCALL(__NR_umount, VP(vfs("m"))), -EBUSY);
	EXPECT_RAW(VCALL(__NR_chdir, VP("/")), 0);
	EXPECT_RAW(VCALL(__NR_umount, VP(vfs("m"))), 0);
	EXPECT_RAW(vfs_size(vfs("m/x")), -ENOENT);
	EXPECT_RAW(VCALL(__NR_umount, VP(vfs("m"))), -EINVAL);

	/* The device nodes. */
	fd = VCALL(__NR_open, VP("/dev/null"), O_RDWR);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(VCALL(__NR_write, fd, VP("gone"), 4), 4);
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), 0);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);
	fd = VCALL(__NR_open, VP("/dev/zero"), O_RDONLY);
	EXPECT_TRUE(fd >= 0);
	memset(buf, 'x', sizeof(buf));
	EXPECT_RAW(VCALL(__NR_read, fd, VP(buf), sizeof(buf)), sizeof(buf));
	EXPECT_TRUE(buf[0] == 0 && !memcmp(buf, buf + 1, sizeof(buf) - 1));
	EXPECT_RAW(VCALL(__NR_close, fd), 0);

	/* execve through a symlink; /tmp itself is noexec. */
	EXPECT_RAW(VCALL(__NR_symlink, VP(BADELF_DIR "/valid"),
			 VP(vfs("hello"))), 0);
	if (exec_expecting(vfs("hello"), BADELF_VALID_EXIT) < 0) {
		vfs_cleanup();
		return TEST_FAIL;
	}
	fd = VCALL(__NR_open, VP(vfs("prog")), O_CREAT | O_WRONLY, 0755);
	EXPECT_TRUE(fd >= 0);
	EXPECT_RAW(VCALL(__NR_close, fd), 0);
	if (exec_expecting(vfs("prog"), EACCES) < 0) {
		vfs_cleanup();
		return TEST_FAIL;
	}
	vfs_cleanup();
	return TEST_PASS;
}


#define TEST(name) { #name, test_##name }

static const struct test tests[] = {
	TEST(fork_wait_exit_status),
	TEST(waitpid_non_child_echild),
	TEST(execve_missing_enoent),
	TEST(execve_badelf_enoexec),
	TEST(write_kernel_address_efault),
	TEST(write_unmapped_address_efault),
	TEST(read_kernel_address_efault),
	TEST(bad_descriptors_ebadf),
	TEST(initramfs_files_read_only),
	TEST(dev_hda_read_write),
	TEST(orphans_go_to_init),
	TEST(null_write_sigsegv),
	TEST(kernel_address_read_sigsegv),
	TEST(kernel_address_write_sigsegv),
	TEST(hlt_sigsegv),
	TEST(cli_sigsegv),
	TEST(ud2_sigill),
	TEST(divide_error_sigfpe),
	TEST(brk_grow_shrink),
	TEST(malloc_free_keep_data),
	TEST(nanosleep_200ms),
	TEST(kill_sigkill_spinning_child),
	TEST(kill_sigterm_spinning_child),
	TEST(kill_bad_pid_or_signal_fails),
	TEST(sched_yield_returns_0),
	TEST(sched_affinity_set_get_fork),
	TEST(sched_affinity_bad_masks_fail),
	TEST(sched_setaffinity_of_another_user_eperm),
	TEST(unknown_syscalls_enosys),
	TEST(setuid_drops_root_for_good),
	TEST(unprivileged_kill_reboot_refused),
	TEST(kill_pid0_fails_harmlessly),
	TEST(kill_kthreadd_survives),
	TEST(kt_tasks_lists_kernel_threads),
	TEST(fuzz_keeps_free_pages),
	TEST(vfs_tmp_file_write_read_truncate_unlink),
	TEST(vfs_getdents64_names_and_types),
	TEST(vfs_stat64_statx_readlink),
	TEST(vfs_chdir_getcwd_relative_paths),
	TEST(vfs_mkdir_rename_rmdir_rules),
	TEST(vfs_bad_paths_errno),
	TEST(vfs_read_only_root_and_mounts),
};

#define NR_TESTS	(int)(sizeof(tests) / sizeof(tests[0]))

/* As init there is nobody to exit to: power off (or stay, if refused). */
static void __attribute__((noreturn)) power_off(void)
{
	struct kt_timespec forever = { 3600, 0 };

	sync();
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
	       LINUX_REBOOT_CMD_POWER_OFF, NULL);
	printf("usertests: reboot: %s\n", strerror(errno));
	for (;;)
		nanosleep(&forever, NULL);
}

int main(void)
{
	int passed = 0, failed = 0;

	printf("usertests: 1..%d\n", NR_TESTS);
	for (int i = 0; i < NR_TESTS; i++) {
		enum test_result result;

		reason[0] = '\0';
		result = tests[i].run();
		if (result == TEST_FAIL) {
			failed++;
			printf("usertests: not ok %d - %s: %s\n", i + 1,
			       tests[i].name, reason);
		} else {
			passed++;
			printf("usertests: ok %d - %s%s%s\n", i + 1,
			       tests[i].name,
			       result == TEST_SKIP ? " # SKIP " : "",
			       result == TEST_SKIP ? reason : "");
		}
	}
	printf("usertests: %d passed, %d failed\n", passed, failed);
	if (getpid() == 1)
		power_off();
	return failed ? 1 : 0;
}
