// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/timer.c - jiffies, the tick, kernel timers, schedule_timeout().
 *
 * Linux 2.6: kernel/timer.c.
 * The tick calls do_timer() on one CPU (jiffies advances) and
 * update_process_times() on every CPU HZ times a second: the task running
 * there is charged a tick (scheduler_tick()), and that CPU's
 * TIMER_SOFTIRQ is raised; its expired timers run from that softirq, with
 * interrupts on, as soon as the interrupt handler has returned.
 *
 * Pending timers are kept on sorted lists, one per CPU (per_cpu
 * timer_bases), so the tick only looks at the head of its own.  (Linux
 * uses a "timer wheel" of hashed lists so that adding is O(1) with
 * thousands of timers; this kernel has tens.)  A timer is queued on the
 * base of the CPU that calls mod_timer() and runs there; timer->base
 * remembers that base after it fired, so that del_timer_sync() on any
 * CPU knows where to look for a function still running (the base's
 * running_timer), as Linux 2.6's lock_timer_base() and
 * try_to_del_timer_sync().  While mod_timer() moves a timer from one base
 * to another, timer->base is NULL and others wait for the move to end:
 * no CPU holds two base locks at once.
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
	/*
	 * Protects pending, running_timer, and the entry, expires and
	 * pending fields of the timers on this base; taken with interrupts
	 * off (mod_timer() is called from interrupt handlers).
	 */
	spinlock_t lock;
	struct list_head pending;	/* sorted by expires */
	struct timer_list *running_timer; /* its function runs right now */
};

static DEFINE_PER_CPU(struct timer_base, timer_bases);

static void run_timer_softirq(struct softirq_action *h);

/**
 * init_timers - empty timer lists
 *
 * Every possible CPU's base is ready before any CPU starts, so that a
 * timer can be queued on a CPU the moment it comes online.
 * Context: boot.
 */
void init_timers(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		spin_lock_init(&per_cpu(timer_bases, cpu).lock);
		INIT_LIST_HEAD(&per_cpu(timer_bases, cpu).pending);
	}
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq, NULL);
}

/**
 * init_timer - prepare a timer for its first mod_timer()
 * @timer: the timer
 *
 * Its base is the calling CPU's, any CPU's would do: it only says where
 * a function that never ran is not running.
 * Context: any.
 */
void init_timer(struct timer_list *timer)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->pending = false;
	timer->base = &per_cpu(timer_bases, raw_smp_processor_id());
}

/*
 * Lock the base @timer is on (or last ran on), with interrupts off.  A
 * NULL base is a move in progress in mod_timer() on another CPU.
 */
static struct timer_base *lock_timer_base(struct timer_list *timer,
					  unsigned long *flags)
{
	for (;;) {
		struct timer_base *base = READ_ONCE(timer->base);

		if (base) {
			spin_lock_irqsave(&base->lock, *flags);
			if (base == READ_ONCE(timer->base))
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Insert in expiry order, after timers with the same expiry (FIFO). */
static void __add_timer(struct timer_base *base, struct timer_list *timer)
{
	struct timer_list *t;

	assert_spin_locked_by_current(&base->lock);

	list_for_each_entry(t, &base->pending, entry)
		if (time_after(t->expires, timer->expires))
			break;
	list_add_tail(&timer->entry, &t->entry);
	timer->pending = true;
}

/* Off its base, whose lock the caller holds (not just any base's). */
static void __del_timer(struct timer_list *timer)
{
	assert_spin_locked_by_current(&timer->base->lock);
	list_del_init(&timer->entry);
	timer->pending = false;
}

/**
 * mod_timer - (re)start a timer
 * @timer: the timer, set up with setup_timer()
 * @expires: the jiffies value at which it fires
 *
 * The timer goes to this CPU's base, unless its function is running on
 * its old base right now: then it stays there, so that it never runs
 * on two CPUs at once and del_timer_sync() finds it.
 * Context: any.
 * Return: 1 if the timer was pending before, 0 if not.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_base *base, *new_base;
	unsigned long flags;
	int was_pending;

	base = lock_timer_base(timer, &flags);
	was_pending = timer->pending;
	if (was_pending)
		__del_timer(timer);
	/* Interrupts are off: this CPU stays this CPU. */
	new_base = &__get_cpu_var(timer_bases);
	if (base != new_base && base->running_timer != timer) {
		/* Off the old base; lock_timer_base() callers wait. */
		WRITE_ONCE(timer->base, NULL);
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(timer->base, base);
	}
	timer->expires = expires;
	__add_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/**
 * add_timer - start a timer that is not pending
 * @timer: the timer, with expires, function and data set
 *
 * Context: any.
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
 * Context: any.
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int was_pending;

	base = lock_timer_base(timer, &flags);
	was_pending = timer->pending;
	if (was_pending)
		__del_timer(timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return was_pending;
}

/*
 * del_timer() unless the function is running: then -1, and nothing
 * changed.  Linux 2.6: try_to_del_timer_sync().
 */
static int try_to_del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret = -1;

	base = lock_timer_base(timer, &flags);
	if (base->running_timer != timer) {
		ret = timer->pending;
		if (ret)
			__del_timer(timer);
	}
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/**
 * del_timer_sync - stop a timer and wait until its function has finished
 * @timer: the timer
 *
 * On whatever CPU the function runs.  A function that re-arms its timer
 * is stopped too: the re-arm stays on the running base (mod_timer()),
 * where this finds and removes it once the function has returned.
 * Context: process; must not hold a lock the function takes.
 * Return: 1 if it was pending, 0 if not.
 */
int del_timer_sync(struct timer_list *timer)
{
	for (;;) {
		int ret = try_to_del_timer_sync(timer);

		if (ret >= 0)
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

/*
 * The load average (/proc/loadavg, uptime): every LOAD_FREQ ticks, the
 * tasks running, runnable or in uninterruptible sleep are counted, and
 * each of the three averages moves towards that count by a fixed share:
 * an exponential decay whose factors (EXP_1, EXP_5, EXP_15: e^(-5/60),
 * e^(-5/300), e^(-5/900) in FSHIFT-bit fixed point) give them their
 * 1, 5 and 15 minute memories.  Linux 2.6: calc_load() in
 * kernel/timer.c; written by do_timer()'s single CPU, read unlocked.
 */
unsigned long avenrun[3];

#define EXP_1		1884
#define EXP_5		2014
#define EXP_15		2037

static unsigned long decay_load(unsigned long load, unsigned long exp,
				unsigned long active)
{
	return (load * exp + active * (FIXED_1 - exp)) >> FSHIFT;
}

static void calc_load(void)
{
	static int count = LOAD_FREQ;
	unsigned long active;

	if (--count > 0)
		return;
	count = LOAD_FREQ;
	active = (nr_running() + nr_uninterruptible()) * FIXED_1;
	avenrun[0] = decay_load(avenrun[0], EXP_1, active);
	avenrun[1] = decay_load(avenrun[1], EXP_5, active);
	avenrun[2] = decay_load(avenrun[2], EXP_15, active);
}

/**
 * do_timer - one tick has passed
 *
 * Called by one CPU only: jiffies_64 has a single writer, and readers of
 * the 32-bit jiffies need no lock.
 * Context: hard interrupt (the tick), interrupts off.
 */
void do_timer(void)
{
	jiffies_64++;
	calc_load();
}

/**
 * update_process_times - the tick's work on this CPU
 * @user_tick: the tick interrupted user mode
 *
 * Context: hard interrupt (the tick, on every CPU), interrupts off.
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
long __sched schedule_timeout(long timeout)
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

long __sched schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long __sched schedule_timeout_uninterruptible(long timeout)
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
void __sched msleep(unsigned int msecs)
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
unsigned long __sched msleep_interruptible(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs(timeout);
}
