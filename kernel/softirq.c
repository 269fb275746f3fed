// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/softirq.c - softirqs and ksoftirqd: work deferred from
 * interrupt handlers.
 *
 * Linux 2.6: kernel/softirq.c.
 * raise_softirq(nr) sets bit nr in this CPU's pending mask.  When the
 * last interrupt handler returns, irq_exit() runs the pending softirqs
 * (__do_softirq()) with interrupts on, still in interrupt context (the
 * softirq count of preempt_count is raised: nothing may sleep or be
 * preempted), before the interrupted code resumes.  A softirq raised while
 * they run is run again right away, but at most MAX_SOFTIRQ_RESTART
 * times: after that the rest is handed to ksoftirqd/N, a kernel thread at
 * nice 19, which runs softirqs in process context where the scheduler can
 * preempt it.  So a flood of softirqs slows the machine down but cannot
 * stop tasks from running.
 *
 * Everything here is per CPU: the pending mask, the run counts, and the
 * thread.  A softirq runs on the CPU that raised it -- at that CPU's
 * irq_exit(), or in that CPU's ksoftirqd/N, which kthread_bind() ties to
 * its CPU before it first runs (spawn_ksoftirqd(), one thread for every
 * online CPU).  So a handler's data can be per-CPU too, and the same
 * softirq may run on several CPUs at once.  Every read of the CPU number
 * is made with interrupts off, in softirq context, or by ksoftirqd/N on
 * its own CPU: none can change CPU half-way.
 */
#include <asm/irqflags.h>
#include <hardirq.h>
#include <interrupt.h>
#include <kernel.h>
#include <kthread.h>
#include <percpu.h>
#include <sched.h>
#include <smp.h>

static struct softirq_action softirq_vec[NR_SOFTIRQS];
static DEFINE_PER_CPU(unsigned long, softirq_pending);
static DEFINE_PER_CPU(struct task_struct *, ksoftirqd);
/*
 * How many times each softirq ran on each CPU (for tests and the memory
 * report): per CPU so that two CPUs never increment the same word.
 */
static DEFINE_PER_CPU(unsigned long [NR_SOFTIRQS], softirq_runs);

/**
 * open_softirq - install the handler of softirq @nr
 * @nr: TIMER_SOFTIRQ, BLOCK_SOFTIRQ, ...
 * @action: called with interrupts on, in softirq context
 * @data: stored in the softirq_action passed to @action
 *
 * Context: boot.
 */
void open_softirq(int nr, void (*action)(struct softirq_action *),
		  void *data)
{
	softirq_vec[nr].action = action;
	softirq_vec[nr].data = data;
}

/*
 * Return: this CPU's pending softirqs, one bit each.  The caller must not
 * be able to change CPU: interrupts or preemption off, or ksoftirqd/N.
 */
unsigned long local_softirq_pending(void)
{
	return READ_ONCE(__get_cpu_var(softirq_pending));
}

/* Return: how many times softirq @nr has run, on all CPUs together. */
unsigned long softirq_count_of(unsigned int nr)
{
	unsigned long sum = 0;
	unsigned int cpu;

	if (nr >= NR_SOFTIRQS)
		return 0;
	for_each_possible_cpu(cpu)
		sum += READ_ONCE(per_cpu(softirq_runs, cpu)[nr]);
	return sum;
}

/**
 * softirq_count_on - how many times softirq @nr has run on @cpu
 * @nr: the softirq
 * @cpu: the CPU
 *
 * Context: any.
 * Return: the count (0 for a softirq that does not exist).
 */
unsigned long softirq_count_on(unsigned int nr, unsigned int cpu)
{
	if (nr >= NR_SOFTIRQS || cpu >= NR_CPUS)
		return 0;
	return READ_ONCE(per_cpu(softirq_runs, cpu)[nr]);
}

/**
 * ksoftirqd_task - the ksoftirqd thread of @cpu
 * @cpu: the CPU
 *
 * Context: any.
 * Return: ksoftirqd/@cpu, or NULL before spawn_ksoftirqd() made it.
 */
struct task_struct *ksoftirqd_task(unsigned int cpu)
{
	return cpu < NR_CPUS ? READ_ONCE(per_cpu(ksoftirqd, cpu)) : NULL;
}

/* Wake this CPU's ksoftirqd.  Interrupts off: we stay on this CPU. */
static void wakeup_softirqd(void)
{
	struct task_struct *tsk = __get_cpu_var(ksoftirqd);

	if (tsk && tsk->state != TASK_RUNNING)
		wake_up_process(tsk);
}

/**
 * __do_softirq - run the pending softirqs
 *
 * Context: interrupts off on entry and exit (on while handlers run);
 * preempt_count's softirq bits are raised for the duration.
 */
static void __do_softirq(void)
{
	int max_restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending = local_softirq_pending();
	/* Softirq context from here on: this CPU's, until we return. */
	unsigned long *runs = __get_cpu_var(softirq_runs);

	add_preempt_count(SOFTIRQ_OFFSET);
restart:
	__get_cpu_var(softirq_pending) = 0;
	local_irq_enable();
	for (struct softirq_action *h = softirq_vec; pending; h++, pending >>= 1)
		if ((pending & 1) && h->action) {
			runs[h - softirq_vec]++;
			h->action(h);
		}
	local_irq_disable();

	pending = local_softirq_pending();
	if (pending && --max_restart)
		goto restart;
	/* Still more: let ksoftirqd do it, where tasks get their turn. */
	if (pending)
		wakeup_softirqd();
	sub_preempt_count(SOFTIRQ_OFFSET);
}

/**
 * do_softirq - run pending softirqs unless we are in interrupt context
 *
 * Context: any.
 */
asmlinkage void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (local_softirq_pending())
		__do_softirq();
	local_irq_restore(flags);
}

/**
 * raise_softirq_irqoff - mark softirq @nr pending
 * @nr: the softirq
 *
 * From an interrupt handler it runs at irq_exit(); from process context
 * nobody is about to run it, so ksoftirqd is woken.
 * Context: interrupts off.
 */
void raise_softirq_irqoff(unsigned int nr)
{
	__get_cpu_var(softirq_pending) |= 1UL << nr;
	if (!in_interrupt())
		wakeup_softirqd();
}

/**
 * raise_softirq - raise_softirq_irqoff() from any context
 * @nr: the softirq
 */
void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/**
 * irq_exit - leave hard interrupt context, running pending softirqs
 *
 * Context: end of do_IRQ(), interrupts off.
 */
void irq_exit(void)
{
	sub_preempt_count(HARDIRQ_OFFSET);
	if (!in_interrupt() && local_softirq_pending())
		__do_softirq();
}

/**
 * local_bh_disable - keep softirqs from running on this CPU
 *
 * For data shared between process context and a softirq or tasklet.
 * Counted in preempt_count, so it nests and also disables preemption.
 */
void local_bh_disable(void)
{
	add_preempt_count(SOFTIRQ_OFFSET);
	barrier();
}

/**
 * local_bh_enable - allow softirqs again, running any that are pending
 */
void local_bh_enable(void)
{
	WARN_ON_ONCE(in_irq() || irqs_disabled());
	sub_preempt_count(SOFTIRQ_OFFSET - 1);
	if (unlikely(!in_interrupt() && local_softirq_pending()))
		do_softirq();
	preempt_enable();
}

/*
 * ksoftirqd/N: bound to CPU N before it first ran (spawn_ksoftirqd()), so
 * local_softirq_pending() is always CPU N's, preemptible or not.
 */
static int ksoftirqd(void *unused)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!local_softirq_pending())
			schedule();
		__set_current_state(TASK_RUNNING);

		while (local_softirq_pending()) {
			/* Preemption off: stay on this CPU's pending mask. */
			preempt_disable();
			do_softirq();
			preempt_enable_no_resched();
			cond_resched();
		}
	}
	return 0;
}

/**
 * spawn_ksoftirqd - start ksoftirqd/N for every online CPU
 *
 * Each thread is bound to its CPU before it is woken: it only ever runs
 * the softirqs raised there.  The CPUs are those online now (after
 * smp_init()); a CPU that came up later would have no ksoftirqd.
 * Context: pid 1, boot.
 * Return: 0, or the error of kthread_create().
 */
int spawn_ksoftirqd(void)
{
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		struct task_struct *p = kthread_create(ksoftirqd, NULL,
						       "ksoftirqd/%u", cpu);

		if (IS_ERR(p))
			return PTR_ERR(p);
		/*
		 * Nice 19, which Linux's ksoftirqd() sets itself: set before
		 * the first run, it holds once this function returns.
		 */
		set_user_nice(p, 19);
		kthread_bind(p, cpu);
		per_cpu(ksoftirqd, cpu) = p;
		wake_up_process(p);
	}
	return 0;
}
