// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/pid.c - process ids from a bitmap.
 *
 * Linux 2.6: kernel/pid.c (alloc_pidmap, free_pidmap).
 * One bit per pid.  Allocation continues after the last pid handed out
 * and wraps around to RESERVED_PIDS, so a pid is reused only after all
 * the others have been tried: a stale pid in someone's hands rarely names
 * a new process.  Pid 0 is process 0's and is never handed out.
 */
#include <bitops.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>

#define RESERVED_PIDS	300		/* after a wrap, start here */

static unsigned long pidmap[PID_MAX_DEFAULT / BITS_PER_LONG] = { 1 }; /* pid 0 */
int last_pid;		/* the last pid handed out (/proc/loadavg) */
static DEFINE_SPINLOCK(pidmap_lock);

static bool test_and_set(int pid)
{
	unsigned long bit = 1UL << (pid % BITS_PER_LONG);
	unsigned long *word = &pidmap[pid / BITS_PER_LONG];
	bool was = *word & bit;

	*word |= bit;
	return was;
}

/**
 * alloc_pidmap - take the next free pid
 *
 * Context: any; takes pidmap_lock.
 * Return: the pid, or -EAGAIN if all are in use.
 */
int alloc_pidmap(void)
{
	unsigned long flags;
	int pid = -EAGAIN;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (int tries = 0, candidate = last_pid + 1; tries < PID_MAX_DEFAULT;
	     tries++, candidate++) {
		if (candidate >= PID_MAX_DEFAULT)
			candidate = RESERVED_PIDS;
		if (!test_and_set(candidate)) {
			pid = last_pid = candidate;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

/**
 * free_pidmap - give a pid back
 * @pid: a pid from alloc_pidmap()
 */
void free_pidmap(int pid)
{
	unsigned long flags;

	BUG_ON(pid <= 0 || pid >= PID_MAX_DEFAULT);
	spin_lock_irqsave(&pidmap_lock, flags);
	pidmap[pid / BITS_PER_LONG] &= ~(1UL << (pid % BITS_PER_LONG));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

/**
 * nr_pids_in_use - how many pids are allocated, pid 0 included
 *
 * Context: any; takes pidmap_lock.
 */
int nr_pids_in_use(void)
{
	unsigned long flags;
	int n = 0;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (unsigned int i = 0; i < ARRAY_SIZE(pidmap); i++)
		n += __builtin_popcountl(pidmap[i]);
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return n;
}

/* Return: whether @pid is allocated. */
bool pid_in_use(int pid)
{
	if (pid < 0 || pid >= PID_MAX_DEFAULT)
		return false;
	return (pidmap[pid / BITS_PER_LONG] >> (pid % BITS_PER_LONG)) & 1;
}
