// SPDX-License-Identifier: GPL-2.0
/*
 * fs/proc/interrupts.c - /proc/interrupts and /proc/softirqs: how many
 * interrupts and softirqs each CPU has taken.
 *
 * Linux 2.6: fs/proc/interrupts.c with arch/i386/kernel/irq.c
 * (show_interrupts()); fs/proc/softirqs.c (2.6.31).
 * /proc/interrupts is the table the console's Ctrl-P prints, row for
 * row: arch/x86/irq.c: show_interrupt_rows() makes the lines and hands
 * them to printk there, to the seq_file here.  /proc/softirqs has one
 * row per softirq, one column per online CPU, from the per-CPU run
 * counts of kernel/softirq.c.
 */
#include <cpumask.h>
#include <interrupt.h>
#include <irq.h>
#include <seq_file.h>
#include "internal.h"

static void seq_row(void *data, const char *row)
{
	seq_printf(data, "%s\n", row);
}

/**
 * interrupts_proc_show - print /proc/interrupts
 * @m: the seq_file
 * @v: unused
 *
 * Context: process.
 * Return: 0.
 */
int interrupts_proc_show(struct seq_file *m, void *v)
{
	show_interrupt_rows(seq_row, m);
	return 0;
}

/* Linux's names for this kernel's softirqs, in include/interrupt.h's order. */
static const char *const softirq_to_name[NR_SOFTIRQS] = {
	[TIMER_SOFTIRQ] = "TIMER",
	[BLOCK_SOFTIRQ] = "BLOCK",
	[TASKLET_SOFTIRQ] = "TASKLET",
};

/**
 * softirqs_proc_show - print /proc/softirqs
 * @m: the seq_file
 * @v: unused
 *
 * Context: process.
 * Return: 0.
 */
int softirqs_proc_show(struct seq_file *m, void *v)
{
	unsigned int cpu;

	seq_puts(m, "                ");
	for_each_online_cpu(cpu)
		seq_printf(m, "CPU%-8u", cpu);
	seq_putc(m, '\n');
	for (unsigned int nr = 0; nr < NR_SOFTIRQS; nr++) {
		seq_printf(m, "%12s:", softirq_to_name[nr]);
		for_each_online_cpu(cpu)
			seq_printf(m, " %10lu", softirq_count_on(nr, cpu));
		seq_putc(m, '\n');
	}
	return 0;
}
