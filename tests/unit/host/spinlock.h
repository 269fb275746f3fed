/* SPDX-License-Identifier: GPL-2.0 */
/*
 * tests/unit/host/spinlock.h - spinlocks for the host build of mm/.
 *
 * The unit tests are single-threaded: a lock is a flag that catches
 * recursion and unbalanced unlocks, which would be bugs in the kernel too.
 * Found before include/spinlock.h because tests/unit/host comes first on
 * the include path.
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include <assert.h>
#include <stdbool.h>

typedef struct {
	int held;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED	{ 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED

static inline void spin_lock_init(spinlock_t *l) { l->held = 0; }
static inline void spin_lock(spinlock_t *l) { assert(!l->held); l->held = 1; }
static inline void spin_unlock(spinlock_t *l) { assert(l->held); l->held = 0; }
static inline bool spin_is_locked(spinlock_t *l) { return l->held; }

#define spin_lock_irqsave(l, flags) do { (flags) = 0; spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) do { (void)(flags); spin_unlock(l); } while (0)
#define spin_lock_irq(l)	spin_lock(l)
#define spin_unlock_irq(l)	spin_unlock(l)

/* One thread: a held lock is held by the caller. */
#define assert_spin_locked(l)			assert(spin_is_locked(l))
#define assert_spin_locked_by_current(l)	assert(spin_is_locked(l))

#endif /* _SPINLOCK_H */
