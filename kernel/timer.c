// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/timer.c - jiffies, the tick, kernel timers, schedule_timeout().
 *
 * Linux 2.6: kernel/timer.c.
 * The PIT interrupt (arch/x86/i8253.c) calls do_timer() and
 * update_process_times() HZ times a second: jiffies advances, the running
 * task is charged a tick (scheduler_tick()), and TIMER_SOFTIRQ is raised;
 * expired timers run from that softirq, with interrupts on, as soon as the
 * interrupt handler has returned.
 *
 * Pending timers are kept on one list sorted by expiry time, so the tick
 * only looks at the head.  (Linux uses a "timer wheel" of hashed lists so
 * that adding is O(1) with thousands of timers; this kernel has tens.)
 * schedule_timeout() is how a task sleeps for a time: an on-stack timer
 * whose function wakes the task, then schedule().
 */
#include <interrupt.h>
#include <kernel.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <timer.h>

volatile u64 jiffies_64 = INITIAL_JIFFIES;

struct timer_base {
	spinlock_t lock;
	struct list_head pending;	/* sorted by expires */
	struct timer_list *running_timer;
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

static void run_timer_softirq(struct softirq_action *h);

/**
 * init_timers - empty timer lists
 *
 * Context: boot.
 */
void init_timers(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		spin_lock_init(&per_cpu(timer_bases, cpu).lock);
		INIT_LIST_HEAD(&per_cpu(timer_bases, cpu).pending);
	}
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq, NULL);
}

/* Insert in expiry order, after timers with the same expiry (FIFO). */
static void __add_timer(struct timer_base *base, struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &base->pending, entry)
		if (time_after(t->expires, timer->expires))
			break;
	list_add_tail(&timer->entry, &t->entry);
	timer->pending = true;
}

static void __del_timer(struct timer_list *timer)
{
	list_del_init(&timer->entry);
	timer->pending = false;
}

/**
 * mod_timer - (re)start a timer
 * @timer: the timer, set up with setup_timer()
 * @expires: the jiffies value at which it fires
 *
 * Context: any.
 * Return: 1 if the timer was pending before, 0 if not.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base = &__get_cpu_var(timer_bases);
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&base->lock, flags);
	was_pending = timer->pending;
	if (was_pending)
		__del_timer(timer);
	timer->expires = expires;
	__add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/**
 * add_timer - start a timer that is not pending
 * @timer: the timer, with expires, function and data set
 */
void add_timer(struct timer_list *timer)
{
	BUG_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

/**
 * del_timer - stop a timer
 * @timer: the timer
 *
 * The function may still be running on another CPU; del_timer_sync()
 * waits for that.
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base = &__get_cpu_var(timer_bases);
	unsigned long flags;
	int was_pending;

	spin_lock_irqsave(&base->lock, flags);
	was_pending = timer->pending;
	if (was_pending)
		__del_timer(timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/**
 * del_timer_sync - stop a timer and wait until its function has finished
 * @timer: the timer
 *
 * Context: process; must not hold a lock the function takes.
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base = &__get_cpu_var(timer_bases);

	for (;;) {
		int ret = del_timer(timer);

		if (READ_ONCE(base->running_timer) != timer)
			return ret;
		cpu_relax();
	}
}

/*
 * Call the function of every timer that has expired.  Functions run with
 * the base unlocked and interrupts on, so they may re-arm their timer.
 * Context: TIMER_SOFTIRQ.
 */
static void run_timer_softirq(struct softirq_action *h)
{
	struct timer_base *base = &__get_cpu_var(timer_bases);

	spin_lock_irq(&base->lock);
	while (!list_empty(&base->pending)) {
		struct timer_list *timer = list_first_entry(&base->pending,
							   struct timer_list,
							   entry);
		void (*fn)(unsigned long) = timer->function;
		unsigned long data = timer->data;

		if (time_before(jiffies, timer->expires))
			break;
		__del_timer(timer);
		base->running_timer = timer;
		spin_unlock_irq(&base->lock);
		fn(data);
		spin_lock_irq(&base->lock);
		base->running_timer = NULL;
	}
	spin_unlock_irq(&base->lock);
}

/**
 * do_timer - one tick has passed
 *
 * Context: hard interrupt (IRQ 0), interrupts off.
 */
void do_timer(void)
{
	jiffies_64++;
}

/**
 * update_process_times - the tick's work on this CPU
 * @user_tick: the tick interrupted user mode
 *
 * Context: hard interrupt (IRQ 0), interrupts off.
 */
void update_process_times(int user_tick)
{
	scheduler_tick(user_tick);
	raise_softirq(TIMER_SOFTIRQ);
}

static void process_timeout(unsigned long data)
{
	wake_up_process((struct task_struct *)data);
}

/**
 * schedule_timeout - sleep until woken or @timeout jiffies have passed
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * The caller sets its state first (TASK_INTERRUPTIBLE or
 * TASK_UNINTERRUPTIBLE); with TASK_RUNNING this only yields.
 * Context: process, may sleep.
 * Return: 0 if the time ran out, else the jiffies that were left.
 */
long schedule_timeout(long timeout)
{
	struct timer_list timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		printk(KERN_ERR "schedule_timeout: wrong timeout value %lx\n",
		       timeout);
		dump_stack();
		current->state = TASK_RUNNING;
		return 0;
	}
	expire = timeout + jiffies;
	setup_timer(&timer, process_timeout, (unsigned long)current);
	mod_timer(&timer, expire);
	schedule();
	del_timer_sync(&timer);
	timeout = expire - jiffies;
	return timeout < 0 ? 0 : timeout;
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

/**
 * msleep - sleep at least @msecs milliseconds
 * @msecs: milliseconds
 *
 * One jiffy is added because the current one is already partly over.
 * Context: process, may sleep.
 */
void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

/**
 * msleep_interruptible - msleep() that a signal ends early
 * @msecs: milliseconds
 *
 * Return: the milliseconds left when a signal came, else 0.
 */
unsigned long msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
