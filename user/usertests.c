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
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
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

/*
 * Signals, process groups and sessions (kernel/signal.c, kernel/sys.c,
 * arch/x86/signal.c, kernel/itimer.c, kernel/exit.c).  Each test runs in
 * a child, whose handlers and mask cannot disturb the other tests; the
 * child says on stderr what went wrong (CHILD_CHECK) and exits 1.
 */
#define CHILD_CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			int err_ = errno;				\
			dprintf(STDERR_FILENO, "usertests: #   ");	\
			dprintf(STDERR_FILENO, __VA_ARGS__);		\
			dprintf(STDERR_FILENO, " (errno: %s)\n",	\
				strerror(err_));			\
			_exit(1);					\
		}							\
	} while (0)

static enum test_result expect_child_ok(void (*child)(void), const char *what)
{
	int status;

	if (run_in_child(child, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("%s: child %s (the reason is on the line above)",
			    what, describe(status));
	return TEST_PASS;
}

static int find_task(pid_t pid, struct kt_task_info *found);

/* The state letter of task @pid (R, S, T ...): kt26's list, or /proc. */
static char task_state(pid_t pid)
{
	struct kt_task_info info;
	char path[32], text[256], *p;
	ssize_t n;
	int fd;

	if (kt26_running())
		return find_task(pid, &info) == 0 ? info.state : '?';
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return '?';
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	p = strrchr(text, ')');
	return p && p[1] == ' ' ? p[2] : '?';
}

static void __attribute__((noreturn)) pause_forever(void)
{
	for (;;)
		pause();
}

static void pgrp_grandchild(void)
{
	pid_t me = getpid();

	CHILD_CHECK(setsid() == me, "setsid() in a new child");
	CHILD_CHECK(getsid(0) == me && getpgrp() == me,
		    "a session leader leads its session and group");
	CHILD_CHECK(setsid() == -1 && errno == EPERM, "setsid() twice: EPERM");
	CHILD_CHECK(setpgid(0, 0) == -1 && errno == EPERM,
		    "setpgid() of a session leader: EPERM");
	CHILD_CHECK(open("/dev/tty", O_RDWR) == -1 && errno == ENXIO,
		    "/dev/tty of a new session, which has no terminal: ENXIO");
	pause_forever();
}

static void pgrp_child(void)
{
	pid_t me = getpid(), sid = getsid(0), g;
	int status;

	CHILD_CHECK(getpgrp() == getpgid(0) && getpgrp() == getpgid(me),
		    "getpgrp() == getpgid(0) == getpgid(self)");
	CHILD_CHECK(getpgrp() != me, "a forked child leads no group");
	CHILD_CHECK(setpgid(0, -1) == -1 && errno == EINVAL,
		    "setpgid(0, -1): EINVAL");
	CHILD_CHECK(setpgid(0, NO_SUCH_PID) == -1 && errno == EPERM,
		    "setpgid() into a group that does not exist: EPERM");
	CHILD_CHECK(getpgid(NO_SUCH_PID) == -1 && errno == ESRCH,
		    "getpgid(no such pid): ESRCH");
	CHILD_CHECK(getsid(NO_SUCH_PID) == -1 && errno == ESRCH,
		    "getsid(no such pid): ESRCH");
	g = open("/bin/sh", O_RDONLY);
	CHILD_CHECK(g >= 0 && !isatty(g) && errno == ENOTTY,
		    "isatty() of a file: 0, ENOTTY (a terminal's ioctl)");
	close(g);
	CHILD_CHECK(setpgid(0, 0) == 0 && getpgrp() == me,
		    "setpgid(0, 0) makes a group of its own");
	CHILD_CHECK(getsid(0) == sid, "the session stays");
	CHILD_CHECK(setsid() == -1 && errno == EPERM,
		    "setsid() of a group leader: EPERM");

	g = fork();
	CHILD_CHECK(g >= 0, "fork");
	if (g == 0)
		pgrp_grandchild();
	CHILD_CHECK(getpgid(g) == me || getpgid(g) == g,
		    "a child is born in its parent's group");
	while (getsid(g) != g) {
		CHILD_CHECK(waitpid(g, &status, WNOHANG) == 0,
			    "the grandchild %s", describe(status));
		sched_yield();
	}
	CHILD_CHECK(setpgid(g, g) == -1 && errno == EPERM,
		    "setpgid() of a child in another session: EPERM");
	kill(g, SIGKILL);
	CHILD_CHECK(waitpid(g, &status, 0) == g && WIFSIGNALED(status),
		    "reap the grandchild");
	_exit(0);
}

static enum test_result test_setpgid_setsid_follow_linux_rules(void)
{
	return expect_child_ok(pgrp_child, "sessions and groups");
}

static volatile int handled;
static pid_t signaller;

static void usr1_kills_signaller(int sig)
{
	handled++;
	kill(signaller, SIGKILL);
}

/* Sends SIGUSR1 to its parent once it sleeps in waitpid(), then waits. */
static void signal_parent_asleep(void)
{
	pid_t parent = getppid();

	while (task_state(parent) != 'S')
		sched_yield();
	kill(parent, SIGUSR1);
	pause_forever();
}

/*
 * waitpid() is interrupted by a handled signal: with SA_RESTART it
 * starts again after the handler (and returns when the handler has
 * killed the child), without it fails with EINTR.
 */
static void restart_child(void)
{
	struct sigaction act = { .sa_handler = usr1_kills_signaller };
	int status;
	pid_t ret;

	for (int restart = 1; restart >= 0; restart--) {
		act.sa_flags = restart ? SA_RESTART : 0;
		CHILD_CHECK(sigaction(SIGUSR1, &act, NULL) == 0, "sigaction");
		handled = 0;
		signaller = fork();
		CHILD_CHECK(signaller >= 0, "fork");
		if (signaller == 0)
			signal_parent_asleep();
		ret = waitpid(signaller, &status, 0);
		if (restart) {
			CHILD_CHECK(ret == signaller && handled == 1 &&
				    WIFSIGNALED(status) &&
				    WTERMSIG(status) == SIGKILL,
				    "SA_RESTART: waitpid() goes on after the "
				    "handler (returned %d, handler ran %d "
				    "times)", ret, handled);
		} else {
			CHILD_CHECK(ret == -1 && errno == EINTR && handled == 1,
				    "no SA_RESTART: waitpid() fails with EINTR "
				    "(returned %d, handler ran %d times)", ret,
				    handled);
			CHILD_CHECK(waitpid(signaller, &status, 0) == signaller,
				    "reap");
		}
	}
	_exit(0);
}

static enum test_result test_sigaction_sa_restart_restarts_waitpid(void)
{
	return expect_child_ok(restart_child, "SA_RESTART");
}

static volatile int usr1_count;

static void count_usr1(int sig)
{
	usr1_count++;
}

static void mask_child(void)
{
	struct sigaction act = { .sa_handler = count_usr1 };
	sigset_t set, old, pending, none;

	CHILD_CHECK(sigaction(SIGUSR1, &act, NULL) == 0, "sigaction");
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHILD_CHECK(sigprocmask(SIG_BLOCK, &set, NULL) == 0, "block SIGUSR1");
	raise(SIGUSR1);
	CHILD_CHECK(usr1_count == 0, "a blocked signal was delivered");
	CHILD_CHECK(sigpending(&pending) == 0 &&
		    sigismember(&pending, SIGUSR1), "sigpending() shows it");
	CHILD_CHECK(sigprocmask(SIG_UNBLOCK, &set, NULL) == 0 &&
		    usr1_count == 1,
		    "unblocked, it is delivered before sigprocmask() returns");

	/* sigsuspend(): the handler runs, then the old mask is back. */
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	sigemptyset(&none);
	CHILD_CHECK(sigsuspend(&none) == -1 && errno == EINTR &&
		    usr1_count == 2, "sigsuspend() runs the pending handler");
	CHILD_CHECK(sigprocmask(SIG_SETMASK, NULL, &old) == 0 &&
		    sigismember(&old, SIGUSR1),
		    "sigsuspend() puts the old mask back");

	/* SIGKILL and SIGSTOP cannot be blocked, or caught. */
	sigfillset(&set);
	CHILD_CHECK(sigprocmask(SIG_SETMASK, &set, NULL) == 0, "block all");
	sigprocmask(SIG_SETMASK, NULL, &old);
	CHILD_CHECK(!sigismember(&old, SIGKILL) && !sigismember(&old, SIGSTOP),
		    "SIGKILL or SIGSTOP blocked");
	CHILD_CHECK(sigaction(SIGKILL, &act, NULL) == -1 && errno == EINVAL,
		    "sigaction(SIGKILL): EINVAL");
	_exit(0);
}

static enum test_result test_sigprocmask_holds_a_signal_until_unblocked(void)
{
	return expect_child_ok(mask_child, "sigprocmask");
}

static volatile int info_signo, info_code, info_pid, info_uc, info_blocked;

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	sigset_t cur;

	info_signo = si->si_signo;
	info_code = si->si_code;
	info_pid = si->si_pid;
	info_uc = uc != NULL;
	sigprocmask(SIG_SETMASK, NULL, &cur);
	info_blocked = sigismember(&cur, sig);
}

static void siginfo_child(void)
{
	struct sigaction act = { .sa_sigaction = info_handler,
				 .sa_flags = SA_SIGINFO }, old;

	CHILD_CHECK(sigaction(SIGUSR2, &act, NULL) == 0, "sigaction");
	raise(SIGUSR2);
	CHILD_CHECK(info_signo == SIGUSR2 && info_code == SI_USER &&
		    info_pid == getpid() && info_uc,
		    "SA_SIGINFO: signo %d code %d pid %d, ucontext %d",
		    info_signo, info_code, info_pid, info_uc);
	CHILD_CHECK(info_blocked, "the signal is blocked in its handler");

	act.sa_flags = SA_SIGINFO | SA_NODEFER | SA_RESETHAND;
	CHILD_CHECK(sigaction(SIGUSR2, &act, NULL) == 0, "sigaction");
	info_signo = 0;
	raise(SIGUSR2);
	CHILD_CHECK(info_signo == SIGUSR2, "the handler ran again");
	CHILD_CHECK(!info_blocked, "SA_NODEFER: not blocked in its handler");
	CHILD_CHECK(sigaction(SIGUSR2, NULL, &old) == 0 &&
		    old.sa_handler == SIG_DFL,
		    "SA_RESETHAND: back to SIG_DFL once delivered");

	/* No SA_RESTORER: the handler returns through the kernel's code. */
	usr1_count = 0;
	act.sa_handler = count_usr1;
	act.sa_flags = 0;
	act.sa_restorer = NULL;
	CHILD_CHECK(raw_syscall(__NR_rt_sigaction, SIGUSR1, (long)&act, 0,
				sizeof(sigset_t), 0) == 0,
		    "rt_sigaction without SA_RESTORER");
	raise(SIGUSR1);
	CHILD_CHECK(usr1_count == 1, "a handler without a restorer ran");
	_exit(0);
}

static enum test_result test_sa_siginfo_nodefer_resethand(void)
{
	return expect_child_ok(siginfo_child, "siginfo");
}

static volatile int alarms;

static void on_alarm(int sig)
{
	alarms++;
}

static void alarm_child(void)
{
	struct sigaction act = { .sa_handler = on_alarm };
	unsigned int left;

	CHILD_CHECK(sigaction(SIGALRM, &act, NULL) == 0, "sigaction");
	CHILD_CHECK(alarm(10) == 0, "the first alarm() returns 0");
	left = alarm(0);
	CHILD_CHECK(left == 10 || left == 9,
		    "alarm(0) returned %u, expected the 10 s left", left);
	alarm(1);
	CHILD_CHECK(pause() == -1 && errno == EINTR && alarms == 1,
		    "pause() until SIGALRM's handler ran (%d times)", alarms);
	_exit(0);
}

static enum test_result test_alarm_then_pause(void)
{
	return expect_child_ok(alarm_child, "alarm");
}

static void stop_child(void)
{
	struct kt_rusage ru;
	int status;
	pid_t pid = fork();

	CHILD_CHECK(pid >= 0, "fork");
	if (pid == 0)
		pause_forever();
	CHILD_CHECK(kill(pid, SIGSTOP) == 0, "kill(SIGSTOP)");
	CHILD_CHECK(waitpid(pid, &status, WUNTRACED) == pid &&
		    WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP,
		    "waitpid(WUNTRACED) sees it stopped: status %#x", status);
	CHILD_CHECK(task_state(pid) == 'T', "its state is T");
	CHILD_CHECK(waitpid(pid, &status, WUNTRACED | WNOHANG) == 0,
		    "a stop is reported once");
	CHILD_CHECK(kill(pid, SIGCONT) == 0, "kill(SIGCONT)");
	CHILD_CHECK(waitpid(pid, &status, WCONTINUED) == pid &&
		    WIFCONTINUED(status),
		    "waitpid(WCONTINUED) sees it continued: status %#x",
		    status);
	CHILD_CHECK(kill(pid, SIGKILL) == 0, "kill(SIGKILL)");
	CHILD_CHECK(wait4(pid, &status, 0, &ru) == pid && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGKILL, "wait4() reaps it: %s",
		    describe(status));
	_exit(0);
}

static enum test_result test_sigstop_sigcont_seen_by_wait4(void)
{
	return expect_child_ok(stop_child, "stop and continue");
}

static void group_kill_child(void)
{
	pid_t a, b, c, d;
	int status;

	CHILD_CHECK(setpgid(0, 0) == 0, "a group of its own");
	a = fork();
	if (a == 0)
		pause_forever();
	b = fork();
	if (b == 0)
		pause_forever();
	CHILD_CHECK(a > 0 && b > 0, "fork");
	/* Ignored here, after the fork: the children keep the default. */
	signal(SIGUSR1, SIG_IGN);
	CHILD_CHECK(kill(0, SIGUSR1) == 0, "kill(0, SIGUSR1)");
	CHILD_CHECK(waitpid(a, &status, 0) == a && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGUSR1, "kill(0) reaches the caller's "
		    "group: %s", describe(status));
	CHILD_CHECK(waitpid(b, &status, 0) == b && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGUSR1, "kill(0) reaches the caller's "
		    "group: %s", describe(status));

	c = fork();
	if (c == 0)
		pause_forever();
	d = fork();
	if (d == 0)
		pause_forever();
	CHILD_CHECK(c > 0 && d > 0, "fork");
	CHILD_CHECK(setpgid(c, c) == 0 && setpgid(d, c) == 0,
		    "a new group of two");
	CHILD_CHECK(kill(-c, SIGTERM) == 0, "kill(-pgrp, SIGTERM)");
	CHILD_CHECK(waitpid(c, &status, 0) == c && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGTERM, "kill(-pgrp) reaches the "
		    "group: %s", describe(status));
	CHILD_CHECK(waitpid(d, &status, 0) == d && WIFSIGNALED(status) &&
		    WTERMSIG(status) == SIGTERM, "kill(-pgrp) reaches the "
		    "group: %s", describe(status));
	CHILD_CHECK(kill(-c, 0) == -1 && errno == ESRCH,
		    "an empty group: ESRCH");
	_exit(0);
}

static enum test_result test_kill_0_and_minus_pgrp_reach_the_group(void)
{
	return expect_child_ok(group_kill_child, "group kill");
}

static int raised_signal;

static void raise_then_exit(void)
{
	raise(raised_signal);
	_exit(0);
}

/* Linux's default actions: terminate (the "core" ones too), or ignore. */
static enum test_result test_default_actions(void)
{
	static const int terminate[] = { SIGINT, SIGQUIT, SIGPIPE, SIGALRM,
					 SIGUSR2, SIGTERM };
	static const int ignore[] = { SIGCHLD, SIGCONT, SIGURG, SIGWINCH };
	int status;

	for (size_t i = 0; i < sizeof(terminate) / sizeof(terminate[0]); i++) {
		raised_signal = terminate[i];
		if (run_in_child(raise_then_exit, &status) < 0)
			return fail("fork/waitpid: %s", strerror(errno));
		if (!WIFSIGNALED(status) || WTERMSIG(status) != raised_signal)
			return fail("%s: child %s, expected killed by it",
				    signal_label(raised_signal),
				    describe(status));
		/* No core file here, and no "core dumped" flag. */
		if (kt26_running() && WCOREDUMP(status))
			return fail("%s: the core flag is set",
				    signal_label(raised_signal));
	}
	for (size_t i = 0; i < sizeof(ignore) / sizeof(ignore[0]); i++) {
		raised_signal = ignore[i];
		if (run_in_child(raise_then_exit, &status) < 0)
			return fail("fork/waitpid: %s", strerror(errno));
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return fail("%s: child %s, expected it ignored",
				    signal_label(raised_signal),
				    describe(status));
	}
	return TEST_PASS;
}

/*
 * The Linux i386 ABI a C library relies on (kernel/exec.c's auxiliary
 * vector, arch/x86/tls.c, mm/mmap.c, kernel/fork.c's clone flags, the
 * information calls).  Each runs on a Linux host too.
 */

#define IMAGE_BASE	0x08048000UL	/* user/user.ld: ELF header there */

/* The auxiliary vector: past envp's NULL, as the kernel put it. */
static const unsigned long *auxv_start(void)
{
	char **p = environ;

	while (*p)
		p++;
	return (const unsigned long *)(p + 1);
}

static unsigned long getauxval(unsigned long type, int *found)
{
	*found = 0;
	for (const unsigned long *a = auxv_start(); a[0] != AT_NULL; a += 2)
		if (a[0] == type) {
			*found = 1;
			return a[1];
		}
	return 0;
}

static enum test_result test_auxv_present_and_sane(void)
{
	/* e_entry at 24, e_phoff at 28, e_phnum at 44 (Elf32_Ehdr) */
	const unsigned char *eh = (const unsigned char *)IMAGE_BASE;
	unsigned long entry = *(const unsigned int *)(eh + 24);
	unsigned long phoff = *(const unsigned int *)(eh + 28);
	unsigned long phnum = *(const unsigned short *)(eh + 44);
	static const unsigned long needed[] = {
		AT_PAGESZ, AT_PHDR, AT_PHENT, AT_PHNUM, AT_ENTRY, AT_UID,
		AT_EUID, AT_GID, AT_EGID, AT_RANDOM, AT_EXECFN, AT_PLATFORM,
		AT_HWCAP, AT_CLKTCK,
	};
	const unsigned char *random;
	const char *execfn, *base;
	int found, zero = 1;

	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		getauxval(needed[i], &found);
		if (!found)
			return fail("AT_%lu missing", needed[i]);
	}
	if (getauxval(AT_PAGESZ, &found) != PAGE_SIZE)
		return fail("AT_PAGESZ %lu", getauxval(AT_PAGESZ, &found));
	if (getauxval(AT_PHDR, &found) != IMAGE_BASE + phoff ||
	    getauxval(AT_PHNUM, &found) != phnum ||
	    getauxval(AT_PHENT, &found) != 32 ||
	    getauxval(AT_ENTRY, &found) != entry)
		return fail("AT_PHDR %#lx AT_PHNUM %lu AT_ENTRY %#lx, the "
			    "ELF header says %#lx, %lu, %#lx",
			    getauxval(AT_PHDR, &found),
			    getauxval(AT_PHNUM, &found),
			    getauxval(AT_ENTRY, &found), IMAGE_BASE + phoff,
			    phnum, entry);
	if (getauxval(AT_UID, &found) != (unsigned long)getuid() ||
	    getauxval(AT_EGID, &found) != (unsigned long)getegid())
		return fail("AT_UID/AT_EGID are not getuid()/getegid()");
	random = (const unsigned char *)getauxval(AT_RANDOM, &found);
	for (int i = 0; i < 16; i++)
		zero &= !random[i];
	if (zero)
		return fail("AT_RANDOM's 16 bytes are all zero");
	execfn = (const char *)getauxval(AT_EXECFN, &found);
	base = strrchr(execfn, '/');
	if (strcmp(base ? base + 1 : execfn, "usertests"))
		return fail("AT_EXECFN is \"%s\"", execfn);
	if (strcmp((const char *)getauxval(AT_PLATFORM, &found), "i686"))
		return fail("AT_PLATFORM is not i686");
	return TEST_PASS;
}

/* A TLS segment at tls_block: the child changes its copy's entry. */
static unsigned int tls_block[2] = { 0x7e570001, 0x7e570002 };
static unsigned int child_block[2] = { 0xc41d0001, 0xc41d0002 };
static int tls_entry;

static unsigned int gs_word(int i)
{
	unsigned int v;

	if (i)
		asm volatile("movl %%gs:4, %0" : "=r"(v));
	else
		asm volatile("movl %%gs:0, %0" : "=r"(v));
	return v;
}

static long set_tls(int entry, void *base)
{
	struct user_desc d = {
		.entry_number = entry, .base_addr = (unsigned long)base,
		.limit = 0xfffff, .seg_32bit = 1, .limit_in_pages = 1,
		.useable = 1,
	};
	long ret = raw_syscall(__NR_set_thread_area, (long)&d, 0, 0, 0, 0);

	return ret ? ret : (long)d.entry_number;
}

static void load_gs(int entry)
{
	asm volatile("movl %0, %%gs" : : "r"(entry * 8 + 3));
}

static void tls_child(void)
{
	/* fork copied the entry and %gs: the parent's block, our copy */
	if (gs_word(1) != 0x7e570002)
		_exit(2);
	if (set_tls(tls_entry, child_block) != tls_entry)
		_exit(3);
	load_gs(tls_entry);
	_exit(gs_word(0) == 0xc41d0001 ? 0 : 4);
}

/*
 * In a child of its own, so that a broken switch (a %gs with a stale or
 * null base faults) kills that child, not usertests (which as pid 1
 * would retry the faulting load for ever).  Exit codes: what failed.
 */
static void tls_runner(void)
{
	struct user_desc got = { 0 };
	int status;

	tls_entry = set_tls(-1, tls_block);
	if (tls_entry < 0)
		_exit(10);
	load_gs(tls_entry);
	if (gs_word(0) != 0x7e570001)
		_exit(11);
	got.entry_number = tls_entry;
	if (raw_syscall(__NR_get_thread_area, (long)&got, 0, 0, 0, 0) ||
	    got.base_addr != (unsigned long)tls_block || !got.seg_32bit)
		_exit(12);
	/* The child sets its own base in the same entry and runs. */
	if (run_in_child(tls_child, &status) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		_exit(13);
	for (int i = 0; i < 20; i++)
		sched_yield();
	/* No reload here: the switch back must have reloaded %gs. */
	if (gs_word(0) != 0x7e570001 || gs_word(1) != 0x7e570002)
		_exit(14);
	_exit(set_tls(5, tls_block) == -EINVAL ? 0 : 15);
}

static enum test_result test_tls_gs_survives_switch_and_fork(void)
{
	static const char *const why[] = {
		"set_thread_area(-1) failed", "%gs:0 is not the block",
		"get_thread_area: wrong base", "the forked child failed",
		"%gs reads another block after a switch",
		"set_thread_area(5) did not fail with EINVAL",
	};
	int status;

	if (run_in_child(tls_runner, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) >= 10 &&
	    WEXITSTATUS(status) <= 15)
		return fail("%s", why[WEXITSTATUS(status) - 10]);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return fail("the TLS child %s", describe(status));
	return TEST_PASS;
}

static volatile char *mapped;

static void write_mapped_page1(void)
{
	mapped[PAGE_SIZE] = 1;
}

static void read_mapped_page0(void)
{
	(void)mapped[0];
}

static enum test_result test_mmap2_munmap_mprotect(void)
{
	char *fixed;
	int zero = 1;

	mapped = mmap(NULL, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mapped == MAP_FAILED)
		return fail("mmap: %s", strerror(errno));
	for (int i = 0; i < 3 * PAGE_SIZE; i++)
		zero &= !mapped[i];
	if (!zero)
		return fail("fresh anonymous memory is not zero");
	mapped[0] = 'a';
	mapped[2 * PAGE_SIZE + 7] = 'c';
	if (mprotect((void *)(mapped + PAGE_SIZE), PAGE_SIZE, PROT_READ))
		return fail("mprotect: %s", strerror(errno));
	if (expect_signal(write_mapped_page1, SIGSEGV) != TEST_PASS)
		return TEST_FAIL;
	if (mapped[0] != 'a' || mapped[2 * PAGE_SIZE + 7] != 'c' ||
	    mapped[PAGE_SIZE])
		return fail("mprotect changed the data");
	/* MAP_FIXED over the last page: a fresh zero page replaces it. */
	fixed = mmap((void *)(mapped + 2 * PAGE_SIZE), PAGE_SIZE,
		     PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (fixed != mapped + 2 * PAGE_SIZE || fixed[7])
		return fail("MAP_FIXED gave %p", fixed);
	if (munmap((void *)mapped, 3 * PAGE_SIZE))
		return fail("munmap: %s", strerror(errno));
	if (expect_signal(read_mapped_page0, SIGSEGV) != TEST_PASS)
		return TEST_FAIL;
	return expect_error("munmap(misaligned)",
			    munmap((void *)(mapped + 1), PAGE_SIZE), EINVAL);
}

/*
 * fork() shares a read-only page with the child (mm/memory.c: dup_mm());
 * the child's mprotect(PROT_WRITE) must give it a copy of its own.
 */
static enum test_result test_fork_shared_page_unshared_by_mprotect(void)
{
	char *page = mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	if (page == MAP_FAILED)
		return fail("mmap: %s", strerror(errno));
	memcpy(page, "parent", 7);
	if (mprotect(page, PAGE_SIZE, PROT_READ))
		return fail("mprotect: %s", strerror(errno));
	pid = fork();
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	if (pid == 0) {
		if (mprotect(page, PAGE_SIZE, PROT_READ | PROT_WRITE))
			_exit(2);
		memcpy(page, "child", 6);
		_exit(strcmp(page, "child") ? 3 : 0);
	}
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		return fail("child %s", describe(status));
	if (strcmp(page, "parent"))
		return fail("the child's write reached the parent: \"%s\"",
			    page);
	munmap(page, PAGE_SIZE);
	return TEST_PASS;
}

/*
 * A program's code is one page for every process that runs it
 * (mm/filemap.c): read() must not write into it for the user either.
 */
static enum test_result test_read_into_code_efault(void)
{
	char *code = (char *)(unsigned long)test_read_into_code_efault;
	char before = *code;
	int fd = open("/etc/motd", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return fail("open /etc/motd: %s", strerror(errno));
	n = read(fd, code, 1);
	close(fd);
	if (n != -1 || errno != EFAULT)
		return fail("read into the code returned %ld (%s)", (long)n,
			    n < 0 ? strerror(errno) : "no error");
	if (*code != before)
		return fail("the code changed");
	return TEST_PASS;
}

static enum test_result test_clone_tid_flags_uname_sysinfo(void)
{
	struct new_utsname u;
	struct sysinfo si;
	int ptid = 0, ctid = 0, status;
	char name[16];
	long pid;

	pid = raw_syscall(__NR_clone, CLONE_CHILD_SETTID |
			  CLONE_PARENT_SETTID | SIGCHLD, 0, (long)&ptid, 0,
			  (long)&ctid);
	if (pid == 0)
		_exit(ctid == getpid() ? 0 : 1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return fail("clone: %s", strerror(-pid));
	if (ptid != pid || ctid || !WIFEXITED(status) || WEXITSTATUS(status))
		return fail("ptid %d ctid %d for child %ld, %s", ptid, ctid,
			    pid, describe(status));
	if (raw_syscall(__NR_set_tid_address, (long)&ctid, 0, 0, 0, 0) !=
	    getpid() || raw_syscall(__NR_gettid, 0, 0, 0, 0, 0) != getpid())
		return fail("set_tid_address/gettid are not the pid");
	if (raw_syscall(__NR_uname, (long)&u, 0, 0, 0, 0) ||
	    strcmp(u.sysname, "Linux"))
		return fail("uname: sysname \"%s\"", u.sysname);
	if (kt26_running() && (strcmp(u.release, "2.6.32-kt26") ||
			       strcmp(u.machine, "i686")))
		return fail("uname: %s %s", u.release, u.machine);
	if (raw_syscall(__NR_sysinfo, (long)&si, 0, 0, 0, 0) ||
	    (si.mem_unit != PAGE_SIZE && si.mem_unit != 1) ||
	    !si.totalram || si.freeram > si.totalram || !si.procs)
		return fail("sysinfo: unit %u total %lu free %lu procs %u",
			    si.mem_unit, si.totalram, si.freeram, si.procs);
	if (raw_syscall(__NR_prctl, PR_SET_NAME, (long)"renamed", 0, 0, 0) ||
	    raw_syscall(__NR_prctl, PR_GET_NAME, (long)name, 0, 0, 0) ||
	    strcmp(name, "renamed"))
		return fail("prctl name: \"%s\"", name);
	raw_syscall(__NR_prctl, PR_SET_NAME, (long)"usertests", 0, 0, 0);
	return TEST_PASS;
}

static long long ts64_ns(const struct __kernel_timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static enum test_result test_clock_gettime64_monotonic(void)
{
	struct __kernel_timespec a, b, real;
	struct kt_timespec sleep = { 0, 20 * 1000 * 1000 }, r32;
	long ret;

	if (raw_syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, (long)&a, 0,
			0, 0) ||
	    nanosleep(&sleep, NULL) ||
	    raw_syscall(__NR_clock_gettime64, CLOCK_MONOTONIC, (long)&b, 0,
			0, 0))
		return fail("clock_gettime64 failed");
	if (ts64_ns(&b) - ts64_ns(&a) < 20 * 1000 * 1000LL)
		return fail("20 ms of sleep took %lld ns of CLOCK_MONOTONIC",
			    ts64_ns(&b) - ts64_ns(&a));
	if (raw_syscall(__NR_clock_gettime64, CLOCK_REALTIME, (long)&real, 0,
			0, 0) ||
	    raw_syscall(__NR_clock_gettime, CLOCK_REALTIME, (long)&r32, 0, 0,
			0))
		return fail("CLOCK_REALTIME failed");
	/* After 2020-01-01, and the 32-bit call agrees within a second. */
	if (real.tv_sec < 1577836800LL || r32.tv_sec - real.tv_sec > 1 ||
	    r32.tv_sec < real.tv_sec)
		return fail("CLOCK_REALTIME %lld, 32-bit %ld", real.tv_sec,
			    r32.tv_sec);
	ret = raw_syscall(__NR_clock_gettime64, 99, (long)&a, 0, 0, 0);
	return expect_error("clock_gettime64(99)", ret ? (errno = -ret, -1) :
			    0, EINVAL);
}

/* The kt26-only tests: the teaching calls, and pid 0 and 2. */

/*
 * Numbers without a system call: far above the table, negative (eax is
 * compared unsigned, so -1 is huge), 506, the first past the last
 * teaching call (NR_syscalls), and 17 and 58, Linux's break and ulimit,
 * in the table but never implemented (sys_ni_syscall logs them once).
 */
static enum test_result test_unknown_syscalls_enosys(void)
{
	static const long numbers[] = { 9999, -1, 506, 17, 58 };

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

/* kill(0, sig) is the caller's process group: here, itself alone. */
static void kill_pid0(void)
{
	if (setpgid(0, 0) < 0)
		_exit(2);
	kill(0, SIGKILL);
	_exit(1);
}

static enum test_result test_kill_pid0_is_own_group_not_swapper(void)
{
	struct kt_task_info swapper;
	int status;

	if (!kt26_running())
		return skip_not_kt26();
	if (find_task(0, &swapper) < 0 || strcmp(swapper.comm, "swapper/0"))
		return fail("pid 0 is not swapper/0: is this kt26?");
	if (run_in_child(kill_pid0, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
		return fail("kill(0, SIGKILL) in a group of its own: child %s, "
			    "expected killed by SIGKILL", describe(status));
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

/* ---- /proc ---- */

/* A small file whole, NUL-terminated; Return: its length, or -errno. */
static int read_whole(int fd, char *buf, int size)
{
	int n = 0;

	for (;;) {
		ssize_t got = read(fd, buf + n, size - 1 - n);

		if (got < 0)
			return -errno;
		if (got == 0 || n + got == size - 1) {
			n += got;
			break;
		}
		n += got;
	}
	buf[n] = '\0';
	return n;
}

static int read_path(const char *path, char *buf, int size)
{
	int fd = open(path, O_RDONLY), n;

	if (fd < 0)
		return -errno;
	n = read_whole(fd, buf, size);
	close(fd);
	return n;
}

/* The number after "@name:\t" in a status text; -1 if none. */
static long status_number(const char *status, const char *name)
{
	char key[32];
	const char *p;

	snprintf(key, sizeof(key), "\n%s:", name);
	p = strstr(status, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

/*
 * /proc/self is the caller: stat's pid, name, state and parent, and
 * status's, are what getpid(), getppid() and getuid() say.
 */
static enum test_result test_proc_self_stat_status(void)
{
	char stat[1024], status[2048], head[64];

	if (read_path("/proc/self/stat", stat, sizeof(stat)) <= 0)
		return fail("/proc/self/stat: %s", strerror(errno));
	snprintf(head, sizeof(head), "%d (usertests) R %d ", getpid(),
		 getppid());
	if (strncmp(stat, head, strlen(head)))
		return fail("/proc/self/stat begins \"%.40s\", not \"%s\"",
			    stat, head);
	if (read_path("/proc/self/status", status, sizeof(status)) <= 0)
		return fail("/proc/self/status: %s", strerror(errno));
	if (strncmp(status, "Name:\tusertests\n", 16) ||
	    !strstr(status, "\nState:\tR (running)\n"))
		return fail("status begins \"%.40s\"", status);
	if (status_number(status, "Pid") != getpid() ||
	    status_number(status, "PPid") != getppid() ||
	    status_number(status, "Uid") != (long)getuid())
		return fail("Pid %ld PPid %ld Uid %ld, not %d %d %u",
			    status_number(status, "Pid"),
			    status_number(status, "PPid"),
			    status_number(status, "Uid"), getpid(), getppid(),
			    getuid());
	return TEST_PASS;
}

/* The program's arguments, as execve() laid them out. */
static char **saved_argv;

static enum test_result test_proc_self_cmdline_is_argv(void)
{
	char cmdline[1024], want[1024];
	int n, len = 0;

	for (char **a = saved_argv; *a; a++) {
		int l = strlen(*a) + 1;

		if (len + l > (int)sizeof(want))
			return TEST_SKIP;
		memcpy(want + len, *a, l);
		len += l;
	}
	n = read_path("/proc/self/cmdline", cmdline, sizeof(cmdline));
	if (n != len || memcmp(cmdline, want, len))
		return fail("/proc/self/cmdline is %d bytes \"%.40s\", argv %d "
			    "bytes \"%s\"", n, cmdline, len, want);
	return TEST_PASS;
}

/* VmData grows by what sbrk() adds, and shrinks back. */
static enum test_result test_proc_vm_data_follows_brk(void)
{
	char status[2048];
	long before, grown, after;

	if (read_path("/proc/self/status", status, sizeof(status)) <= 0)
		return fail("/proc/self/status: %s", strerror(errno));
	before = status_number(status, "VmData");
	if (before < 0 || status_number(status, "VmRSS") <= 0 ||
	    status_number(status, "VmSize") < before)
		return fail("VmData %ld VmRSS %ld VmSize %ld", before,
			    status_number(status, "VmRSS"),
			    status_number(status, "VmSize"));
	if (sbrk(BRK_GROWTH) == (void *)-1)
		return fail("sbrk(+%d): %s", BRK_GROWTH, strerror(errno));
	read_path("/proc/self/status", status, sizeof(status));
	grown = status_number(status, "VmData");
	sbrk(-BRK_GROWTH);
	read_path("/proc/self/status", status, sizeof(status));
	after = status_number(status, "VmData");
	if (grown != before + BRK_GROWTH / 1024 || after != before)
		return fail("VmData %ld kB, %ld after sbrk(+%d), %ld after "
			    "sbrk(-%d)", before, grown, BRK_GROWTH, after,
			    BRK_GROWTH);
	return TEST_PASS;
}

#define SYSCTL_PATH	"/proc/sys/vm/dirty_expire_centisecs"

static int write_path(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), n;

	if (fd < 0)
		return -errno;
	n = write(fd, text, strlen(text));
	close(fd);
	return n < 0 ? -errno : n;
}

/*
 * A vm tunable: root writes a number and reads it back; words,
 * negative and too large numbers are refused (EINVAL) and change
 * nothing; another user may read but not write (EACCES).
 */
static enum test_result test_proc_sysctl_write_read_refuse(void)
{
	static const char *const bad[] = { "abc\n", "-5\n", "360001\n", "\n" };
	char old[32], now[32];
	enum test_result result = TEST_PASS;
	int status;
	pid_t pid;

	if (!kt26_running())
		return skip_not_kt26();	/* not on the host's own tunables */
	if (read_path(SYSCTL_PATH, old, sizeof(old)) <= 0)
		return fail("%s: %s", SYSCTL_PATH, strerror(errno));
	if (write_path(SYSCTL_PATH, "1234\n") != 5)
		return fail("writing 1234: %s", strerror(errno));
	read_path(SYSCTL_PATH, now, sizeof(now));
	if (strcmp(now, "1234\n"))
		result = fail("wrote 1234, read \"%s\"", now);
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int err = write_path(SYSCTL_PATH, bad[i]);

		read_path(SYSCTL_PATH, now, sizeof(now));
		if (result == TEST_PASS && (err != -EINVAL ||
					    strcmp(now, "1234\n")))
			result = fail("writing \"%.6s\": %d, then \"%s\"",
				      bad[i], err, now);
	}
	pid = fork();
	if (pid == 0) {
		if (setuid(NOBODY) < 0)
			_exit(2);
		_exit(write_path(SYSCTL_PATH, "99\n") == -EACCES &&
		      read_path(SYSCTL_PATH, now, sizeof(now)) > 0 ? 0 : 1);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		result = result == TEST_PASS ? fail("another user could write "
						    "it, or not read it") :
					       result;
	if (write_path(SYSCTL_PATH, old) != (int)strlen(old))
		return fail("putting back %s: %s", old, strerror(errno));
	return result;
}

/* Read a /proc file from its start; Return: bytes, or -errno. */
static int reread(int fd, char *buf, int size)
{
	if (lseek(fd, 0, SEEK_SET) < 0)
		return -errno;
	return read_whole(fd, buf, size);
}

/*
 * A child's stack and status, open while it exits and is reaped: each
 * read gives text (alive, exiting, zombie) or ESRCH once it is reaped,
 * never a crash; its directory is then gone.  The stack is root's only
 * (on a Linux host, another user's open or read of it fails: then
 * status alone is read).
 */
static enum test_result test_proc_read_races_child_exit(void)
{
	static char buf[4096];

	for (int i = 0; i < 100; i++) {
		char path[32];
		int stack, status, n;
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		if (pid < 0)
			return fail("fork: %s", strerror(errno));
		snprintf(path, sizeof(path), "/proc/%d/stack", pid);
		stack = open(path, O_RDONLY);
		snprintf(path, sizeof(path), "/proc/%d/status", pid);
		status = open(path, O_RDONLY);
		if (status < 0)
			return fail("%s: %s", path, strerror(errno));
		n = read_whole(status, buf, sizeof(buf));
		if (n <= 0 && n != -ESRCH)
			return fail("reading %s: %d", path, n);
		if (stack >= 0 && (n = read_whole(stack, buf, sizeof(buf))) < 0
		    && n != -ESRCH) {
			/* Linux checks at the read, for a user: not root. */
			if (n != -EACCES || getuid() == 0)
				return fail("reading its stack: %d", n);
			close(stack);
			stack = -1;
		}
		if (waitpid(pid, NULL, 0) != pid)
			return fail("waitpid: %s", strerror(errno));
		if ((n = reread(status, buf, sizeof(buf))) != -ESRCH)
			return fail("%s of a reaped child: %d, not ESRCH", path,
				    n);
		if (stack >= 0 && (n = reread(stack, buf, sizeof(buf))) !=
		    -ESRCH)
			return fail("its stack, reaped: %d, not ESRCH", n);
		close(status);
		if (stack >= 0)
			close(stack);
		if (open(path, O_RDONLY) >= 0 || errno != ENOENT)
			return fail("%s still there after the reap", path);
	}
	return TEST_PASS;
}

/*
 * Pipes and descriptors (fs/pipe.c, fs/fcntl.c).  Each test closes every
 * descriptor it opened, so that the next one starts from the same table
 * (the lowest free descriptor is part of what is checked).  A child that
 * a broken kernel would leave blocked forever is given a way out -- a
 * byte written, the write end closed, SIGKILL -- so that a failure is a
 * "not ok" line and not a hung run.
 */
#define PIPE_ROUND_TRIPS	1000
#define PIPE_BIG		(64 * 1024)
#define PIPE_RECORDS		32	/* per writer, PIPE_BUF bytes each */
#define RECORD_PIECE		1000	/* how the records are read */
#define PIPE_KT26_SIZE		4096	/* fs/pipe.c's ring (Linux: 64 KiB) */
#define SIGNALS_BEFORE_GIVING_UP 200	/* 2 s: a read never interrupted */
#define SIGNALS_RESTARTED	5	/* then a byte for the restarted read */
#define CLOEXEC_CHECK		"--check-cloexec"
#define CLOEXEC_FDS		5	/* ways to set FD_CLOEXEC tried */

/*
 * Signal handlers through rt_sigaction(2), Linux's i386 ABI, made here
 * by number so that these tests need nothing more of the C library.
 * Where the kernel has no handlers yet (ENOSYS), the tests check what
 * can be seen without them.
 */
#ifndef __NR_rt_sigaction
#define __NR_rt_sigaction	174
#endif
#ifndef SA_RESTORER
#define SA_RESTORER		0x04000000
#endif
#ifndef SA_RESTART
#define SA_RESTART		0x10000000
#endif
#define HANDLER_DFL		((void (*)(int))0)
#define HANDLER_IGN		((void (*)(int))1)

/* struct sigaction as rt_sigaction(2) reads it on i386 */
struct rt_action {
	void (*handler)(int);
	unsigned long flags;
	void (*restorer)(void);
	unsigned long mask[2];
};

/*
 * Where a handler returns (glibc's __restore for a handler without
 * SA_SIGINFO): drop the signal number the kernel pushed as the handler's
 * argument, then sigreturn (119) restores the interrupted registers.
 */
void usertests_sigreturn(void);
asm(".pushsection .text\n"
    ".globl usertests_sigreturn\n"
    ".type usertests_sigreturn, @function\n"
    "usertests_sigreturn:\n"
    "\tpopl %eax\n"
    "\tmovl $119, %eax\n"
    "\tint $0x80\n"
    ".size usertests_sigreturn, . - usertests_sigreturn\n"
    ".popsection");

/* Return: 0, or -E from the kernel (-ENOSYS: no handlers there). */
static long set_handler(int sig, void (*handler)(int), unsigned long flags)
{
	struct rt_action act = {
		.handler = handler,
		.flags = flags | SA_RESTORER,
		.restorer = usertests_sigreturn,
	};

	return raw_syscall(__NR_rt_sigaction, sig, (long)&act, 0,
			   sizeof(act.mask), 0);
}

static int have_signal_handlers(void)
{
	struct rt_action old;

	return raw_syscall(__NR_rt_sigaction, SIGUSR2, 0, (long)&old,
			   sizeof(old.mask), 0) == 0;
}

/* read() until @n bytes or end of file; Return: bytes read, -1 on error. */
static ssize_t read_full(int fd, void *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		ssize_t r = read(fd, (char *)buf + done, n - done);

		if (r < 0)
			return -1;
		if (r == 0)
			break;
		done += r;
	}
	return done;
}

static void close_pair(const int fds[2])
{
	close(fds[0]);
	close(fds[1]);
}

/* Forks; the child runs @child(@fds) and exits 0 if it returns. */
static pid_t fork_with(void (*child)(int fds[2]), int fds[2])
{
	pid_t pid = fork();

	if (pid == 0) {
		child(fds);
		_exit(0);
	}
	return pid;
}

/* Reaps @pid; Return: 0 if it exited with status 0, else -1 (reason set). */
static int reap_ok(pid_t pid, const char *who)
{
	int status;

	if (waitpid(pid, &status, 0) != pid) {
		fail("waitpid(%s): %s", who, strerror(errno));
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fail("%s %s", who, describe(status));
		return -1;
	}
	return 0;
}

/* Two write ends, one closed before the other: EOF waits for both. */
static void write_hello_twice(int fds[2])
{
	int extra = dup(fds[1]);

	close(fds[0]);
	if (extra < 0 || write(fds[1], "hel", 3) != 3)
		_exit(1);
	close(fds[1]);
	if (write(extra, "lo", 2) != 2)
		_exit(2);
}

static enum test_result test_pipe_eof_after_last_writer(void)
{
	char buf[16];
	int fds[2];
	ssize_t n;
	pid_t pid;

	if (pipe(fds) < 0)
		return fail("pipe: %s", strerror(errno));
	EXPECT_ERROR(write(fds[0], "x", 1), EBADF);
	EXPECT_ERROR(read(fds[1], buf, 1), EBADF);
	EXPECT_ERROR(lseek(fds[0], 0, SEEK_SET), ESPIPE);
	pid = fork_with(write_hello_twice, fds);
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	close(fds[1]);
	n = read_full(fds[0], buf, sizeof(buf));
	if (read(fds[0], buf + 8, 1) != 0)
		n = -2;
	close(fds[0]);
	if (reap_ok(pid, "writer") < 0)
		return TEST_FAIL;
	if (n == -2)
		return fail("a read after end of file did not return 0");
	if (n != 5 || memcmp(buf, "hello", 5))
		return fail("read %ld bytes \"%.*s\", expected \"hello\" then "
			    "end of file", (long)n, n > 0 ? (int)n : 0, buf);
	return TEST_PASS;
}

static void write_to_readerless_pipe(void)
{
	int fds[2];

	if (pipe(fds) < 0)
		_exit(2);
	close(fds[0]);
	write(fds[1], "x", 1);
	_exit(3);		/* still alive: no SIGPIPE */
}

static void write_with_sigpipe_ignored(void)
{
	int fds[2];

	if (set_handler(SIGPIPE, HANDLER_IGN, 0) != 0 || pipe(fds) < 0)
		_exit(2);
	close(fds[0]);
	if (write(fds[1], "x", 1) != -1)
		_exit(3);
	_exit(errno == EPIPE ? 0 : 4);
}

/*
 * The last reader gone, a write kills the writer with SIGPIPE (the
 * default action); ignored, the signal leaves -EPIPE.  (Ignoring a
 * signal needs rt_sigaction: without it, the first half alone.)
 */
static enum test_result test_pipe_write_without_reader_sigpipe(void)
{
	int status;

	if (expect_signal(write_to_readerless_pipe, SIGPIPE) != TEST_PASS)
		return TEST_FAIL;
	if (!have_signal_handlers())
		return TEST_PASS;
	if (run_in_child(write_with_sigpipe_ignored, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("with SIGPIPE ignored: child %s (2: could not "
			    "ignore it, 3: the write succeeded, 4: not EPIPE)",
			    describe(status));
	return TEST_PASS;
}

static unsigned long all_cpus[AFFINITY_WORDS];

/*
 * Binds the caller (and the children it forks) to one CPU of its mask,
 * until all_cpus_again().  On one CPU each hand-over is a plain switch:
 * across CPUs each is a wake-up by IPI of a halted CPU, which under
 * QEMU costs a millisecond or more when the host is busy.  Return: 0,
 * or -1 (reason set).
 */
static int stay_on_one_cpu(void)
{
	unsigned long mask[AFFINITY_WORDS] = { 0 };
	int cpu;

	memset(all_cpus, 0, sizeof(all_cpus));
	if (sched_getaffinity(0, sizeof(all_cpus), all_cpus) <= 0 ||
	    (cpu = mask_last_cpu(all_cpus)) < 0) {
		fail("sched_getaffinity: %s", strerror(errno));
		return -1;
	}
	mask[cpu / LONG_BITS] = 1UL << (cpu % LONG_BITS);
	if (sched_setaffinity(0, sizeof(mask), mask) < 0) {
		fail("sched_setaffinity: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static void all_cpus_again(void)
{
	sched_setaffinity(0, sizeof(all_cpus), all_cpus);
}

static int ping_to_child[2], pong_to_parent[2];

/* Answers each number n with n + 1; exits 1 on a number out of turn. */
static void pong_numbers(int unused[2])
{
	unsigned int n;

	close(ping_to_child[1]);
	close(pong_to_parent[0]);
	for (unsigned int i = 0; i < PIPE_ROUND_TRIPS; i++) {
		if (read_full(ping_to_child[0], &n, sizeof(n)) != sizeof(n) ||
		    n != i)
			_exit(1);
		n++;
		if (write(pong_to_parent[1], &n, sizeof(n)) != sizeof(n))
			_exit(2);
	}
	/* Nothing more comes: the parent closed its end. */
	if (read(ping_to_child[0], &n, 1) != 0)
		_exit(3);
}

static enum test_result pipe_round_trips(void)
{
	unsigned int i, n = 0;
	pid_t pid;

	if (pipe(ping_to_child) < 0)
		return fail("pipe: %s", strerror(errno));
	if (pipe(pong_to_parent) < 0) {
		close_pair(ping_to_child);
		return fail("pipe: %s", strerror(errno));
	}
	pid = fork_with(pong_numbers, NULL);
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	close(ping_to_child[0]);
	close(pong_to_parent[1]);
	for (i = 0; i < PIPE_ROUND_TRIPS; i++) {
		if (write(ping_to_child[1], &i, sizeof(i)) != sizeof(i) ||
		    read_full(pong_to_parent[0], &n, sizeof(n)) != sizeof(n) ||
		    n != i + 1)
			break;
	}
	close(ping_to_child[1]);
	close(pong_to_parent[0]);
	if (reap_ok(pid, "child (1: a number out of turn, 2: write, 3: "
		    "more than was sent)") < 0)
		return TEST_FAIL;
	if (i < PIPE_ROUND_TRIPS)
		return fail("round trip %u: got %u back, expected %u", i, n,
			    i + 1);
	return TEST_PASS;
}

static enum test_result test_pipe_round_trips_in_order(void)
{
	enum test_result result;

	if (stay_on_one_cpu() < 0)
		return TEST_FAIL;
	result = pipe_round_trips();
	all_cpus_again();
	return result;
}

static char pattern_byte(size_t i)
{
	return (char)(i % 251);		/* a prime: no period of 2^n */
}

/* 64 KiB in pieces of odd sizes, some larger than the ring. */
static void write_big_in_odd_pieces(int fds[2])
{
	static const size_t sizes[] = { 1, 3, 4095, 4097, 7, 2999, 8191, 13 };
	static char buf[8191];
	size_t done = 0;

	close(fds[0]);
	for (int k = 0; done < PIPE_BIG; k++) {
		size_t n = sizes[k % 8];

		if (n > PIPE_BIG - done)
			n = PIPE_BIG - done;
		for (size_t j = 0; j < n; j++)
			buf[j] = pattern_byte(done + j);
		if (write(fds[1], buf, n) != (ssize_t)n)
			_exit(1);
		done += n;
	}
}

/* The ring wraps many times; every byte arrives, in order, once. */
static enum test_result test_pipe_64k_in_odd_pieces_intact(void)
{
	static const size_t sizes[] = { 5, 4099, 1, 333, 8193, 17 };
	static char buf[8193];
	size_t done = 0;
	int fds[2];
	pid_t pid;

	if (pipe(fds) < 0)
		return fail("pipe: %s", strerror(errno));
	pid = fork_with(write_big_in_odd_pieces, fds);
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	close(fds[1]);
	for (int k = 0;; k++) {
		ssize_t n = read(fds[0], buf, sizes[k % 6]);

		if (n <= 0)
			break;
		for (ssize_t j = 0; j < n; j++)
			if (buf[j] != pattern_byte(done + j)) {
				close(fds[0]);
				reap_ok(pid, "writer");
				return fail("byte %lu is %d, expected %d",
					    (unsigned long)(done + j), buf[j],
					    pattern_byte(done + j));
			}
		done += n;
	}
	close(fds[0]);
	if (reap_ok(pid, "writer") < 0)
		return TEST_FAIL;
	if (done != PIPE_BIG)
		return fail("%lu bytes arrived, expected %d",
			    (unsigned long)done, PIPE_BIG);
	return TEST_PASS;
}

static char record_tag;

static int all_bytes(const char *buf, size_t n, char c)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i] != c)
			return 0;
	return 1;
}

static void write_records(int fds[2])
{
	static char record[PIPE_BUF];

	close(fds[0]);
	memset(record, record_tag, sizeof(record));
	for (int i = 0; i < PIPE_RECORDS; i++)
		if (write(fds[1], record, sizeof(record)) != sizeof(record))
			_exit(1);
}

/*
 * PIPE_BUF bytes, read RECORD_PIECE at a time: room appears in the ring
 * a piece at a time, where a writer that did not wait for room for its
 * whole record would put a part of it, once it runs.  Return: bytes
 * read.
 */
static ssize_t read_record(int fd, char *record)
{
	ssize_t done = 0, n = 1;

	while (done < PIPE_BUF && n > 0) {
		n = read(fd, record + done, PIPE_BUF - done < RECORD_PIECE ?
			 PIPE_BUF - done : RECORD_PIECE);
		if (n > 0)
			done += n;
		sched_yield();		/* the writers' chance at the room */
	}
	return done;
}

/*
 * Two writers of PIPE_BUF-byte records, each record one letter: every
 * PIPE_BUF bytes read are one letter, and each writer's records all
 * arrive.  A write of PIPE_BUF bytes goes in whole or waits.  All three
 * on one CPU, where the reader's sched_yield() surely lets a writer run.
 */
static enum test_result pipe_records(void)
{
	static char record[PIPE_BUF];
	int fds[2], count[2] = { 0, 0 };
	enum test_result result = TEST_PASS;
	pid_t pids[2];
	ssize_t n;

	if (pipe(fds) < 0)
		return fail("pipe: %s", strerror(errno));
	for (int w = 0; w < 2; w++) {
		record_tag = 'a' + w;
		pids[w] = fork_with(write_records, fds);
		if (pids[w] < 0)
			return fail("fork: %s", strerror(errno));
	}
	close(fds[1]);
	while ((n = read_record(fds[0], record)) > 0) {
		int w = record[0] - 'a';

		if (n != sizeof(record) || (w != 0 && w != 1) ||
		    !all_bytes(record, n, record[0])) {
			result = fail("after %d records, %ld bytes not all "
				      "of one writer", count[0] + count[1],
				      (long)n);
			break;
		}
		count[w]++;
	}
	/* A writer cut short by this close dies of SIGPIPE: no matter. */
	close(fds[0]);
	for (int w = 0; w < 2; w++)
		if (result == TEST_PASS ? reap_ok(pids[w], "writer") < 0 :
		    waitpid(pids[w], NULL, 0) < 0)
			return TEST_FAIL;
	if (result == TEST_PASS &&
	    (count[0] != PIPE_RECORDS || count[1] != PIPE_RECORDS))
		return fail("%d and %d records arrived, expected %d each",
			    count[0], count[1], PIPE_RECORDS);
	return result;
}

static enum test_result test_pipe_buf_writes_not_interleaved(void)
{
	enum test_result result;

	if (stay_on_one_cpu() < 0)
		return TEST_FAIL;
	result = pipe_records();
	all_cpus_again();
	return result;
}

/* Checks that @fd's FD_CLOEXEC is @want; Return: 0, or -1 (reason set). */
static int expect_cloexec(const char *what, int fd, int want)
{
	int got = fcntl(fd, F_GETFD);

	if (got == want)
		return 0;
	fail("%s: F_GETFD is %d (%s), expected %d", what, got,
	     got < 0 ? strerror(errno) : "ok", want);
	return -1;
}

#define EXPECT_CLOEXEC(what, fd, want)					\
	do {								\
		if (expect_cloexec(what, fd, want) < 0)			\
			return TEST_FAIL;				\
	} while (0)

/*
 * A descriptor is a slot pointing at an open file: dup() and F_DUPFD
 * give the lowest free slot, dup2() the one asked for (closing what was
 * there); the copies share the file (its F_SETFL flags) but not the
 * close-on-exec bit, which a copy starts without unless asked.
 */
static enum test_result test_dup_dup2_dup3_fcntl(void)
{
	int p[2], q[2], a, b, flags;
	char c = 0;

	if (pipe(p) < 0 || pipe(q) < 0)
		return fail("pipe: %s", strerror(errno));
	if (fcntl(p[1], F_SETFD, FD_CLOEXEC) != 0)
		return fail("F_SETFD: %s", strerror(errno));
	a = dup(p[1]);
	EXPECT_CLOEXEC("dup of a close-on-exec fd", a, 0);
	EXPECT_CLOEXEC("the fd dup()ed", p[1], FD_CLOEXEC);
	close(a);
	b = dup(p[1]);
	if (b != a)
		return fail("dup after a close gave %d, expected %d (the "
			    "lowest free)", b, a);
	if (write(b, "z", 1) != 1 || read(p[0], &c, 1) != 1 || c != 'z')
		return fail("a byte written through a dup did not arrive");
	close(b);

	if (dup2(p[1], p[1]) != p[1])
		return fail("dup2(fd, fd): %s", strerror(errno));
	EXPECT_CLOEXEC("after dup2(fd, fd)", p[1], FD_CLOEXEC);
	/* q's only write end is replaced: q's reader sees end of file. */
	fcntl(q[1], F_SETFD, FD_CLOEXEC);
	if (dup2(p[1], q[1]) != q[1])
		return fail("dup2 onto an open fd: %s", strerror(errno));
	EXPECT_CLOEXEC("dup2's new fd", q[1], 0);
	if (read(q[0], &c, 1) != 0)
		return fail("the fd dup2 replaced was not closed");
	if (write(q[1], "y", 1) != 1 || read(p[0], &c, 1) != 1 || c != 'y')
		return fail("dup2's new fd does not write into the pipe");
	EXPECT_ERROR(dup3(p[1], p[1], 0), EINVAL);
	EXPECT_ERROR(dup3(p[1], q[1], O_NONBLOCK), EINVAL);
	if (dup3(p[1], q[1], O_CLOEXEC) != q[1])
		return fail("dup3(O_CLOEXEC): %s", strerror(errno));
	EXPECT_CLOEXEC("dup3(O_CLOEXEC)'s new fd", q[1], FD_CLOEXEC);

	a = fcntl(p[0], F_DUPFD, 20);
	if (a < 20)
		return fail("F_DUPFD 20 gave %d (%s)", a, strerror(errno));
	EXPECT_CLOEXEC("F_DUPFD's fd", a, 0);
	close(a);
	a = fcntl(p[0], F_DUPFD_CLOEXEC, 0);
	EXPECT_CLOEXEC("F_DUPFD_CLOEXEC's fd", a, FD_CLOEXEC);
	close(a);
	EXPECT_ERROR(fcntl(p[0], F_DUPFD, 0x7fffffff), EINVAL);

	if ((fcntl(p[0], F_GETFL) & O_ACCMODE) != O_RDONLY ||
	    (fcntl(p[1], F_GETFL) & O_ACCMODE) != O_WRONLY)
		return fail("F_GETFL: the ends are not O_RDONLY, O_WRONLY");
	/* F_SETFL leaves the access mode alone. */
	if (fcntl(p[0], F_SETFL, O_RDWR | O_NONBLOCK) != 0)
		return fail("F_SETFL: %s", strerror(errno));
	a = dup(p[0]);
	flags = fcntl(a, F_GETFL);
	close(a);
	if ((flags & O_ACCMODE) != O_RDONLY || !(flags & O_NONBLOCK))
		return fail("F_GETFL through a dup after F_SETFL gave %#x",
			    flags);
	EXPECT_ERROR(read(p[0], &c, 1), EAGAIN);
	fcntl(p[0], F_SETFL, 0);

	EXPECT_ERROR(fcntl(99, F_GETFD), EBADF);
	EXPECT_ERROR(fcntl(p[0], 9999), EINVAL);
	EXPECT_ERROR(dup(99), EBADF);
	EXPECT_ERROR(dup2(99, 99), EBADF);
	EXPECT_ERROR(dup3(99, p[0], 0), EBADF);
	/* What a 32-bit C library calls: the same commands. */
	if (raw_syscall(__NR_fcntl64, p[1], F_GETFD, 0, 0, 0) != FD_CLOEXEC)
		return fail("fcntl64(F_GETFD) is not FD_CLOEXEC");
	close_pair(p);
	close_pair(q);
	return TEST_PASS;
}

/*
 * pipe2's flags: O_CLOEXEC on both descriptors, O_NONBLOCK on both
 * ends (-EAGAIN when empty, and when full: on kt26 after one page);
 * FIONREAD counts what is in the pipe, fstat calls it a FIFO; no
 * descriptor is left behind by a bad address; on kt26 the table ends
 * at 32 with EMFILE.
 */
/*
 * poll(2) on a pipe (fs/select.c, fs/pipe.c: pipe_poll()): ready bits,
 * a sleep a writer ends, hang-up, a closed descriptor, a bare timeout.
 */
static enum test_result test_poll_pipe_ready_hangup_wakeup(void)
{
	struct kt_timespec pause = { 0, 20 * 1000 * 1000 };
	struct pollfd p[2];
	int fds[2], status, n;
	pid_t pid;
	char c;

	if (pipe(fds) < 0)
		return fail("pipe: %s", strerror(errno));
	p[0] = (struct pollfd){ .fd = fds[0], .events = POLLIN };
	p[1] = (struct pollfd){ .fd = fds[1], .events = POLLIN | POLLOUT };
	n = poll(p, 2, 0);
	if (n != 1 || p[0].revents || p[1].revents != POLLOUT) {
		close(fds[0]);
		close(fds[1]);
		return fail("empty pipe: poll %d, revents %#x %#x", n,
			    p[0].revents, p[1].revents);
	}
	/* The parent sleeps in poll() with no timeout; the child writes. */
	pid = fork();
	if (pid == 0) {
		nanosleep(&pause, NULL);
		_exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
	}
	n = poll(p, 1, -1);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status ||
	    n != 1 || p[0].revents != POLLIN || read(fds[0], &c, 1) != 1) {
		close(fds[0]);
		close(fds[1]);
		return fail("a write did not end poll(): %d, revents %#x", n,
			    p[0].revents);
	}
	close(fds[1]);
	n = poll(p, 1, 1000);
	close(fds[0]);
	if (n != 1 || p[0].revents != POLLHUP)
		return fail("no writer: poll %d, revents %#x", n, p[0].revents);
	/* Closed now: POLLNVAL at once; a negative fd is skipped. */
	p[1] = (struct pollfd){ .fd = -1, .events = POLLIN };
	n = poll(p, 2, -1);
	if (n != 1 || p[0].revents != POLLNVAL || p[1].revents)
		return fail("closed fd: poll %d, revents %#x %#x", n,
			    p[0].revents, p[1].revents);
	n = poll(NULL, 0, 30);
	if (n != 0)
		return fail("poll(NULL, 0, 30) returned %d", n);
	return expect_error("poll(kernel address)",
			    poll(KERNEL_ADDRESS, 1, 0), EFAULT);
}

static enum test_result test_pipe2_flags_and_errors(void)
{
	static char chunk[1024];
	int fds[2], fd, a, b, total = 0, nread[2];
	struct stat64 st = { 0 };
	char c;

	EXPECT_ERROR(pipe2(fds, O_APPEND), EINVAL);
	a = dup(0);
	close(a);
	EXPECT_ERROR(pipe(KERNEL_ADDRESS), EFAULT);
	b = dup(0);
	close(b);
	if (b != a)
		return fail("pipe(bad address) left descriptors open");

	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
		return fail("pipe2: %s", strerror(errno));
	EXPECT_CLOEXEC("pipe2(O_CLOEXEC)'s read end", fds[0], FD_CLOEXEC);
	EXPECT_CLOEXEC("pipe2(O_CLOEXEC)'s write end", fds[1], FD_CLOEXEC);
	EXPECT_ERROR(read(fds[0], &c, 1), EAGAIN);
	while (write(fds[1], chunk, sizeof(chunk)) == sizeof(chunk))
		total += sizeof(chunk);
	if (errno != EAGAIN)
		return fail("a full non-blocking pipe: \"%s\", expected EAGAIN",
			    strerror(errno));
	if (total == 0 || (kt26_running() && total != PIPE_KT26_SIZE))
		return fail("a non-blocking pipe took %d bytes", total);
	/* FIONREAD, on either end: what a read would find. */
	if (ioctl(fds[0], FIONREAD, &nread[0]) != 0 || nread[0] != total ||
	    ioctl(fds[1], FIONREAD, &nread[1]) != 0 || nread[1] != total)
		return fail("FIONREAD: %d and %d, expected %d", nread[0],
			    nread[1], total);
	/* fstat: a FIFO, which a shell's test -p and ls -l show. */
	if (raw_syscall(__NR_fstat64, fds[0], (long)&st, 0, 0, 0) != 0 ||
	    !S_ISFIFO(st.st_mode))
		return fail("fstat64 of a pipe: not S_IFIFO (mode %#o)",
			    st.st_mode);
	/* A PIPE_BUF write goes in whole or not at all. */
	if (read(fds[0], &c, 1) != 1)
		return fail("read from a full pipe: %s", strerror(errno));
	EXPECT_ERROR(write(fds[1], chunk, sizeof(chunk)), EAGAIN);
	close_pair(fds);

	if (!kt26_running())
		return TEST_PASS;	/* a host's table is far larger */
	for (fd = 0; fd >= 0; fd = dup(0))
		;
	if (errno != EMFILE)
		return fail("a full table: \"%s\", expected EMFILE",
			    strerror(errno));
	for (fd = a; fd < 32; fd++)
		close(fd);
	return TEST_PASS;
}

static const char *self_path;	/* this program, for execve */

/*
 * usertests --check-cloexec OPEN CLOSED...: what execve() left open.
 * Return: the exit status: 0, k if the k-th CLOSED is still open, 100 if
 * OPEN is not.
 */
static int check_cloexec(int argc, char **argv)
{
	if (fcntl(strtol(argv[2], NULL, 10), F_GETFD) != 0)
		return 100;
	for (int k = 3; k < argc; k++)
		if (fcntl(strtol(argv[k], NULL, 10), F_GETFD) != -1 ||
		    errno != EBADF)
			return k - 2;
	return 0;
}

static char *cloexec_argv[2 + 1 + CLOEXEC_FDS + 1];

static void exec_cloexec_check(void)
{
	execve(self_path, cloexec_argv, environ);
	_exit(127);
}

/*
 * A descriptor marked close-on-exec -- by open(O_CLOEXEC), F_SETFD,
 * F_DUPFD_CLOEXEC or pipe2(O_CLOEXEC) -- is closed in the program
 * execve() starts; a dup() of one is not.  The program is usertests
 * itself, told to look.
 */
static enum test_result test_close_on_exec_closed_by_execve(void)
{
	static char numbers[1 + CLOEXEC_FDS][12];
	int keep, closed[CLOEXEC_FDS], status;

	closed[0] = open("/bin/sh", O_RDONLY | O_CLOEXEC);
	if (closed[0] < 0)
		return fail("open /bin/sh: %s", strerror(errno));
	keep = dup(closed[0]);
	closed[1] = dup(closed[0]);
	fcntl(closed[1], F_SETFD, FD_CLOEXEC);
	closed[2] = fcntl(closed[0], F_DUPFD_CLOEXEC, 0);
	if (pipe2(closed + 3, O_CLOEXEC) < 0)
		return fail("pipe2: %s", strerror(errno));
	cloexec_argv[0] = "usertests";
	cloexec_argv[1] = CLOEXEC_CHECK;
	for (int k = 0; k <= CLOEXEC_FDS; k++) {
		snprintf(numbers[k], sizeof(numbers[k]), "%d",
			 k ? closed[k - 1] : keep);
		cloexec_argv[2 + k] = numbers[k];
	}
	cloexec_argv[2 + CLOEXEC_FDS + 1] = NULL;
	if (run_in_child(exec_cloexec_check, &status) < 0)
		return fail("fork/waitpid: %s", strerror(errno));
	close(keep);
	for (int k = 0; k < CLOEXEC_FDS; k++)
		close(closed[k]);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return fail("after execve: %s (127: execve %s failed, 100: the "
			    "dup()ed fd was closed; 1-5: the fd from open, "
			    "F_SETFD, F_DUPFD_CLOEXEC, pipe2's read, write end "
			    "stayed open)", describe(status), self_path);
	return TEST_PASS;
}

static int signals_to_send;

/*
 * Signals the parent every 10 ms, signals_to_send times, then writes a
 * byte into the pipe: what a restarted read returns, and what frees a
 * read that no signal interrupted.
 */
static void signal_parent_then_write(int fds[2])
{
	struct kt_timespec nap = { 0, 10 * 1000 * 1000 };

	close(fds[0]);
	for (int i = 0; i < signals_to_send; i++) {
		kill(getppid(), SIGUSR1);
		nanosleep(&nap, NULL);
	}
	write(fds[1], "u", 1);
	for (;;)
		nanosleep(&nap, NULL);
}

/*
 * Our read of an empty pipe while a child sends @signals SIGUSR1s,
 * caught with @flags.  Return: what read() returned (-2: no set-up).
 */
static ssize_t read_while_signalled(int signals, unsigned long flags,
				    char *c, int *err)
{
	ssize_t n = -2;
	int fds[2];
	pid_t pid;

	usr1_count = 0;
	signals_to_send = signals;
	*err = 0;
	if (set_handler(SIGUSR1, count_usr1, flags) != 0 || pipe(fds) < 0)
		goto out;
	pid = fork_with(signal_parent_then_write, fds);
	close(fds[1]);
	if (pid > 0) {
		n = read(fds[0], c, 1);
		*err = errno;
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	close(fds[0]);
out:
	set_handler(SIGUSR1, HANDLER_DFL, 0);
	return n;
}

static void read_empty_pipe(int fds[2])
{
	char c;

	close(fds[1]);
	read(fds[0], &c, 1);
	_exit(1);		/* the read returned: never, unless broken */
}

/* No handlers (kt26 before rt_sigaction): a reader asleep is killable. */
static enum test_result sleeping_reader_killed(void)
{
	struct kt_task_info t = { .state = 'R' };
	int fds[2], status;
	pid_t pid;

	if (pipe(fds) < 0)
		return fail("pipe: %s", strerror(errno));
	pid = fork_with(read_empty_pipe, fds);
	close(fds[0]);
	if (pid < 0)
		return fail("fork: %s", strerror(errno));
	/* Until the scheduler sees it asleep (S) in the read, or not. */
	while (t.state == 'R' && find_task(pid, &t) == 0)
		sched_yield();
	if (t.state == 'S')
		kill(pid, SIGTERM);
	close(fds[1]);		/* a reader in any other state: EOF */
	if (waitpid(pid, &status, 0) != pid)
		return fail("waitpid: %s", strerror(errno));
	if (t.state != 'S')
		return fail("the reader of an empty pipe was in state %c, "
			    "expected S (interruptible)", t.state);
	if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGTERM)
		return fail("reader %s, expected killed by SIGTERM",
			    describe(status));
	return TEST_PASS;
}

/*
 * A read of an empty pipe sleeps interruptibly: a caught signal ends it
 * with EINTR, or restarts it with SA_RESTART (it then returns the byte
 * the child writes after its signals).  Without signal handlers in the
 * kernel, a sleeping reader is killed by SIGTERM instead.
 */
static enum test_result test_pipe_read_interrupted_by_signal(void)
{
	ssize_t n;
	char c = 0;
	int err;

	if (!have_signal_handlers())
		return kt26_running() ? sleeping_reader_killed() :
			fail("no rt_sigaction on Linux?");
	n = read_while_signalled(SIGNALS_BEFORE_GIVING_UP, 0, &c, &err);
	if (n != -1 || err != EINTR)
		return fail("read during a signal returned %ld (%s), expected "
			    "-1 EINTR", (long)n,
			    n < 0 ? strerror(err) : "data");
	if (!usr1_count)
		return fail("the handler did not run");
	n = read_while_signalled(SIGNALS_RESTARTED, SA_RESTART, &c, &err);
	if (n != 1 || c != 'u')
		return fail("with SA_RESTART: read returned %ld (%s), expected "
			    "the byte written after the signals", (long)n,
			    n < 0 ? strerror(err) : "no error");
	return TEST_PASS;
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
	TEST(setpgid_setsid_follow_linux_rules),
	TEST(sigaction_sa_restart_restarts_waitpid),
	TEST(sigprocmask_holds_a_signal_until_unblocked),
	TEST(sa_siginfo_nodefer_resethand),
	TEST(alarm_then_pause),
	TEST(sigstop_sigcont_seen_by_wait4),
	TEST(kill_0_and_minus_pgrp_reach_the_group),
	TEST(default_actions),
	TEST(sched_yield_returns_0),
	TEST(sched_affinity_set_get_fork),
	TEST(sched_affinity_bad_masks_fail),
	TEST(sched_setaffinity_of_another_user_eperm),
	TEST(auxv_present_and_sane),
	TEST(tls_gs_survives_switch_and_fork),
	TEST(mmap2_munmap_mprotect),
	TEST(fork_shared_page_unshared_by_mprotect),
	TEST(read_into_code_efault),
	TEST(clone_tid_flags_uname_sysinfo),
	TEST(clock_gettime64_monotonic),
	TEST(unknown_syscalls_enosys),
	TEST(setuid_drops_root_for_good),
	TEST(unprivileged_kill_reboot_refused),
	TEST(kill_pid0_is_own_group_not_swapper),
	TEST(kill_kthreadd_survives),
	TEST(kt_tasks_lists_kernel_threads),
	TEST(pipe_eof_after_last_writer),
	TEST(pipe_write_without_reader_sigpipe),
	TEST(pipe_round_trips_in_order),
	TEST(pipe_64k_in_odd_pieces_intact),
	TEST(pipe_buf_writes_not_interleaved),
	TEST(dup_dup2_dup3_fcntl),
	TEST(pipe2_flags_and_errors),
	TEST(poll_pipe_ready_hangup_wakeup),
	TEST(close_on_exec_closed_by_execve),
	TEST(pipe_read_interrupted_by_signal),
	TEST(proc_self_stat_status),
	TEST(proc_self_cmdline_is_argv),
	TEST(proc_vm_data_follows_brk),
	TEST(proc_sysctl_write_read_refuse),
	TEST(proc_read_races_child_exit),
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

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	if (argc >= 3 && !strcmp(argv[1], CLOEXEC_CHECK))
		return check_cloexec(argc, argv);
	/* Run by a shell as "usertests", argv[0] is no path. */
	self_path = strchr(argv[0], '/') ? argv[0] : "/bin/usertests";

	saved_argv = argv;
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
