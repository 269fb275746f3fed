// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/yield_test.c - yield() from a task that runs from the
 * expired array.
 *
 * A task whose time slice runs out while it cannot be preempted (here
 * inside preempt_disable()) is moved to the expired array by
 * scheduler_tick() and goes on running until it can be switched away.
 * If it calls yield() then, yield() must take it off the array it is
 * really on, p->array, as Linux 2.6's sys_sched_yield() does: taking it
 * off rq->active would leave each array's nr_active one off, and
 * schedule() trusts those counts.  The task here does that twice;
 * sched_check_runqueue() (sched/core.c) compares every count, bit and
 * list after each yield().  The test is about one CPU's queue: it binds
 * its thread, and so the yielder it forks, to the CPU it runs on.
 */
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <completion.h>
#include <kernel.h>
#include <ktest.h>
#include <percpu.h>
#include <preempt.h>
#include <sched.h>
#include <string.h>

#define ROUNDS 2

struct yield_test {
	struct completion in_section;	/* the yielder cannot be preempted */
	bool test_ran;			/* the test's task ran again */
	bool ran_first[ROUNDS];		/* ... before yield() returned */
	int check[ROUNDS];		/* sched_check_runqueue() after it */
	char why[ROUNDS][96];
};

static int yield_from_expired(void *arg)
{
	struct yield_test *yt = arg;

	for (int round = 0; round < ROUNDS; round++) {
		preempt_disable();
		/* The waker's wake-up has to wait: it queues on active. */
		if (round == 0)
			complete(&yt->in_section);
		/* Until the tick moves us; then need_resched is set. */
		while (!task_expired(current))
			cpu_relax();
		/* Nothing may switch us away before yield() itself does. */
		local_irq_disable();
		preempt_enable_no_resched();
		yield();
		yt->ran_first[round] = READ_ONCE(yt->test_ran);
		yt->check[round] = sched_check_runqueue(yt->why[round],
							sizeof(yt->why[round]));
	}
	return 0;
}

KTEST(yield_from_the_expired_array_keeps_the_run_queue_consistent)
{
	static struct yield_test yt;
	int pid;

	KTEST_ASSERT_EQ(set_cpus_allowed(current,
					 cpumask_of_cpu(raw_smp_processor_id())),
			0);
	memset(&yt, 0, sizeof(yt));
	init_completion(&yt.in_section);
	pid = kernel_thread(yield_from_expired, &yt, 0);
	KTEST_ASSERT(pid > 0);
	/* Slices of one tick, from the first refill on. */
	set_user_nice(find_task_by_pid(pid), 19);
	/* Woken in its section: we wait on the active array. */
	wait_for_completion(&yt.in_section);
	WRITE_ONCE(yt.test_ran, true);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);

	for (int round = 0; round < ROUNDS; round++)
		if (yt.check[round])
			KTEST_FAIL("after yield() %d: %s", round + 1,
				   yt.why[round]);
	/* yield() put it behind us, who waited on the active array. */
	KTEST_ASSERT(yt.ran_first[0]);
}
