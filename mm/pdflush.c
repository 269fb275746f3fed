// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pdflush.c - the pdflush threads: a pool of writeback workers.
 *
 * Linux 2.6: mm/pdflush.c (2.6.0 - 2.6.31).
 * Writeback sleeps on the disk, so it cannot run in a timer or in the
 * allocator: it needs threads.  pdflush threads sit idle on pdflush_list;
 * pdflush_operation(fn, arg) takes one off the list, gives it fn and
 * wakes it.  The thread runs fn(arg) — wb_kupdate() for the periodic
 * writeback, background_writeout() when too much is dirty — and goes back
 * to the list.  With no idle thread the operation fails and the caller
 * tries again later: work is never queued, so a flood of requests cannot
 * pile up.  Linux starts up to 8 threads as the load grows and lets idle
 * ones exit; here the pool stays at MIN_PDFLUSH_THREADS (2).
 * Next: mm/page-writeback.c, the work they do.
 */
#include <completion.h>
#include <kernel.h>
#include <kthread.h>
#include <list.h>
#include <sched.h>
#include <spinlock.h>
#include <writeback.h>

/* One per thread, on its stack: what it has been asked to do. */
struct pdflush_work {
	struct task_struct *who;
	void (*fn)(unsigned long);
	unsigned long arg0;
	struct list_head list;		/* on pdflush_list while idle */
};

/* pdflush_lock, interrupts off (the writeback timer takes it): */
static DEFINE_SPINLOCK(pdflush_lock);
static LIST_HEAD(pdflush_list);

/*
 * The thread: idle on pdflush_list until pdflush_operation() gives it a
 * function.  A periodic sleeper it is not: only work wakes it.
 * @started is completed once it is on the list the first time.
 */
static int pdflush(void *started)
{
	struct pdflush_work my_work = { .who = current };

	INIT_LIST_HEAD(&my_work.list);
	current->flags |= PF_FLUSHER;
	spin_lock_irq(&pdflush_lock);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		list_move(&my_work.list, &pdflush_list);
		spin_unlock_irq(&pdflush_lock);
		if (started) {
			complete(started);
			started = NULL;
		}

		schedule();

		spin_lock_irq(&pdflush_lock);
		/* Woken without work (still listed): sleep again. */
		if (!list_empty(&my_work.list) || !my_work.fn)
			continue;
		spin_unlock_irq(&pdflush_lock);

		my_work.fn(my_work.arg0);

		spin_lock_irq(&pdflush_lock);
		my_work.fn = NULL;
	}
	return 0;
}

/**
 * pdflush_operation - run @fn(@arg0) in an idle pdflush thread
 * @fn: the work; may sleep
 * @arg0: its argument
 *
 * Context: any (the writeback timer calls it from its softirq).
 * Return: 0 if a thread took it, -1 if all are busy (try again later).
 */
int pdflush_operation(void (*fn)(unsigned long), unsigned long arg0)
{
	struct pdflush_work *pdf;
	unsigned long flags;

	BUG_ON(!fn);
	spin_lock_irqsave(&pdflush_lock, flags);
	if (list_empty(&pdflush_list)) {
		spin_unlock_irqrestore(&pdflush_lock, flags);
		return -1;
	}
	pdf = list_first_entry(&pdflush_list, struct pdflush_work, list);
	list_del_init(&pdf->list);
	pdf->fn = fn;
	pdf->arg0 = arg0;
	wake_up_process(pdf->who);
	spin_unlock_irqrestore(&pdflush_lock, flags);
	return 0;
}

/**
 * pdflush_init - start MIN_PDFLUSH_THREADS pdflush threads
 *
 * Returns once every thread waits on pdflush_list: they run at nice 0,
 * like their creator, so they need not have run yet when kthread_run()
 * returns.
 * Context: pid 1, boot.
 */
void pdflush_init(void)
{
	for (int i = 0; i < MIN_PDFLUSH_THREADS; i++) {
		struct task_struct *p;
		struct completion started;

		init_completion(&started);
		p = kthread_run(pdflush, &started, "pdflush");
		if (IS_ERR(p))
			panic("pdflush_init: cannot start pdflush (%ld)",
			      PTR_ERR(p));
		wait_for_completion(&started);
	}
}
