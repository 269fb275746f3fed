// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/hung_task_test.c - khungtaskd reports a task held in
 * TASK_UNINTERRUPTIBLE, once, and leaves alone one that keeps running.
 *
 * The timeout goes to 1 s through /proc/sys/kernel/hung_task_timeout_secs'
 * handler (which wakes khungtaskd) and back to what it was at the end.
 * One thread waits on a completion nobody completes (D state, never
 * switched in: it must be reported), another sleeps a few ticks at a
 * time in TASK_UNINTERRUPTIBLE (in D state at most looks, but switching:
 * it must not be).  The test waits for the events themselves: the report (the
 * task's hung_task_reported), then two more walks of khungtaskd
 * (hung_task_checks), after which the count of reports must have grown
 * by exactly one for the blocked thread.  The report's text, with the
 * stack, is read on the console by tests/system/test_hung_task.py.
 */
#include <completion.h>
#include <errno.h>
#include <hung_task.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>
#include <string.h>
#include <sysctl.h>
#include <timer.h>

/* Bound of the waits, in 10 ms looks: far more than two 1 s periods. */
#define LOOKS_MAX	3000

static struct completion never;
static unsigned long saved_timeout;

static int hung_task_test_blocked(void *unused)
{
	wait_for_completion(&never);
	ktest_wait_for_stop();
	return 0;
}

/*
 * 7 ticks: not a divisor of khungtaskd's period (100 ticks), so its
 * walks do not all fall on the tick that wakes the napper; most find it
 * in D state, with a switch count that moved.
 */
#define NAP_TICKS	7

static int hung_task_test_napper(void *unused)
{
	while (!kthread_should_stop())
		schedule_timeout_uninterruptible(NAP_TICKS);
	return 0;
}

static int set_timeout(unsigned long secs)
{
	struct ctl_table *t = sysctl_lookup("kernel/hung_task_timeout_secs");
	char text[SYSCTL_TEXT_MAX];
	size_t len;

	if (!t)
		return -ENOENT;
	len = scnprintf(text, sizeof(text), "%lu\n", secs);
	return t->proc_handler(t, 1, text, &len);
}

static void restore_timeout(void *unused)
{
	set_timeout(saved_timeout);
}

static void unblock(void *unused)
{
	complete(&never);
}

/* Sleeps until @done(@arg) is true; false if it never was. */
static bool wait_until(bool (*done)(void *arg), void *arg)
{
	for (int i = 0; i < LOOKS_MAX; i++) {
		if (done(arg))
			return true;
		msleep(10);
	}
	return done(arg);
}

static bool reported(void *p)
{
	return READ_ONCE(((struct task_struct *)p)->hung_task_reported);
}

static bool checked_after(void *checks)
{
	return READ_ONCE(hung_task_checks) >= *(unsigned long *)checks;
}

KTEST(hung_task_reports_a_blocked_task_once)
{
	struct task_struct *blocked, *napper;
	unsigned long reports, checks;

	init_completion(&never);
	saved_timeout = READ_ONCE(sysctl_hung_task_timeout_secs);
	KTEST_ASSERT_EQ(set_timeout(1), 0);
	ktest_add_action(restore_timeout, NULL);
	KTEST_EXPECT_EQ(READ_ONCE(sysctl_hung_task_timeout_secs), 1UL);

	reports = READ_ONCE(hung_task_reports);
	blocked = kthread_run(hung_task_test_blocked, NULL, "hung_blocked");
	KTEST_ASSERT(!IS_ERR(blocked));
	ktest_add_action(ktest_kthread_stop, blocked);
	ktest_add_action(unblock, NULL);
	napper = kthread_run(hung_task_test_napper, NULL, "hung_napper");
	KTEST_ASSERT(!IS_ERR(napper));
	ktest_add_action(ktest_kthread_stop, napper);

	KTEST_ASSERT(wait_until(reported, blocked));
	/* Two whole periods more: a second report would have come. */
	checks = READ_ONCE(hung_task_checks) + 2;
	KTEST_ASSERT(wait_until(checked_after, &checks));
	KTEST_EXPECT(READ_ONCE(blocked->hung_task_reported));
	KTEST_EXPECT(!READ_ONCE(napper->hung_task_reported));
	KTEST_EXPECT_EQ(READ_ONCE(hung_task_reports) - reports, 1UL);
}

KTEST(hung_task_timeout_sysctl_bounds)
{
	saved_timeout = READ_ONCE(sysctl_hung_task_timeout_secs);
	ktest_add_action(restore_timeout, NULL);
	KTEST_EXPECT_EQ(set_timeout(HUNG_TASK_TIMEOUT_MAX + 1), -EINVAL);
	KTEST_EXPECT_EQ(READ_ONCE(sysctl_hung_task_timeout_secs),
			saved_timeout);
	/* 0: no checks, khungtaskd sleeps until the next write. */
	KTEST_EXPECT_EQ(set_timeout(0), 0);
	KTEST_EXPECT_EQ(READ_ONCE(sysctl_hung_task_timeout_secs), 0UL);
}

static struct task_struct *find_khungtaskd(void)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		if (!strcmp(p->comm, "khungtaskd")) {
			found = p;
			get_task_struct(p);
			break;
		}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

static void put_task(void *p)
{
	put_task_struct(p);
}

/*
 * Wait, a tick at a time, for hung_task_checks to pass @checks; at most
 * @ticks.  Return: the jiffies it was seen, or 0 if it never was.
 */
static unsigned long wait_for_check(unsigned long checks, unsigned long ticks)
{
	for (unsigned long start = jiffies; jiffies - start <= ticks;) {
		if (READ_ONCE(hung_task_checks) > checks)
			return jiffies;
		schedule_timeout_uninterruptible(1);
	}
	return 0;
}

#define PERIODS		3

/*
 * khungtaskd is the periodic daemon: with hung_task_timeout_secs = 1 it
 * walks the task list once every HZ ticks, and sleeps interruptibly in
 * between (a write of the timeout must be able to wake it).  The bound is
 * two ticks either side of the period: the test looks once a tick.
 */
KTEST(khungtaskd_wakes_once_per_period)
{
	struct task_struct *k = find_khungtaskd();
	unsigned long checks, seen[PERIODS + 1];

	KTEST_ASSERT(k != NULL);
	ktest_add_action(put_task, k);
	saved_timeout = READ_ONCE(sysctl_hung_task_timeout_secs);
	KTEST_ASSERT_EQ(set_timeout(1), 0);
	ktest_add_action(restore_timeout, NULL);
	for (int i = 0; i <= PERIODS; i++) {
		checks = READ_ONCE(hung_task_checks);
		seen[i] = wait_for_check(checks, 3 * HZ);
		if (!seen[i])
			KTEST_FAIL("watchdog: khungtaskd made no check in %d "
				   "ticks with hung_task_timeout_secs = 1", 3 * HZ);
		if (READ_ONCE(hung_task_checks) != checks + 1)
			KTEST_FAIL("watchdog: %lu checks in one tick, not one",
				   READ_ONCE(hung_task_checks) - checks);
	}
	for (int i = 1; i <= PERIODS; i++) {
		long period = seen[i] - seen[i - 1];

		if (period < HZ - 2 || period > HZ + 2)
			KTEST_FAIL("watchdog: checks %ld ticks apart, not one "
				   "period of %d", period, HZ);
	}
	/* Between two walks it sleeps, interruptibly. */
	ktest_wait_sleeping(k, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
	if (READ_ONCE(k->state) != TASK_INTERRUPTIBLE)
		KTEST_FAIL("watchdog: khungtaskd sleeps in state %ld between "
			   "its walks, not TASK_INTERRUPTIBLE", k->state);
}
