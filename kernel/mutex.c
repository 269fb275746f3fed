// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/mutex.c - sleeping locks.
 *
 * Linux 2.6.16: kernel/mutex.c (there with an atomic fast path and an
 * owner that spins; here one spinlock-protected owner field and a wait
 * queue, the same semantics in fewer lines).
 * mutex_lock() takes the lock if nobody holds it; otherwise the task
 * queues itself exclusively and sleeps in TASK_UNINTERRUPTIBLE until
 * mutex_unlock() wakes one waiter, which then tries again (a task that
 * was not asleep may take the lock first: no fairness is promised).
 * The VFS uses it for inode->i_mutex and the mount table's namespace_sem
 * (docs/vfs.md), where the holder copies from user space and allocates.
 */
#include <kernel.h>
#include <mutex.h>
#include <sched.h>
#include <wait.h>

/**
 * mutex_init - make @lock a free mutex
 * @lock: the mutex
 *
 * Context: any; before anyone uses it.
 */
void mutex_init(struct mutex *lock)
{
	spin_lock_init(&lock->wait_lock);
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
}

/**
 * mutex_trylock - take @lock if it is free, without sleeping
 * @lock: the mutex
 *
 * Context: process.
 * Return: true if the caller now holds it.
 */
bool mutex_trylock(struct mutex *lock)
{
	bool taken = false;

	spin_lock(&lock->wait_lock);
	BUG_ON(lock->owner == current);
	if (!lock->owner) {
		lock->owner = current;
		taken = true;
	}
	spin_unlock(&lock->wait_lock);
	return taken;
}

/**
 * mutex_lock - take @lock, sleeping until it is free
 * @lock: the mutex; the caller must not hold it already
 *
 * Context: process, may sleep; no spinlock held.
 */
void mutex_lock(struct mutex *lock)
{
	DEFINE_WAIT(wait);

	might_sleep();
	if (mutex_trylock(lock))
		return;
	for (;;) {
		prepare_to_wait_exclusive(&lock->wait, &wait,
					  TASK_UNINTERRUPTIBLE);
		if (mutex_trylock(lock))
			break;
		schedule();
	}
	finish_wait(&lock->wait, &wait);
}

/**
 * mutex_lock_nested - mutex_lock() of a second lock of the same class
 * @lock: the mutex
 * @subclass: which one of the pair (Linux's lockdep annotation; unused)
 *
 * Context: process, may sleep.
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	mutex_lock(lock);
}

/**
 * mutex_unlock - let go of @lock and wake one waiter
 * @lock: a mutex the caller holds
 *
 * Context: process (the owner).
 */
void mutex_unlock(struct mutex *lock)
{
	spin_lock(&lock->wait_lock);
	BUG_ON(lock->owner != current);
	lock->owner = NULL;
	spin_unlock(&lock->wait_lock);
	/* Exclusive waiters: one wakes and retries; a woken one that loses
	 * the race to a newcomer sleeps again and is woken at the next
	 * unlock. */
	wake_up(&lock->wait);
}

/**
 * mutex_is_locked - is @lock held by anyone?
 * @lock: the mutex
 *
 * Context: any; the answer may be stale at once.
 * Return: true if held.
 */
bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

/**
 * mutex_owned_by_current - does the caller hold @lock?
 * @lock: the mutex
 *
 * For BUG_ON()s that document a function's locking rule.
 * Context: process.
 * Return: true if current holds it.
 */
bool mutex_owned_by_current(struct mutex *lock)
{
	return READ_ONCE(lock->owner) == current;
}
