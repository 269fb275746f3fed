// SPDX-License-Identifier: GPL-2.0
/*
 * sched/completion.c - completions.
 *
 * Linux 2.6: complete() and wait_for_completion() in kernel/sched.c.
 * x->done counts completions not yet consumed; waiters queue
 * exclusively, so each complete() wakes exactly one of them.  The count
 * changes and the waiter is woken under the same lock, x->wait.lock: a
 * waiter that finds the count up cannot return (and free a completion on
 * its stack) while complete() still touches it.
 */
#include <completion.h>
#include <kernel.h>
#include <sched.h>
#include <timer.h>

/**
 * complete - signal one waiter (or the next to come)
 * @x: the completion
 *
 * Context: any.
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done++;
	__wake_up_locked(&x->wait, TASK_NORMAL, 1);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/**
 * complete_all - signal every waiter, now and later
 * @x: the completion
 *
 * Context: any.
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done += ~0U / 2;
	__wake_up_locked(&x->wait, TASK_NORMAL, 0);
	spin_unlock_irqrestore(&x->wait.lock, flags);
}

/*
 * Sleep until x->done is positive or @timeout runs out, then consume one.
 * Return: the jiffies left (at least 1) on success, 0 on timeout.
 */
static long __sched do_wait_for_common(struct completion *x, long timeout)
{
	unsigned long flags;
	DEFINE_WAIT(wait);

	spin_lock_irqsave(&x->wait.lock, flags);
	while (!x->done && timeout) {
		wait.flags |= WQ_FLAG_EXCLUSIVE;
		if (list_empty(&wait.task_list))
			list_add_tail(&wait.task_list, &x->wait.task_list);
		__set_current_state(TASK_UNINTERRUPTIBLE);
		spin_unlock_irqrestore(&x->wait.lock, flags);
		timeout = schedule_timeout(timeout);
		spin_lock_irqsave(&x->wait.lock, flags);
	}
	if (!list_empty(&wait.task_list))
		list_del_init(&wait.task_list);
	__set_current_state(TASK_RUNNING);
	if (x->done) {
		x->done--;
		if (!timeout)
			timeout = 1;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return timeout;
}

/**
 * wait_for_completion - sleep until @x is completed
 * @x: the completion
 *
 * Context: process, may sleep; not interruptible.
 */
void __sched wait_for_completion(struct completion *x)
{
	might_sleep();
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT);
}

/**
 * wait_for_completion_timeout - wait_for_completion() for at most
 *                               @timeout jiffies
 * @x: the completion
 * @timeout: jiffies
 *
 * Return: 0 on timeout, else the jiffies that were left (at least 1).
 */
unsigned long __sched wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	might_sleep();
	return do_wait_for_common(x, timeout);
}
