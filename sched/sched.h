/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched/sched.h - the scheduler's private view: the run queue of each
 * CPU and the ways to lock one or two of them.
 *
 * Linux 2.6: the top of kernel/sched.c (struct runqueue, cpu_rq(),
 * task_rq_lock(), double_rq_lock(), double_lock_balance()).
 * Shared by sched/core.c (queues, schedule(), wake-ups, load balancing)
 * and sched/migration.c (the migration threads, set_cpus_allowed(), the
 * affinity calls); nothing outside sched/ includes it.
 *
 * A task's run queue is the one of the CPU in its thread_info
 * (task_cpu()).  That number only changes under the locks of both the
 * old and the new run queue (set_task_cpu() callers in this directory),
 * so whoever locks task_rq(p) and then finds task_rq(p) unchanged holds
 * the right lock; task_rq_lock() retries until it does.  Two run queues
 * are always locked in address order (double_rq_lock()), so two CPUs
 * that each need both can never hold one each and wait for the other.
 */
#ifndef _SCHED_SCHED_H
#define _SCHED_SCHED_H

#include <asm/irqflags.h>
#include <completion.h>
#include <list.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>

#define BITMAP_SIZE	((MAX_PRIO + 1 + 31) / 32)	/* 140 bits + sentinel */

struct prio_array {
	struct runqueue *rq;		/* whose lock protects it */
	unsigned int nr_active;
	unsigned long bitmap[BITMAP_SIZE];
	struct list_head queue[MAX_PRIO];
};

struct runqueue {
	/* rq->lock, interrupts off: */
	spinlock_t lock;
	unsigned long nr_running;	/* tasks on the arrays */
	/*
	 * Tasks that went to sleep uninterruptibly here, less those woken
	 * here: only the sum over the CPUs means anything (a task sleeps on
	 * one CPU and may be woken onto another), as Linux 2.6's.
	 */
	long nr_uninterruptible;
	unsigned long long nr_switches;
	struct task_struct *curr, *idle;
	struct mm_struct *prev_mm;	/* dropped after the switch */
	struct prio_array *active, *expired, arrays[2];
	unsigned long expired_timestamp; /* when the first task expired */
	int best_expired_prio;		/* best static_prio in expired */

	/* SMP: */
	unsigned int cpu;		/* the CPU this queue belongs to */
	unsigned long nr_balanced;	/* tasks pulled here by balancing */
	struct task_struct *migration_thread;	/* migration/N */
	struct list_head migration_queue;	/* struct migration_req */
};

/* One request to migration/N: move @task to @dest_cpu, then complete. */
struct migration_req {
	struct list_head list;
	struct task_struct *task;
	unsigned int dest_cpu;
	struct completion done;
};

DECLARE_PER_CPU(struct runqueue, runqueues);

/*
 * gcc at -Og recomputes a run queue's address (cpu * sizeof, plus the
 * array) at every use rather than keep it in a register; once the value
 * is hidden from it, it keeps it.  30 instructions per context switch.
 * (Linux: OPTIMIZER_HIDE_VAR(), include/linux/compiler-gcc.h.)
 */
#ifndef OPTIMIZER_HIDE_VAR
#define OPTIMIZER_HIDE_VAR(var)	__asm__("" : "+r"(var))
#endif

#define cpu_rq(cpu)	(&per_cpu(runqueues, (cpu)))
/* Only with preemption or interrupts off: the CPU must stay ours. */
#define this_rq()	cpu_rq(raw_smp_processor_id())
#define task_rq(p)	cpu_rq(task_cpu(p))

/* @p is on a CPU right now (or being switched away under rq->lock). */
static inline bool task_running(struct runqueue *rq, struct task_struct *p)
{
	return rq->curr == p;
}

/*
 * Lock @p's run queue, interrupts off.  The queue may change while we
 * wait for its lock (another CPU moved @p): then try the new one.
 */
static __always_inline struct runqueue *task_rq_lock(struct task_struct *p,
						     unsigned long *flags)
{
	struct runqueue *rq;
	unsigned int cpu;

	local_irq_save(*flags);
	for (;;) {
		cpu = task_cpu(p);
		rq = cpu_rq(cpu);
		OPTIMIZER_HIDE_VAR(rq);
		spin_lock(&rq->lock);
		if (likely(task_cpu(p) == cpu))
			return rq;
		spin_unlock(&rq->lock);
	}
}

static __always_inline void task_rq_unlock(struct runqueue *rq,
					   unsigned long *flags)
{
	spin_unlock_irqrestore(&rq->lock, *flags);
}

/* Both queues, in address order; interrupts already off. */
static inline void double_rq_lock(struct runqueue *rq1, struct runqueue *rq2)
{
	if (rq1 == rq2) {
		spin_lock(&rq1->lock);
	} else if (rq1 < rq2) {
		spin_lock(&rq1->lock);
		spin_lock(&rq2->lock);
	} else {
		spin_lock(&rq2->lock);
		spin_lock(&rq1->lock);
	}
}

static inline void double_rq_unlock(struct runqueue *rq1,
				    struct runqueue *rq2)
{
	spin_unlock(&rq1->lock);
	if (rq1 != rq2)
		spin_unlock(&rq2->lock);
}

/*
 * We hold @this_rq's lock and want @busiest's too.  If it is free, take
 * it; if not, and it comes first in the order, let ours go and take both
 * in order (what we read under ours may have changed: callers look
 * again).  Return: true if ours was let go for a while.
 */
static inline bool double_lock_balance(struct runqueue *this_rq,
				       struct runqueue *busiest)
{
	if (likely(spin_trylock(&busiest->lock)))
		return false;
	if (busiest < this_rq) {
		spin_unlock(&this_rq->lock);
		spin_lock(&busiest->lock);
		spin_lock(&this_rq->lock);
		return true;
	}
	spin_lock(&busiest->lock);
	return false;
}

/* The online CPUs @p may run on. */
static inline cpumask_t task_online_cpus(struct task_struct *p)
{
	return cpus_and(p->cpus_allowed, READ_ONCE(cpu_online_map));
}

/* sched/core.c */
bool __migrate_task(struct task_struct *p, unsigned int src_cpu,
		    unsigned int dest_cpu);

#endif /* _SCHED_SCHED_H */
