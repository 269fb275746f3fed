// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/stat.c - /proc/stat: where the CPUs' time went, and the
 * kernel's activity counters since boot.
 *
 * Linux 2.6: fs/proc/proc_misc.c (show_stat()), later fs/proc/stat.c.
 * "cpu" sums the CPUs, then one "cpuN" line per online CPU: ticks (in
 * USER_HZ) spent in user mode, user mode at a positive nice, kernel
 * mode, idle, iowait, hard interrupts, softirqs, steal -- counted by
 * each CPU's own tick (sched/core.c: account_tick()).  This kernel has
 * no io_schedule(), so iowait is 0, and no hypervisor to steal time.
 * Then: "intr" the interrupts taken (the total, then one count per
 * line), "ctxt" the context switches, "btime" the boot time in seconds
 * since 1970 (0: this kernel reads no clock), "processes" the tasks
 * forked, "procs_running" the runnable tasks, "procs_blocked" the tasks
 * in uninterruptible sleep (in Linux those waiting for I/O: the same
 * tasks here), "softirq" the softirqs run, the total, then one per kind.
 */
#include <cpumask.h>
#include <interrupt.h>
#include <irq.h>
#include <percpu.h>
#include <sched.h>
#include <seq_file.h>
#include <string.h>
#include <vsprintf.h>
#include "internal.h"

static void seq_cpustat(struct seq_file *m, const char *name,
			const struct cpu_usage_stat *s)
{
	seq_printf(m, "%s %lu %lu %lu %lu 0 %lu %lu 0\n", name,
		   jiffies_to_clock_t(s->user), jiffies_to_clock_t(s->nice),
		   jiffies_to_clock_t(s->system), jiffies_to_clock_t(s->idle),
		   jiffies_to_clock_t(s->irq), jiffies_to_clock_t(s->softirq));
}

/* One CPU's counts, each read once: its tick may change them meanwhile. */
static void read_cpustat(unsigned int cpu, struct cpu_usage_stat *s)
{
	const struct cpu_usage_stat *c = &per_cpu(kstat, cpu).cpustat;

	s->user = READ_ONCE(c->user);
	s->nice = READ_ONCE(c->nice);
	s->system = READ_ONCE(c->system);
	s->softirq = READ_ONCE(c->softirq);
	s->irq = READ_ONCE(c->irq);
	s->idle = READ_ONCE(c->idle);
}

/**
 * stat_proc_show - print /proc/stat
 * @m: the seq_file
 * @v: unused
 *
 * Context: process.
 * Return: 0.
 */
int stat_proc_show(struct seq_file *m, void *v)
{
	struct cpu_usage_stat sum, s;
	unsigned long irqs = 0, softirqs = 0;
	unsigned int cpu;
	char name[8];

	memset(&sum, 0, sizeof(sum));
	for_each_online_cpu(cpu) {
		read_cpustat(cpu, &s);
		sum.user += s.user;
		sum.nice += s.nice;
		sum.system += s.system;
		sum.softirq += s.softirq;
		sum.irq += s.irq;
		sum.idle += s.idle;
	}
	/* Two spaces after "cpu", as Linux: the columns line up. */
	seq_cpustat(m, "cpu ", &sum);
	for_each_online_cpu(cpu) {
		read_cpustat(cpu, &s);
		snprintf(name, sizeof(name), "cpu%u", cpu);
		seq_cpustat(m, name, &s);
	}
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		irqs += irq_count_of(irq);
	seq_printf(m, "intr %lu", irqs);
	for (unsigned int irq = 0; irq < NR_IRQS; irq++)
		seq_printf(m, " %lu", irq_count_of(irq));
	seq_printf(m, "\nctxt %llu\nbtime 0\nprocesses %lu\n"
		   "procs_running %lu\nprocs_blocked %lu\n",
		   nr_context_switches(), READ_ONCE(total_forks),
		   nr_running(), nr_uninterruptible());
	for (unsigned int nr = 0; nr < NR_SOFTIRQS; nr++)
		softirqs += softirq_count_of(nr);
	seq_printf(m, "softirq %lu", softirqs);
	for (unsigned int nr = 0; nr < NR_SOFTIRQS; nr++)
		seq_printf(m, " %lu", softirq_count_of(nr));
	seq_putc(m, '\n');
	return 0;
}
