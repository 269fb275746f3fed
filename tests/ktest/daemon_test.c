// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/daemon_test.c - the two classes of kernel threads and the
 * kthread API that starts and ends them.
 *
 * Understanding the Linux Kernel, 3rd ed., chapter 3, "Kernel Threads"
 * and "Wait queues".  A periodic daemon sleeps a period at a time,
 * interruptibly, and looks at kthread_should_stop() each time it wakes;
 * an event-driven daemon sleeps on a wait queue until others give it
 * work (wait_event_interruptible()), and is woken for each event and
 * for nothing else.  kthread_stop() must end either at once: it sets the
 * thread's should_stop and wakes it, whatever it sleeps for, and waits
 * for its exit.  These are lab 5's tests (docs/labs/lab5.md), with
 * tests/ktest/hung_task_test.c (khungtaskd, the periodic daemon of this
 * kernel); a failure names the function at fault.
 *
 * Times are ticks, bounds at most a couple of ticks; each wait is for the
 * event (a task asleep, a completion), never for a sleep to be long
 * enough.  A test that holds a thread stops it in a cleanup action.
 */
#include <completion.h>
#include <errno.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>
#include <timer.h>
#include <workqueue.h>

static int never_runs(void *ran)
{
	*(bool *)ran = true;
	return 0;
}

KTEST(kthread_stop_before_the_first_wake_up_returns_eintr)
{
	bool ran = false;
	struct task_struct *k = kthread_create(never_runs, &ran, "ktest-never");
	int ret;

	KTEST_ASSERT(!IS_ERR(k));
	get_task_struct(k);
	ret = kthread_stop(k);
	if (ret != -EINTR) {
		put_task_struct(k);
		KTEST_FAIL("kthread_stop: a thread stopped before it was ever "
			   "woken returned %d, not -EINTR (%d)", ret, -EINTR);
	}
	ktest_wait_sleeping(k, TASK_DEAD);
	put_task_struct(k);
	if (ran)
		KTEST_FAIL("kthread_stop: the thread's function ran although "
			   "it was stopped before its first wake-up");
}

/* A periodic thread: a long period, so that a prompt stop shows. */
#define LONG_PERIOD	(10 * HZ)
#define PERIODIC_RET	42

struct periodic {
	unsigned long wakeups;
	struct task_struct *task;
};

static int periodic_thread(void *arg)
{
	struct periodic *p = arg;

	while (!kthread_should_stop()) {
		p->wakeups++;
		schedule_timeout_interruptible(LONG_PERIOD);
	}
	return PERIODIC_RET;
}

static int start_periodic(struct periodic *p, const char *name)
{
	p->wakeups = 0;
	p->task = kthread_run(periodic_thread, p, name);
	if (IS_ERR(p->task))
		return PTR_ERR(p->task);
	ktest_wait_sleeping(p->task, TASK_INTERRUPTIBLE);
	return 0;
}

/* Stop @p now; return kthread_stop()'s answer and the ticks it took. */
static int stop_periodic(struct periodic *p, unsigned long *ticks)
{
	unsigned long start = jiffies;
	int ret;

	get_task_struct(p->task);
	ret = kthread_stop(p->task);
	*ticks = jiffies - start;
	/* Only a thread that returned is on its way out. */
	if (ret == PERIODIC_RET)
		ktest_wait_sleeping(p->task, TASK_DEAD);
	put_task_struct(p->task);
	p->task = NULL;
	return ret;
}

KTEST(kthread_stop_ends_a_sleeping_periodic_thread_at_once)
{
	struct periodic p;
	unsigned long ticks;
	int ret;

	KTEST_ASSERT_EQ(start_periodic(&p, "ktest-periodic"), 0);
	KTEST_EXPECT_EQ(p.wakeups, 1UL);
	ret = stop_periodic(&p, &ticks);
	if (ret != PERIODIC_RET)
		KTEST_FAIL("kthread_stop: returned %d, not the thread "
			   "function's %d", ret, PERIODIC_RET);
	if (ticks > 2)
		KTEST_FAIL("kthread_stop: took %lu ticks to stop a thread "
			   "asleep for %d: wake it, do not wait for its period",
			   ticks, LONG_PERIOD);
	/* Woken by the stop, it saw should_stop at once: no other round. */
	if (p.wakeups != 1)
		KTEST_FAIL("kthread_should_stop: the stopped thread ran its "
			   "loop %lu times, not once", p.wakeups);
}

KTEST(kthread_should_stop_is_per_thread)
{
	struct periodic a, b;
	unsigned long ticks;

	KTEST_ASSERT_EQ(start_periodic(&a, "ktest-stop-a"), 0);
	if (start_periodic(&b, "ktest-stop-b")) {
		stop_periodic(&a, &ticks);
		KTEST_FAIL("cannot start a second thread");
	}
	KTEST_EXPECT_EQ(stop_periodic(&a, &ticks), PERIODIC_RET);
	/* b was not asked: still asleep in its period, not ended. */
	if (b.task->state != TASK_INTERRUPTIBLE || b.wakeups != 1)
		KTEST_FAIL("kthread_should_stop: stopping one thread woke or "
			   "ended another (state %ld, %lu rounds)",
			   b.task->state, b.wakeups);
	KTEST_EXPECT_EQ(stop_periodic(&b, &ticks), PERIODIC_RET);
}

/* The event-driven daemon: a workqueue's worker_thread(). */
struct counted_work {
	struct work_struct work;
	struct completion done;
	int runs;
};

static void count_run(struct work_struct *work)
{
	struct counted_work *c = container_of(work, struct counted_work, work);

	c->runs++;
	complete(&c->done);
}

static struct workqueue_struct *test_wq;

static void destroy_test_wq(void *unused)
{
	if (test_wq)
		destroy_workqueue(test_wq);
	test_wq = NULL;
}

/* Ticks an idle worker is watched for a wake-up that must not come. */
#define IDLE_TICKS	10
#define EVENTS		3

KTEST(worker_thread_wakes_for_each_work_and_not_otherwise)
{
	struct counted_work works[EVENTS];
	struct task_struct *worker;
	unsigned long switches;

	test_wq = create_singlethread_workqueue("ktest_wq");
	KTEST_ASSERT(test_wq != NULL);
	ktest_add_action(destroy_test_wq, NULL);
	worker = workqueue_thread(test_wq, 0);
	KTEST_ASSERT(worker != NULL);
	for (int i = 0; i < EVENTS; i++) {
		ktest_wait_sleeping(worker, TASK_INTERRUPTIBLE);
		INIT_WORK(&works[i].work, count_run);
		init_completion(&works[i].done);
		works[i].runs = 0;
		KTEST_ASSERT(queue_work(test_wq, &works[i].work));
		if (!wait_for_completion_timeout(&works[i].done, HZ))
			KTEST_FAIL("worker_thread: work %d of %d did not run "
				   "within %d ticks of queue_work()", i + 1,
				   EVENTS, HZ);
	}
	for (int i = 0; i < EVENTS; i++)
		KTEST_EXPECT_EQ(works[i].runs, 1);
	/* No event, no wake-up: it sleeps interruptibly, switch count still. */
	ktest_wait_sleeping(worker, TASK_INTERRUPTIBLE);
	switches = worker->nvcsw + worker->nivcsw;
	schedule_timeout_uninterruptible(IDLE_TICKS);
	if (worker->nvcsw + worker->nivcsw != switches)
		KTEST_FAIL("worker_thread: the idle worker ran %lu times in %d "
			   "ticks without work: sleep on more_work until there "
			   "is some", worker->nvcsw + worker->nivcsw - switches,
			   IDLE_TICKS);
	if (worker->state != TASK_INTERRUPTIBLE)
		KTEST_FAIL("worker_thread: the idle worker sleeps in state "
			   "%ld, not TASK_INTERRUPTIBLE", worker->state);
}

static int destroy_wq(void *done)
{
	destroy_workqueue(test_wq);
	test_wq = NULL;
	complete(done);
	return 0;
}

KTEST(destroy_workqueue_stops_an_idle_worker_at_once)
{
	struct task_struct *worker;
	struct completion done;
	unsigned long start;
	int pid;

	test_wq = create_singlethread_workqueue("ktest_wq");
	KTEST_ASSERT(test_wq != NULL);
	worker = workqueue_thread(test_wq, 0);
	KTEST_ASSERT(worker != NULL);
	ktest_wait_sleeping(worker, TASK_INTERRUPTIBLE);
	get_task_struct(worker);
	init_completion(&done);
	start = jiffies;
	pid = kernel_thread(destroy_wq, &done, 0);
	KTEST_ASSERT(pid > 0);
	if (!wait_for_completion_timeout(&done, 2)) {
		put_task_struct(worker);
		KTEST_FAIL("worker_thread: kthread_stop() did not end the idle "
			   "worker within 2 ticks: its wait must end on "
			   "kthread_should_stop() too");
	}
	KTEST_ASSERT_EQ(do_wait(pid, NULL, 0), pid);
	ktest_wait_sleeping(worker, TASK_DEAD);
	put_task_struct(worker);
	KTEST_EXPECT(jiffies - start <= 2);
}
