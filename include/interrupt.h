/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/interrupt.h - deferred work from interrupts: softirqs and
 * tasklets (kernel/softirq.c, kernel/tasklet.c).
 *
 * Linux 2.6: include/linux/interrupt.h.
 * An interrupt handler must be short: it runs with interrupts off.  What
 * can wait a little goes to a softirq, which runs with interrupts on as
 * soon as the last handler returns (irq_exit()), before the interrupted
 * code resumes; or, if softirqs keep coming, in the ksoftirqd/N thread so
 * that they cannot starve tasks (one ksoftirqd/N per CPU, bound to it: a
 * softirq runs on the CPU that raised it).  There are few softirqs, fixed
 * at compile time, and the same one may run on several CPUs at once.  A
 * tasklet is a function scheduled through the tasklet softirqs: dynamic,
 * and never run twice at the same time.  docs/deferred-work.md compares them with
 * workqueues and kernel threads.
 */
#ifndef _INTERRUPT_H
#define _INTERRUPT_H

#include <asm/processor.h>
#include <atomic.h>
#include <bitops.h>
#include <compiler.h>
#include <preempt.h>

struct task_struct;

/*
 * The softirqs, in the order they run (lower first).  Linux 2.6 also has
 * HI_SOFTIRQ, for tasklets that must run before all others, and the
 * network softirqs.
 */
enum {
	TIMER_SOFTIRQ = 0,	/* expired kernel timers (kernel/timer.c) */
	BLOCK_SOFTIRQ,		/* finished disk requests (block/) */
	TASKLET_SOFTIRQ,	/* normal tasklets */
	NR_SOFTIRQS
};

#define MAX_SOFTIRQ_RESTART	10	/* rounds before ksoftirqd takes over */

struct softirq_action {
	void (*action)(struct softirq_action *);
	void *data;
};

/* kernel/softirq.c */
void open_softirq(int nr, void (*action)(struct softirq_action *),
		  void *data);
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
unsigned long local_softirq_pending(void);
asmlinkage void do_softirq(void);
void local_bh_disable(void);
void local_bh_enable(void);
int spawn_ksoftirqd(void);
struct task_struct *ksoftirqd_task(unsigned int cpu);
unsigned long softirq_count_of(unsigned int nr);
unsigned long softirq_count_on(unsigned int nr, unsigned int cpu);

/*
 * Tasklets.  state: TASKLET_STATE_SCHED (on a list, will run) and
 * TASKLET_STATE_RUN (running now); count > 0 means disabled.
 */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	void (*func)(unsigned long data);
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,	/* scheduled to run */
	TASKLET_STATE_RUN,	/* running */
};

#define DECLARE_TASKLET(name, func, data) \
	struct tasklet_struct name = { NULL, 0, ATOMIC_INIT(0), func, data }

/* kernel/tasklet.c */
void softirq_init(void);
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void __tasklet_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);

/* Schedule @t to run once; scheduling it again before it runs is free. */
static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

/* Disabled tasklets stay scheduled but do not run until enabled again. */
static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
	barrier();
}

/* Disable, and wait until it is not running anywhere. */
static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
}

static inline void tasklet_enable(struct tasklet_struct *t)
{
	barrier();
	atomic_dec(&t->count);
}

#endif /* _INTERRUPT_H */
