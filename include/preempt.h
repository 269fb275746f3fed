/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/preempt.h - preempt_count: when the current task may be switched.
 *
 * Linux 2.6: include/linux/preempt.h, include/linux/hardirq.h.
 * thread_info->preempt_count is a set of nesting counters packed in one
 * int; the task may be preempted only when all of them are zero:
 *
 *	bits  0-7   preemption disabled (preempt_disable, spinlocks)
 *	bits  8-15  softirq (local_bh_disable, softirq handlers running)
 *	bits 16-27  hardirq (interrupt handlers running)
 *	bit  28     PREEMPT_ACTIVE: schedule() was entered by preemption
 */
#ifndef _PREEMPT_H
#define _PREEMPT_H

#include <asm/thread_info.h>
#include <compiler.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	12

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)

#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)

#define PREEMPT_MASK	(((1UL << PREEMPT_BITS) - 1) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(((1UL << SOFTIRQ_BITS) - 1) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(((1UL << HARDIRQ_BITS) - 1) << HARDIRQ_SHIFT)

#define PREEMPT_ACTIVE	0x10000000

#define preempt_count()	(current_thread_info()->preempt_count)

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK))

/* In an interrupt handler, a softirq, or with softirqs disabled. */
#define in_irq()	(hardirq_count() != 0)
#define in_softirq()	(softirq_count() != 0)
#define in_interrupt()	(irq_count() != 0)
/* Sleeping is forbidden: some counter is raised. */
#define in_atomic()	((preempt_count() & ~PREEMPT_ACTIVE) != 0)

#define add_preempt_count(val)	do { preempt_count() += (val); } while (0)
#define sub_preempt_count(val)	do { preempt_count() -= (val); } while (0)

#define preempt_disable()			\
	do {					\
		add_preempt_count(1);		\
		barrier();			\
	} while (0)

#define preempt_enable_no_resched()		\
	do {					\
		barrier();			\
		sub_preempt_count(1);		\
	} while (0)

/* sched/core.c: schedule() if a reschedule is due and nothing forbids it */
asmlinkage void preempt_schedule(void);

#define preempt_check_resched()						\
	do {								\
		if (unlikely(test_ti_thread_flag(current_thread_info(),	\
						 TIF_NEED_RESCHED)))	\
			preempt_schedule();				\
	} while (0)

/* A preemption point: the end of a non-preemptible section. */
#define preempt_enable()						\
	do {								\
		preempt_enable_no_resched();				\
		barrier();						\
		preempt_check_resched();				\
	} while (0)

#endif /* _PREEMPT_H */
