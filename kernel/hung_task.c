// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/hung_task.c - khungtaskd: a kernel thread that reports the
 * tasks stuck in TASK_UNINTERRUPTIBLE.
 *
 * Linux 2.6: kernel/hung_task.c (2.6.30: watchdog(),
 * check_hung_uninterruptible_tasks(), check_hung_task()).
 * The plainest periodic kernel thread: it sleeps for
 * hung_task_timeout_secs in schedule_timeout_interruptible(), walks the
 * task list once, and sleeps again.  A task asleep in
 * TASK_UNINTERRUPTIBLE whose switch count (nvcsw + nivcsw) has not moved
 * since the previous walk has not run for a whole period, at least the
 * timeout: a wake-up that never came, a disk that never answers, a
 * mutex nobody releases.  It is reported with its stack,
 *
 *	INFO: task NAME:PID blocked for more than N seconds.
 *
 * once per hang: Linux repeats the report every period (up to
 * hung_task_warnings times); once says it, and a task that runs again
 * and hangs again is reported again.  A task that has never been
 * switched out has nothing to compare with and waits for the next walk.
 * The timeout is a boot option (hung_task_timeout_secs=N) and
 * /proc/sys/kernel/hung_task_timeout_secs (kernel/sysctl.c); 0 turns the
 * checks off, and a write wakes khungtaskd so that the new period starts
 * at once.  Only khungtaskd reads and writes the tasks'
 * last_switch_count and hung_task_reported, so they need no lock; the
 * walk holds tasklist_lock so that no task goes away under it.
 * Next: the report's stack comes from arch/x86/dumpstack.c.
 */
#include <errno.h>
#include <hung_task.h>
#include <init.h>
#include <kernel.h>
#include <kthread.h>
#include <sched.h>
#include <spinlock.h>
#include <stacktrace.h>
#include <time.h>
#include <timer.h>

unsigned long sysctl_hung_task_timeout_secs = 120;
/* For the report and the tests: walks done, tasks reported. */
unsigned long hung_task_checks, hung_task_reports;

static struct task_struct *watchdog_task;

static int hung_task_timeout_setup(char *val)
{
	unsigned long secs;

	if (kstrtoul(val, 10, &secs) || secs > HUNG_TASK_TIMEOUT_MAX)
		return -EINVAL;
	sysctl_hung_task_timeout_secs = secs;
	return 0;
}
__setup("hung_task_timeout_secs=", hung_task_timeout_setup);

static void check_hung_task(struct task_struct *t, unsigned long timeout)
{
	unsigned long switch_count = READ_ONCE(t->nvcsw) +
				     READ_ONCE(t->nivcsw);

	if (switch_count != t->last_switch_count || !switch_count) {
		t->last_switch_count = switch_count;
		t->hung_task_reported = false;
		return;
	}
	if (t->hung_task_reported)
		return;
	t->hung_task_reported = true;
	hung_task_reports++;
	printk(KERN_ERR "INFO: task %s:%d blocked for more than %lu "
	       "seconds.\n", t->comm, t->pid, timeout);
	printk(KERN_ERR "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" "
	       "disables this message.\n");
	show_task_stack(t);
}

/* One walk: every task asleep in TASK_UNINTERRUPTIBLE is looked at. */
static void check_hung_uninterruptible_tasks(unsigned long timeout)
{
	struct task_struct *t;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(t)
		if (READ_ONCE(t->state) == TASK_UNINTERRUPTIBLE)
			check_hung_task(t, timeout);
	hung_task_checks++;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static long timeout_jiffies(unsigned long timeout)
{
	return timeout ? (long)(timeout * HZ) : MAX_SCHEDULE_TIMEOUT;
}

static int watchdog(void *unused)
{
	/* LAB 5: watchdog BEGIN */
	for (;;) {
		unsigned long timeout;
		long left;

		/*
		 * Asleep before the timeout is read: a write of a new one
		 * between the read and the sleep wakes us at once (the
		 * state is running again), and the next turn reads it.
		 */
		set_current_state(TASK_INTERRUPTIBLE);
		timeout = READ_ONCE(sysctl_hung_task_timeout_secs);
		left = schedule_timeout(timeout_jiffies(timeout));

		if (kthread_should_stop())
			return 0;
		/* Woken early: the timeout was written; start a new period. */
		if (left)
			continue;
		check_hung_uninterruptible_tasks(timeout);
	}
	/* LAB 5: watchdog END */
}

/**
 * hung_task_timeout_changed - a new hung_task_timeout_secs was written
 *
 * Wakes khungtaskd, which sleeps the new timeout from now on (or for
 * good, for 0).
 * Context: process.
 */
void hung_task_timeout_changed(void)
{
	if (watchdog_task)
		wake_up_process(watchdog_task);
}

/**
 * hung_task_init - start khungtaskd
 *
 * Context: process, at boot (do_basic_setup()).
 */
void hung_task_init(void)
{
	struct task_struct *p = kthread_run(watchdog, NULL, "khungtaskd");

	if (IS_ERR(p)) {
		printk(KERN_ERR "khungtaskd: cannot start (%ld): no checks for "
		       "hung tasks\n", PTR_ERR(p));
		return;
	}
	watchdog_task = p;
	printk(KERN_INFO "khungtaskd started: reports tasks in D state for "
	       "more than %lu s (hung_task_timeout_secs)\n",
	       sysctl_hung_task_timeout_secs);
}
