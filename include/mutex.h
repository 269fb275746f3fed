/* SPDX-License-Identifier: GPL-2.0 */
/*
 * include/mutex.h - sleeping locks (kernel/mutex.c).
 *
 * Linux 2.6.16: include/linux/mutex.h.  A mutex is held by one task at a
 * time, which may sleep while holding it (a page fault in
 * copy_from_user(), a GFP_KERNEL allocation): what a spinlock forbids.
 * Waiters sleep uninterruptibly (state D) on a wait queue until the
 * owner lets go.  Only the owner unlocks it, and never from interrupt
 * context; a task never takes a mutex it already holds (BUG).
 */
#ifndef _MUTEX_H
#define _MUTEX_H

#include <spinlock.h>
#include <types.h>
#include <wait.h>

struct task_struct;

struct mutex {
	spinlock_t wait_lock;		/* protects owner */
	struct task_struct *owner;	/* the holder, or NULL: free */
	wait_queue_head_t wait;		/* tasks waiting for it */
};

/* kernel/mutex.c */
void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);
bool mutex_owned_by_current(struct mutex *lock);

#endif /* _MUTEX_H */
