// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/exit_test.c - when do_wait() or kthread_stop() returns,
 * the thread it waited for has made its last switch.
 *
 * A dying task cannot free its own stack: finish_task_switch() drops its
 * own reference after its last switch (kernel/exit.c).  do_exit() wakes
 * whoever waits for it with preemption off, so the waiter runs only after
 * that switch, even with the better priority: here the threads run at
 * nice 19 and the test at nice 0, so a waiter woken any earlier would
 * preempt the dying thread and return while it still holds its stack.
 * The test keeps a reference of its own to look: once the wait is over,
 * the thread must be TASK_DEAD, off the run queue, and held by that
 * reference alone, so that dropping it frees the thread at once.
 */
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>

static int return_zero(void *unused)
{
	return 0;
}

/*
 * Return: whether @p is gone but for our reference, which is dropped.
 * On one CPU it is gone as soon as do_wait() or kthread_stop() returns,
 * and that is checked.  On several it may still be making its last switch on its own CPU,
 * holding its own reference until the task after it drops it
 * (finish_task_switch()): wait for that switch, then for that reference.
 */
static bool switched_away_for_good(struct task_struct *p)
{
	bool gone;

	if (num_online_cpus() > 1) {
		ktest_wait_sleeping(p, TASK_DEAD);
		while (atomic_read(&p->usage) > 1)
			cpu_relax();
	}
	gone = READ_ONCE(p->state) == TASK_DEAD && !task_on_runqueue(p) &&
	       atomic_read(&p->usage) == 1;

	put_task_struct(p);
	return gone;
}

KTEST(reaped_child_has_made_its_last_switch)
{
	struct task_struct *child;
	int pid, reaped;

	pid = kernel_thread(return_zero, NULL, 0);
	KTEST_ASSERT(pid > 0);
	/* Ours until reaped, and then until we drop this reference. */
	child = find_task_by_pid(pid);
	get_task_struct(child);
	set_user_nice(child, 19);
	reaped = do_wait(pid, NULL, 0);
	KTEST_ASSERT(switched_away_for_good(child));
	KTEST_EXPECT_EQ(reaped, pid);
}

KTEST(stopped_kthread_has_made_its_last_switch)
{
	struct task_struct *k = kthread_create(return_zero, NULL,
					       "ktest-exit");
	int ret;

	KTEST_ASSERT(!IS_ERR(k));
	get_task_struct(k);
	set_user_nice(k, 19);
	/* Never woken: it leaves through kthread() with -EINTR. */
	ret = kthread_stop(k);
	KTEST_ASSERT(switched_away_for_good(k));
	KTEST_EXPECT_EQ(ret, -EINTR);
}
