// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/smp_sched_test.c - the scheduler on several CPUs: load
 * balancing, CPU affinity, wake-ups across CPUs, migration of a running
 * task, every CPU's idle task.
 *
 * The code under test is sched/core.c (try_to_wake_up(), load_balance(),
 * rebalance_tick()) and sched/migration.c (set_cpus_allowed(), the
 * migration threads, sched_setaffinity()).  Each test binds its own
 * thread to one CPU first, so that it knows where it runs, and starts
 * its spinners with kthread_create(): asleep, moved where the test wants
 * them before they ever run.  Cleanup actions stop them however the
 * test ends.  Nothing waits for a sleep to have been long enough: a test
 * polls once per tick for the state it wants, with a bound in ticks
 * (jiffies) after which that state counts as never reached.  Where a
 * test needs more CPUs than are online it says so on a line of its own
 * ("ktest: skip ...") and passes; the affinity checks and the idle
 * ticks work on one CPU too.
 */
#include <completion.h>
#include <errno.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <percpu.h>
#include <sched.h>
#include <smp.h>
#include <time.h>
#include <timer.h>
#include <wait.h>

#define NOBODY	65534

/* Say why a test that needs @n CPUs does nothing, and end it. */
#define NEED_CPUS(n)							\
	do {								\
		if (num_online_cpus() < (n)) {				\
			printk(KERN_INFO "ktest: skip %s: needs %d "	\
			       "online CPUs, %u online\n",		\
			       __func__ + sizeof("ktest_fn_") - 1,	\
			       (n), num_online_cpus());			\
			return;						\
		}							\
	} while (0)

/*
 * Run the test's thread on @cpu alone (the thread ends with the test),
 * real-time: when it wakes to look, once per tick, it looks at once
 * instead of waiting for the slice of a hog on its CPU.
 */
static void bind_current(unsigned int cpu)
{
	KTEST_ASSERT_EQ(set_cpus_allowed(current, cpumask_of_cpu(cpu)), 0);
	KTEST_ASSERT_EQ(raw_smp_processor_id(), cpu);
	KTEST_ASSERT_EQ(sched_setscheduler(current, SCHED_FIFO, 1), 0);
}

static unsigned long cpu_ticks(struct task_struct *p)
{
	return READ_ONCE(p->utime) + READ_ONCE(p->stime);
}

static int hog(void *unused)
{
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

/*
 * A thread that spins until stopped, made asleep and first allowed on
 * @mask only; stopped by a cleanup action.
 */
static struct task_struct *create_spinner(int (*fn)(void *), cpumask_t mask,
					  int i)
{
	struct task_struct *k = kthread_create(fn, NULL, "ktest-spin/%d", i);

	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(ktest_kthread_stop, k);
	KTEST_ASSERT_EQ(set_cpus_allowed(k, mask), 0);
	return k;
}

/* The CPUs @n tasks are on right now, one bit each. */
static cpumask_t cpus_of(struct task_struct **tasks, unsigned int n)
{
	cpumask_t mask = CPU_MASK_NONE;

	for (unsigned int i = 0; i < n; i++)
		cpu_set(task_cpu(tasks[i]), &mask);
	return mask;
}

/*
 * As many CPU hogs as CPUs, all started on CPU 0 and then allowed
 * everywhere: load balancing (idle CPUs pull every tick) puts one on
 * each CPU within a second, and there each gets a fair share: over two
 * seconds, at least 80% of a fair share of the ticks the hogs get
 * together (20% each at -smp 4).
 */
KTEST(hogs_started_on_cpu0_spread_to_every_cpu)
{
	static struct task_struct *hogs[NR_CPUS];
	unsigned long start, ticks[NR_CPUS], total = 0;
	unsigned int n = num_online_cpus();
	char why[128];

	NEED_CPUS(2);
	bind_current(0);
	for (unsigned int i = 0; i < n; i++)
		hogs[i] = create_spinner(hog, cpumask_of_cpu(0), i);
	for (unsigned int i = 0; i < n; i++) {
		wake_up_process(hogs[i]);
		KTEST_EXPECT_EQ(task_cpu(hogs[i]), 0);
	}
	for (unsigned int i = 0; i < n; i++)
		KTEST_ASSERT_EQ(set_cpus_allowed(hogs[i], CPU_MASK_ALL), 0);

	start = jiffies;
	while (cpus_weight(cpus_of(hogs, n)) < n) {
		if (jiffies - start > HZ)
			KTEST_FAIL("after %lu ticks the %u hogs are on CPUs "
				   "%#lx", jiffies - start, n,
				   cpus_of(hogs, n).bits[0]);
		schedule_timeout_uninterruptible(1);
	}
	printk(KERN_INFO "ktest: %u hogs on %u CPUs after %lu ticks\n", n, n,
	       jiffies - start);
	KTEST_EXPECT(nr_running() >= n);
	KTEST_EXPECT_EQ(sched_check_runqueue(why, sizeof(why)), 0);

	/* The shares: measured over two seconds, which is the point. */
	for (unsigned int i = 0; i < n; i++)
		ticks[i] = cpu_ticks(hogs[i]);
	start = jiffies;
	while (jiffies - start < 2 * HZ)
		schedule_timeout_uninterruptible(HZ / 10);
	for (unsigned int i = 0; i < n; i++) {
		ticks[i] = cpu_ticks(hogs[i]) - ticks[i];
		total += ticks[i];
	}
	for (unsigned int i = 0; i < n; i++) {
		printk(KERN_INFO "ktest: hog %u: %lu of %lu ticks, CPU %u\n",
		       i, ticks[i], total, task_cpu(hogs[i]));
		/* 80% of a fair share at least: 20% each for 4 hogs. */
		if (ticks[i] * n * 5 < total * 4)
			KTEST_FAIL("hog %u had %lu of %lu ticks", i, ticks[i],
				   total);
	}
}

static unsigned int pinned_cpu;
static unsigned long pinned_samples, pinned_strays;
static unsigned int pinned_stray_cpu;

/* Looks where it runs, over and over. */
static int pinned(void *unused)
{
	while (!kthread_should_stop()) {
		unsigned int cpu = raw_smp_processor_id();

		WRITE_ONCE(pinned_samples, pinned_samples + 1);
		if (cpu != pinned_cpu) {
			WRITE_ONCE(pinned_stray_cpu, cpu);
			WRITE_ONCE(pinned_strays, pinned_strays + 1);
		}
	}
	return 0;
}

/*
 * A thread pinned to CPU 2 (or the last CPU, with fewer) with
 * sched_setaffinity(), queued there behind more hogs than CPUs, which
 * are then allowed everywhere: the idle CPUs pull from the pinned
 * thread's queue, from its tail, where it is.  It is only ever seen on
 * its CPU, by itself (its own CPU number, read as it runs) and by us
 * (task_cpu(), once per tick), until it has run for 20 ticks of its own.
 */
KTEST(pinned_thread_runs_only_on_its_cpu)
{
	static struct task_struct *hogs[NR_CPUS + 1];
	unsigned int n = num_online_cpus(), seen_elsewhere = 0;
	struct task_struct *k;
	unsigned long start;
	cpumask_t mask;

	NEED_CPUS(2);
	bind_current(0);
	pinned_cpu = min(2U, n - 1);
	pinned_samples = pinned_strays = 0;
	k = create_spinner(pinned, CPU_MASK_ALL, 0);
	KTEST_ASSERT_EQ(sched_setaffinity(k->pid, cpumask_of_cpu(pinned_cpu)),
			0);
	/* Asleep: moved at once. */
	KTEST_EXPECT_EQ(task_cpu(k), pinned_cpu);
	KTEST_ASSERT_EQ(sched_getaffinity(k->pid, &mask), 0);
	KTEST_EXPECT(cpus_equal(mask, cpumask_of_cpu(pinned_cpu)));
	for (unsigned int i = 0; i <= n; i++) {
		hogs[i] = create_spinner(hog, cpumask_of_cpu(pinned_cpu),
					 i + 1);
		wake_up_process(hogs[i]);
	}
	wake_up_process(k);
	for (unsigned int i = 0; i <= n; i++)
		KTEST_ASSERT_EQ(set_cpus_allowed(hogs[i], CPU_MASK_ALL), 0);

	start = jiffies;
	while (cpu_ticks(k) < 20) {
		if (task_cpu(k) != pinned_cpu)
			seen_elsewhere++;
		if (jiffies - start > 10 * HZ)
			KTEST_FAIL("%lu ticks of its own in %lu", cpu_ticks(k),
				   jiffies - start);
		schedule_timeout_uninterruptible(1);
	}
	KTEST_EXPECT(READ_ONCE(pinned_samples) > 0);
	if (READ_ONCE(pinned_strays))
		KTEST_FAIL("seen on CPU %u (%lu of %lu samples), pinned to %u",
			   pinned_stray_cpu, pinned_strays, pinned_samples,
			   pinned_cpu);
	KTEST_EXPECT_EQ(seen_elsewhere, 0);
}

#define WAKE_ROUNDS	20

static DECLARE_WAIT_QUEUE_HEAD(xwake_wq);
static DECLARE_COMPLETION(xwake_ran);
static int xwake_seq;
static unsigned long xwake_jiffies, xwake_idle_ticks;
static unsigned int xwake_cpu;

/* Sleeps until xwake_seq changes; says when, where, and how idle it was. */
static int cross_sleeper(void *unused)
{
	int seen = 0;

	for (;;) {
		unsigned int cpu;

		wait_event(xwake_wq, READ_ONCE(xwake_seq) != seen ||
				     kthread_should_stop());
		if (kthread_should_stop())
			break;
		seen = READ_ONCE(xwake_seq);
		cpu = raw_smp_processor_id();
		xwake_jiffies = jiffies;
		xwake_cpu = cpu;
		xwake_idle_ticks = cpu_ticks(idle_task(cpu));
		complete(&xwake_ran);
	}
	return 0;
}

/*
 * A thread pinned to CPU 1, woken from CPU 0 while CPU 1 is idle: it
 * runs on CPU 1, at most 2 ticks after the wake-up.  And it is the
 * reschedule IPI that gets it there, not CPU 1's next timer tick: in
 * most rounds CPU 1's idle task has had no tick in between (a tick may
 * fall in the window now and then; without the IPI every round has one).
 */
KTEST(wakeup_from_another_cpu_runs_there_within_two_ticks)
{
	unsigned int late = 0, before_tick = 0;
	struct task_struct *k;

	NEED_CPUS(2);
	bind_current(0);
	xwake_seq = 0;
	init_completion(&xwake_ran);
	k = create_spinner(cross_sleeper, cpumask_of_cpu(1), 0);
	wake_up_process(k);
	for (int r = 0; r < WAKE_ROUNDS; r++) {
		unsigned long woken, idle_ticks;

		ktest_wait_sleeping(k, TASK_UNINTERRUPTIBLE);
		idle_ticks = cpu_ticks(idle_task(1));
		woken = jiffies;
		WRITE_ONCE(xwake_seq, r + 1);
		wake_up(&xwake_wq);
		if (!wait_for_completion_timeout(&xwake_ran, 5 * HZ))
			KTEST_FAIL("round %d: the woken thread did not run in "
				   "5 s", r);
		KTEST_EXPECT_EQ(xwake_cpu, 1);
		if (xwake_jiffies - woken > 2) {
			printk(KERN_INFO "ktest: round %d: ran %lu ticks after "
			       "its wake-up\n", r, xwake_jiffies - woken);
			late++;
		}
		if (xwake_idle_ticks == idle_ticks)
			before_tick++;
	}
	printk(KERN_INFO "ktest: %u of %d wake-ups ran before CPU 1's next "
	       "tick\n", before_tick, WAKE_ROUNDS);
	KTEST_EXPECT_EQ(late, 0);
	KTEST_EXPECT(before_tick >= WAKE_ROUNDS / 2);
}

static unsigned int spinner_where;

static int where_am_i(void *unused)
{
	while (!kthread_should_stop())
		WRITE_ONCE(spinner_where, raw_smp_processor_id());
	return 0;
}

/* Wait until the spinner says it runs on @cpu; at most @limit ticks. */
static bool spinner_seen_on(unsigned int cpu, unsigned long limit)
{
	unsigned long start = jiffies;

	WRITE_ONCE(spinner_where, NR_CPUS);
	while (READ_ONCE(spinner_where) != cpu) {
		if (jiffies - start > limit)
			return false;
		schedule_timeout_uninterruptible(1);
	}
	return true;
}

/*
 * set_cpus_allowed() of a task running on another CPU: the migration
 * thread of that CPU moves it, and the call returns only then -- the
 * task is on its new CPU when it returns, and only runs there from then
 * on.  The caller may move itself the same way.
 */
KTEST(set_cpus_allowed_moves_a_running_task)
{
	unsigned int n = num_online_cpus(), from = 1, to = n > 2 ? 2 : 0;
	struct task_struct *k;

	NEED_CPUS(2);
	bind_current(0);
	k = create_spinner(where_am_i, cpumask_of_cpu(from), 0);
	wake_up_process(k);
	KTEST_ASSERT(spinner_seen_on(from, 2 * HZ));

	KTEST_ASSERT_EQ(set_cpus_allowed(k, cpumask_of_cpu(to)), 0);
	KTEST_EXPECT_EQ(task_cpu(k), to);
	KTEST_ASSERT(spinner_seen_on(to, 2 * HZ));
	/* And nowhere else, for ten ticks. */
	for (int t = 0; t < 10; t++) {
		schedule_timeout_uninterruptible(1);
		KTEST_EXPECT_EQ(READ_ONCE(spinner_where), to);
		KTEST_EXPECT_EQ(task_cpu(k), to);
	}

	KTEST_ASSERT_EQ(set_cpus_allowed(current, cpumask_of_cpu(from)), 0);
	KTEST_EXPECT_EQ(raw_smp_processor_id(), from);
	KTEST_EXPECT_EQ(task_cpu(current), from);
}

static uid_t saved_uid, saved_euid;

static void restore_ids(void *unused)
{
	current->uid = saved_uid;
	current->euid = saved_euid;
}

/*
 * The rules of the calls, on any number of CPUs: a mask without an
 * online CPU is refused and changes nothing; getaffinity gives the
 * online CPUs of the mask; a missing task is ESRCH; another user's task
 * is EPERM for a user without CAP_SYS_NICE, one's own task is not.
 */
KTEST(affinity_calls_check_mask_task_and_permission)
{
	unsigned int offline = NR_CPUS;
	cpumask_t before, mask;

	bind_current(0);
	before = current->cpus_allowed;
	KTEST_EXPECT_EQ(set_cpus_allowed(current, CPU_MASK_NONE), -EINVAL);
	KTEST_EXPECT_EQ(sched_setaffinity(0, CPU_MASK_NONE), -EINVAL);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (!cpu_online(cpu))
			offline = cpu;
	if (offline < NR_CPUS) {
		KTEST_EXPECT_EQ(set_cpus_allowed(current,
						 cpumask_of_cpu(offline)),
				-EINVAL);
		KTEST_EXPECT_EQ(sched_setaffinity(current->pid,
						  cpumask_of_cpu(offline)),
				-EINVAL);
	}
	KTEST_EXPECT(cpus_equal(current->cpus_allowed, before));

	KTEST_ASSERT_EQ(sched_getaffinity(0, &mask), 0);
	KTEST_EXPECT(cpus_equal(mask, cpumask_of_cpu(0)));
	KTEST_EXPECT_EQ(sched_setaffinity(0, CPU_MASK_ALL), 0);
	KTEST_ASSERT_EQ(sched_getaffinity(0, &mask), 0);
	KTEST_EXPECT(cpus_equal(mask, cpu_online_map));
	KTEST_EXPECT_EQ(sched_getaffinity(PID_MAX_DEFAULT, &mask), -ESRCH);
	KTEST_EXPECT_EQ(sched_setaffinity(PID_MAX_DEFAULT, CPU_MASK_ALL),
			-ESRCH);

	saved_uid = current->uid;
	saved_euid = current->euid;
	ktest_add_action(restore_ids, NULL);
	current->uid = current->euid = NOBODY;
	KTEST_EXPECT_EQ(sched_setaffinity(1, CPU_MASK_ALL), -EPERM);
	KTEST_EXPECT_EQ(sched_setaffinity(0, cpumask_of_cpu(0)), 0);
	KTEST_ASSERT_EQ(sched_getaffinity(1, &mask), 0);
	ktest_release_action(restore_ids, NULL);
}

/*
 * With nothing to run, each CPU runs its own idle task (swapper/N, on
 * that CPU), which gets that CPU's ticks: each one's count grows by 5
 * within 5 seconds.
 */
KTEST(every_cpu_idle_task_gets_ticks)
{
	unsigned long before[NR_CPUS], start = jiffies;
	cpumask_t seen = CPU_MASK_NONE;
	unsigned int cpu;
	bool all;

	for_each_online_cpu(cpu) {
		struct task_struct *idle = idle_task(cpu);

		KTEST_ASSERT(idle != NULL);
		KTEST_EXPECT_EQ(task_cpu(idle), cpu);
		KTEST_EXPECT(cpus_equal(idle->cpus_allowed,
					cpumask_of_cpu(cpu)));
		KTEST_EXPECT(!task_on_runqueue(idle));
		for (unsigned int other = 0; other < cpu; other++)
			if (cpu_online(other))
				KTEST_EXPECT(idle_task(other) != idle);
		before[cpu] = cpu_ticks(idle);
	}
	do {
		if (jiffies - start > 5 * HZ)
			KTEST_FAIL("idle CPUs with 5 more ticks: %#lx of %#lx",
				   seen.bits[0], cpu_online_map.bits[0]);
		schedule_timeout_uninterruptible(1);
		all = true;
		for_each_online_cpu(cpu) {
			if (cpu_ticks(idle_task(cpu)) - before[cpu] >= 5)
				cpu_set(cpu, &seen);
			else
				all = false;
		}
	} while (!all);
}
