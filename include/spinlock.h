/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/spinlock.h - spinlocks: mutual exclusion that never sleeps.
 *
 * Linux 2.6: include/linux/spinlock.h, include/asm-i386/spinlock.h, and
 * the owner checks of CONFIG_DEBUG_SPINLOCK (lib/spinlock_debug.c), which
 * here are always on.
 * A real lock even on one CPU: xchg is atomic (and implies a full memory
 * barrier), so the same code is correct when more CPUs arrive.  Taking a
 * lock also disables preemption, and the _irq/_irqsave forms disable
 * interrupts on this CPU, which is what protects data that interrupt
 * handlers touch too.  Holders must not sleep.
 *
 * Every lock records its holder: the task (NULL while the lock is free),
 * its CPU, and where it took the lock (the lock functions are macros that
 * pass _THIS_IP_, an address in the caller).  Three stores per
 * acquisition and one compare per release buy these checks, reported by
 * lib/spinlock_debug.c as a BUG that names both call sites, then an oops.
 * The fast paths are __always_inline, even at -Og: a call and a frame
 * would cost more than the checks.  The checks:
 *  - recursion: taking a lock this task already holds on this CPU.  The
 *    holder can never run again to release it: a certain deadlock.  Only
 *    looked for when the lock is found taken, so the uncontended path
 *    pays nothing for it.  Held by another task, or on another CPU, it
 *    is plain contention: the waiter spins.
 *  - lockup: a wait of more than 10 seconds is reported once, with the
 *    holder's task, CPU and call site, as a probable deadlock; the wait
 *    goes on (docs/locking.md).
 *  - wrong owner: releasing a lock that another task holds, or nobody.
 *  - assert_spin_locked(), assert_spin_locked_by_current(): a function
 *    whose caller must hold a lock says so in code, not only in a comment.
 * One lock changes hands by design: the run-queue lock, taken by the task
 * that calls schedule() and released by the task it switches to
 * (spin_lock_handover(), used by sched/core.c: finish_task_switch()).
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include <asm/irqflags.h>
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <preempt.h>

struct task_struct;

typedef struct {
	volatile unsigned short slock;	/* 0: free, 1: held */
	unsigned short owner_cpu;	/* the CPU that took it */
	struct task_struct *owner;	/* the task that holds it; NULL: free */
	unsigned long owner_ip;		/* where the holder took it */
} spinlock_t;

/* All zero: memory cleared by kzalloc() is an unlocked lock too. */
#define __SPIN_LOCK_UNLOCKED	{ 0, 0, NULL, 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->slock = 0;
	lock->owner_cpu = 0;
	lock->owner = NULL;
	lock->owner_ip = 0;
}

static __always_inline unsigned short __xchg16(volatile unsigned short *p,
					       unsigned short v)
{
	__asm__ __volatile__("xchgw %0, %1" : "+r"(v), "+m"(*p) : : "memory");
	return v;
}

static __always_inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->slock) != 0;
}

/* Held, and by the task running here (or the interrupt it is running). */
static __always_inline bool spin_is_locked_by_current(spinlock_t *lock)
{
	return spin_is_locked(lock) &&
	       lock->owner == current_thread_info()->task;
}

static __always_inline bool _raw_spin_trylock(spinlock_t *lock)
{
	return __xchg16(&lock->slock, 1) == 0;
}

static __always_inline void _raw_spin_unlock(spinlock_t *lock)
{
	barrier();
	lock->slock = 0;
}

/* lib/spinlock_debug.c: the contended path and the reports */
extern unsigned long long spin_lockup_cycles;	/* the lockup bound; 0: 10 s */
extern unsigned long spin_lockups;		/* lockups suspected */
void spin_lock_contended(spinlock_t *lock, unsigned long ip);
void spin_unlock_bug(spinlock_t *lock, unsigned long ip);
void spin_assert_bug(spinlock_t *lock, unsigned long ip);
void spin_handover_bug(spinlock_t *lock, struct task_struct *from,
		       unsigned long ip);

/* The bookkeeping of an acquisition: who, on which CPU, from where. */
static __always_inline void spin_set_owner(spinlock_t *lock, unsigned long ip)
{
	struct thread_info *ti = current_thread_info();

	lock->owner = ti->task;
	lock->owner_cpu = ti->cpu;
	lock->owner_ip = ip;
}

static __always_inline void __spin_lock(spinlock_t *lock, unsigned long ip)
{
	preempt_disable();
	if (unlikely(!_raw_spin_trylock(lock)))
		spin_lock_contended(lock, ip);
	spin_set_owner(lock, ip);
}

static __always_inline bool __spin_trylock(spinlock_t *lock, unsigned long ip)
{
	preempt_disable();
	/* A lock we hold already just fails: no deadlock, no report. */
	if (_raw_spin_trylock(lock)) {
		spin_set_owner(lock, ip);
		return true;
	}
	preempt_enable();
	return false;
}

/* The holder lets go: only the holder may. */
static __always_inline void __spin_release(spinlock_t *lock, unsigned long ip)
{
	if (unlikely(lock->owner != current_thread_info()->task))
		spin_unlock_bug(lock, ip);
	lock->owner = NULL;
	_raw_spin_unlock(lock);
}

static __always_inline void __spin_unlock(spinlock_t *lock, unsigned long ip)
{
	__spin_release(lock, ip);
	preempt_enable();
}

static __always_inline void __spin_lock_irq(spinlock_t *lock, unsigned long ip)
{
	local_irq_disable();
	__spin_lock(lock, ip);
}

static __always_inline void __spin_unlock_irq(spinlock_t *lock,
					      unsigned long ip)
{
	__spin_release(lock, ip);
	local_irq_enable();
	preempt_enable();
}

static __always_inline void __spin_unlock_irqrestore(spinlock_t *lock,
						     unsigned long flags,
						     unsigned long ip)
{
	__spin_release(lock, ip);
	local_irq_restore(flags);
	preempt_enable();
}

#define spin_lock(lock)		__spin_lock(lock, _THIS_IP_)
#define spin_trylock(lock)	__spin_trylock(lock, _THIS_IP_)
#define spin_unlock(lock)	__spin_unlock(lock, _THIS_IP_)
#define spin_lock_irq(lock)	__spin_lock_irq(lock, _THIS_IP_)
#define spin_unlock_irq(lock)	__spin_unlock_irq(lock, _THIS_IP_)

#define spin_lock_irqsave(lock, flags)		\
	do {					\
		local_irq_save(flags);		\
		spin_lock(lock);		\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)	\
	__spin_unlock_irqrestore(lock, flags, _THIS_IP_)

/* For code that requires its caller to hold a lock: held by anyone. */
#define assert_spin_locked(lock)					\
	do {								\
		if (unlikely(!spin_is_locked(lock)))			\
			spin_assert_bug(lock, _THIS_IP_);		\
	} while (0)

/*
 * The stronger form, for a caller that must be the holder itself: held,
 * and by the current task.  (In an interrupt handler the current task is
 * the one interrupted, which is the right answer: a lock the handler
 * took, or one the interrupted code holds, which is no business of the
 * handler's.)
 */
#define assert_spin_locked_by_current(lock)				\
	do {								\
		if (unlikely(!spin_is_locked_by_current(lock)))		\
			spin_assert_bug(lock, _THIS_IP_);		\
	} while (0)

/*
 * A lock that @from took and the current task will release: the
 * ownership passes here, with a check that @from did hold it.  For the
 * run-queue lock across a context switch only (sched/core.c:
 * finish_task_switch(), as Linux's finish_lock_switch()); anywhere else
 * a lock released by another task is the wrong-owner bug.
 */
#define spin_lock_handover(lock, from)					\
	do {								\
		if (unlikely(!spin_is_locked(lock) ||			\
			     (lock)->owner != (from)))			\
			spin_handover_bug(lock, from, _THIS_IP_);	\
		spin_set_owner(lock, _THIS_IP_);			\
	} while (0)

#endif /* _SPINLOCK_H */
