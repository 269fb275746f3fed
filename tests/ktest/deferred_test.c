// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/deferred_test.c - softirqs, tasklets, ksoftirqd,
 * workqueues and events/N.
 *
 * "From an interrupt" means from a handler run by ktest_fake_interrupt()
 * (kernel/ktest.c): the same entry, do_IRQ() and irq_exit() as a device.
 *
 * Each test has tasklets, work items and threads of its own, and stops
 * them in a cleanup action (tasklet_kill(), cancel and flush,
 * destroy_workqueue(), kthread_stop(), do_wait()), so that however it
 * ends nothing it started runs on into the next test.  The tests wait
 * for the events themselves: a completion that the tasklet, work or
 * thread completes, a thread seen asleep by the scheduler, a softirq's
 * run count.  Time passes only where time is what is tested -- a delayed
 * work's deadline and a storm's periods, both in ticks -- or where a test
 * shows that something does NOT happen (a disabled tasklet, a cancelled
 * work, idle threads); each such wait says what it proves.
 *
 * With several CPUs online the test thread may move between two calls:
 * where a test needs its tasklet or works on one CPU, it names that CPU
 * (a thread bound with kthread_bind(), schedule_work_on()).  Where work
 * runs, and the per-CPU threads themselves, are tested in
 * percpu_threads_test.c.
 */
#include <completion.h>
#include <hardirq.h>
#include <interrupt.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>
#include <string.h>
#include <time.h>
#include <timer.h>
#include <wait.h>
#include <workqueue.h>

/*
 * How long to wait for something that takes a tick or two: only a broken
 * kernel gets there, so it is generous enough for any host.
 */
#define EVENT_TIMEOUT	(10 * HZ)

/* A tasklet that notes where and how often it ran. */
struct tasklet_probe {
	struct tasklet_struct tasklet;
	int runs;			/* written by the tasklet only */
	bool in_irq, in_softirq, in_interrupt;
	struct completion ran;		/* completed by each run */
	bool disabled;			/* enable it before tasklet_kill() */
};

static void probe_fn(unsigned long data)
{
	struct tasklet_probe *p = (struct tasklet_probe *)data;

	p->in_irq = in_irq();
	p->in_softirq = in_softirq();
	p->in_interrupt = in_interrupt();
	WRITE_ONCE(p->runs, p->runs + 1);
	complete(&p->ran);
}

/* Cleanup action: @data (a probe) neither disabled, scheduled nor running. */
static void probe_stop(void *data)
{
	struct tasklet_probe *p = data;

	/* tasklet_kill() would wait for ever for a disabled tasklet. */
	if (p->disabled) {
		p->disabled = false;
		tasklet_enable(&p->tasklet);
	}
	tasklet_kill(&p->tasklet);
}

static void probe_init(struct tasklet_probe *p)
{
	memset(p, 0, sizeof(*p));
	tasklet_init(&p->tasklet, probe_fn, (unsigned long)p);
	init_completion(&p->ran);
	ktest_add_action(probe_stop, p);
}

static struct tasklet_probe *irq_probe;	/* for the handler below */

static void schedule_probe_irq(int irq, struct pt_regs *regs, void *dev)
{
	KTEST_EXPECT(in_irq() && !in_softirq() && in_interrupt());
	tasklet_schedule(&irq_probe->tasklet);
	/* Still in the handler: the softirq must not have run yet. */
	KTEST_EXPECT_EQ(irq_probe->runs, 0);
}

KTEST(softirq_from_interrupt_runs_before_interrupted_code)
{
	static struct tasklet_probe probe;

	probe_init(&probe);
	irq_probe = &probe;
	ktest_fake_interrupt(schedule_probe_irq);
	/* The very next instruction after the interrupt: already run. */
	KTEST_EXPECT_EQ(probe.runs, 1);
	KTEST_EXPECT(!probe.in_irq && probe.in_softirq && probe.in_interrupt);
	KTEST_EXPECT(!in_irq() && !in_softirq() && !in_interrupt());
	local_bh_disable();
	/* EXPECT: with softirqs off, a test cannot be ended. */
	KTEST_EXPECT(in_softirq() && in_interrupt() && !in_irq());
	local_bh_enable();
	KTEST_EXPECT(!in_interrupt());
}

KTEST(tasklet_scheduled_five_times_runs_once)
{
	static struct tasklet_probe probe;

	probe_init(&probe);
	local_bh_disable();		/* nothing runs until enable */
	for (int i = 0; i < 5; i++)
		tasklet_schedule(&probe.tasklet);
	KTEST_EXPECT_EQ(probe.runs, 0);
	local_bh_enable();		/* runs the pending softirq here */
	KTEST_EXPECT_EQ(probe.runs, 1);
	/*
	 * Another run could only come from the tasklet still being
	 * scheduled: once tasklet_kill() has seen it neither scheduled nor
	 * running, none can follow.
	 */
	tasklet_kill(&probe.tasklet);
	KTEST_EXPECT_EQ(probe.runs, 1);
}

/* Rounds of TASKLET_SOFTIRQ that must pass over a disabled tasklet. */
#define DISABLED_ROUNDS	10

KTEST(disabled_tasklet_waits_until_enabled)
{
	static struct tasklet_probe probe;
	unsigned long rounds, start = jiffies;

	probe_init(&probe);
	tasklet_disable(&probe.tasklet);
	probe.disabled = true;
	rounds = softirq_count_of(TASKLET_SOFTIRQ);
	tasklet_schedule(&probe.tasklet);
	/*
	 * That it does not run can only be seen by letting the softirq
	 * pass over it.  A disabled tasklet stays on the list and raises
	 * TASKLET_SOFTIRQ again (ksoftirqd runs it), so wait until the
	 * softirq has run DISABLED_ROUNDS times -- each run would have run
	 * an enabled tasklet -- and at least 3 ticks have passed (or it ran).
	 */
	while ((softirq_count_of(TASKLET_SOFTIRQ) - rounds < DISABLED_ROUNDS ||
		time_before(jiffies, start + 3)) &&
	       !READ_ONCE(probe.runs) &&
	       time_before(jiffies, start + EVENT_TIMEOUT))
		schedule_timeout_uninterruptible(1);
	KTEST_EXPECT_EQ(probe.runs, 0);
	KTEST_EXPECT(softirq_count_of(TASKLET_SOFTIRQ) - rounds >=
		     DISABLED_ROUNDS);

	probe.disabled = false;
	tasklet_enable(&probe.tasklet);
	/* Still scheduled, it runs at the softirq's next round. */
	KTEST_EXPECT(wait_for_completion_timeout(&probe.ran, EVENT_TIMEOUT));
	tasklet_kill(&probe.tasklet);
	KTEST_EXPECT_EQ(probe.runs, 1);
}

/* A tasklet that schedules itself again: a softirq that never stops. */
struct storm {
	struct tasklet_struct tasklet;
	bool stop;
	unsigned long runs;
};

static void storm_fn(unsigned long data)
{
	struct storm *s = (struct storm *)data;

	s->runs++;
	if (!READ_ONCE(s->stop))
		tasklet_schedule(&s->tasklet);
}

/* Cleanup action: end the storm @data. */
static void storm_stop(void *data)
{
	struct storm *s = data;

	WRITE_ONCE(s->stop, true);
	tasklet_kill(&s->tasklet);
}

#define PERIODS		20
#define PERIOD_TICKS	2	/* msleep(10) at HZ=100: 1 tick, plus 1 */
/*
 * The storm and the sleeper share one CPU, the one whose tick advances
 * jiffies (CPU 0, arch/x86/apic.c): a period in jiffies is then time
 * that CPU really ran, even if the host stalls QEMU's other CPUs.
 */
#define STORM_CPU	0

static unsigned long stamps[PERIODS];
static struct storm storm;
static struct completion periods_done;

/*
 * The thread that must keep its deadlines, bound to STORM_CPU: it starts
 * the storm there (a tasklet runs, and reschedules itself, on the CPU
 * that scheduled it), then notes jiffies after each sleep.
 */
static int periodic(void *unused)
{
	tasklet_schedule(&storm.tasklet);
	for (int i = 0; i < PERIODS; i++) {
		msleep(10);
		stamps[i] = jiffies;
	}
	complete(&periods_done);
	ktest_wait_for_stop();
	return 0;
}

/*
 * Timing in ticks is the subject here: msleep(10) in a storm of softirqs
 * must still end at most 2 ticks late, because the storm is run by
 * ksoftirqd at nice 19 and the sleeper preempts it.  (It is 0 or 1 late:
 * a host that stalls QEMU can bunch two ticks together.  A storm run
 * above the sleeper's priority makes it tens of ticks late.)
 */
KTEST(softirq_storm_handed_to_ksoftirqd_threads_keep_deadlines)
{
	struct task_struct *ksoftirqd = ksoftirqd_task(STORM_CPU), *k;
	unsigned long ksoftirqd_ticks, worst = 0, start, ticks;
	int worst_at = 0;

	KTEST_ASSERT(ksoftirqd != NULL);
	memset(&storm, 0, sizeof(storm));
	tasklet_init(&storm.tasklet, storm_fn, (unsigned long)&storm);
	init_completion(&periods_done);
	ktest_add_action(storm_stop, &storm);
	k = kthread_create(periodic, NULL, "ktest-periodic");
	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(ktest_kthread_stop, k);
	kthread_bind(k, STORM_CPU);

	ksoftirqd_ticks = ksoftirqd->utime + ksoftirqd->stime;
	start = jiffies;
	wake_up_process(k);
	KTEST_ASSERT(wait_for_completion_timeout(&periods_done,
						 EVENT_TIMEOUT));
	ktest_release_action(ktest_kthread_stop, k);
	ktest_release_action(storm_stop, &storm);
	ticks = jiffies - start;

	for (int i = 1; i < PERIODS; i++) {
		if (stamps[i] - stamps[i - 1] > worst) {
			worst = stamps[i] - stamps[i - 1];
			worst_at = i;
		}
	}
	if (worst > PERIOD_TICKS + 2)
		ktest_fail(__FILE__, __LINE__, "period %d took %lu ticks "
			   "during the storm", worst_at, worst);
	printk(KERN_INFO "ktest: the storm ran %lu times; ksoftirqd took %lu "
	       "ticks; the longest period was %lu ticks\n", storm.runs,
	       ksoftirqd->utime + ksoftirqd->stime - ksoftirqd_ticks, worst);
	/* ksoftirqd did the bulk of it, in process context. */
	KTEST_EXPECT(ksoftirqd->utime + ksoftirqd->stime - ksoftirqd_ticks >=
		     PERIODS / 2);
	/*
	 * More rounds than the timer interrupts' irq_exit() could have run
	 * (MAX_SOFTIRQ_RESTART each): ksoftirqd ran the rest.  A count per
	 * tick, not a speed: a dozen rounds per tick of ksoftirqd suffice.
	 */
	KTEST_EXPECT(storm.runs > (ticks + 1) * MAX_SOFTIRQ_RESTART);
}

#define ITEMS 10000
static struct work_struct items[ITEMS];
static int item_order[ITEMS];
static int items_run, next_item;
static struct workqueue_struct *test_wq;

static void record_item(struct work_struct *work)
{
	/* A work run twice must not write past the end. */
	if (items_run < ITEMS)
		item_order[items_run] = work - items;
	items_run++;
}

static void queue_item_irq(int irq, struct pt_regs *regs, void *dev)
{
	queue_work(test_wq, &items[next_item++]);
}

/*
 * Cleanup action: flush and destroy the workqueue @data, and wait until
 * its worker is gone (destroy_workqueue() stops it with kthread_stop():
 * see ktest_kthread_stop()).
 */
static void destroy_wq(void *data)
{
	struct task_struct *worker = workqueue_thread(data, 0);

	get_task_struct(worker);
	destroy_workqueue(data);
	ktest_wait_sleeping(worker, TASK_DEAD);
	put_task_struct(worker);
}

KTEST(ten_thousand_works_from_interrupts_run_once_in_order)
{
	int first_wrong = -1;

	test_wq = create_singlethread_workqueue("ktest_wq");
	KTEST_ASSERT(test_wq != NULL);
	ktest_add_action(destroy_wq, test_wq);
	items_run = next_item = 0;
	for (int i = 0; i < ITEMS; i++)
		INIT_WORK(&items[i], record_item);
	for (int i = 0; i < ITEMS; i++)
		ktest_fake_interrupt(queue_item_irq);
	flush_workqueue(test_wq);
	KTEST_EXPECT_EQ(items_run, ITEMS);
	for (int i = 0; i < min(items_run, ITEMS) && first_wrong < 0; i++)
		if (item_order[i] != i)
			first_wrong = i;
	if (first_wrong >= 0)
		ktest_fail(__FILE__, __LINE__, "run %d was work %d",
			   first_wrong, item_order[first_wrong]);
}

static struct {
	struct delayed_work dw;
	struct completion ran;		/* completed by each run */
	unsigned long ran_at;		/* jiffies of the last run */
	int runs;
} delayed;

static void note_delayed(struct work_struct *work)
{
	delayed.ran_at = jiffies;
	WRITE_ONCE(delayed.runs, delayed.runs + 1);
	complete(&delayed.ran);
}

/* Cleanup action: the delayed work @data neither pending nor running. */
static void cancel_delayed(void *data)
{
	cancel_delayed_work(data);
	flush_scheduled_work();
}

KTEST(delayed_work_on_time_and_cancellable)
{
	unsigned long start, took, deadline;

	INIT_DELAYED_WORK(&delayed.dw, note_delayed);
	init_completion(&delayed.ran);
	delayed.runs = 0;
	ktest_add_action(cancel_delayed, &delayed.dw);
	start = jiffies;
	KTEST_EXPECT_EQ(schedule_delayed_work(&delayed.dw, 10), 1);
	/* Still pending: not queued twice. */
	KTEST_EXPECT_EQ(schedule_delayed_work(&delayed.dw, 10), 0);
	KTEST_ASSERT(wait_for_completion_timeout(&delayed.ran, EVENT_TIMEOUT));
	/* Its deadline, in ticks: never early, at most 2 ticks late. */
	took = delayed.ran_at - start;
	if (took < 10 || took > 12)
		ktest_fail(__FILE__, __LINE__, "ran after %lu ticks, not 10-12",
			   took);

	KTEST_EXPECT_EQ(schedule_delayed_work(&delayed.dw, 20), 1);
	deadline = jiffies + 20;
	KTEST_EXPECT_EQ(cancel_delayed_work(&delayed.dw), 1);
	/*
	 * That a cancelled work never runs can only be seen by letting its
	 * deadline pass.  Timers run in the order they expire, so by the
	 * time this sleep (10 ticks past the deadline) ends, the work's
	 * timer would have queued it; the flush then waits for it.
	 */
	while (time_before_eq(jiffies, deadline + 10))
		schedule_timeout_uninterruptible(deadline + 10 - jiffies + 1);
	flush_scheduled_work();
	KTEST_EXPECT_EQ(delayed.runs, 1);
}

#define GATED_WORKS	5

/*
 * Works that sleep in events/0 until the test opens their gate, so that
 * a flush is still waiting for them when the test looks.  All are queued
 * on CPU 0: flush_workqueue() goes CPU by CPU, and a work queued after
 * it began on a CPU it has not reached yet would be waited for too.
 */
#define FLUSH_CPU	0
static struct {
	struct work_struct works[GATED_WORKS];
	struct work_struct late;	/* queued after the flush began */
	wait_queue_head_t gate;
	bool open, late_open;
	int done;			/* works[] that have run */
	bool late_done;
	/* What the flusher saw when flush_scheduled_work() returned: */
	bool flushed;
	int done_at_flush;
	bool late_done_at_flush;
	struct completion flush_returned;
} fl;

static void gated_work(struct work_struct *work)
{
	if (work == &fl.late) {
		wait_event(fl.gate, READ_ONCE(fl.late_open));
		WRITE_ONCE(fl.late_done, true);
	} else {
		wait_event(fl.gate, READ_ONCE(fl.open));
		WRITE_ONCE(fl.done, fl.done + 1);
	}
}

static int flusher(void *unused)
{
	flush_scheduled_work();
	fl.done_at_flush = READ_ONCE(fl.done);
	fl.late_done_at_flush = READ_ONCE(fl.late_done);
	WRITE_ONCE(fl.flushed, true);
	complete(&fl.flush_returned);
	ktest_wait_for_stop();
	return 0;
}

/* Cleanup action: let every gated work run, and wait until they have. */
static void open_gates(void *unused)
{
	WRITE_ONCE(fl.open, true);
	WRITE_ONCE(fl.late_open, true);
	wake_up_all(&fl.gate);
	flush_scheduled_work();
}

KTEST(flush_waits_for_everything_queued_before)
{
	struct task_struct *k;

	memset(&fl, 0, sizeof(fl));
	init_waitqueue_head(&fl.gate);
	init_completion(&fl.flush_returned);
	k = kthread_create(flusher, NULL, "ktest-flush");
	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(ktest_kthread_stop, k);
	/* Runs first: the flusher cannot be stopped while it flushes. */
	ktest_add_action(open_gates, NULL);

	for (int i = 0; i < GATED_WORKS; i++) {
		INIT_WORK(&fl.works[i], gated_work);
		KTEST_EXPECT_EQ(schedule_work_on(FLUSH_CPU, &fl.works[i]),
				1);
	}
	wake_up_process(k);
	/* Asleep in the flush (or, if it did not wait, after it). */
	ktest_wait_sleeping(k, TASK_UNINTERRUPTIBLE | TASK_INTERRUPTIBLE);
	KTEST_EXPECT(!fl.flushed);

	/* Queued after the flush began: not waited for. */
	INIT_WORK(&fl.late, gated_work);
	KTEST_EXPECT_EQ(schedule_work_on(FLUSH_CPU, &fl.late), 1);
	WRITE_ONCE(fl.open, true);
	wake_up_all(&fl.gate);
	KTEST_ASSERT(wait_for_completion_timeout(&fl.flush_returned,
						 EVENT_TIMEOUT));
	KTEST_EXPECT_EQ(fl.done_at_flush, GATED_WORKS);
	KTEST_EXPECT(!fl.late_done_at_flush);

	/* The late one is waited for by a flush that began after it. */
	WRITE_ONCE(fl.late_open, true);
	wake_up_all(&fl.gate);
	flush_scheduled_work();
	KTEST_EXPECT(fl.late_done);
}

/* Wait until @p sleeps in @states; Return: false after @timeout ticks. */
static bool sleeps_within(struct task_struct *p, unsigned int states,
			  unsigned long timeout)
{
	unsigned long start = jiffies;

	while (!task_sleeping(p, states)) {
		if (time_after(jiffies, start + timeout))
			return false;
		schedule_timeout_uninterruptible(1);
	}
	return true;
}

static unsigned long cpu_ticks(struct task_struct *p)
{
	return p->utime + p->stime;
}

static unsigned long switches(struct task_struct *p)
{
	return p->nvcsw + p->nivcsw;
}

KTEST(events_and_ksoftirqd_sleep_when_idle)
{
	static struct task_struct *threads[2 * NR_CPUS];
	static unsigned long ticks[2 * NR_CPUS], nr_switches[2 * NR_CPUS];
	unsigned int cpu, n = 0;

	KTEST_ASSERT(ksoftirqd_task(0) != NULL);
	for_each_online_cpu(cpu) {
		struct task_struct *events = workqueue_thread(keventd_wq, cpu);
		struct task_struct *ksoftirqd = ksoftirqd_task(cpu);
		char name[TASK_COMM_LEN];

		KTEST_ASSERT(events && ksoftirqd);
		snprintf(name, sizeof(name), "events/%u", cpu);
		KTEST_EXPECT(!strcmp(events->comm, name));
		snprintf(name, sizeof(name), "ksoftirqd/%u", cpu);
		KTEST_EXPECT(!strcmp(ksoftirqd->comm, name));
		KTEST_EXPECT(events->mm == NULL &&
			     (events->flags & PF_KTHREAD));
		KTEST_EXPECT(events->parent == kthreadd_task);
		KTEST_EXPECT_EQ(TASK_NICE(ksoftirqd), 19);
		KTEST_EXPECT_EQ(TASK_NICE(events), -5);
		threads[n++] = events;
		threads[n++] = ksoftirqd;
	}
	/* Nothing is queued or pending: all go to sleep. */
	for (unsigned int i = 0; i < n; i++)
		KTEST_ASSERT(sleeps_within(threads[i], TASK_INTERRUPTIBLE,
					   EVENT_TIMEOUT));
	for (unsigned int i = 0; i < n; i++) {
		ticks[i] = cpu_ticks(threads[i]);
		nr_switches[i] = switches(threads[i]);
	}
	/*
	 * That they stay asleep can only be seen over time: for 20 ticks
	 * with nothing to do, an event-driven thread never runs, so it
	 * is switched to no more (each run ends in a switch away) and is
	 * charged no tick; a polling thread would wake at least once.
	 */
	schedule_timeout_uninterruptible(20);
	for (unsigned int i = 0; i < n; i++) {
		struct task_struct *p = threads[i];

		if (!task_sleeping(p, TASK_INTERRUPTIBLE) ||
		    switches(p) != nr_switches[i] || cpu_ticks(p) != ticks[i])
			ktest_fail(__FILE__, __LINE__, "%s ran while idle: "
				   "%lu switches, %lu ticks", p->comm,
				   switches(p) - nr_switches[i],
				   cpu_ticks(p) - ticks[i]);
	}
}
