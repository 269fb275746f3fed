// SPDX-License-Identifier: GPL-2.0
/*
 * sched/idle.c - process 0's idle loop.
 *
 * Linux 2.6: cpu_idle() and default_idle() in arch/i386/kernel/process.c.
 * After rest_init() process 0 only runs when nothing else is runnable
 * (schedule() picks it when nr_running is 0).  It halts the CPU until an
 * interrupt arrives; if the interrupt made a task runnable it set
 * TIF_NEED_RESCHED, and process 0 calls schedule().  Process 0 runs with
 * preemption disabled (it is never preempted, it gives way) and must
 * never sleep: schedule() panics if it tries.
 */
#include <asm/irqflags.h>
#include <sched.h>

/**
 * cpu_idle - the idle loop; never returns
 *
 * The need_resched() test runs with interrupts off, and safe_halt() is
 * "sti; hlt": sti only takes effect after hlt has started, so an
 * interrupt that makes a task runnable after the test still wakes the
 * hlt.  Testing with interrupts on and then halting would lose it and
 * sleep until the next tick.
 * Context: process 0, preempt_count 1.
 */
void cpu_idle(void)
{
	for (;;) {
		while (!need_resched()) {
			local_irq_disable();
			if (!need_resched())
				safe_halt();
			else
				local_irq_enable();
		}
		preempt_enable_no_resched();
		schedule();
		preempt_disable();
	}
}
