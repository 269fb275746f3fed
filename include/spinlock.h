/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/spinlock.h - spinlocks: mutual exclusion that never sleeps.
 *
 * Linux 2.6: include/linux/spinlock.h, include/asm-i386/spinlock.h.
 * A real lock even on one CPU: xchg is atomic (and implies a full memory
 * barrier), so the same code is correct when more CPUs arrive.  Taking a
 * lock also disables preemption, and the _irq/_irqsave forms disable
 * interrupts on this CPU, which is what protects data that interrupt
 * handlers touch too.  Holders must not sleep.
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include <asm/irqflags.h>
#include <asm/processor.h>
#include <preempt.h>

typedef struct {
	volatile unsigned int slock;	/* 0: free, 1: held */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->slock = 0;
}

static inline unsigned int __xchg(volatile unsigned int *p, unsigned int v)
{
	__asm__ __volatile__("xchgl %0, %1" : "+r"(v), "+m"(*p) : : "memory");
	return v;
}

static inline bool spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->slock) != 0;
}

static inline void _raw_spin_lock(spinlock_t *lock)
{
	while (__xchg(&lock->slock, 1))
		while (READ_ONCE(lock->slock))
			cpu_relax();
}

static inline bool _raw_spin_trylock(spinlock_t *lock)
{
	return __xchg(&lock->slock, 1) == 0;
}

static inline void _raw_spin_unlock(spinlock_t *lock)
{
	barrier();
	lock->slock = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	_raw_spin_lock(lock);
}

static inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (_raw_spin_trylock(lock))
		return true;
	preempt_enable();
	return false;
}

static inline void spin_unlock(spinlock_t *lock)
{
	_raw_spin_unlock(lock);
	preempt_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags)		\
	do {					\
		local_irq_save(flags);		\
		spin_lock(lock);		\
	} while (0)

#define spin_unlock_irqrestore(lock, flags)	\
	do {					\
		_raw_spin_unlock(lock);		\
		local_irq_restore(flags);	\
		preempt_enable();		\
	} while (0)

/* For code that requires its caller to hold a lock. */
#define assert_spin_locked(lock) BUG_ON(!spin_is_locked(lock))

#endif /* _SPINLOCK_H */
