// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sysinfo.c - what a program may ask about the system: uname(2)
 * and sysinfo(2).
 *
 * Linux 2.6: kernel/sys.c (sys_newuname, with init/version.c's
 * init_uts_ns) and kernel/timer.c (sys_sysinfo).
 * uname says "Linux": this kernel implements Linux's i386 system call
 * interface, and programs and scripts test `uname -s` to learn which
 * interface they have (busybox prints it; glibc's static start-up does
 * not look at it at all).  The release, 2.6.32-kt26, names the Linux
 * whose design the kernel follows and then the kernel itself; version
 * and nodename say kt26 too, so `uname -a` shows both.  sysinfo's
 * numbers are the kernel's own: uptime from jiffies (as /proc/uptime),
 * memory from the zone and the buffer cache (as the memory report and
 * /proc/meminfo), in pages (mem_unit = PAGE_SIZE), the number of tasks.
 * There is no load average yet: loads[] are 0; nor swap, nor high
 * memory.
 */
#include <asm/uaccess.h>
#include <buffer_head.h>
#include <errno.h>
#include <gfp.h>
#include <kernel.h>
#include <mmzone.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <time.h>
#include <version.h>

static const struct new_utsname uts = {
	.sysname = "Linux",
	.nodename = KERNEL_NAME,
	.release = "2.6.32-" KERNEL_NAME,
	.version = "#1 SMP " KERNEL_NAME " " KERNEL_VERSION,
	.machine = "i686",
	.domainname = "(none)",
};

/**
 * sys_newuname - uname(2), number 122
 * @name: where the six strings go
 *
 * Context: process (a system call).
 * Return: 0, or -EFAULT.
 */
asmlinkage long sys_newuname(struct new_utsname *name)
{
	return copy_to_user(name, &uts, sizeof(uts)) ? -EFAULT : 0;
}

/**
 * sys_sysinfo - sysinfo(2)
 * @info: where the figures go
 *
 * Context: process (a system call).
 * Return: 0, or -EFAULT.
 */
asmlinkage long sys_sysinfo(struct sysinfo *info)
{
	struct sysinfo val;

	memset(&val, 0, sizeof(val));
	val.uptime = (jiffies - INITIAL_JIFFIES) / HZ;
	val.totalram = zone_normal()->managed_pages;
	val.freeram = nr_free_pages();
	val.bufferram = READ_ONCE(buffer_stats.nr_buffers);
	val.procs = READ_ONCE(nr_threads);
	val.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}
