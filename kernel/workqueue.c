// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/workqueue.c - workqueues and keventd ("events/N").
 *
 * Linux 2.6: kernel/workqueue.c (2.6.11-2.6.24; queue_work_on() and
 * schedule_work_on() from 2.6.27).
 * A workqueue has one worker thread per online CPU ("name/N"), each
 * kthread_bind()ed to its CPU before it first runs, or one in all for
 * create_singlethread_workqueue() ("name", free to run anywhere).  Each
 * worker has its own queue, struct cpu_workqueue_struct, with its own
 * spinlock: CPUs queueing on different queues never contend.
 * queue_work() appends the work to the queue of the CPU it is called on
 * (get_cpu()/put_cpu() keep the caller there meanwhile) and wakes that
 * CPU's worker, so the work runs on the CPU that queued it, on data that
 * is likely still in its cache; queue_work_on() chooses the CPU.  The
 * worker sleeps in wait_event_interruptible() until its list is not
 * empty -- an event-driven kernel thread (docs/deferred-work.md) -- and
 * runs the work functions one after another, in the order they were
 * queued.  The default queue, "events", is Linux's keventd:
 * schedule_work() and schedule_work_on() use it.
 *
 * flush_workqueue() waits, CPU after CPU, until everything queued before
 * the call has run, by sequence numbers: each queued item raises its
 * queue's insert_sequence, each finished one remove_sequence.
 */
#include <kernel.h>
#include <kthread.h>
#include <percpu.h>
#include <sched.h>
#include <slab.h>
#include <smp.h>
#include <spinlock.h>
#include <string.h>
#include <wait.h>
#include <workqueue.h>

/* One per CPU of a workqueue (one in all for a single-thread queue). */
struct cpu_workqueue_struct {
	/*
	 * cwq->lock, taken with interrupts off (work may be queued from an
	 * interrupt on this CPU), guards the list and the sequences against
	 * every CPU: queue_work_on() and flush_workqueue() reach any CPU's.
	 */
	spinlock_t lock;
	struct list_head worklist;
	long insert_sequence;		/* items ever queued */
	long remove_sequence;		/* items ever finished */

	wait_queue_head_t more_work;	/* the worker sleeps here */
	wait_queue_head_t work_done;	/* flushers sleep here */
	struct workqueue_struct *wq;
	struct task_struct *thread;
};

struct workqueue_struct {
	struct cpu_workqueue_struct cpu_wq[NR_CPUS];
	const char *name;
	bool singlethread;
};

struct workqueue_struct *keventd_wq;

/*
 * The queue of @wq that serves @cpu.  A CPU that came online after the
 * queue was made has no worker (CPUs are not added at run time): its
 * work goes to the first CPU's rather than being lost.
 */
static struct cpu_workqueue_struct *wq_cwq(struct workqueue_struct *wq,
					   unsigned int cpu)
{
	if (wq->singlethread)
		return &wq->cpu_wq[0];
	if (WARN_ON_ONCE(cpu >= NR_CPUS || !wq->cpu_wq[cpu].thread))
		return &wq->cpu_wq[first_cpu(cpu_online_map)];
	return &wq->cpu_wq[cpu];
}

static void __queue_work(struct cpu_workqueue_struct *cwq,
			 struct work_struct *work)
{
	unsigned long flags;

	spin_lock_irqsave(&cwq->lock, flags);
	list_add_tail(&work->entry, &cwq->worklist);
	cwq->insert_sequence++;
	spin_unlock_irqrestore(&cwq->lock, flags);
	wake_up(&cwq->more_work);
}

/**
 * queue_work - queue work on a workqueue, on this CPU's worker
 * @wq: the queue
 * @work: the work; queued at most once until it starts running
 *
 * The work runs in the worker of the CPU this is called on (of the only
 * worker for a single-thread queue).  Preemption is off from reading the
 * CPU number to queueing, so a caller that moves meanwhile still queues
 * on the CPU it read.
 * Context: any, interrupts included.
 * Return: 1 if queued, 0 if it was already pending.
 */
int queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	int ret = 0;

	if (!test_and_set_bit(WORK_STRUCT_PENDING, &work->pending)) {
		__queue_work(wq_cwq(wq, get_cpu()), work);
		put_cpu();
		ret = 1;
	}
	return ret;
}

/**
 * queue_work_on - queue work on the worker of a chosen CPU
 * @cpu: an online CPU (ignored by a single-thread queue)
 * @wq: the queue
 * @work: the work; queued at most once until it starts running
 *
 * For work that must run on @cpu: on per-CPU data, or to do something
 * on every CPU (one work per CPU, then flush_workqueue()).
 * Context: any, interrupts included.
 * Return: 1 if queued, 0 if it was already pending.
 */
int queue_work_on(int cpu, struct workqueue_struct *wq,
		  struct work_struct *work)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING, &work->pending))
		return 0;
	__queue_work(wq_cwq(wq, cpu), work);
	return 1;
}

/* Timer function (TIMER_SOFTIRQ): queue on the CPU the timer ran on. */
static void delayed_work_timer_fn(unsigned long data)
{
	struct delayed_work *dwork = (struct delayed_work *)data;

	__queue_work(wq_cwq(dwork->wq, smp_processor_id()), &dwork->work);
}

/**
 * queue_delayed_work - queue work after @delay jiffies
 * @wq: the queue
 * @dwork: the delayed work
 * @delay: jiffies to wait (0: queue now)
 *
 * Context: any.
 * Return: 1 if queued, 0 if it was already pending.
 */
int queue_delayed_work(struct workqueue_struct *wq,
		       struct delayed_work *dwork, unsigned long delay)
{
	if (!delay)
		return queue_work(wq, &dwork->work);
	if (test_and_set_bit(WORK_STRUCT_PENDING, &dwork->work.pending))
		return 0;
	dwork->wq = wq;
	/*
	 * Not setup_timer(): INIT_DELAYED_WORK() initialised the timer once,
	 * and its last expiry may still be running on another CPU (the
	 * timer base's running_timer, which del_timer_sync() waits for):
	 * initialising it again would make the timer forget that.
	 */
	dwork->timer.function = delayed_work_timer_fn;
	dwork->timer.data = (unsigned long)dwork;
	mod_timer(&dwork->timer, jiffies + delay);
	return 1;
}

/**
 * cancel_delayed_work - stop delayed work whose timer has not fired
 * @dwork: the delayed work
 *
 * Work already on the queue is not removed: flush the queue for that.
 * Context: process.
 * Return: 1 if the timer was stopped (the work will not run), else 0.
 */
int cancel_delayed_work(struct delayed_work *dwork)
{
	int ret = del_timer_sync(&dwork->timer);

	if (ret)
		clear_bit(WORK_STRUCT_PENDING, &dwork->work.pending);
	return ret;
}

static void run_workqueue(struct cpu_workqueue_struct *cwq)
{
	unsigned long flags;

	spin_lock_irqsave(&cwq->lock, flags);
	while (!list_empty(&cwq->worklist)) {
		struct work_struct *work = list_first_entry(&cwq->worklist,
							   struct work_struct,
							   entry);
		work_func_t f = work->func;

		list_del_init(&work->entry);
		spin_unlock_irqrestore(&cwq->lock, flags);
		/* Cleared before the call: the function may queue it again. */
		clear_bit(WORK_STRUCT_PENDING, &work->pending);
		f(work);
		spin_lock_irqsave(&cwq->lock, flags);
		cwq->remove_sequence++;
		wake_up(&cwq->work_done);
	}
	spin_unlock_irqrestore(&cwq->lock, flags);
}

/*
 * The worker of one queue: name/N, bound to CPU N (or "name", anywhere,
 * for a single-thread queue).
 */
static int worker_thread(void *_cwq)
{
	struct cpu_workqueue_struct *cwq = _cwq;

	/* LAB 5: worker_thread BEGIN */
	for (;;) {
		wait_event_interruptible(cwq->more_work,
					 !list_empty(&cwq->worklist) ||
					 kthread_should_stop());
		if (kthread_should_stop())
			break;
		run_workqueue(cwq);
	}
	return 0;
	/* LAB 5: worker_thread END */
}

/**
 * flush_workqueue - wait until all work queued so far has run
 * @wq: the queue
 *
 * Every CPU's queue, one after the other: for each, what was queued
 * there before the flush reached it.  Work queued after the call is not
 * waited for.  Called from a work function of the same queue, it runs
 * the rest of its own CPU's list itself.
 * Context: process, may sleep.
 */
void flush_workqueue(struct workqueue_struct *wq)
{
	unsigned int cpu;

	might_sleep();
	for_each_online_cpu(cpu) {
		struct cpu_workqueue_struct *cwq = &wq->cpu_wq[cpu];
		unsigned long flags;
		long needed;

		if (!cwq->thread)
			continue;
		if (cwq->thread == current) {
			run_workqueue(cwq);
			continue;
		}
		spin_lock_irqsave(&cwq->lock, flags);
		needed = cwq->insert_sequence;
		spin_unlock_irqrestore(&cwq->lock, flags);
		wait_event(cwq->work_done,
			   READ_ONCE(cwq->remove_sequence) - needed >= 0);
	}
}

/**
 * __create_workqueue - make a workqueue and its worker threads
 * @name: thread name: "name/N" per CPU, or "name" for a single thread
 * @singlethread: one worker for all CPUs
 *
 * One worker for each CPU online now, bound to it; a single-thread
 * queue's worker may run on any CPU.
 * Context: process, may sleep.
 * Return: the queue, or NULL.
 */
struct workqueue_struct *__create_workqueue(const char *name,
					    bool singlethread)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	unsigned int cpu;

	if (!wq)
		return NULL;
	wq->name = name;
	wq->singlethread = singlethread;
	for_each_online_cpu(cpu) {
		struct cpu_workqueue_struct *cwq = &wq->cpu_wq[cpu];
		struct task_struct *p;

		if (singlethread && cpu)
			break;
		spin_lock_init(&cwq->lock);
		INIT_LIST_HEAD(&cwq->worklist);
		init_waitqueue_head(&cwq->more_work);
		init_waitqueue_head(&cwq->work_done);
		cwq->wq = wq;
		p = singlethread ? kthread_create(worker_thread, cwq, "%s", name)
				 : kthread_create(worker_thread, cwq, "%s/%u",
						  name, cpu);
		if (IS_ERR(p)) {
			destroy_workqueue(wq);
			return NULL;
		}
		/*
		 * Nice -5, which Linux 2.6's worker_thread() sets itself: set
		 * before the first run, it holds once this function returns.
		 */
		set_user_nice(p, -5);
		/* Before its first run: it never runs anywhere else. */
		if (!singlethread)
			kthread_bind(p, cpu);
		cwq->thread = p;
		wake_up_process(p);
	}
	return wq;
}

/**
 * destroy_workqueue - flush a workqueue, stop its threads, free it
 * @wq: the queue; nothing may queue on it any more
 *
 * Context: process, may sleep.
 */
void destroy_workqueue(struct workqueue_struct *wq)
{
	unsigned int cpu;

	flush_workqueue(wq);
	for_each_online_cpu(cpu)
		if (wq->cpu_wq[cpu].thread)
			kthread_stop(wq->cpu_wq[cpu].thread);
	kfree(wq);
}

/* Return: the worker thread of @wq for @cpu (for tests and ps). */
struct task_struct *workqueue_thread(struct workqueue_struct *wq, int cpu)
{
	return wq->cpu_wq[wq->singlethread ? 0 : cpu].thread;
}

/**
 * schedule_work - queue work on the kernel-global "events" queue
 * @work: the work
 *
 * Return: 1 if queued, 0 if already pending.
 */
int schedule_work(struct work_struct *work)
{
	return queue_work(keventd_wq, work);
}

/**
 * schedule_work_on - queue work on the "events" worker of @cpu
 * @cpu: an online CPU
 * @work: the work
 *
 * Return: 1 if queued, 0 if already pending.
 */
int schedule_work_on(int cpu, struct work_struct *work)
{
	return queue_work_on(cpu, keventd_wq, work);
}

/**
 * schedule_delayed_work - queue delayed work on "events"
 * @dwork: the work
 * @delay: jiffies
 *
 * Return: 1 if queued, 0 if already pending.
 */
int schedule_delayed_work(struct delayed_work *dwork, unsigned long delay)
{
	return queue_delayed_work(keventd_wq, dwork, delay);
}

/**
 * flush_scheduled_work - flush the "events" queue, on every CPU
 *
 * Context: process, may sleep.
 */
void flush_scheduled_work(void)
{
	flush_workqueue(keventd_wq);
}

/**
 * init_workqueues - create "events", the default workqueue (keventd)
 *
 * One worker per online CPU: events/0, events/1, ...
 * Context: pid 1, boot.
 */
void init_workqueues(void)
{
	keventd_wq = create_workqueue("events");
	if (!keventd_wq)
		panic("init_workqueues: cannot create events");
}
