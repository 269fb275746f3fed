// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/tasklet.c - tasklets: functions run from the tasklet softirq.
 *
 * Linux 2.6: the tasklet half of kernel/softirq.c.
 * tasklet_schedule() puts a tasklet on this CPU's list (once: the SCHED
 * bit stops a second insertion) and raises TASKLET_SOFTIRQ there: it runs
 * on the CPU that scheduled it, and so does a tasklet that reschedules
 * itself.  The lists are per CPU and touched with interrupts off, by
 * their own CPU only: they need no lock.  The softirq
 * takes the whole list and runs each tasklet whose RUN bit it can take:
 * a tasklet never runs on two CPUs at once, which is what makes tasklets
 * easier to write than softirqs.  A disabled tasklet, or one running
 * elsewhere, goes back on the list and the softirq is raised again.
 * (Linux 2.6 also has high-priority tasklets, tasklet_hi_schedule() on
 * HI_SOFTIRQ.)
 */
#include <asm/irqflags.h>
#include <interrupt.h>
#include <kernel.h>
#include <percpu.h>
#include <sched.h>

struct tasklet_head {
	struct tasklet_struct *list;
};

static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);

/**
 * tasklet_init - set up a tasklet
 * @t: the tasklet
 * @func: what it runs, in softirq context (no sleeping)
 * @data: the argument of @func
 */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->data = data;
}

/**
 * __tasklet_schedule - put @t on this CPU's list and raise TASKLET_SOFTIRQ
 * @t: the tasklet, whose TASKLET_STATE_SCHED bit the caller just took
 *
 * The CPU is chosen with interrupts off: a preemptible caller that moved
 * between choosing the list and raising the softirq would put @t on one
 * CPU's list and wake another's ksoftirqd.
 * Context: any.
 */
void __tasklet_schedule(struct tasklet_struct *t)
{
	struct tasklet_head *head;
	unsigned long flags;

	local_irq_save(flags);
	head = &__get_cpu_var(tasklet_vec);
	t->next = head->list;
	head->list = t;
	raise_softirq_irqoff(TASKLET_SOFTIRQ);
	local_irq_restore(flags);
}

static void run_tasklets(struct tasklet_head *head, unsigned int softirq)
{
	struct tasklet_struct *list;

	local_irq_disable();
	list = head->list;
	head->list = NULL;
	local_irq_enable();

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (!test_and_set_bit(TASKLET_STATE_RUN, &t->state)) {
			if (!atomic_read(&t->count)) {
				/* Cleared first: the function may reschedule. */
				if (!test_and_clear_bit(TASKLET_STATE_SCHED,
							&t->state))
					BUG();
				t->func(t->data);
				clear_bit(TASKLET_STATE_RUN, &t->state);
				continue;
			}
			clear_bit(TASKLET_STATE_RUN, &t->state);
		}
		/* Disabled or running elsewhere: try again later. */
		local_irq_disable();
		t->next = head->list;
		head->list = t;
		raise_softirq_irqoff(softirq);
		local_irq_enable();
	}
}

static void tasklet_action(struct softirq_action *a)
{
	run_tasklets(&__get_cpu_var(tasklet_vec), TASKLET_SOFTIRQ);
}

/**
 * tasklet_kill - wait until @t is neither scheduled nor running
 * @t: the tasklet; nobody may schedule it again meanwhile
 *
 * Context: process, may sleep.
 */
void tasklet_kill(struct tasklet_struct *t)
{
	BUG_ON(in_interrupt());
	while (test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		while (test_bit(TASKLET_STATE_SCHED, &t->state))
			yield();
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}

/**
 * softirq_init - install the tasklet softirq
 *
 * Context: boot.
 */
void softirq_init(void)
{
	open_softirq(TASKLET_SOFTIRQ, tasklet_action, NULL);
}
