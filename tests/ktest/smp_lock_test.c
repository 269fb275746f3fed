// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/smp_lock_test.c - locks and counters under contention from
 * every CPU, timers that move between CPUs, and the
 * lockup report.
 *
 * Torture: four kernel threads, bound round-robin to the online CPUs (one
 * per CPU at -smp 4, all on CPU 0 at -smp 1), are made with
 * kthread_create() so that none runs before all exist; the test wakes
 * them together, each does 100,000 increments of a shared counter, and
 * says so through a completion.  With a spinlock around a plain
 * read-modify-write, or with atomic_inc(), the total must be exact.  The
 * increment under the lock is a load, a pause and a store, so that a
 * lock that lets two CPUs in at once loses updates at once (with the
 * lock taken out, the total at -smp 4 comes out short).  The same loop
 * with no lock at all may or may not lose updates, so it is not a test.
 *
 * Timers: a timer on an offline CPU's base is deleted and moved from
 * this one; a timer armed on one CPU and deleted from another, with its
 * function still running there, must be waited for by del_timer_sync();
 * re-armed from another CPU it stays where it runs; a timer re-armed
 * from every CPU at once never runs on two at once.
 *
 * printk: four threads, one per CPU, print 150 lines each at once; in
 * the log ring every one of their lines is whole (logbuf_lock makes a
 * message one piece).  A line one task leaves open is closed when another
 * task prints, rather than taking the other's message into its middle.
 *
 * Lockup: spin_lock() of a lock held "elsewhere" for longer than the
 * (lowered) bound reports it and goes on waiting.
 *
 * Every thread is stopped by a cleanup action, so a failed assertion
 * leaves nothing running; shared state is static (the actions and the
 * threads outlive no frame they use).
 */
#include <atomic.h>
#include <completion.h>
#include <cpumask.h>
#include <delay.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <percpu.h>
#include <sched.h>
#include <spinlock.h>
#include <string.h>
#include <timer.h>

#define TORTURE_THREADS	4
#define TORTURE_LOOPS	100000

enum torture_kind { TORTURE_SPINLOCK, TORTURE_ATOMIC };

static struct torture {
	enum torture_kind kind;
	spinlock_t lock;		/* protects counter */
	unsigned long counter;
	atomic_t acounter;
	struct completion done;		/* one complete() per thread */
} torture;

static int torture_thread(void *unused)
{
	for (unsigned int i = 0; i < TORTURE_LOOPS; i++) {
		if (torture.kind == TORTURE_ATOMIC) {
			atomic_inc(&torture.acounter);
			continue;
		}
		spin_lock(&torture.lock);
		{
			/* Load, pause, store: a wide window for a bad lock. */
			unsigned long v = READ_ONCE(torture.counter);

			cpu_relax();
			WRITE_ONCE(torture.counter, v + 1);
		}
		spin_unlock(&torture.lock);
	}
	complete(&torture.done);
	ktest_wait_for_stop();
	return 0;
}

/*
 * Start the threads, one per CPU round-robin, and wait for all of them.
 * Return: how many CPUs took part.
 */
static unsigned int run_torture(enum torture_kind kind)
{
	struct task_struct *p[TORTURE_THREADS];
	unsigned int cpus = num_online_cpus(), i;

	torture.kind = kind;
	spin_lock_init(&torture.lock);
	torture.counter = 0;
	atomic_set(&torture.acounter, 0);
	init_completion(&torture.done);

	for (i = 0; i < TORTURE_THREADS; i++) {
		p[i] = kthread_create(torture_thread, NULL, "torture/%u", i);
		KTEST_ASSERT(!IS_ERR(p[i]));
		ktest_add_action(ktest_kthread_stop, p[i]);
		set_cpus_allowed(p[i], cpumask_of_cpu(i % cpus));
	}
	for (i = 0; i < TORTURE_THREADS; i++)
		wake_up_process(p[i]);
	for (i = 0; i < TORTURE_THREADS; i++)
		wait_for_completion(&torture.done);
	return min(cpus, (unsigned int)TORTURE_THREADS);
}

KTEST(spinlock_torture_counts_exactly)
{
	unsigned int cpus = run_torture(TORTURE_SPINLOCK);

	printk(KERN_INFO "ktest: spinlock torture on %u CPUs: %lu of %u\n",
	       cpus, torture.counter, TORTURE_THREADS * TORTURE_LOOPS);
	KTEST_EXPECT_EQ(torture.counter,
			(unsigned long)TORTURE_THREADS * TORTURE_LOOPS);
	KTEST_EXPECT(!spin_is_locked(&torture.lock));
}

KTEST(atomic_torture_counts_exactly)
{
	unsigned int cpus = run_torture(TORTURE_ATOMIC);

	printk(KERN_INFO "ktest: atomic torture on %u CPUs: %d of %u\n",
	       cpus, atomic_read(&torture.acounter),
	       TORTURE_THREADS * TORTURE_LOOPS);
	KTEST_EXPECT_EQ(atomic_read(&torture.acounter),
			TORTURE_THREADS * TORTURE_LOOPS);
}

/*
 * del_timer_sync() from another CPU.  An armer thread on the last
 * online CPU queues the timer on that CPU's base; the function says it
 * has started, busy-waits 20 ms, and says it has finished.  The test,
 * on CPU 0, waits to see it start, then del_timer_sync(): the function
 * must have finished when that returns.  (On one CPU the function runs
 * in a softirq the test cannot watch: it is over before the test runs
 * again, and the check holds trivially.)
 */
static struct {
	struct timer_list timer;
	int started, finished;
	struct completion armed;
} slow;

static void slow_timer_fn(unsigned long data)
{
	WRITE_ONCE(slow.started, 1);
	mdelay(20);
	WRITE_ONCE(slow.finished, 1);
}

static int slow_armer(void *unused)
{
	mod_timer(&slow.timer, jiffies + 1);
	complete(&slow.armed);
	ktest_wait_for_stop();
	return 0;
}

static void slow_timer_stop(void *unused)
{
	del_timer_sync(&slow.timer);
}

static void unbind_current(void *unused)
{
	set_cpus_allowed(current, CPU_MASK_ALL);
}

KTEST(del_timer_sync_waits_for_a_function_on_another_cpu)
{
	unsigned int last = num_online_cpus() - 1;
	struct task_struct *armer;
	int was_pending;

	setup_timer(&slow.timer, slow_timer_fn, 0);
	slow.started = slow.finished = 0;
	init_completion(&slow.armed);
	ktest_add_action(slow_timer_stop, NULL);
	set_cpus_allowed(current, cpumask_of_cpu(0));
	ktest_add_action(unbind_current, NULL);

	armer = kthread_create(slow_armer, NULL, "ktest-armer");
	KTEST_ASSERT(!IS_ERR(armer));
	ktest_add_action(ktest_kthread_stop, armer);
	set_cpus_allowed(armer, cpumask_of_cpu(last));
	wake_up_process(armer);
	wait_for_completion(&slow.armed);

	/* Wait for the function to start (on one CPU: to have run). */
	while (!READ_ONCE(slow.started))
		schedule_timeout_uninterruptible(1);
	was_pending = del_timer_sync(&slow.timer);
	KTEST_EXPECT_EQ(READ_ONCE(slow.finished), 1);
	KTEST_EXPECT_EQ(was_pending, 0);
	KTEST_EXPECT(!timer_pending(&slow.timer));
}

/*
 * A timer re-armed from CPU 0 while its function runs on another CPU
 * stays on that CPU: were it moved, CPU 0's next tick would run the
 * function a second time, at once.  The function, on the last CPU, says
 * it has started and waits (up to 2 s) for the test to let it go; the
 * test re-arms the timer, due now, lets three ticks pass on CPU 0 (time
 * must pass to show that nothing runs there), and lets the function go.
 * The function then runs once more, on the same CPU, and never on two
 * at once.  On one CPU the function cannot wait for the test (it would
 * wait in the test's own CPU): it just runs, twice.
 */
static struct {
	struct timer_list timer;
	atomic_t inside, overlaps, runs;
	int cpu[2];			/* where the first two runs ran */
	int started, release, wait;
	struct completion armed;
} held;

static void held_timer_fn(unsigned long data)
{
	int run = atomic_add_return(1, &held.runs) - 1;

	if (atomic_add_return(1, &held.inside) > 1)
		atomic_inc(&held.overlaps);
	if (run < 2)
		held.cpu[run] = raw_smp_processor_id();
	WRITE_ONCE(held.started, 1);
	for (int ms = 0; ms < 2000 && READ_ONCE(held.wait) &&
	     !READ_ONCE(held.release); ms++)
		mdelay(1);
	atomic_dec(&held.inside);
}

static int held_armer(void *unused)
{
	mod_timer(&held.timer, jiffies + 1);
	complete(&held.armed);
	ktest_wait_for_stop();
	return 0;
}

static void held_timer_stop(void *unused)
{
	WRITE_ONCE(held.release, 1);
	del_timer_sync(&held.timer);
}

KTEST(timer_rearmed_while_running_stays_on_its_cpu)
{
	unsigned int last = num_online_cpus() - 1;
	struct task_struct *armer;

	setup_timer(&held.timer, held_timer_fn, 0);
	atomic_set(&held.inside, 0);
	atomic_set(&held.overlaps, 0);
	atomic_set(&held.runs, 0);
	held.cpu[0] = held.cpu[1] = -1;
	held.started = held.release = 0;
	held.wait = last > 0;
	init_completion(&held.armed);
	ktest_add_action(held_timer_stop, NULL);
	set_cpus_allowed(current, cpumask_of_cpu(0));
	ktest_add_action(unbind_current, NULL);

	armer = kthread_create(held_armer, NULL, "ktest-armer");
	KTEST_ASSERT(!IS_ERR(armer));
	ktest_add_action(ktest_kthread_stop, armer);
	set_cpus_allowed(armer, cpumask_of_cpu(last));
	wake_up_process(armer);
	wait_for_completion(&held.armed);
	while (!READ_ONCE(held.started))
		schedule_timeout_uninterruptible(1);

	mod_timer(&held.timer, jiffies);
	schedule_timeout_uninterruptible(3);
	WRITE_ONCE(held.release, 1);
	while (atomic_read(&held.runs) < 2)
		schedule_timeout_uninterruptible(1);
	del_timer_sync(&held.timer);

	KTEST_EXPECT_EQ(atomic_read(&held.overlaps), 0);
	KTEST_EXPECT_EQ(held.cpu[0], (int)last);
	KTEST_EXPECT_EQ(held.cpu[1], (int)last);
	KTEST_EXPECT(!timer_pending(&held.timer));
}

/*
 * One timer that re-arms itself for the next tick (so it runs on every
 * tick, for half a tick each time), and four threads, one per CPU, that
 * re-arm it from their CPU 100 times each, two ticks apart: it moves
 * from base to base, often while its function runs.  Its function
 * counts how many CPUs run it at the same moment, which must never be
 * more than one, and after del_timer_sync() it is neither pending nor
 * running anywhere.
 */
#define REARM_LOOPS	100

static struct {
	struct timer_list timer;
	atomic_t inside;		/* CPUs in the function now */
	atomic_t overlaps;		/* times it found another CPU there */
	atomic_t runs;
	int stop;			/* no more re-arming by the function */
	struct completion done;
} rearm;

static void rearm_timer_fn(unsigned long data)
{
	if (atomic_add_return(1, &rearm.inside) > 1)
		atomic_inc(&rearm.overlaps);
	atomic_inc(&rearm.runs);
	udelay(5000);	/* half a tick: a wide window for a second CPU */
	atomic_dec(&rearm.inside);
	if (!READ_ONCE(rearm.stop))
		mod_timer(&rearm.timer, jiffies + 1);
}

static int rearm_thread(void *unused)
{
	for (unsigned int i = 0; i < REARM_LOOPS; i++) {
		/* Due now: the next tick here runs it, unless it is moved. */
		mod_timer(&rearm.timer, jiffies);
		schedule_timeout_uninterruptible(2);
	}
	complete(&rearm.done);
	ktest_wait_for_stop();
	return 0;
}

static void rearm_timer_stop(void *unused)
{
	WRITE_ONCE(rearm.stop, 1);
	del_timer_sync(&rearm.timer);
}

KTEST(timer_rearmed_from_every_cpu_runs_on_one_at_a_time)
{
	unsigned int cpus = num_online_cpus(), i;
	struct task_struct *p[TORTURE_THREADS];

	setup_timer(&rearm.timer, rearm_timer_fn, 0);
	atomic_set(&rearm.inside, 0);
	atomic_set(&rearm.overlaps, 0);
	atomic_set(&rearm.runs, 0);
	rearm.stop = 0;
	init_completion(&rearm.done);
	ktest_add_action(rearm_timer_stop, NULL);

	for (i = 0; i < TORTURE_THREADS; i++) {
		p[i] = kthread_create(rearm_thread, NULL, "rearm/%u", i);
		KTEST_ASSERT(!IS_ERR(p[i]));
		ktest_add_action(ktest_kthread_stop, p[i]);
		set_cpus_allowed(p[i], cpumask_of_cpu(i % cpus));
	}
	for (i = 0; i < TORTURE_THREADS; i++)
		wake_up_process(p[i]);
	for (i = 0; i < TORTURE_THREADS; i++)
		wait_for_completion(&rearm.done);
	rearm_timer_stop(NULL);

	printk(KERN_INFO "ktest: timer re-armed from %u CPUs ran %d times\n",
	       min(cpus, (unsigned int)TORTURE_THREADS),
	       atomic_read(&rearm.runs));
	KTEST_EXPECT_EQ(atomic_read(&rearm.overlaps), 0);
	KTEST_EXPECT_EQ(atomic_read(&rearm.inside), 0);
	KTEST_EXPECT(atomic_read(&rearm.runs) > 0);
	KTEST_EXPECT(!timer_pending(&rearm.timer));
}

/*
 * A timer on another CPU's base, without that CPU: the test queues it as
 * if it ran on an offline CPU (thread_info's CPU number changed for the
 * length of one mod_timer(), interrupts off), where no tick ever runs
 * it.  From this CPU, del_timer() must find it there and take it off,
 * and mod_timer() must move it to this CPU's base, where it fires.
 */
#define FAR_CPU		(NR_CPUS - 1)

static struct {
	struct timer_list timer;
	struct completion fired;
} far;

static void far_timer_fn(unsigned long data)
{
	complete(&far.fired);
}

static void mod_timer_on_far_cpu(unsigned long expires)
{
	struct thread_info *ti = current_thread_info();
	unsigned long flags;
	unsigned int cpu;

	local_irq_save(flags);
	cpu = ti->cpu;
	ti->cpu = FAR_CPU;
	mod_timer(&far.timer, expires);
	ti->cpu = cpu;
	local_irq_restore(flags);
}

static void far_timer_stop(void *unused)
{
	del_timer_sync(&far.timer);
}

KTEST(timer_on_another_cpus_base_is_deleted_and_moved)
{
	if (cpu_online(FAR_CPU)) {
		printk(KERN_INFO "ktest: # %s: needs CPU %d offline\n",
		       __func__, FAR_CPU);
		return;
	}
	setup_timer(&far.timer, far_timer_fn, 0);
	init_completion(&far.fired);
	ktest_add_action(far_timer_stop, NULL);

	mod_timer_on_far_cpu(jiffies + 1);
	/*
	 * Time must pass to show that it does NOT fire: no tick runs that
	 * base.  Five ticks, where one would do on a base that runs.
	 */
	schedule_timeout_uninterruptible(5);
	KTEST_EXPECT(timer_pending(&far.timer));
	KTEST_EXPECT_EQ(READ_ONCE(far.fired.done), 0);
	KTEST_EXPECT_EQ(del_timer(&far.timer), 1);
	KTEST_EXPECT(!timer_pending(&far.timer));
	KTEST_EXPECT_EQ(del_timer_sync(&far.timer), 0);

	/* Queued far away, then re-armed here: it must fire here. */
	mod_timer_on_far_cpu(jiffies + 1);
	KTEST_EXPECT_EQ(mod_timer(&far.timer, jiffies + 1), 1);
	KTEST_ASSERT(wait_for_completion_timeout(&far.fired, 10 * HZ));
	KTEST_EXPECT(!timer_pending(&far.timer));
}

/*
 * Lines from every CPU at once.  KERN_DEBUG: the ring gets them, the
 * console (slow) does not.
 */
#define STORM_LINES	150
#define STORM_WIDTH	40

static struct completion storm_done;
static atomic_t storm_ready;		/* threads at the starting line */

static int printk_storm_thread(void *data)
{
	unsigned int t = (unsigned long)data;
	char payload[STORM_WIDTH + 1];

	memset(payload, 'a' + t, STORM_WIDTH);
	payload[STORM_WIDTH] = '\0';
	/* All start together: yield to those on this CPU, spin elsewhere. */
	atomic_inc(&storm_ready);
	while (atomic_read(&storm_ready) < TORTURE_THREADS)
		schedule();
	for (unsigned int i = 0; i < STORM_LINES; i++)
		printk(KERN_DEBUG "printk-storm/%u: %03u %s\n", t, i, payload);
	complete(&storm_done);
	ktest_wait_for_stop();
	return 0;
}

/* Is the storm line from @line to @end whole?  Return: its thread, or -1. */
static int check_storm_line(const char *line, const char *end)
{
	unsigned int t, i, n;

	/* "printk-storm/T: NNN " and STORM_WIDTH times the letter of T */
	if (end - line != 20 + STORM_WIDTH ||
	    strncmp(line, "printk-storm/", 13) || line[14] != ':' ||
	    line[15] != ' ' || line[19] != ' ')
		return -1;
	t = line[13] - '0';
	if (t >= TORTURE_THREADS)
		return -1;
	for (i = 16; i < 19; i++)
		if (line[i] < '0' || line[i] > '9')
			return -1;
	for (n = 0; n < STORM_WIDTH; n++)
		if (line[20 + n] != (char)('a' + t))
			return -1;
	return t;
}

KTEST(printk_lines_from_every_cpu_stay_whole)
{
	static char ring[LOG_BUF_LEN];
	unsigned int cpus = num_online_cpus(), lines = 0;
	struct task_struct *p[TORTURE_THREADS];
	unsigned long n;
	char *line;
	int i;

	init_completion(&storm_done);
	atomic_set(&storm_ready, 0);
	for (i = 0; i < TORTURE_THREADS; i++) {
		p[i] = kthread_create(printk_storm_thread, (void *)(long)i,
				      "printk-storm/%d", i);
		KTEST_ASSERT(!IS_ERR(p[i]));
		ktest_add_action(ktest_kthread_stop, p[i]);
		set_cpus_allowed(p[i], cpumask_of_cpu(i % cpus));
	}
	for (i = 0; i < TORTURE_THREADS; i++)
		wake_up_process(p[i]);
	for (i = 0; i < TORTURE_THREADS; i++)
		wait_for_completion(&storm_done);

	n = log_buf_copy(ring, sizeof(ring) - 1);
	ring[n] = '\0';
	/* From the first whole line (the ring's oldest may be cut). */
	line = strchr(ring, '\n');
	KTEST_ASSERT(line != NULL);
	line++;
	while (*line) {
		char *eol = strchr(line, '\n'), *text = strstr(line, "] ");

		KTEST_ASSERT(eol != NULL);
		if (strstr(line, "printk-storm/") < eol) {
			int t = -1;

			/* "[    1.234567] " then the message. */
			if (line[0] == '[' && text && text < eol)
				t = check_storm_line(text + 2, eol);
			if (t < 0) {
				*eol = '\0';
				KTEST_FAIL("a broken line: \"%s\"", line);
			}
			lines++;
		}
		line = eol + 1;
	}
	/* The ring (32 KiB) keeps the last 400 or so of the 600. */
	printk(KERN_INFO "ktest: %u storm lines from %u CPUs checked\n",
	       lines, min(cpus, (unsigned int)TORTURE_THREADS));
	KTEST_EXPECT(lines >= 300);
}

/*
 * A line left open by one task, then another task's message: the
 * message starts a line of its own.  The open line's task waits, by a
 * completion, until the other has printed.
 */
static struct {
	struct completion open, printed;
} line_turns;

static int close_my_line(void *unused)
{
	printk(KERN_DEBUG "ktest-open-line: first half,");
	complete(&line_turns.open);
	wait_for_completion(&line_turns.printed);
	printk(KERN_DEBUG " second half\n");
	ktest_wait_for_stop();
	return 0;
}

KTEST(printk_ends_another_tasks_open_line)
{
	static char tail[512];
	struct task_struct *p;
	unsigned long n;
	char *mine;

	init_completion(&line_turns.open);
	init_completion(&line_turns.printed);
	p = kthread_create(close_my_line, NULL, "ktest-open-line");
	KTEST_ASSERT(!IS_ERR(p));
	ktest_add_action(ktest_kthread_stop, p);
	wake_up_process(p);
	wait_for_completion(&line_turns.open);
	printk(KERN_DEBUG "ktest-other-task: a line of its own\n");
	complete(&line_turns.printed);

	n = log_buf_copy(tail, sizeof(tail) - 1);
	tail[n] = '\0';
	mine = strstr(tail, "] ktest-other-task: a line of its own\n");
	KTEST_ASSERT(mine != NULL);
	/* Its line: the timestamp right after a newline, then the text. */
	while (mine > tail && mine[-1] != '\n')
		mine--;
	KTEST_EXPECT_EQ(*mine, '[');
	KTEST_EXPECT(strstr(tail, "ktest-open-line: first half,\n") != NULL);
}

/*
 * The lockup report, without a real deadlock: a lock made to look held
 * by another task on another CPU (a thread that never runs), a bound of
 * 1 ms instead of 10 s, and a timer that frees the lock 5 ticks later,
 * as the holder would.  The timer interrupts the wait on this CPU
 * (spin_lock() leaves interrupts on), so the wait ends; the report must
 * have come before (1 ms is far less than 4 ticks).  Not in ktest=all:
 * it prints a BUG line, which tests/system/test_locking.py checks.
 */
static spinlock_t stuck_lock;
static struct task_struct *fake_holder;

static void release_stuck_lock(unsigned long data)
{
	/* Free it as its holder would, bypassing the owner check. */
	stuck_lock.owner = NULL;
	_raw_spin_unlock(&stuck_lock);
}

static int never_runs(void *unused)
{
	return 0;
}

static void restore_lockup_bound(void *unused)
{
	spin_lockup_cycles = 0;
}

static void stop_release_timer(void *timer)
{
	del_timer_sync(timer);
}

/* Holds the lock's fake holder address: where "it" took the lock. */
static noinline void fake_holder_took_it(void)
{
	stuck_lock.owner_ip = _THIS_IP_;
}

KTEST_NAMED_ONLY(spinlock_lockup_suspected)
{
	static struct timer_list release;
	unsigned long before = spin_lockups;

	fake_holder = kthread_create(never_runs, NULL, "lock_holder");
	KTEST_ASSERT(!IS_ERR(fake_holder));
	ktest_add_action(ktest_kthread_stop, fake_holder);

	spin_lock_init(&stuck_lock);
	stuck_lock.slock = 1;
	stuck_lock.owner = fake_holder;
	stuck_lock.owner_cpu = raw_smp_processor_id() + 1;
	fake_holder_took_it();

	spin_lockup_cycles = tsc_khz ? tsc_khz : 1000000;	/* 1 ms */
	ktest_add_action(restore_lockup_bound, NULL);
	setup_timer(&release, release_stuck_lock, 0);
	ktest_add_action(stop_release_timer, &release);
	mod_timer(&release, jiffies + 5);

	spin_lock(&stuck_lock);		/* reports, then gets it */
	spin_unlock(&stuck_lock);

	KTEST_EXPECT(spin_lockups > before);
}
