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
 * deadlock, Linux's "spinlock recursion".  A lock held by another task,
 * or recorded on another CPU, is ordinary contention: the holder runs
 * there and will let go.  Every report
 * is one line that names the reporting CPU and task, the lock, the
 * holder (task, CPU, call site) and this call site, as kallsyms symbols
 * (%pS):
 *
 *	BUG: spinlock recursion on CPU#0, init/1: lock c0151234 held by
 *	init/1 on CPU#0 at foo+0x12/0x40, taken again at bar+0x8/0x30
 *
 * (one line on the console), then the oops of arch/x86/dumpstack.c:
 * die_at_frame() -- registers, stack words, Call Trace -- and panic.  A
 * report that comes while an oops is already being printed is dropped:
 * the first one is what matters, and printing it takes locks too.
 *
 * A wait that lasts far longer than any lock is held here is reported
 * once per wait as a probable deadlock, with the waiter's stack, and the
 * wait goes on (Linux 2.6: __spin_lock_debug(), "spinlock lockup
 * suspected"): an ABBA deadlock between two CPUs, or a holder that died
 * or spins with interrupts off waiting for this CPU.
 * Understanding the Linux Kernel, 3rd ed., chapter 5, "Spin Locks".
 */
#include <atomic.h>
#include <kernel.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <time.h>

/*
 * The report: @what went wrong with @lock, seen by the current task at
 * @ip, which @verb describes ("taken again", "released", ...).  Returns
 * only when an oops is already under way.
 */
/*
 * Who holds @lock, for a report, into @buf.  The fields are read once
 * each: on SMP the holder may change while we look.
 */
static void describe_holder(spinlock_t *lock, char *buf, size_t size)
{
	struct task_struct *owner = READ_ONCE(lock->owner);
	unsigned int owner_cpu = READ_ONCE(lock->owner_cpu);
	unsigned long owner_ip = READ_ONCE(lock->owner_ip);

	if (!spin_is_locked(lock))
		scnprintf(buf, size, "not held");
	else if (!owner)
		scnprintf(buf, size, "held by an unknown task");
	else
		scnprintf(buf, size, "held by %s/%d on CPU#%u at %pS",
			  owner->comm, owner->pid, owner_cpu,
			  (void *)owner_ip);
}

/* One report line: @what happened to @lock at @ip, which @verb says. */
static void spin_report(spinlock_t *lock, const char *what,
			const char *verb, unsigned long ip)
{
	char holder[TASK_COMM_LEN + 96];

	describe_holder(lock, holder, sizeof(holder));
	/* Raw: a report may come from preemptible code; it names its CPU. */
	printk(KERN_EMERG "BUG: spinlock %s on CPU#%u, %s/%d: lock %p %s, "
	       "%s at %pS\n", what, raw_smp_processor_id(), current->comm,
	       current->pid, lock, holder, verb, (void *)ip);
}

static void spin_bug(spinlock_t *lock, const char *what, const char *verb,
		     unsigned long ip)
{
	if (oops_in_progress)
		return;
	oops_begin();
	spin_report(lock, what, verb, ip);
	die_at_frame((unsigned long)__builtin_frame_address(0), "spinlock %s",
		     what);
}

/*
 * How long a spin_lock() waits before it says "lockup suspected": 10
 * seconds of TSC cycles.  The longest legitimate hold in this kernel is
 * a console write under logbuf_lock (register_console() replays the whole
 * log ring, LOG_BUF_LEN characters, through the emulated UART), well
 * under a second even under QEMU's TCG; but under TCG a virtual CPU is a
 * host thread that the host may not run for hundreds of milliseconds
 * when the host is loaded (more virtual CPUs than host cores), holder
 * included.  Ten seconds is ten times Linux's one second
 * (loops_per_jiffy * HZ), so a loaded host never raises a false alarm,
 * and short enough that a real deadlock is named long before a test's
 * timeout.  Before the TSC is calibrated (tsc_khz 0) the wait is counted
 * as if at 1 GHz.  A ktest lowers it to see a report in milliseconds.
 */
#define SPIN_LOCKUP_SECONDS	10
unsigned long long spin_lockup_cycles;	/* 0: the default above */
unsigned long spin_lockups;		/* reports since boot */

/* This CPU is printing a lockup report. */
static DEFINE_PER_CPU(bool, in_lockup_report);

static u64 lockup_bound(void)
{
	unsigned long khz = tsc_khz ? tsc_khz : 1000000;

	if (spin_lockup_cycles)
		return spin_lockup_cycles;
	return (u64)khz * 1000 * SPIN_LOCKUP_SECONDS;
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
	u64 start = rdtsc(), bound = lockup_bound();
	bool reported = false, *reporting = &per_cpu(in_lockup_report,
						       ti->cpu);

	if (lock->owner == ti->task && lock->owner_cpu == ti->cpu)
		spin_bug(lock, "recursion", "taken again", ip);
	while (!_raw_spin_trylock(lock)) {
		while (spin_is_locked(lock)) {
			cpu_relax();
			if (reported || rdtsc() - start < bound)
				continue;
			reported = true;
			stat_inc(&spin_lockups);
			/*
			 * Printing takes locks too: a lockup inside the
			 * report (of logbuf_lock, say) stays silent.
			 */
			if (oops_in_progress || *reporting)
				continue;
			*reporting = true;
			spin_report(lock, "lockup suspected", "waiting", ip);
			dump_stack();
			*reporting = false;
		}
	}
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
	char verb[TASK_COMM_LEN + 48];

	scnprintf(verb, sizeof(verb), "handed over from %s/%d",
		  from ? from->comm : "?", from ? from->pid : -1);
	spin_bug(lock, spin_is_locked(lock) ? "wrong owner" : "not locked",
		 verb, ip);
}
