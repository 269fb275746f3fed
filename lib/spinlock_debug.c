// SPDX-License-Identifier: GPL-2.0
/*
 * lib/spinlock_debug.c - the out-of-line half of the spinlock checks: the
 * contended path and the reports.
 *
 * Linux 2.6: lib/spinlock_debug.c (spin_bug(), debug_spin_lock_before(),
 * debug_spin_unlock()).
 * include/spinlock.h records the holder of every lock (task, CPU, where
 * it took the lock) and comes here only when something is off: the lock
 * was found taken, the task releasing it is not its holder, or an
 * assertion about it failed.  A lock found taken is when recursion is
 * looked for: if its holder is the current task on this CPU, that holder
 * cannot run again to release it, whatever the waiter does -- a certain
 * deadlock, Linux's "spinlock recursion".  Every report is one line that
 * names the lock, the task, and both call sites as kallsyms symbols
 * (%pS):
 *
 *	BUG: spinlock recursion on CPU#0, init/1: lock c0151234 held by
 *	init/1 at foo+0x12/0x40, taken again at bar+0x8/0x30
 *
 * (one line on the console), then the oops of arch/x86/dumpstack.c:
 * die_at_frame() -- registers, stack words, Call Trace -- and panic.  A
 * report that comes while an oops is already being printed is dropped:
 * the first one is what matters, and printing it takes locks too.
 * Understanding the Linux Kernel, 3rd ed., chapter 5, "Spin Locks".
 */
#include <kernel.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>

/*
 * The report: @what went wrong with @lock, seen by the current task at
 * @ip, which @verb describes ("taken again", "released", ...).  Returns
 * only when an oops is already under way.
 */
static void spin_bug(spinlock_t *lock, const char *what, const char *verb,
		     unsigned long ip)
{
	static char holder[TASK_COMM_LEN + 96];
	struct task_struct *owner = lock->owner;
	unsigned int cpu = smp_processor_id();

	if (oops_in_progress)
		return;
	oops_begin();
	if (!spin_is_locked(lock))
		scnprintf(holder, sizeof(holder), "not held");
	else if (!owner)
		scnprintf(holder, sizeof(holder), "held by an unknown task");
	else if (lock->owner_cpu != cpu)
		scnprintf(holder, sizeof(holder),
			  "held by %s/%d on CPU#%u at %pS", owner->comm,
			  owner->pid, lock->owner_cpu, (void *)lock->owner_ip);
	else
		scnprintf(holder, sizeof(holder), "held by %s/%d at %pS",
			  owner->comm, owner->pid, (void *)lock->owner_ip);
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%u, %s/%d: lock %p %s, "
	       "%s at %pS\n", what, cpu, current->comm, current->pid, lock,
	       holder, verb, (void *)ip);
	die_at_frame((unsigned long)__builtin_frame_address(0), "spinlock %s",
		     what);
}

/**
 * spin_lock_contended - spin_lock() found the lock taken
 * @lock: the lock
 * @ip: where spin_lock() was called
 *
 * Reports recursion, else spins until the holder lets go.  The caller
 * records itself as the holder afterwards.
 * Context: any; preemption already disabled.
 */
void spin_lock_contended(spinlock_t *lock, unsigned long ip)
{
	struct thread_info *ti = current_thread_info();

	if (lock->owner == ti->task && lock->owner_cpu == ti->cpu)
		spin_bug(lock, "recursion", "taken again", ip);
	while (!_raw_spin_trylock(lock))
		while (spin_is_locked(lock))
			cpu_relax();
}

/**
 * spin_unlock_bug - an unlock by a task that does not hold the lock
 * @lock: the lock
 * @ip: where the unlock was called
 *
 * Context: any.
 */
void spin_unlock_bug(spinlock_t *lock, unsigned long ip)
{
	if (!spin_is_locked(lock))
		spin_bug(lock, "already unlocked", "released", ip);
	else
		spin_bug(lock, "wrong owner", "released", ip);
}

/**
 * spin_assert_bug - assert_spin_locked() or its stronger form failed
 * @lock: the lock the caller should hold
 * @ip: where the assertion is
 *
 * Context: any.
 */
void spin_assert_bug(spinlock_t *lock, unsigned long ip)
{
	if (!spin_is_locked(lock))
		spin_bug(lock, "not locked", "asserted", ip);
	else
		spin_bug(lock, "wrong owner", "asserted", ip);
}

/**
 * spin_handover_bug - spin_lock_handover() from a task that is not the
 * holder
 * @lock: the lock
 * @from: the task that should hold it
 * @ip: where the handover is
 *
 * Context: any.
 */
void spin_handover_bug(spinlock_t *lock, struct task_struct *from,
		       unsigned long ip)
{
	static char verb[TASK_COMM_LEN + 48];

	scnprintf(verb, sizeof(verb), "handed over from %s/%d",
		  from ? from->comm : "?", from ? from->pid : -1);
	spin_bug(lock, spin_is_locked(lock) ? "wrong owner" : "not locked",
		 verb, ip);
}
