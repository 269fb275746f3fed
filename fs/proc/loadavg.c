// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/loadavg.c - /proc/loadavg and /proc/uptime.
 *
 * Linux 2.6: fs/proc/proc_misc.c (loadavg_read_proc(),
 * uptime_read_proc()), later fs/proc/loadavg.c and fs/proc/uptime.c.
 * loadavg: the three load averages kernel/timer.c: calc_load() keeps (in
 * fixed point, printed with two decimals, rounded), the tasks runnable
 * now over all tasks, and the last pid handed out.  uptime: seconds
 * since boot, then the seconds the CPUs have spent idle, summed over the
 * CPUs (so up to N times the uptime on N CPUs), both from ticks.
 */
#include <cpumask.h>
#include <irq.h>
#include <percpu.h>
#include <sched.h>
#include <seq_file.h>
#include <time.h>
#include "internal.h"

/**
 * loadavg_proc_show - print /proc/loadavg
 * @m: the seq_file
 * @v: unused
 *
 * "0.12 0.05 0.01 1/23 45": runnable tasks count the idle tasks out and
 * the reader in; the total is the task list (idle tasks out).
 * Context: process.
 * Return: 0.
 */
int loadavg_proc_show(struct seq_file *m, void *v)
{
	unsigned long a[3];

	/* Rounded to the hundredth shown: half of one, in fixed point. */
	for (int i = 0; i < 3; i++)
		a[i] = READ_ONCE(avenrun[i]) + FIXED_1 / 200;
	seq_printf(m, "%lu.%02lu %lu.%02lu %lu.%02lu %lu/%d %d\n",
		   LOAD_INT(a[0]), LOAD_FRAC(a[0]), LOAD_INT(a[1]),
		   LOAD_FRAC(a[1]), LOAD_INT(a[2]), LOAD_FRAC(a[2]),
		   nr_running(), READ_ONCE(nr_threads), READ_ONCE(last_pid));
	return 0;
}

/* Ticks as seconds with two decimals: "12.34". */
static void seq_ticks(struct seq_file *m, unsigned long long ticks)
{
	seq_printf(m, "%llu.%02llu", ticks / HZ, (ticks % HZ) * 100 / HZ);
}

/**
 * uptime_proc_show - print /proc/uptime
 * @m: the seq_file
 * @v: unused
 *
 * Context: process.
 * Return: 0.
 */
int uptime_proc_show(struct seq_file *m, void *v)
{
	unsigned long long idle = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		idle += READ_ONCE(per_cpu(kstat, cpu).cpustat.idle);
	seq_ticks(m, (unsigned long long)(jiffies - INITIAL_JIFFIES));
	seq_putc(m, ' ');
	seq_ticks(m, idle);
	seq_putc(m, '\n');
	return 0;
}
