// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/regress_test.c - fast regression tests for what the long
 * runs found (`make test-long`: tests/ktest/long_test.c and the system
 * call fuzzer), and the error paths they go through, made quick and
 * deterministic enough for ktest=all.
 *
 * Each test runs in a kernel thread of its own (kernel/ktest.c).  Fault
 * injection is used with its task filter (include/gfp.h): only the tasks
 * a test marks see failures, and a cleanup action unmarks them and
 * disarms the injection however the test ends.
 */
#include <completion.h>
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
#include <kthread.h>
#include <sched.h>
#include <slab.h>
#include <wait.h>

/*
 * complete() used to count under the completion's lock and wake the
 * waiter after dropping it.  A waiter that ran in between (preempted
 * before it slept, say) saw done, returned, and reused its stack, where
 * kthread_create() keeps the completion: the late wake-up then spun for
 * ever on a "lock" in someone else's stack frame, interrupts off (10,000
 * kthread_create() cycles hung about one run in two).  Counting and
 * waking must happen under one hold of the lock, with no preemption
 * point between them.  That is what this checks, without waiting for the
 * unlucky timer tick: the test asks for a reschedule before complete(),
 * and a wait queue entry's wake function looks whether the request is
 * still pending when complete() wakes it (a preemption point in between
 * would have served it).  A timer tick before complete() could serve it
 * too, so one try in three must see it pending.
 */
#define PROBE_TRIES	3

static struct completion probe_done;
static int probe_wakes, probe_still_pending, probe_uncounted;

static int probe_wake(wait_queue_t *wait, unsigned int mode)
{
	probe_wakes++;
	if (test_tsk_need_resched(current))
		probe_still_pending++;
	if (!probe_done.done)
		probe_uncounted++;
	return 1;
}

KTEST(complete_wakes_with_no_preemption_point_after_counting)
{
	static wait_queue_t probe;

	probe_wakes = probe_still_pending = probe_uncounted = 0;
	for (int i = 0; i < 2 * PROBE_TRIES; i++) {
		probe = (wait_queue_t){ .task = current, .func = probe_wake };
		INIT_LIST_HEAD(&probe.task_list);
		init_completion(&probe_done);
		add_wait_queue(&probe_done.wait, &probe);
		set_tsk_need_resched(current);
		if (i < PROBE_TRIES)
			complete(&probe_done);
		else
			complete_all(&probe_done);
		remove_wait_queue(&probe_done.wait, &probe);
		if (i == PROBE_TRIES - 1) {
			KTEST_EXPECT(probe_still_pending > 0);
			probe_still_pending = 0;
		}
	}
	KTEST_EXPECT(probe_still_pending > 0);
	KTEST_EXPECT_EQ(probe_wakes, 2 * PROBE_TRIES);
	KTEST_EXPECT_EQ(probe_uncounted, 0);
}

static void stop_injecting(void *unused)
{
	fail_alloc_set(0, 0, false);
}

static void unmark_task(void *task)
{
	WRITE_ONCE(((struct task_struct *)task)->make_it_fail, 0);
}

static int must_not_run(void *arg)
{
	WRITE_ONCE(*(bool *)arg, true);
	return 0;
}

/*
 * kthread_create() while kthreadd's n-th allocation from now fails, for
 * n = 1, 2, ... until one gets through: each failure reaches the creator
 * as ERR_PTR(-ENOMEM) and leaves no task, pid, page or slab object
 * behind; the one that got through is stopped before it ever ran
 * (-EINTR).  Only kthreadd is marked, so no other allocation of the
 * kernel can take the failure meant for it.
 */
KTEST(kthread_create_failing_in_kthreadd_leaks_nothing)
{
	static bool ran;
	struct task_struct *k = NULL;
	int n;

	KTEST_ASSERT(kthreadd_task != NULL);
	WRITE_ONCE(kthreadd_task->make_it_fail, 1);
	ktest_add_action(unmark_task, kthreadd_task);
	ktest_add_action(stop_injecting, NULL);
	for (n = 1; n < 50; n++) {
		unsigned long free, objects;
		int tasks, pids;

		ktest_wait_exits();
		kmem_cache_shrink_all();
		free = nr_free_pages();
		objects = kmem_cache_active_objects();
		tasks = nr_threads;
		pids = nr_pids_in_use();

		ran = false;
		fail_alloc_set(n, 1, true);
		k = kthread_create(must_not_run, &ran, "ktest-fail/%d", n);
		if (!IS_ERR(k))
			break;
		KTEST_EXPECT_EQ(PTR_ERR(k), -ENOMEM);
		KTEST_ASSERT(!fail_alloc_pending());

		ktest_wait_exits();
		kmem_cache_shrink_all();
		KTEST_EXPECT_EQ(nr_free_pages(), free);
		KTEST_EXPECT_EQ(kmem_cache_active_objects(), objects);
		KTEST_EXPECT_EQ(nr_threads, tasks);
		KTEST_EXPECT_EQ(nr_pids_in_use(), pids);
	}
	ktest_release_action(stop_injecting, NULL);
	ktest_release_action(unmark_task, kthreadd_task);
	KTEST_ASSERT(!IS_ERR(k));
	/* The thread made it: it inherited kthreadd's mark, now cleared. */
	KTEST_EXPECT_EQ(k->make_it_fail, 1);
	KTEST_EXPECT_EQ(kthread_stop(k), -EINTR);
	KTEST_EXPECT(!READ_ONCE(ran));
	printk(KERN_INFO "ktest: kthreadd's fork makes %d allocations; each "
	       "failure came back as -ENOMEM\n", n - 1);
	/* task_struct, stack, sighand, signal at least */
	KTEST_EXPECT(n - 1 >= 4);
}
