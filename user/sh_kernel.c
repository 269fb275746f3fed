// SPDX-License-Identifier: GPL-2.0
/*
 * user/sh_kernel.c - the shell's windows onto the kernel: a task's
 * stack, the memory report, the log, sync, memory pressure, the
 * scheduler trace, poweroff, and the task list while /bin/ps is absent.
 *
 * Linux 2.6: cat /proc/PID/stack, free (procps, from /proc/meminfo),
 * dmesg (util-linux, syslog(2)), sync(1), poweroff (reboot(2)).  Here
 * most are one teaching call each (user/include/kt.h), which exist on
 * kt26 only: on another kernel they say "not supported by this kernel"
 * instead of making a call that means something else there.
 */
#include <errno.h>
#include <kt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/reboot.h>
#include <unistd.h>
#include "sh.h"

#define MAX_TASKS	128	/* rows ps can show */
#define STACK_TEXT	2048	/* one kernel backtrace as text */
#define MEMINFO_TEXT	4096	/* the kt_meminfo report (a page) */
#define LOG_TEXT	32768	/* the kernel log ring (LOG_BUF_LEN) */

/* "sh: ps: not supported by this kernel" rather than a misleading errno. */
static int report_error(const char *what)
{
	if (errno == ENOSYS)
		dprintf(STDERR_FILENO, "sh: %s: not supported by this kernel\n",
			what);
	else
		dprintf(STDERR_FILENO, "sh: %s: %s\n", what, strerror(errno));
	return 1;
}

/* A whole word as a decimal number, or -1: "12abc" is not 12. */
static int parse_number(const char *word, long *value)
{
	char *end;

	errno = 0;
	*value = strtol(word, &end, 10);
	return (end == word || *end || errno) ? -1 : 0;
}

/*
 * Prints the @len bytes of report text a call put in @text.  Never more
 * than @size: a kernel that returned the whole report's length, not what
 * fitted, must not make us print what lies beyond the buffer.
 */
static void print_text(const char *text, int len, size_t size)
{
	write(STDOUT_FILENO, text, (size_t)len < size ? (size_t)len : size);
}

static int print_stack(pid_t pid)
{
	static char text[STACK_TEXT];
	int len = kt_stack(pid, text, sizeof(text));

	if (len < 0)
		return report_error("stack");
	print_text(text, len, sizeof(text));
	return 0;
}

/* An mm pointer as ps shows it: '-' for none (a kernel thread's mm). */
static void format_mm(char *buf, size_t size, unsigned int mm)
{
	if (mm)
		snprintf(buf, size, "%08x", mm);
	else
		strlcpy(buf, "-", size);
}

static void print_task(const struct kt_task_info *t)
{
	unsigned int seconds = (t->utime + t->stime) / USER_HZ;
	char mm[12], active_mm[12], command[20];

	format_mm(mm, sizeof(mm), t->mm);
	format_mm(active_mm, sizeof(active_mm), t->active_mm);
	/* Kernel threads in brackets, as Linux's ps shows them. */
	snprintf(command, sizeof(command),
		 t->flags & KT_PF_KTHREAD ? "[%.16s]" : "%.16s", t->comm);
	printf("%3u %5d %5d %c %08x %8s %9s %3d %3u:%02u %s\n", t->cpu,
	       t->pid, t->ppid, t->state, t->flags, mm, active_mm, t->prio,
	       seconds / 60, seconds % 60, command);
}

/**
 * do_ps - the task list from the kt_tasks call (ps [-s])
 * @argc: 1 or 2
 * @argv: "ps" [-s]
 *
 * Used only while $PATH has no ps program (one that reads /proc).
 * Return: 0, 1 on error, or BUILTIN_USAGE.
 */
int do_ps(int argc, char **argv)
{
	static struct kt_task_info tasks[MAX_TASKS];
	int with_stacks = argc == 2 && !strcmp(argv[1], "-s");
	int count;

	if (argc > 2 || (argc == 2 && !with_stacks))
		return BUILTIN_USAGE;
	count = kt_tasks(tasks, MAX_TASKS);
	if (count < 0)
		return report_error("ps");
	/* The idle task of each CPU first: swapper/0, swapper/1, ... */
	printf("%3s %5s %5s %s %8s %8s %9s %3s %6s %s\n", "CPU", "PID",
	       "PPID", "S", "FLAGS", "MM", "ACTIVE_MM", "PRI", "TIME",
	       "COMMAND");
	for (int i = 0; i < count && i < MAX_TASKS; i++) {
		print_task(&tasks[i]);
		if (!with_stacks)
			continue;
		/* kt_stack finds a task by pid: pid 0 is CPU 0's idle task. */
		if (tasks[i].pid == 0 && tasks[i].cpu != 0)
			printf("(the idle task of CPU %u: no stack by pid)\n",
			       tasks[i].cpu);
		else
			print_stack(tasks[i].pid);
	}
	return 0;
}

/**
 * do_stack - the stack built-in: a task's kernel stack
 * @argc: 2
 * @argv: "stack" PID
 *
 * Return: 0, 1 on error, or BUILTIN_USAGE.
 */
int do_stack(int argc, char **argv)
{
	long pid;

	if (argc != 2 || parse_number(argv[1], &pid) < 0)
		return BUILTIN_USAGE;
	return print_stack(pid);
}

/**
 * do_free - the free built-in: the kernel's memory report
 * @argc: 1 or 2
 * @argv: "free" [-d]
 *
 * Return: 0, 1 on error, or BUILTIN_USAGE.
 */
int do_free(int argc, char **argv)
{
	static char text[MEMINFO_TEXT];
	int drop = argc == 2 && !strcmp(argv[1], "-d");
	int len;

	if (argc > 2 || (argc == 2 && !drop))
		return BUILTIN_USAGE;
	/* -d: caches dropped first, so that two reports compare. */
	if (drop && kt_drop_caches() < 0)
		return report_error("free");
	len = kt_meminfo(text, sizeof(text));
	if (len < 0)
		return report_error("free");
	print_text(text, len, sizeof(text));
	return 0;
}

/**
 * do_dmesg - the dmesg built-in: the kernel log ring
 * @argc: 1
 * @argv: "dmesg"
 *
 * Return: 0, 1 on error, or BUILTIN_USAGE.
 */
int do_dmesg(int argc, char **argv)
{
	static char text[LOG_TEXT];
	int len;

	if (argc != 1)
		return BUILTIN_USAGE;
	len = klogctl(SYSLOG_ACTION_READ_ALL, text, sizeof(text));
	if (len < 0)
		return report_error("dmesg");
	print_text(text, len, sizeof(text));
	return 0;
}

/**
 * do_sync - the sync built-in: write dirty buffers back
 * @argc: 1
 * @argv: "sync"
 *
 * Return: 0, or BUILTIN_USAGE.
 */
int do_sync(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	sync();
	return 0;
}

/**
 * do_pressure - the pressure built-in: make kswapd reclaim
 * @argc: 2
 * @argv: "pressure" PAGES
 *
 * Return: 0, 1 on error, or BUILTIN_USAGE.
 */
int do_pressure(int argc, char **argv)
{
	long pages;
	int reclaimed;

	if (argc != 2 || parse_number(argv[1], &pages) < 0 || pages <= 0)
		return BUILTIN_USAGE;
	reclaimed = kt_pressure(pages);
	if (reclaimed < 0)
		return report_error("pressure");
	printf("pressure: kswapd reclaimed %d pages\n", reclaimed);
	return 0;
}

/**
 * do_trace - the trace built-in: dump the scheduler trace on ttyS0
 * @argc: 1
 * @argv: "trace"
 *
 * The trace is recorded only when the kernel was booted with
 * trace=sched; without it the call says ENODEV, and the shell says
 * which boot option is missing.
 * Return: 0, 1 on error, or BUILTIN_USAGE.
 */
int do_trace(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	if (kt_trace() < 0) {
		if (errno != ENODEV)
			return report_error("trace");
		dprintf(STDERR_FILENO, "sh: trace: the scheduler trace is "
			"off: boot with trace=sched to record it\n");
		return 1;
	}
	return 0;
}

/**
 * do_poweroff - the poweroff built-in: sync and power off (kt26 only)
 * @argc: 1
 * @argv: "poweroff"
 *
 * Return: 1 if the machine is still on, or BUILTIN_USAGE.
 */
int do_poweroff(int argc, char **argv)
{
	if (argc != 1)
		return BUILTIN_USAGE;
	/* The same call would stop a Linux host (or its container). */
	if (!kt26_running()) {
		dprintf(STDERR_FILENO,
			"sh: poweroff: only on kt26, not on this kernel\n");
		return 1;
	}
	sync();
	reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
	       LINUX_REBOOT_CMD_POWER_OFF, NULL);
	return report_error("poweroff");
}
