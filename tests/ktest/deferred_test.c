// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/deferred_test.c - softirqs, tasklets, ksoftirqd,
 * workqueues and events/0.
 *
 * "From an interrupt" means from a handler run by ktest_fake_interrupt()
 * (kernel/ktest.c): the same entry, do_IRQ() and irq_exit() as a device.
 */
#include <hardirq.h>
#include <interrupt.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>
#include <string.h>
#include <timer.h>
#include <workqueue.h>

static struct {
	bool in_irq, in_softirq, in_interrupt;
} seen_irq, seen_tasklet;
static bool tasklet_ran;
static int tasklet_runs;

static void note_tasklet(unsigned long data)
{
	seen_tasklet.in_irq = in_irq();
	seen_tasklet.in_softirq = in_softirq();
	seen_tasklet.in_interrupt = in_interrupt();
	WRITE_ONCE(tasklet_ran, true);
	tasklet_runs++;
}

static DECLARE_TASKLET(test_tasklet, note_tasklet, 0);

static void schedule_tasklet_irq(int irq, struct pt_regs *regs, void *dev)
{
	seen_irq.in_irq = in_irq();
	seen_irq.in_softirq = in_softirq();
	seen_irq.in_interrupt = in_interrupt();
	tasklet_schedule(&test_tasklet);
	/* Still in the handler: the softirq must not have run yet. */
	WARN_ON(READ_ONCE(tasklet_ran));
}

KTEST(softirq_from_interrupt_runs_before_interrupted_code)
{
	tasklet_ran = false;
	ktest_fake_interrupt(schedule_tasklet_irq);
	/* The very next instruction after the interrupt: already run. */
	KTEST_ASSERT(READ_ONCE(tasklet_ran));
	KTEST_ASSERT(seen_irq.in_irq && !seen_irq.in_softirq &&
		     seen_irq.in_interrupt);
	KTEST_ASSERT(!seen_tasklet.in_irq && seen_tasklet.in_softirq &&
		     seen_tasklet.in_interrupt);
	KTEST_ASSERT(!in_irq() && !in_softirq() && !in_interrupt());
	local_bh_disable();
	KTEST_ASSERT(in_softirq() && in_interrupt() && !in_irq());
	local_bh_enable();
	KTEST_ASSERT(!in_interrupt());
}

KTEST(tasklet_scheduled_five_times_runs_once)
{
	tasklet_runs = 0;
	local_bh_disable();		/* nothing runs until enable */
	for (int i = 0; i < 5; i++)
		tasklet_schedule(&test_tasklet);
	KTEST_EXPECT_EQ(tasklet_runs, 0);
	local_bh_enable();		/* runs the pending softirq here */
	KTEST_EXPECT_EQ(tasklet_runs, 1);
	msleep(20);
	KTEST_EXPECT_EQ(tasklet_runs, 1);
}

KTEST(disabled_tasklet_waits_until_enabled)
{
	tasklet_runs = 0;
	tasklet_disable(&test_tasklet);
	tasklet_schedule(&test_tasklet);
	msleep(30);
	KTEST_EXPECT_EQ(tasklet_runs, 0);
	tasklet_enable(&test_tasklet);
	msleep(30);
	KTEST_EXPECT_EQ(tasklet_runs, 1);
	tasklet_kill(&test_tasklet);
}

/* A tasklet that schedules itself again: a softirq that never stops. */
static bool storm_stop;
static unsigned long storm_runs;

static void storm(unsigned long data)
{
	storm_runs++;
	if (!READ_ONCE(storm_stop))
		tasklet_schedule((struct tasklet_struct *)data);
}

static struct tasklet_struct storm_tasklet;

#define PERIODS 20
static unsigned long stamps[PERIODS];

static int periodic(void *arg)
{
	for (int i = 0; i < PERIODS; i++) {
		msleep(10);
		stamps[i] = jiffies;
	}
	return 0;
}

KTEST(softirq_storm_handed_to_ksoftirqd_threads_keep_deadlines)
{
	struct task_struct *ksoftirqd = find_task_by_pid(3);
	unsigned long ksoftirqd_ticks;
	int pid;

	KTEST_ASSERT(ksoftirqd && !strcmp(ksoftirqd->comm, "ksoftirqd/0"));
	ksoftirqd_ticks = ksoftirqd->utime + ksoftirqd->stime;
	storm_stop = false;
	storm_runs = 0;
	tasklet_init(&storm_tasklet, storm, (unsigned long)&storm_tasklet);
	tasklet_schedule(&storm_tasklet);

	pid = kernel_thread(periodic, NULL, 0);
	KTEST_ASSERT(pid > 0);
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
	WRITE_ONCE(storm_stop, true);
	tasklet_kill(&storm_tasklet);

	for (int i = 1; i < PERIODS; i++)
		if (stamps[i] - stamps[i - 1] > 3)
			KTEST_FAIL("period %d took %lu ticks during the storm",
				   i, stamps[i] - stamps[i - 1]);
	printk(KERN_INFO "ktest: the storm ran %lu times; ksoftirqd took %lu "
	       "ticks\n", storm_runs,
	       ksoftirqd->utime + ksoftirqd->stime - ksoftirqd_ticks);
	/* ksoftirqd did the bulk of it, in process context. */
	KTEST_ASSERT(ksoftirqd->utime + ksoftirqd->stime - ksoftirqd_ticks >=
		     PERIODS / 2);
	KTEST_ASSERT(storm_runs > 1000);
}

#define ITEMS 10000
static struct work_struct items[ITEMS];
static int item_order[ITEMS];
static int items_run, next_item;
static struct workqueue_struct *test_wq;

static void record_item(struct work_struct *work)
{
	item_order[items_run++] = work - items;
}

static void queue_item_irq(int irq, struct pt_regs *regs, void *dev)
{
	queue_work(test_wq, &items[next_item++]);
}

KTEST(ten_thousand_works_from_interrupts_run_once_in_order)
{
	test_wq = create_singlethread_workqueue("ktest_wq");
	KTEST_ASSERT(test_wq != NULL);
	items_run = next_item = 0;
	for (int i = 0; i < ITEMS; i++)
		INIT_WORK(&items[i], record_item);
	for (int i = 0; i < ITEMS; i++)
		ktest_fake_interrupt(queue_item_irq);
	flush_workqueue(test_wq);
	KTEST_EXPECT_EQ(items_run, ITEMS);
	for (int i = 0; i < ITEMS; i++)
		KTEST_EXPECT_EQ(item_order[i], i);
	destroy_workqueue(test_wq);
}

static unsigned long delayed_ran_at;
static bool delayed_ran;

static void note_delayed(struct work_struct *work)
{
	delayed_ran_at = jiffies;
	WRITE_ONCE(delayed_ran, true);
}

KTEST(delayed_work_on_time_and_cancellable)
{
	struct delayed_work dw;
	unsigned long start;

	INIT_DELAYED_WORK(&dw, note_delayed);
	delayed_ran = false;
	start = jiffies;
	KTEST_EXPECT_EQ(schedule_delayed_work(&dw, 10), 1);
	KTEST_EXPECT_EQ(schedule_delayed_work(&dw, 10), 0); /* pending */
	msleep(200);
	flush_scheduled_work();
	KTEST_ASSERT(delayed_ran);
	KTEST_ASSERT(delayed_ran_at - start >= 10 &&
		     delayed_ran_at - start <= 12);

	delayed_ran = false;
	KTEST_EXPECT_EQ(schedule_delayed_work(&dw, 20), 1);
	KTEST_EXPECT_EQ(cancel_delayed_work(&dw), 1);
	msleep(300);
	flush_scheduled_work();
	KTEST_ASSERT(!delayed_ran);
}

static int slow_done;

static void slow_work(struct work_struct *work)
{
	msleep(10);
	slow_done++;
}

KTEST(flush_waits_for_everything_queued_before)
{
	static struct work_struct slow[5];

	slow_done = 0;
	for (int i = 0; i < 5; i++) {
		INIT_WORK(&slow[i], slow_work);
		schedule_work(&slow[i]);
	}
	KTEST_ASSERT(slow_done < 5);	/* they sleep: not all done yet */
	flush_scheduled_work();
	KTEST_EXPECT_EQ(slow_done, 5);
}

KTEST(events_and_ksoftirqd_sleep_when_idle)
{
	struct task_struct *events = workqueue_thread(keventd_wq, 0);
	struct task_struct *ksoftirqd = find_task_by_pid(3);
	unsigned long e_ticks, k_ticks;

	KTEST_ASSERT(events && !strcmp(events->comm, "events/0"));
	KTEST_ASSERT(ksoftirqd && !strcmp(ksoftirqd->comm, "ksoftirqd/0"));
	KTEST_ASSERT(events->mm == NULL && (events->flags & PF_KTHREAD));
	KTEST_ASSERT(events->parent == kthreadd_task);
	KTEST_EXPECT_EQ(TASK_NICE(ksoftirqd), 19);
	KTEST_EXPECT_EQ(TASK_NICE(events), -5);
	msleep(20);
	e_ticks = events->utime + events->stime;
	k_ticks = ksoftirqd->utime + ksoftirqd->stime;
	msleep(200);
	KTEST_EXPECT_EQ(task_state_char(events), 'S');
	KTEST_EXPECT_EQ(task_state_char(ksoftirqd), 'S');
	KTEST_EXPECT_EQ(events->utime + events->stime, e_ticks);
	KTEST_EXPECT_EQ(ksoftirqd->utime + ksoftirqd->stime, k_ticks);
}
