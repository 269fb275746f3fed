// SPDX-License-Identifier: GPL-2.0
/*
 * sched/core.c - the O(1) scheduler: run queues, schedule(), wake-ups,
 * time slices, preemption, context_switch().
 *
 * Linux 2.6: kernel/sched.c (2.6.11, Ingo Molnar's O(1) scheduler).
 * Each CPU has a run queue with two priority arrays, active and expired.
 * An array has one list per priority (0-139) and a bitmap of the
 * non-empty lists, so picking the next task is "first set bit, first
 * entry": the same cost for 1 runnable task or 1,000.  A task runs for
 * its time slice (task_timeslice(): 100 ms at nice 0, from one tick,
 * 10 ms, at nice 19 to 800 ms at nice -20), then scheduler_tick() moves
 * it to the expired array with a new slice; when the active array is
 * empty the two swap.  So every runnable task gets the CPU within one
 * round, and higher priorities run first within a round.  Real-time
 * tasks (SCHED_FIFO, SCHED_RR: priorities 0-99) never expire: they run
 * until they sleep, yield, or (RR) hand over to an equal.
 *
 * As in Linux 2.6, a normal task's priority moves up to 5 levels around
 * its static priority (120 + nice) with its "sleep average": time spent
 * asleep is credited on wake-up (up to MAX_SLEEP_AVG), each tick on the
 * CPU is debited.  A task that mostly waits -- a shell, a daemon -- gets
 * a better priority than a CPU hog of the same nice value, and so
 * preempts it as soon as it wakes.  A task that has slept enough to count
 * as interactive (TASK_INTERACTIVE()) even goes back to the active array
 * when its slice ends, so a hog's round never makes it wait -- unless
 * the expired array has waited too long (EXPIRED_STARVING()).  (Linux
 * 2.6's round-robin of interactive tasks every TIMESLICE_GRANULARITY is
 * left out.)
 *
 * The kernel is preemptive: a wake-up of a higher-priority task or an
 * expired slice sets TIF_NEED_RESCHED, and the return from the interrupt
 * (arch/x86/entry.asm, resume_kernel) calls preempt_schedule_irq() if
 * preempt_count is 0, even in the middle of kernel code.  On another CPU
 * the flag comes with a reschedule IPI (resched_task()).
 *
 * With several CPUs each has its own run queue (sched/sched.h) and its
 * own idle task (swapper/N: never on an array, picked only when its
 * queue is empty; sched/idle.c).  A wake-up chooses the CPU
 * (try_to_wake_up(), wake_cpu()); load balancing (load_balance(), from
 * rebalance_tick() and idle_balance()) pulls tasks from the longest
 * queue to a shorter one; a task that must leave a CPU its mask no
 * longer allows is moved by sched/migration.c.  Understanding the Linux
 * Kernel, 3rd ed., chapter 7, "Runqueue Balancing in Multiprocessor
 * Systems".  Next: context_switch() below, then arch/x86/switch_to.asm.
 */
#include <asm/irqflags.h>
#include <hardirq.h>
#include <irq.h>
#include <kernel.h>
#include <mm_types.h>
#include <percpu.h>
#include <sched.h>
#include <smp.h>
#include <spinlock.h>
#include <time.h>
#include <trace.h>
#include "sched.h"

#define DEF_TIMESLICE	(100 * HZ / 1000)	/* 100 ms = 10 ticks */
/* Linux's 5 ms, but at least a tick: at HZ 100, one tick of 10 ms. */
#define MIN_TIMESLICE	max(5 * HZ / 1000, 1)
#define MAX_USER_PRIO	40

DEFINE_PER_CPU(struct runqueue, runqueues);
enum system_states system_state;

/*
 * SCALE_PRIO of Linux 2.6: the slice shrinks linearly from the top of the
 * nice range to the bottom, never below MIN_TIMESLICE.
 */
static unsigned int scale_prio(unsigned int x, int prio)
{
	return max(x * (MAX_PRIO - prio) / (MAX_USER_PRIO / 2),
		   (unsigned int)MIN_TIMESLICE);
}

static unsigned int task_timeslice(struct task_struct *p)
{
	/* LAB 3: task_timeslice BEGIN */
	if (p->static_prio < NICE_TO_PRIO(0))
		return scale_prio(DEF_TIMESLICE * 4, p->static_prio);
	return scale_prio(DEF_TIMESLICE, p->static_prio);
	/* LAB 3: task_timeslice END */
}

static __always_inline void __set_bit(unsigned int nr, unsigned long *map)
{
	map[nr / 32] |= 1UL << (nr % 32);
}

static __always_inline void __clear_bit(unsigned int nr, unsigned long *map)
{
	map[nr / 32] &= ~(1UL << (nr % 32));
}

/*
 * The first set bit of the 5 words: the sentinel at MAX_PRIO guarantees
 * there is one.  Unrolled, as Linux's: real-time priorities are rare,
 * so the usual answer, a normal priority (100-139), costs four tests.
 */
static __always_inline int sched_find_first_bit(const unsigned long *map)
{
	/* LAB 3: sched_find_first_bit BEGIN */
	BUILD_BUG_ON(BITMAP_SIZE != 5);
	if (unlikely(map[0]))
		return __builtin_ctzl(map[0]);
	if (unlikely(map[1]))
		return 32 + __builtin_ctzl(map[1]);
	if (unlikely(map[2]))
		return 64 + __builtin_ctzl(map[2]);
	if (likely(map[3]))
		return 96 + __builtin_ctzl(map[3]);
	return 128 + __builtin_ctzl(map[4]);
	/* LAB 3: sched_find_first_bit END */
}

#define MAX_BONUS	10				/* priority levels */
#define MAX_SLEEP_AVG	(DEF_TIMESLICE * MAX_BONUS)	/* 100 ticks: 1 s */
#define CURRENT_BONUS(p) ((p)->sleep_avg * MAX_BONUS / MAX_SLEEP_AVG)

/*
 * Interactive: a bonus of at least 7 of 10 levels at nice 0 (prio 118 or
 * better), less at a better nice value, more at a worse one -- Linux
 * 2.6's DELTA(): at nice 19 no bonus is enough.
 */
#define INTERACTIVE_DELTA	2
#define SCALE(v1, v1_max, v2_max)	((v1) * (v2_max) / (v1_max))
#define DELTA(p)	(SCALE(TASK_NICE(p) + 20, 40, MAX_BONUS) - \
			 20 * MAX_BONUS / 40 + INTERACTIVE_DELTA)
#define TASK_INTERACTIVE(p)	((p)->prio <= (p)->static_prio - DELTA(p))

/*
 * The expired array has waited long enough: STARVATION_LIMIT ticks per
 * runnable task since its first task expired, or it holds a task of a
 * better static priority than the running one.  Then even an
 * interactive task goes to the expired array, so that the round ends.
 */
#define STARVATION_LIMIT	MAX_SLEEP_AVG
#define EXPIRED_STARVING(rq)						\
	(((rq)->expired_timestamp &&					\
	  jiffies - (rq)->expired_timestamp >=				\
	  STARVATION_LIMIT * (rq)->nr_running + 1) ||			\
	 (rq)->curr->static_prio > (rq)->best_expired_prio)

/*
 * The priority a task runs at: its real-time priority, or its static
 * priority moved by its sleep average, from -5 (slept all the time) to
 * +5 (never slept), as Linux 2.6's effective_prio().
 */
static __always_inline int effective_prio(struct task_struct *p)
{
	int prio;

	if (p->policy != SCHED_NORMAL)
		return MAX_RT_PRIO - 1 - p->rt_priority;
	prio = p->static_prio - (CURRENT_BONUS(p) - MAX_BONUS / 2);
	return clamp(prio, MAX_RT_PRIO, MAX_PRIO - 1);
}

/*
 * Every run-queue operation runs under rq->lock, held by this task, with
 * interrupts off: the timer interrupt (scheduler_tick()) and the wake-ups
 * of interrupt handlers -- on this CPU and on others -- change the arrays
 * too.  A caller without both is reported here, at the operation, rather
 * than later as a corrupt list.  A macro, so that the report names the
 * operation's own line.  The lock's owner is its holder while it is held
 * and NULL while free, so one compare says "held, and by us"
 * (spin_assert_bug() then says which it was not).
 */
#define assert_rq_locked(rq)						\
	do {								\
		BUG_ON(!irqs_disabled());				\
		if (unlikely(READ_ONCE((rq)->lock.owner) !=		\
			     current_thread_info()->task))		\
			spin_assert_bug(&(rq)->lock, _THIS_IP_);	\
	} while (0)

/*
 * Credit the sleep that is ending; recompute the priority.  Under
 * rq->lock: try_to_wake_up() activates the task next, which checks it.
 */
static __always_inline void recalc_task_prio(struct task_struct *p)
{
	unsigned long slept = jiffies - p->timestamp;

	p->sleep_avg = min(p->sleep_avg + slept, (unsigned long)MAX_SLEEP_AVG);
	p->prio = effective_prio(p);
}

/* The list and bitmap work of the two below, for callers that checked. */
static __always_inline void __dequeue_task(struct task_struct *p,
					   struct prio_array *array)
{
	array->nr_active--;
	list_del(&p->run_list);
	if (list_empty(&array->queue[p->prio]))
		__clear_bit(p->prio, array->bitmap);
}

static __always_inline void __enqueue_task(struct task_struct *p,
					   struct prio_array *array)
{
	list_add_tail(&p->run_list, &array->queue[p->prio]);
	__set_bit(p->prio, array->bitmap);
	array->nr_active++;
	p->array = array;
}

/* Take @p off @array (of its run queue, which we hold). */
static void dequeue_task(struct task_struct *p, struct prio_array *array)
{
	assert_rq_locked(array->rq);
	__dequeue_task(p, array);
}

/* Queue @p at the tail of its priority's list in @array. */
static void enqueue_task(struct task_struct *p, struct prio_array *array)
{
	assert_rq_locked(array->rq);
	__enqueue_task(p, array);
}

/*
 * A task becomes runnable on @rq, or stops being so.  The bare forms are
 * for the two hottest paths, try_to_wake_up() and schedule(), which take
 * rq->lock themselves a few lines before: a check there could only
 * check the lock function.  Every other caller gets the checked form.
 */
static __always_inline void __activate_task(struct task_struct *p,
					    struct runqueue *rq)
{
	__enqueue_task(p, rq->active);
	rq->nr_running++;
}

static __always_inline void __deactivate_task(struct task_struct *p,
					      struct runqueue *rq)
{
	rq->nr_running--;
	__dequeue_task(p, p->array);
	p->array = NULL;
}

static void activate_task(struct task_struct *p, struct runqueue *rq)
{
	assert_rq_locked(rq);
	__activate_task(p, rq);
}

static void deactivate_task(struct task_struct *p, struct runqueue *rq)
{
	assert_rq_locked(rq);
	__deactivate_task(p, rq);
}

/* @p would preempt the task running on @rq. */
#define TASK_PREEMPTS_CURR(p, rq)	((p)->prio < (rq)->curr->prio)

/*
 * Ask @p, running on its CPU, to call schedule() soon (at its next
 * interrupt return or preempt_enable()).  On another CPU the flag alone
 * would wait for that CPU's next interrupt -- a halted idle CPU sleeps
 * until its next tick -- so a reschedule IPI interrupts it now.  A flag
 * that is set already has had its IPI.  Under @p's run-queue lock.
 */
static void resched_task(struct task_struct *p)
{
	/* LAB 7: resched_task BEGIN */
	unsigned int cpu;

	if (test_tsk_need_resched(p))
		return;
	set_tsk_need_resched(p);
	cpu = task_cpu(p);
	if (cpu != raw_smp_processor_id())
		smp_send_reschedule(cpu);
	/* LAB 7: resched_task END */
}

/* The queue has nothing to run: its idle task runs, or is about to. */
static inline bool rq_idle(struct runqueue *rq)
{
	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_running);
}

/*
 * The CPU to wake @p on when its last one will not do (Linux 2.6's
 * simple rule, before scheduling domains): an idle CPU it may run on,
 * the waker's first (what @p needs is likely in its cache); otherwise
 * its last CPU, if allowed: it waits its turn there, and load balancing
 * moves it if that queue is longer than others; otherwise any online
 * CPU it may run on.  The queues are read without their locks: the
 * answer is a hint, and always a CPU @p may use.
 */
static noinline unsigned int wake_cpu_slow(struct task_struct *p,
					   unsigned int cpu,
					   cpumask_t allowed)
{
	unsigned int this_cpu = raw_smp_processor_id(), i;

	if (cpu_isset(this_cpu, allowed) && rq_idle(cpu_rq(this_cpu)))
		return this_cpu;
	for_each_cpu_mask(i, allowed)
		if (rq_idle(cpu_rq(i)))
			return i;
	if (cpu_isset(cpu, allowed))
		return cpu;
	/* Nothing online allowed (a mask set before its CPUs came up). */
	return cpus_empty(allowed) ? cpu : first_cpu(allowed);
}

/*
 * The CPU to wake @p on: its last one, if it may still run there and
 * either has nowhere else to go or finds that CPU idle -- its cache may
 * still hold @p's data.  Else wake_cpu_slow().
 */
static __always_inline unsigned int wake_cpu(struct task_struct *p)
{
	cpumask_t allowed = task_online_cpus(p);
	unsigned int cpu = task_cpu(p);

	if (likely(allowed.bits[0] == 1UL << cpu) ||
	    (cpu_isset(cpu, allowed) && rq_idle(cpu_rq(cpu))))
		return cpu;
	return wake_cpu_slow(p, cpu, allowed);
}

/**
 * try_to_wake_up - make a sleeping task runnable
 * @p: the task
 * @state: wake it only if its state is in this mask
 *
 * The task goes on the run queue of the CPU wake_cpu() chooses: it
 * moves there (set_task_cpu()) under the locks of both queues.  If it
 * has a higher priority than the task running on that CPU, that task is
 * asked to reschedule (resched_task(): on another CPU with an IPI).
 * Context: any.
 * Return: 1 if @p was woken, 0 if it was not sleeping in @state.
 */
int try_to_wake_up(struct task_struct *p, unsigned int state)
{
	unsigned int cpu, new_cpu;
	struct runqueue *rq, *new_rq;
	unsigned long flags;
	int success = 0;

again:
	rq = task_rq_lock(p, &flags);
	if (!(p->state & state))
		goto out;
	/* Queued already (it had not reached schedule()): just run on. */
	if (p->array)
		goto out_running;
	cpu = task_cpu(p);
	/* Still switching away on its CPU: it must be queued there. */
	if (unlikely(task_running(rq, p)))
		goto out_activate;

	new_cpu = wake_cpu(p);
	if (new_cpu != cpu) {
		new_rq = cpu_rq(new_cpu);
		if (double_lock_balance(rq, new_rq) &&
		    (task_cpu(p) != cpu || p->array || task_running(rq, p) ||
		     !(p->state & state))) {
			/* It changed while our lock was let go: look again. */
			double_rq_unlock(rq, new_rq);
			local_irq_restore(flags);
			goto again;
		}
		set_task_cpu(p, new_cpu);
		spin_unlock(&rq->lock);
		rq = new_rq;
	}

out_activate:
	if (p->state & TASK_UNINTERRUPTIBLE)
		rq->nr_uninterruptible--;
	trace_sched_wakeup(p);
	recalc_task_prio(p);
	__activate_task(p, rq);		/* rq locked above */
	if (TASK_PREEMPTS_CURR(p, rq))
		resched_task(rq->curr);
	success = 1;
out_running:
	p->state = TASK_RUNNING;
out:
	task_rq_unlock(rq, &flags);
	return success;
}

/**
 * wake_up_process - wake @p from any sleep
 * @p: the task
 *
 * Return: 1 if it was woken.
 */
int wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL | TASK_STOPPED);
}

/**
 * sched_fork - scheduler set-up of a task do_fork() is creating
 * @p: the new task (not yet visible to anyone)
 *
 * The child takes half of the parent's remaining slice, so forking does
 * not buy CPU time.  Its preempt_count is 1: it first runs inside
 * schedule(), holding the run queue lock, which schedule_tail() releases.
 * Context: process.
 */
void sched_fork(struct task_struct *p)
{
	unsigned long flags;

	p->state = TASK_RUNNING;
	INIT_LIST_HEAD(&p->run_list);
	p->array = NULL;
	task_thread_info(p)->preempt_count = 1;

	local_irq_save(flags);
	p->time_slice = (current->time_slice + 1) / 2;
	current->time_slice /= 2;
	if (!current->time_slice)
		current->time_slice = 1;
	if (current == this_rq()->idle) {
		/* Process 0 has no slice or priority to share. */
		p->prio = p->static_prio = NICE_TO_PRIO(0);
		p->time_slice = task_timeslice(p);
	}
	local_irq_restore(flags);
}

/**
 * wake_up_new_task - put a new task on a run queue for the first time
 * @p: the task from copy_process()
 * @clone_flags: its clone flags
 *
 * On the parent's CPU, where the data the parent just wrote for it is
 * in the cache -- or, if the child may not run there, on an online CPU
 * it may run on.  Load balancing spreads the children later.
 * Context: process.
 */
void wake_up_new_task(struct task_struct *p, unsigned long clone_flags)
{
	struct runqueue *rq, *new_rq;
	cpumask_t allowed;
	unsigned long flags;
	unsigned int cpu;

again:
	rq = task_rq_lock(p, &flags);
	cpu = raw_smp_processor_id();		/* interrupts are off */
	allowed = task_online_cpus(p);
	if (unlikely(!cpu_isset(cpu, allowed)) && !cpus_empty(allowed))
		cpu = first_cpu(allowed);
	if (cpu != task_cpu(p)) {
		unsigned int old_cpu = task_cpu(p);

		new_rq = cpu_rq(cpu);
		if (double_lock_balance(rq, new_rq) &&
		    task_cpu(p) != old_cpu) {
			/* set_cpus_allowed() moved it meanwhile. */
			double_rq_unlock(rq, new_rq);
			local_irq_restore(flags);
			goto again;
		}
		set_task_cpu(p, cpu);
		spin_unlock(&rq->lock);
		rq = new_rq;
	}
	p->prio = effective_prio(p);
	activate_task(p, rq);
	trace_sched_fork(current, p);
	if (TASK_PREEMPTS_CURR(p, rq))
		resched_task(rq->curr);
	task_rq_unlock(rq, &flags);
}

/*
 * Load balancing (Linux 2.6: load_balance(), find_busiest_queue(),
 * can_migrate_task(), pull_task(), rebalance_tick(), idle_balance();
 * here as in 2.6 before scheduling domains: every online CPU is one
 * group).  A CPU only ever pulls: it takes tasks from the longest queue
 * into its own, never pushes its own away.  An idle CPU looks every
 * tick and whenever its queue runs empty (idle_balance() in schedule());
 * a busy one every BUSY_REBALANCE_TICK, so that a hog on each CPU is not
 * shuffled around.
 */
#define IDLE_REBALANCE_TICK	1			/* every tick */
#define BUSY_REBALANCE_TICK	max(200 * HZ / 1000, 1)	/* 200 ms */
/* A task that left its CPU this recently still has its data in the
 * cache there: a busy CPU leaves it where it is.  (Linux measures
 * cache_decay_ticks at boot; at HZ 100 it is about one tick.) */
#define CACHE_HOT_TICKS		1
/* Tasks looked at per balancing: the cost stays bounded however long
 * the busiest queue is (idle_balance() runs inside schedule()). */
#define BALANCE_SCAN_MAX	32

/* The next set bit of @map at or after @start (the sentinel stops it). */
static int sched_find_next_bit(const unsigned long *map, int start)
{
	int i = start / 32;
	unsigned long word = map[i] & (~0UL << (start % 32));

	while (!word)
		word = map[++i];
	return i * 32 + __builtin_ctzl(word);
}

/*
 * The longest other queue, if it is long enough to give us a task:
 * at least two more runnable tasks than ours (moving one then evens
 * the pair, rather than just swapping who waits), and, when we are not
 * idle, at least 25% more than ours.  Read without the locks: a hint,
 * checked again under them.  @imbalance: how many tasks to move, half
 * the difference.
 */
static struct runqueue *find_busiest_queue(struct runqueue *this_rq,
					   unsigned int this_cpu, bool idle,
					   unsigned long *imbalance)
{
	/* LAB 7: find_busiest_queue BEGIN */
	unsigned long nr = this_rq->nr_running, max_load = 0;
	struct runqueue *busiest = NULL;
	unsigned int i;

	for_each_online_cpu(i) {
		unsigned long load;

		if (i == this_cpu)
			continue;
		load = READ_ONCE(cpu_rq(i)->nr_running);
		if (load > max_load) {
			max_load = load;
			busiest = cpu_rq(i);
		}
	}
	if (!busiest || max_load < nr + 2)
		return NULL;
	if (!idle && (max_load - nr) * 4 < max_load)
		return NULL;
	*imbalance = (max_load - nr) / 2;
	return busiest;
	/* LAB 7: find_busiest_queue END */
}

/*
 * May @p move from @rq to @this_cpu?  Not while it runs, not to a CPU
 * it may not use, and -- unless we are idle -- not while its cache is
 * hot where it is.
 */
static bool can_migrate_task(struct task_struct *p, struct runqueue *rq,
			     unsigned int this_cpu, bool idle)
{
	if (task_running(rq, p))
		return false;
	if (!cpu_isset(this_cpu, p->cpus_allowed))
		return false;
	if (!idle && jiffies - p->timestamp < CACHE_HOT_TICKS)
		return false;
	return true;
}

/*
 * Move @p from @src_rq's @src_array to @this_rq, to the same kind of
 * array (an expired task stays expired: it has had its turn this
 * round).  Both queues locked.
 */
static void pull_task(struct runqueue *src_rq, struct prio_array *src_array,
		      struct task_struct *p, struct runqueue *this_rq,
		      unsigned int this_cpu)
{
	/* LAB 7: pull_task BEGIN */
	struct prio_array *array = src_array == src_rq->expired ?
				   this_rq->expired : this_rq->active;

	dequeue_task(p, src_array);
	src_rq->nr_running--;
	set_task_cpu(p, this_cpu);
	this_rq->nr_running++;
	enqueue_task(p, array);
	if (array == this_rq->expired) {
		if (!this_rq->expired_timestamp)
			this_rq->expired_timestamp = jiffies;
		this_rq->best_expired_prio = min(this_rq->best_expired_prio,
						 p->static_prio);
	}
	this_rq->nr_balanced++;
	if (TASK_PREEMPTS_CURR(p, this_rq))
		resched_task(this_rq->curr);
	/* LAB 7: pull_task END */
}

/*
 * Pull up to @imbalance tasks from @busiest (both locked).  Expired
 * tasks first: they would wait for the end of the round where they
 * are, and their cache is the coldest.  Within an array the best
 * priority first, and from the tail of each list, the task that would
 * run last.  Return: how many moved.
 */
static int move_tasks(struct runqueue *this_rq, unsigned int this_cpu,
		      struct runqueue *busiest, unsigned long imbalance,
		      bool idle)
{
	struct prio_array *array = busiest->expired->nr_active ?
				   busiest->expired : busiest->active;
	int moved = 0, scanned = 0;

	for (int pass = 0; pass < 2; pass++) {
		int idx = 0;

		while ((idx = sched_find_next_bit(array->bitmap, idx)) <
		       MAX_PRIO) {
			struct list_head *head = &array->queue[idx];
			struct list_head *pos = head->prev, *prev;

			for (; pos != head; pos = prev) {
				struct task_struct *p = list_entry(pos,
					struct task_struct, run_list);

				prev = pos->prev;
				if (++scanned > BALANCE_SCAN_MAX)
					return moved;
				if (!can_migrate_task(p, busiest, this_cpu,
						      idle))
					continue;
				pull_task(busiest, array, p, this_rq,
					  this_cpu);
				if (++moved >= (int)imbalance)
					return moved;
			}
			idx++;
		}
		if (array == busiest->active)
			break;
		array = busiest->active;
	}
	return moved;
}

/*
 * Even out this CPU's queue with the busiest one.  Called with
 * @this_rq locked, interrupts off; returns so (the lock may have been
 * let go for a while, double_lock_balance()).  Return: tasks pulled.
 */
static int load_balance(unsigned int this_cpu, struct runqueue *this_rq,
			bool idle)
{
	unsigned long imbalance;
	struct runqueue *busiest;
	int moved = 0;

	busiest = find_busiest_queue(this_rq, this_cpu, idle, &imbalance);
	if (!busiest)
		return 0;
	double_lock_balance(this_rq, busiest);
	/* Nothing changed under the locks that makes it pointless? */
	if (busiest->nr_running >= this_rq->nr_running + 2) {
		imbalance = min(imbalance, (busiest->nr_running -
					    this_rq->nr_running) / 2);
		moved = move_tasks(this_rq, this_cpu, busiest, imbalance,
				   idle);
	}
	spin_unlock(&busiest->lock);
	return moved;
}

/*
 * From scheduler_tick(): balance every IDLE_REBALANCE_TICK when idle,
 * every BUSY_REBALANCE_TICK when busy.  The CPUs' turns are spread over
 * the interval, so that they do not all pull at the same tick.
 */
static void rebalance_tick(unsigned int this_cpu, struct runqueue *this_rq,
			   bool idle)
{
	unsigned long j = jiffies + this_cpu * BUSY_REBALANCE_TICK / NR_CPUS;

	if (num_online_cpus() < 2)
		return;
	if (j % (idle ? IDLE_REBALANCE_TICK : BUSY_REBALANCE_TICK))
		return;
	spin_lock(&this_rq->lock);
	load_balance(this_cpu, this_rq, idle);
	spin_unlock(&this_rq->lock);
}

/*
 * schedule() found this CPU's queue empty: before going idle, pull work
 * from the busiest queue.  this_rq locked, interrupts off.
 */
static void idle_balance(unsigned int this_cpu, struct runqueue *this_rq)
{
	if (num_online_cpus() > 1)
		load_balance(this_cpu, this_rq, true);
}

/**
 * __migrate_task - move @p from @src_cpu's queue to @dest_cpu's
 * @p: the task
 * @src_cpu: the CPU it was on when the move was decided
 * @dest_cpu: where it goes
 *
 * Under both run-queue locks: a queued task leaves one queue for the
 * other (to the active array: the round of the new queue is not the
 * old one's), a sleeping one only changes CPU, and is woken there.  A
 * task that runs cannot be moved (the migration thread of its CPU does
 * that, once it has preempted it), nor one that moved meanwhile, nor
 * one whose mask now excludes @dest_cpu.
 * Context: interrupts off, no run-queue lock held.
 * Return: true if @p is now on @dest_cpu.
 */
bool __migrate_task(struct task_struct *p, unsigned int src_cpu,
		    unsigned int dest_cpu)
{
	struct runqueue *rq_src = cpu_rq(src_cpu), *rq_dest = cpu_rq(dest_cpu);
	bool moved = false;

	if (!cpu_online(dest_cpu))
		return false;
	double_rq_lock(rq_src, rq_dest);
	if (task_cpu(p) != src_cpu || task_running(rq_src, p) ||
	    !cpu_isset(dest_cpu, p->cpus_allowed))
		goto out;
	if (p->array) {
		deactivate_task(p, rq_src);
		set_task_cpu(p, dest_cpu);
		activate_task(p, rq_dest);
		if (TASK_PREEMPTS_CURR(p, rq_dest))
			resched_task(rq_dest->curr);
	} else {
		set_task_cpu(p, dest_cpu);
	}
	moved = true;
out:
	double_rq_unlock(rq_src, rq_dest);
	return moved;
}

/*
 * The tick goes to the running task (utime, stime) and to this CPU's
 * time by kind (/proc/stat's cpuN line; Linux 2.6: account_user_time(),
 * account_system_time()).  A tick in kernel mode is the interrupted
 * context's: another interrupt handler (hardirq count above the tick's
 * own), a softirq, a task, or the idle task.
 */
static void account_tick(struct runqueue *rq, struct task_struct *p,
			 int user_tick)
{
	struct cpu_usage_stat *cpustat = &__get_cpu_var(kstat).cpustat;

	if (user_tick) {
		p->utime++;
		if (TASK_NICE(p) > 0)
			cpustat->nice++;
		else
			cpustat->user++;
		return;
	}
	p->stime++;
	if (hardirq_count() - HARDIRQ_OFFSET)
		cpustat->irq++;
	else if (softirq_count())
		cpustat->softirq++;
	else if (p != rq->idle)
		cpustat->system++;
	else
		cpustat->idle++;
}

/**
 * scheduler_tick - charge the running task one tick
 * @user_tick: the tick interrupted user mode
 *
 * Context: timer interrupt, interrupts off.
 */
void scheduler_tick(int user_tick)
{
	unsigned int cpu = raw_smp_processor_id();	/* interrupts off */
	struct runqueue *rq = cpu_rq(cpu);
	struct task_struct *p = current;

	account_tick(rq, p, user_tick);
	if (p == rq->idle) {
		rebalance_tick(cpu, rq, true);
		return;
	}

	spin_lock(&rq->lock);
	/* Its slice ran out while it sat in the expired array: just go. */
	if (p->array != rq->active) {
		resched_task(p);
		goto out;
	}
	if (rt_task(p)) {
		/* FIFO runs on; RR goes to the back of its own queue. */
		if (p->policy == SCHED_RR && !--p->time_slice) {
			p->time_slice = task_timeslice(p);
			resched_task(p);
			list_move_tail(&p->run_list, &rq->active->queue[p->prio]);
		}
		goto out;
	}
	if (p->sleep_avg)
		p->sleep_avg--;		/* a tick on the CPU: less of a sleeper */
	/* LAB 3: scheduler_tick BEGIN */
	if (!--p->time_slice) {
		dequeue_task(p, rq->active);
		resched_task(p);
		p->prio = effective_prio(p);
		p->time_slice = task_timeslice(p);
		if (!rq->expired_timestamp)
			rq->expired_timestamp = jiffies;
		if (!TASK_INTERACTIVE(p) || EXPIRED_STARVING(rq)) {
			enqueue_task(p, rq->expired);
			rq->best_expired_prio = min(rq->best_expired_prio,
						    p->static_prio);
		} else {
			/* Behind its equals in the active array. */
			enqueue_task(p, rq->active);
		}
	}
	/* LAB 3: scheduler_tick END */
out:
	spin_unlock(&rq->lock);
	rebalance_tick(cpu, rq, false);
}

/*
 * The second half of a switch, run by the task switched to: release the
 * run queue lock (taken by the task that switched away), drop an mm that
 * a kernel thread borrowed, and free a task that has died.
 */
static __always_inline void finish_task_switch(struct runqueue *rq,
					       struct task_struct *prev)
{
	struct mm_struct *mm;
	long prev_state;

	/*
	 * prev took rq->lock in schedule() and switched to us with it held:
	 * the lock changes hands with the CPU, the one lock that does.  We
	 * take over its ownership (checking that prev held it) so that our
	 * unlock is the holder's (Linux: finish_lock_switch()).
	 */
	BUG_ON(!irqs_disabled());
	spin_lock_handover(&rq->lock, prev);
	mm = rq->prev_mm;
	prev_state = prev->state;
	rq->prev_mm = NULL;
	spin_unlock_irq(&rq->lock);
	if (mm)
		mmdrop(mm);
	if (unlikely(prev_state == TASK_DEAD))
		put_task_struct(prev);
}

/**
 * schedule_tail - the first thing a new task does (from ret_from_fork)
 * @prev: the task that switched to it
 *
 * Context: a new task, interrupts off, run queue locked by @prev.
 */
asmlinkage void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(this_rq(), prev);
}

/*
 * Switch the address space and the stack.  A kernel thread (next->mm ==
 * NULL) borrows prev's active_mm and holds one mm_count on it: CR3 is not
 * touched (lazy TLB).  From one kernel thread to another the borrowed mm
 * and its reference simply pass on (the CPU is lazy already).  If prev
 * was a kernel thread and next has an mm of its own, the mm prev
 * borrowed is dropped by next after the switch (rq->prev_mm), once no
 * CPU runs on it.
 */
static noinline struct task_struct *
context_switch(struct runqueue *rq, struct task_struct *prev,
	       struct task_struct *next)
{
	struct mm_struct *mm = next->mm;
	struct mm_struct *oldmm = prev->active_mm;

	/* schedule() took rq->lock itself: nothing to check here. */
	if (!mm) {
		next->active_mm = oldmm;
		if (prev->mm) {
			atomic_inc(&oldmm->mm_count);
			enter_lazy_tlb(oldmm);
		} else {
			/* Its reference passes on with the mm. */
			prev->active_mm = NULL;
		}
	} else {
		switch_mm(oldmm, mm);
		if (!prev->mm) {
			prev->active_mm = NULL;
			WARN_ON(rq->prev_mm);
			rq->prev_mm = oldmm;
		}
	}
	trace_sched_switch(prev, next);
	/*
	 * switch_to() returns in next's context; "prev" is then whichever
	 * task switched to us, which need not be the one we switched to.
	 */
	return switch_to(prev, next);
}

/*
 * The task leaving the CPU ran its kernel stack over its end: the word
 * above its thread_info no longer holds STACK_END_MAGIC (include/sched.h:
 * end_of_stack()).  What it overwrote next may be anything, so stop
 * here, while thread_info still says which task it was (Linux:
 * schedule_debug()).
 */
static noinline void __noreturn stack_end_bug(struct task_struct *prev)
{
	unsigned long *end = end_of_stack(prev);

	oops_begin();
	printk(KERN_EMERG "BUG: stack overflow in task %s (pid %d): "
	       "end-of-stack magic %08lx at %p, should be %08x\n",
	       prev->comm, prev->pid, *end, end, STACK_END_MAGIC);
	die_at_frame((unsigned long)__builtin_frame_address(0),
		     "stack overflow in task %s (pid %d): end-of-stack magic "
		     "%08lx", prev->comm, prev->pid, *end);
}

/**
 * schedule - give the CPU to the best runnable task
 *
 * A task that set a sleeping state before calling schedule() leaves the
 * run queue here, unless the call comes from preemption (PREEMPT_ACTIVE):
 * a task preempted between setting its state and sleeping must stay
 * runnable, or it would sleep with nobody to wake it.
 * Context: process, preemption enabled, no locks held.
 */
asmlinkage void __sched schedule(void)
{
	struct task_struct *prev, *next;
	unsigned long *switch_count;
	struct prio_array *array;
	struct runqueue *rq;
	unsigned int cpu;

need_resched:
	if (unlikely(in_atomic() && current->state != TASK_DEAD))
		panic("scheduling while atomic: %s/%d/%#x", current->comm,
		      current->pid, preempt_count());
	preempt_disable();
	prev = current;
	if (unlikely(task_stack_end_corrupted(prev)))
		stack_end_bug(prev);
	cpu = raw_smp_processor_id();		/* preemption is off */
	rq = cpu_rq(cpu);
	OPTIMIZER_HIDE_VAR(rq);
	if (unlikely(prev == rq->idle && prev->state != TASK_RUNNING))
		panic("bad: scheduling from the idle thread!");

	spin_lock_irq(&rq->lock);
	/* LAB 4: schedule_deactivate BEGIN */
	switch_count = &prev->nivcsw;
	if (prev->state && !(preempt_count() & PREEMPT_ACTIVE)) {
		switch_count = &prev->nvcsw;
		if (unlikely((prev->state & TASK_INTERRUPTIBLE) &&
			     signal_pending(prev)))
			prev->state = TASK_RUNNING;
		else {
			if (prev->state & TASK_UNINTERRUPTIBLE)
				rq->nr_uninterruptible++;
			__deactivate_task(prev, rq);	/* locked above */
		}
	}
	/* LAB 4: schedule_deactivate END */

	if (unlikely(!rq->nr_running)) {
		/* Nothing here: take work from a busier CPU first. */
		idle_balance(cpu, rq);
		if (!rq->nr_running) {
			/*
			 * Both arrays are empty: nothing waits in the
			 * expired one.  (Left stale, the timestamp would
			 * make the next round "starve" at once:
			 * EXPIRED_STARVING().)
			 */
			rq->expired_timestamp = 0;
			rq->best_expired_prio = MAX_PRIO;
			next = rq->idle;
			goto switch_tasks;
		}
	}
	/* LAB 3: schedule BEGIN */
	array = rq->active;
	if (unlikely(!array->nr_active)) {
		/* Everyone used their slice: a new round begins. */
		assert_rq_locked(rq);
		rq->active = rq->expired;
		rq->expired = array;
		array = rq->active;
		rq->expired_timestamp = 0;
		rq->best_expired_prio = MAX_PRIO;
	}
	next = list_first_entry(&array->queue[sched_find_first_bit(array->bitmap)],
				struct task_struct, run_list);
	/* LAB 3: schedule END */

switch_tasks:
	clear_tsk_need_resched(prev);
	if (likely(prev != next)) {
		/* Its sleep, or its cache's cooling, begins. */
		prev->timestamp = jiffies;
		rq->nr_switches++;
		rq->curr = next;
		++*switch_count;
		prev = context_switch(rq, prev, next);
		barrier();
		/* We may have been moved since we left: our CPU's queue. */
		rq = this_rq();
		OPTIMIZER_HIDE_VAR(rq);
		finish_task_switch(rq, prev);
	} else {
		spin_unlock_irq(&rq->lock);
	}
	preempt_enable_no_resched();
	if (unlikely(need_resched()))
		goto need_resched;
}

/**
 * preempt_schedule - preemption at preempt_enable()
 *
 * Context: process, from preempt_enable() when preempt_count reached 0
 * and TIF_NEED_RESCHED is set.
 */
asmlinkage void __sched preempt_schedule(void)
{
	/* LAB 4: preempt_schedule BEGIN */
	if (likely(preempt_count() || irqs_disabled()))
		return;
	do {
		add_preempt_count(PREEMPT_ACTIVE);
		schedule();
		sub_preempt_count(PREEMPT_ACTIVE);
		barrier();
	} while (unlikely(need_resched()));
	/* LAB 4: preempt_schedule END */
}

/**
 * preempt_schedule_irq - preemption on the way out of an interrupt
 *
 * Called by resume_kernel (arch/x86/entry.asm) when the interrupted
 * kernel code had preempt_count 0 and interrupts on.
 * Context: interrupt return path, interrupts off.
 */
asmlinkage void __sched preempt_schedule_irq(void)
{
	/* LAB 4: preempt_schedule_irq BEGIN */
	BUG_ON(preempt_count() || !irqs_disabled());
	do {
		add_preempt_count(PREEMPT_ACTIVE);
		local_irq_enable();
		schedule();
		local_irq_disable();
		sub_preempt_count(PREEMPT_ACTIVE);
		barrier();
	} while (unlikely(need_resched()));
	/* LAB 4: preempt_schedule_irq END */
}

/**
 * cond_resched - a voluntary preemption point
 *
 * For long loops in kernel code: give way if a reschedule is due.  The
 * task stays runnable (PREEMPT_ACTIVE), whatever state it set.
 * Context: process, preemptible.
 * Return: 1 if it scheduled, 0 if not.
 */
int __sched cond_resched(void)
{
	if (!need_resched() || preempt_count())
		return 0;
	add_preempt_count(PREEMPT_ACTIVE);
	schedule();
	sub_preempt_count(PREEMPT_ACTIVE);
	return 1;
}

/**
 * set_user_nice - change a task's nice value (its static priority)
 * @p: the task
 * @nice: -20 (most CPU) .. 19 (least)
 *
 * Context: process.
 */
void set_user_nice(struct task_struct *p, long nice)
{
	struct prio_array *array;
	unsigned long flags;
	struct runqueue *rq;
	int old_prio;

	nice = clamp(nice, -20L, 19L);
	rq = task_rq_lock(p, &flags);
	array = p->array;
	if (array)
		dequeue_task(p, array);
	old_prio = p->prio;
	p->static_prio = NICE_TO_PRIO(nice);
	p->prio = effective_prio(p);
	if (array) {
		enqueue_task(p, array);
		/* Better than the running task, or the running task got worse. */
		if (p->prio < rq->curr->prio ||
		    (p == rq->curr && p->prio > old_prio))
			resched_task(rq->curr);
	}
	task_rq_unlock(rq, &flags);
}

/**
 * sched_setscheduler - change a task's scheduling policy
 * @p: the task
 * @policy: SCHED_NORMAL, SCHED_FIFO or SCHED_RR
 * @rt_priority: 1..99 (higher runs first) for the real-time policies,
 *               0 for SCHED_NORMAL
 *
 * Context: process.
 * Return: 0, or -EINVAL for a bad policy or priority.
 */
int sched_setscheduler(struct task_struct *p, unsigned int policy,
		       unsigned int rt_priority)
{
	struct prio_array *array;
	unsigned long flags;
	struct runqueue *rq;

	if (policy > SCHED_RR ||
	    (policy == SCHED_NORMAL) != (rt_priority == 0) ||
	    rt_priority > MAX_RT_PRIO - 1)
		return -EINVAL;
	rq = task_rq_lock(p, &flags);
	array = p->array;
	if (array)
		deactivate_task(p, rq);
	p->policy = policy;
	p->rt_priority = rt_priority;
	p->prio = effective_prio(p);
	if (array) {
		activate_task(p, rq);
		if (p->prio < rq->curr->prio)
			resched_task(rq->curr);
	}
	task_rq_unlock(rq, &flags);
	return 0;
}

/**
 * yield - give up the rest of this round
 *
 * The task goes to the expired array: every other runnable task runs
 * before it again (Linux 2.6 semantics); a real-time task only goes
 * behind the others of its priority.  It may be in the expired array
 * already: a task whose slice ran out while it could not be preempted
 * runs on from there (scheduler_tick()).
 * Context: process.
 */
void __sched yield(void)
{
	struct task_struct *p = current;
	struct runqueue *rq;

	local_irq_disable();
	rq = this_rq();		/* ours until the lock is let go */
	spin_lock(&rq->lock);
	if (p->array) {
		dequeue_task(p, p->array);
		enqueue_task(p, rt_task(p) ? rq->active : rq->expired);
	}
	spin_unlock_irq(&rq->lock);
	schedule();
}

/**
 * __might_sleep - complain if a function that sleeps is called atomically
 * @file: the caller's file
 * @line: and line
 */
void __might_sleep(const char *file, int line)
{
	static bool warned;

	if ((in_atomic() || irqs_disabled()) &&
	    system_state == SYSTEM_RUNNING && !warned) {
		warned = true;
		printk(KERN_ERR "BUG: sleeping function called from invalid "
		       "context at %s:%d\n", file, line);
		printk(KERN_ERR "in_atomic():%d, irqs_disabled():%d\n",
		       in_atomic(), irqs_disabled());
		dump_stack();
	}
}

/*
 * Return: runnable tasks on every CPU (the idle tasks not counted).  A
 * sum of counts each read without its lock: exact only when nothing
 * changes, as Linux's.
 */
unsigned long nr_running(void)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_running);
	return sum;
}

/*
 * Return: tasks asleep in TASK_UNINTERRUPTIBLE (the load average counts
 * them with the runnable ones).  Unlocked reads, as nr_running().
 */
unsigned long nr_uninterruptible(void)
{
	long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_uninterruptible);
	/* The counts are read one by one while tasks move: never below 0. */
	return sum < 0 ? 0 : sum;
}

/**
 * in_sched_functions - is @addr in schedule() or one of its wrappers?
 * @addr: a return address of a sleeping task's stack
 *
 * Context: any.
 * Return: true for an address of the .sched.text section (__sched).
 */
bool in_sched_functions(unsigned long addr)
{
	return addr >= (unsigned long)__sched_text_start &&
	       addr < (unsigned long)__sched_text_end;
}

/* Return: context switches on every CPU since boot. */
unsigned long long nr_context_switches(void)
{
	unsigned long long sum = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		sum += cpu_rq(cpu)->nr_switches;
	return sum;
}

/**
 * nr_running_cpu - runnable tasks on one CPU's run queue
 * @cpu: the CPU
 *
 * Context: any; read without the lock.
 * Return: its nr_running (the idle task not counted).
 */
unsigned long nr_running_cpu(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

/* Return: the idle task (process 0) of @cpu. */
struct task_struct *idle_task(int cpu)
{
	return cpu_rq(cpu)->idle;
}

/* Return: whether @p is queued on a priority array. */
bool task_on_runqueue(struct task_struct *p)
{
	return READ_ONCE(p->array) != NULL;
}

/* Return: whether @p is queued on its run queue's expired array. */
bool task_expired(struct task_struct *p)
{
	unsigned long flags;
	struct runqueue *rq = task_rq_lock(p, &flags);
	bool expired = p->array && p->array == rq->expired;

	task_rq_unlock(rq, &flags);
	return expired;
}

/*
 * Count the tasks of one array and check each against the array's
 * bookkeeping.  Return: the count, or -1 with the reason in @buf.
 */
static long check_prio_array(struct prio_array *array, unsigned int cpu,
			     const char *name, char *buf, size_t size)
{
	long total = 0;

	for (int k = 0; k < MAX_PRIO; k++) {
		struct list_head *queue = &array->queue[k], *pos;
		bool bit = array->bitmap[k / 32] & (1UL << (k % 32));
		long n = 0;

		list_for_each(pos, queue) {
			struct task_struct *p = list_entry(pos,
							   struct task_struct,
							   run_list);

			/* More entries than pids: the list loops. */
			if (++n > PID_MAX_DEFAULT) {
				snprintf(buf, size, "CPU%u %s: queue %d loops",
					 cpu, name, k);
				return -1;
			}
			if (p->array != array || p->prio != k) {
				snprintf(buf, size, "CPU%u %s: pid %d on queue "
					 "%d has prio %d, array %p", cpu, name,
					 p->pid, k, p->prio, p->array);
				return -1;
			}
			if (task_cpu(p) != cpu) {
				snprintf(buf, size, "CPU%u %s: pid %d has CPU "
					 "%u", cpu, name, p->pid, task_cpu(p));
				return -1;
			}
		}
		if (bit != (n > 0)) {
			snprintf(buf, size, "CPU%u %s: bit %d is %d, queue "
				 "has %ld", cpu, name, k, bit, n);
			return -1;
		}
		total += n;
	}
	if (total != (long)array->nr_active) {
		snprintf(buf, size, "CPU%u %s: nr_active %u, %ld tasks queued",
			 cpu, name, array->nr_active, total);
		return -1;
	}
	return total;
}

/* One CPU's queue; see sched_check_runqueue(). */
static int check_runqueue(unsigned int cpu, char *buf, size_t size)
{
	struct runqueue *rq = cpu_rq(cpu);
	unsigned long flags;
	long active, expired;
	int ret = -EINVAL;

	spin_lock_irqsave(&rq->lock, flags);
	active = check_prio_array(rq->active, cpu, "active", buf, size);
	if (active < 0)
		goto out;
	expired = check_prio_array(rq->expired, cpu, "expired", buf, size);
	if (expired < 0)
		goto out;
	if (active + expired != (long)rq->nr_running) {
		snprintf(buf, size, "CPU%u: nr_running %lu, %ld tasks queued",
			 cpu, rq->nr_running, active + expired);
		goto out;
	}
	ret = 0;
out:
	spin_unlock_irqrestore(&rq->lock, flags);
	return ret;
}

/**
 * sched_check_runqueue - check every online CPU's run queue
 * @buf: where the first inconsistency found is described
 * @size: its size
 *
 * Walks both priority arrays of each queue, under its lock: every
 * queued task must have its array, priority and CPU, every bitmap bit
 * must say whether its queue is empty, each nr_active must count its
 * array's tasks and nr_running both arrays'.  A count that is off shows
 * nothing until schedule() trusts it, maybe much later: the ktests
 * (tests/ktest/yield_test.c, smp_sched_test.c) look right away.
 * Context: any.
 * Return: 0, or -EINVAL with the reason in @buf.
 */
int sched_check_runqueue(char *buf, size_t size)
{
	unsigned int cpu;

	for_each_online_cpu(cpu)
		if (check_runqueue(cpu, buf, size))
			return -EINVAL;
	return 0;
}

/**
 * task_curr - is @p running on its CPU right now?
 * @p: the task
 *
 * Linux 2.6: task_curr().  Its stack is then changing under whoever
 * looks at it from another CPU.
 * Context: any; the answer may be stale as soon as it is read.
 * Return: whether @p is its CPU's current task.
 */
bool task_curr(const struct task_struct *p)
{
	return READ_ONCE(cpu_rq(task_cpu(p))->curr) == p;
}

/**
 * task_sleeping - is @p asleep, in one of @states?
 * @p: the task
 * @states: TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE, TASK_DEAD, ...
 *
 * Asleep for the scheduler: its state is in @states, it is off the run
 * queue and no CPU runs it.  Seen under the run-queue lock, so a task
 * that has set its state but not yet reached schedule() does not count.
 * Context: any.
 */
bool task_sleeping(struct task_struct *p, unsigned int states)
{
	unsigned long flags;
	struct runqueue *rq = task_rq_lock(p, &flags);
	bool asleep = (p->state & states) && !p->array && rq->curr != p;

	task_rq_unlock(rq, &flags);
	return asleep;
}

/**
 * sched_selftest_requeue - requeue the current task, with or without the
 * run-queue lock
 * @take_lock: take rq->lock around the requeue (interrupts stay as the
 *             caller has them); false: call the operations bare
 *
 * dequeue_task() and enqueue_task() on the current task: it goes to the
 * back of its priority list.  For the tests of the run-queue checks only
 * (tests/ktest/invariants_test.c): under the lock with interrupts off it
 * passes them, without the lock or with interrupts on it is reported.
 * Context: process, a task on a run queue.
 */
void sched_selftest_requeue(bool take_lock)
{
	struct runqueue *rq = this_rq();
	struct task_struct *p = current;
	struct prio_array *array;

	if (take_lock)
		spin_lock(&rq->lock);
	array = p->array;
	if (array) {
		dequeue_task(p, array);
		enqueue_task(p, array);
	}
	if (take_lock)
		spin_unlock(&rq->lock);
}

/**
 * init_idle - make @idle the idle task (process 0) of @cpu
 * @idle: the boot thread on CPU 0, a task from fork_idle() on the others
 * @cpu: its CPU
 *
 * The idle task is never on a priority array: schedule() picks it when
 * the run queue is empty.  It runs on init_mm lazily, below every real
 * priority, and never leaves its CPU.
 * Context: boot, before @cpu runs @idle.
 */
void init_idle(struct task_struct *idle, int cpu)
{
	struct runqueue *rq = cpu_rq(cpu);
	unsigned long flags;

	spin_lock_irqsave(&rq->lock, flags);
	idle->state = TASK_RUNNING;
	idle->prio = MAX_PRIO;
	idle->array = NULL;
	idle->cpus_allowed = cpumask_of_cpu(cpu);
	set_task_cpu(idle, cpu);
	rq->curr = rq->idle = idle;
	spin_unlock_irqrestore(&rq->lock, flags);
}

/**
 * sched_init - empty run queues; the boot thread becomes the idle task
 *
 * Context: boot, process 0.
 */
void sched_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct runqueue *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		rq->cpu = cpu;
		INIT_LIST_HEAD(&rq->migration_queue);
		rq->active = &rq->arrays[0];
		rq->expired = &rq->arrays[1];
		rq->best_expired_prio = MAX_PRIO;
		for (int a = 0; a < 2; a++) {
			struct prio_array *array = &rq->arrays[a];

			array->rq = rq;
			for (int k = 0; k < MAX_PRIO; k++)
				INIT_LIST_HEAD(&array->queue[k]);
			/* The sentinel: sched_find_first_bit() always stops. */
			__set_bit(MAX_PRIO, array->bitmap);
		}
	}

	/* Process 0 of CPU 0: runs on init_mm lazily. */
	atomic_inc(&init_mm.mm_count);
	enter_lazy_tlb(&init_mm);
	init_idle(current, 0);
}
