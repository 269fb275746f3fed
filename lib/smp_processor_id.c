// SPDX-License-Identifier: GPL-2.0
/*
 * lib/smp_processor_id.c - smp_processor_id() checked.
 *
 * Linux 2.6: lib/smp_processor_id.c, debug_smp_processor_id().
 * A preemptible task may be preempted right after reading its CPU number
 * and go on on another CPU, with a per-CPU pointer to the first one's
 * data: a race that shows only under load, on SMP.  So every read of the
 * number checks, here, that the caller cannot migrate, and says once who
 * did not.  The check is on in every build; hot paths that know better
 * use raw_smp_processor_id().
 */
#include <kernel.h>
#include <percpu.h>
#include <preempt.h>
#include <sched.h>

/* Calls from preemptible code reported since boot (the first one in full). */
unsigned long smp_processor_id_bugs;

/**
 * debug_smp_processor_id - this CPU's number, for a caller that cannot move
 *
 * Safe callers: preemption or interrupts off, or a task allowed on this
 * CPU alone (a per-CPU kernel thread), or the boot before the other CPUs
 * start.
 * Context: any.
 * Return: the CPU number.
 */
unsigned int debug_smp_processor_id(void)
{
	unsigned int cpu = raw_smp_processor_id();

	if (likely(preempt_count() || irqs_disabled()))
		return cpu;
	if (cpus_equal(current->cpus_allowed, cpumask_of_cpu(cpu)))
		return cpu;
	if (system_state == SYSTEM_BOOTING)
		return cpu;
	preempt_disable();
	/* Two CPUs may get here at once: a locked add, and one report. */
	if (__atomic_fetch_add(&smp_processor_id_bugs, 1,
			       __ATOMIC_RELAXED) == 0) {
		printk(KERN_ERR "BUG: using smp_processor_id() in preemptible "
		       "[%08x] code: %s/%d\n", preempt_count() - 1,
		       current->comm, current->pid);
		dump_stack();
	}
	preempt_enable_no_resched();
	return cpu;
}
