// SPDX-License-Identifier: GPL-2.0
/*
 * sched/wait.c - wait queues.
 *
 * Linux 2.6: kernel/wait.c and __wake_up() in kernel/sched.c.
 * See include/wait.h for the sleeper's loop.  A waker walks the queue
 * and calls each entry's function, which wakes its task; entries added
 * with prepare_to_wait_exclusive() count against nr_exclusive, so a
 * wake_up() wakes every ordinary sleeper but only one exclusive one
 * (no thundering herd).
 */
#include <sched.h>
#include <wait.h>

/**
 * init_waitqueue_head - make @q an empty wait queue
 * @q: the head
 */
void init_waitqueue_head(wait_queue_head_t *q)
{
	spin_lock_init(&q->lock);
	INIT_LIST_HEAD(&q->task_list);
}

/**
 * add_wait_queue - put @wait on @q, without changing the task's state
 * @q: the queue
 * @wait: the entry, with the wake function of the caller's choice
 *
 * For an entry that is not a sleeping task's (its function does the
 * waking), or a sleeper that sets its state itself.
 * Context: any.
 */
void add_wait_queue(wait_queue_head_t *q, wait_queue_t *wait)
{
	unsigned long flags;

	wait->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&q->lock, flags);
	list_add(&wait->task_list, &q->task_list);
	spin_unlock_irqrestore(&q->lock, flags);
}

/**
 * remove_wait_queue - take @wait off @q
 * @q: the queue
 * @wait: an entry add_wait_queue() put there
 *
 * Context: any.
 */
void remove_wait_queue(wait_queue_head_t *q, wait_queue_t *wait)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	list_del_init(&wait->task_list);
	spin_unlock_irqrestore(&q->lock, flags);
}

/**
 * prepare_to_wait - queue the current task and set its sleeping state
 * @q: the queue
 * @wait: the entry (DEFINE_WAIT)
 * @state: TASK_INTERRUPTIBLE or TASK_UNINTERRUPTIBLE
 *
 * The state is set after queuing and before the caller tests its
 * condition: a wake-up from then on makes the schedule() that follows
 * return at once.
 * Context: process.
 */
void prepare_to_wait(wait_queue_head_t *q, wait_queue_t *wait, long state)
{
	unsigned long flags;

	wait->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&q->lock, flags);
	if (list_empty(&wait->task_list))
		list_add(&wait->task_list, &q->task_list);
	set_current_state(state);
	spin_unlock_irqrestore(&q->lock, flags);
}

/**
 * prepare_to_wait_exclusive - prepare_to_wait(), woken one at a time
 * @q: the queue
 * @wait: the entry
 * @state: the sleeping state
 */
void prepare_to_wait_exclusive(wait_queue_head_t *q, wait_queue_t *wait,
			       long state)
{
	unsigned long flags;

	wait->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&q->lock, flags);
	if (list_empty(&wait->task_list))
		list_add_tail(&wait->task_list, &q->task_list);
	set_current_state(state);
	spin_unlock_irqrestore(&q->lock, flags);
}

/**
 * finish_wait - the wait is over: running again, off the queue
 * @q: the queue
 * @wait: the entry
 */
void finish_wait(wait_queue_head_t *q, wait_queue_t *wait)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/* The lock is only needed if a waker has not already dequeued us. */
	if (!list_empty(&wait->task_list)) {
		spin_lock_irqsave(&q->lock, flags);
		list_del_init(&wait->task_list);
		spin_unlock_irqrestore(&q->lock, flags);
	}
}

/**
 * default_wake_function - wake the entry's task
 * @wait: the entry
 * @mode: the states that may be woken
 *
 * Return: 1 if the task was woken.
 */
int default_wake_function(wait_queue_t *wait, unsigned int mode)
{
	return try_to_wake_up(wait->task, mode);
}

/**
 * autoremove_wake_function - wake the task and take the entry off the
 *                            queue (DEFINE_WAIT's function)
 * @wait: the entry
 * @mode: the states that may be woken
 *
 * Return: 1 if the task was woken.
 */
int autoremove_wake_function(wait_queue_t *wait, unsigned int mode)
{
	/* try_to_wake_up() itself, not through default_wake_function():
	 * this is every wait_event()'s wake-up, a call less on each. */
	int ret = try_to_wake_up(wait->task, mode);

	if (ret)
		list_del_init(&wait->task_list);
	return ret;
}

/*
 * The walk of both __wake_up_locked() and __wake_up(): inline in each, a
 * call less on every wake-up (Linux 2.6: __wake_up_common()).
 */
static __always_inline void __wake_up_common(wait_queue_head_t *q,
					     unsigned int mode,
					     int nr_exclusive)
{
	wait_queue_t *curr, *next;

	list_for_each_entry_safe(curr, next, &q->task_list, task_list) {
		unsigned int exclusive = curr->flags & WQ_FLAG_EXCLUSIVE;

		if (curr->func(curr, mode) && exclusive && !--nr_exclusive)
			break;
	}
}

/**
 * __wake_up_locked - __wake_up() with @q->lock already held
 * @q: the queue
 * @mode: the states that may be woken (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr_exclusive: how many exclusive sleepers to wake (0: all)
 *
 * For a waker that changes the condition under the queue's own lock, as
 * complete() does, so that no sleeper can see the change and leave
 * before the wake-up is over.
 * Context: any, @q->lock held, interrupts off.
 */
void __wake_up_locked(wait_queue_head_t *q, unsigned int mode,
		      int nr_exclusive)
{
	__wake_up_common(q, mode, nr_exclusive);
}

/**
 * __wake_up - wake the sleepers of @q
 * @q: the queue
 * @mode: the states that may be woken (TASK_NORMAL, TASK_INTERRUPTIBLE)
 * @nr_exclusive: how many exclusive sleepers to wake (0: all)
 *
 * Context: any.
 */
void __wake_up(wait_queue_head_t *q, unsigned int mode, int nr_exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&q->lock, flags);
	__wake_up_common(q, mode, nr_exclusive);
	spin_unlock_irqrestore(&q->lock, flags);
}
