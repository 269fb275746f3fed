// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/wait_test.c - exclusive waits and complete_all().
 *
 * wake_up() wakes every ordinary sleeper of a wait queue but only one
 * exclusive sleeper (prepare_to_wait_exclusive(), sched/wait.c), the one
 * that queued first; complete_all() (sched/completion.c) lets through
 * every waiter of a completion, those asleep and those still to come.
 * A woken entry leaves the queue inside wake_up() itself
 * (autoremove_wake_function()), so what is still queued when wake_up()
 * returns is exactly who was not woken: the tests look at the queue
 * under its lock, and never at the clock.
 */
#include <atomic.h>
#include <completion.h>
#include <kernel.h>
#include <ktest.h>
#include <sched.h>
#include <timer.h>
#include <wait.h>

/* Return: the entries on @q; *@first: the first one's task, if any. */
static int queued(wait_queue_head_t *q, struct task_struct **first,
		  unsigned int *first_flags)
{
	wait_queue_t *wait;
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&q->lock, flags);
	list_for_each_entry(wait, &q->task_list, task_list) {
		if (!n++ && first) {
			*first = wait->task;
			*first_flags = wait->flags;
		}
	}
	spin_unlock_irqrestore(&q->lock, flags);
	return n;
}

/* Sleep a tick at a time until @q holds @n sleepers (a second at most). */
static bool wait_until_queued(wait_queue_head_t *q, int n)
{
	for (int ticks = 0; ticks < HZ; ticks++) {
		if (queued(q, NULL, NULL) == n)
			return true;
		schedule_timeout_uninterruptible(1);
	}
	return false;
}

static DECLARE_WAIT_QUEUE_HEAD(excl_wq);
static bool excl_go;

static int wait_exclusively(void *arg)
{
	DEFINE_WAIT(wait);

	for (;;) {
		if (arg)
			prepare_to_wait_exclusive(&excl_wq, &wait,
						  TASK_UNINTERRUPTIBLE);
		else
			prepare_to_wait(&excl_wq, &wait, TASK_UNINTERRUPTIBLE);
		if (READ_ONCE(excl_go))
			break;
		schedule();
	}
	finish_wait(&excl_wq, &wait);
	return 0;
}

/*
 * Two exclusive sleepers, then an ordinary one: the ordinary one goes to
 * the head of the queue, the exclusive ones to the tail in their order.
 * One wake_up() wakes the ordinary sleeper and the first exclusive one.
 */
KTEST(wake_up_wakes_one_exclusive_waiter)
{
	static void *const exclusive[3] = { (void *)1, (void *)1, NULL };
	struct task_struct *first = NULL, *second;
	unsigned int first_flags = 0;
	bool all_queued = true;
	int pids[3], left;

	/* A woken waiter on another CPU would queue itself again at once. */
	ktest_stay_on_cpu(0);
	WRITE_ONCE(excl_go, false);
	/* One at a time, so that the queue order is known. */
	for (int i = 0; i < 3; i++) {
		pids[i] = kernel_thread(wait_exclusively, exclusive[i], 0);
		KTEST_ASSERT(pids[i] > 0);
		all_queued &= wait_until_queued(&excl_wq, i + 1);
	}
	second = find_task_by_pid(pids[1]);

	WRITE_ONCE(excl_go, true);
	wake_up(&excl_wq);
	left = queued(&excl_wq, &first, &first_flags);
	wake_up_all(&excl_wq);
	for (int i = 0; i < 3; i++)
		KTEST_EXPECT_EQ(do_wait(pids[i], NULL, 0), pids[i]);

	KTEST_ASSERT(all_queued);
	KTEST_EXPECT_EQ(left, 1);
	KTEST_ASSERT(first == second);
	KTEST_ASSERT(first_flags & WQ_FLAG_EXCLUSIVE);
}

static int wait_for_it(void *arg)
{
	wait_for_completion(arg);
	return 0;
}

#define WAITERS 3

/*
 * complete() would wake one of the three sleepers; complete_all() wakes
 * them all, and whoever waits afterwards does not sleep at all.
 */
KTEST(complete_all_lets_every_waiter_through)
{
	static struct completion done;
	int pids[WAITERS], left;
	unsigned long later;
	bool all_queued;

	init_completion(&done);
	for (int i = 0; i < WAITERS; i++) {
		pids[i] = kernel_thread(wait_for_it, &done, 0);
		KTEST_ASSERT(pids[i] > 0);
	}
	all_queued = wait_until_queued(&done.wait, WAITERS);

	complete_all(&done);
	left = queued(&done.wait, NULL, NULL);
	/* Should some be left asleep, wake them one by one. */
	while (queued(&done.wait, NULL, NULL))
		complete(&done);
	for (int i = 0; i < WAITERS; i++)
		KTEST_EXPECT_EQ(do_wait(pids[i], NULL, 0), pids[i]);
	/* They are gone: the completion still lets a newcomer through. */
	later = wait_for_completion_timeout(&done, 1);

	KTEST_ASSERT(all_queued);
	KTEST_EXPECT_EQ(left, 0);
	KTEST_ASSERT(later > 0);
}
