// SPDX-License-Identifier: GPL-2.0
/*
 * tests/bench/pipe_bench.c - pipes between two processes: throughput
 * with 4 KiB writes and the round trip of one byte.
 *
 * Pipes are for processes, so the measuring is done in user mode by
 * /bin/pipebench (user/pipebench.c), which prints the two rows itself.
 * This benchmark only starts it, as init() starts /sbin/init: a kernel
 * thread, a child of pid 1, opens the console as descriptors 0, 1 and 2
 * and execs the program with the TSC's frequency (tsc_khz) as its
 * argument, so that the program can turn its rdtsc() readings into
 * time; then the benchmark waits for it.  Under -icount the rows are as
 * repeatable as the in-kernel ones.  It needs the initramfs, which
 * tools/bench.py gives every bench boot.
 */
#include <bench.h>
#include <binfmts.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <syscalls.h>
#include <time.h>
#include <vsprintf.h>

#define PIPEBENCH	"/bin/pipebench"

/* Becomes /bin/pipebench; Return: only on failure, the error. */
static int exec_pipebench(void *unused)
{
	char khz[16];
	const char *argv[] = { "pipebench", khz, NULL };
	const char *envp[] = { NULL };

	snprintf(khz, sizeof(khz), "%lu", tsc_khz);
	if (do_sys_open("/dev/console", O_RDWR) != 0 || sys_dup2(0, 1) != 1 ||
	    sys_dup2(0, 2) != 2)
		return -EBADF;
	return kernel_execve(PIPEBENCH, argv, envp);
}

BENCH(pipe)
{
	long status = 0;
	int pid = kernel_thread(exec_pipebench, NULL, 0);

	if (pid < 0 || do_wait(pid, &status, 0) != pid || status)
		printk(KERN_WARNING "bench: %s did not run (pid %d, status "
		       "%#lx): no initramfs?\n", PIPEBENCH, pid, status);
}
