// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/ktest.c - the in-kernel test runner.
 *
 * Tests are registered with KTEST() (include/ktest.h) anywhere in the
 * kernel, mostly in tests/ktest/; the linker gathers them between
 * __start_ktest and __stop_ktest.  ktest_run() runs the ones the ktest=
 * option asks for, in link order or shuffled by ktest_seed=, prints the
 * protocol of README.md ("Testing") and ends QEMU with a status that says
 * pass or fail.  The tested kernel is the one `make run` boots: only the
 * command line differs.
 *
 * Linux 2.6 had no in-kernel test runner; this one follows Linux's later
 * KUnit (lib/kunit/test.c): each test runs in a kernel thread of its own
 * (kunit_try_catch), so that a failed assertion can end it from however
 * deep it is, and cleanup actions registered by the test
 * (kunit_add_action()) run however it ends.  The runner, pid 1, makes
 * that thread with kernel_thread(), reaps it with do_wait(), and then
 * looks at what the test left: a task still alive is killed and reported,
 * and the tasks, free pages, slab objects and pids in use must be what
 * they were before, the runner back on swapper_pg_dir with no mm --
 * measured with the machine settled (dead tasks freed, the buffer cache
 * written and dropped, the slab's empty slabs given back, no borrowed
 * mm), so a leak of one page is seen.  A test
 * that has not finished after ktest_timeout= seconds (60 unless told) is
 * reported by a watchdog timer, which ends the run: a hang names the test
 * and shows the tasks instead of waiting for the host's timeout.
 */
#include <asm/processor.h>
#include <bitops.h>
#include <buffer_head.h>
#include <init.h>
#include <irq.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm.h>
#include <mm_types.h>
#include <percpu.h>
#include <pgtable.h>
#include <reboot.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <spinlock.h>
#include <string.h>
#include <timer.h>
#include <trace.h>
#include <workqueue.h>
#include <writeback.h>

#define KTEST_MAX_ACTIONS	(2 * NR_CPUS + 8)	/* cleanup actions per test:
						   two per CPU and more */
#define KTEST_MAX_REPORTS	10	/* failure lines printed per test */
#define KTEST_MAX_LEFTOVERS	16	/* leftover tasks named per test */
#define KTEST_KILL_TICKS	(2 * HZ) /* for leftovers to die once killed */

struct ktest_action {
	void (*fn)(void *data);
	void *data;
};

/* What the runner measures around each test. */
struct ktest_snapshot {
	int tasks;			/* nr_threads */
	unsigned long free_pages;
	unsigned long slab_objects;
	int pids;
	unsigned long cr3;		/* the runner's, after drop_borrowed_mm() */
	struct mm_struct *mm;		/* the runner's own: none */
};

/* The test that is running, and what it has recorded so far. */
static struct {
	const struct ktest *test;
	struct task_struct *task;	/* its thread */
	/* ktest_lock: failures come from any context, interrupts too. */
	int failures;
	char reason[256];		/* the first failure, for "not ok" */
	/* The test's own thread only: */
	struct ktest_action actions[KTEST_MAX_ACTIONS];
	int nr_actions;
} ktest_current;
static DEFINE_SPINLOCK(ktest_lock);

static char ktest_list[COMMAND_LINE_SIZE];
static unsigned long ktest_seed;		/* 0: link order */
static unsigned long ktest_timeout = 60;	/* seconds, per test */
static struct timer_list ktest_watchdog;
static int nr_run, nr_passed, nr_failed;
/* The pids on the task list before the running test began. */
static unsigned long pids_before[BITS_TO_LONGS(PID_MAX_DEFAULT)];

static int ktest_setup(char *val)
{
	if (!*val)
		return -EINVAL;
	strlcpy(ktest_list, val, sizeof(ktest_list));
	return 0;
}
__setup("ktest=", ktest_setup);

static int ktest_seed_setup(char *val)
{
	if (kstrtoul(val, 0, &ktest_seed) || !ktest_seed)
		return -EINVAL;
	return 0;
}
__setup("ktest_seed=", ktest_seed_setup);

static int ktest_timeout_setup(char *val)
{
	if (kstrtoul(val, 10, &ktest_timeout) || !ktest_timeout ||
	    ktest_timeout > 3600)
		return -EINVAL;
	return 0;
}
__setup("ktest_timeout=", ktest_timeout_setup);

static void ktest_finish(void)
{
	/* Misuses the tests provoked without noticing: for tests/system. */
	printk(KERN_INFO "ktest: smp_processor_id() bugs %lu, spinlock "
	       "lockups %lu\n", smp_processor_id_bugs, spin_lockups);
	printk(KERN_INFO "ktest: %d passed, %d failed\n", nr_passed,
	       nr_failed);
	machine_debug_exit(nr_failed ? EXIT_KTEST_FAIL : EXIT_KTEST_PASS);
}

/*
 * The watchdog fires from TIMER_SOFTIRQ, so it works whatever the hung
 * test's task is doing, as long as the timer interrupt still comes: it
 * counts the test as failed, shows who is stuck where, and ends the run.
 */
static void ktest_watchdog_fn(unsigned long data)
{
	printk(KERN_INFO "ktest: not ok %d - %s: still running after %lu s\n",
	       nr_run, ktest_current.test->name, ktest_timeout);
	show_tasks();
	nr_failed++;
	trace_dump();	/* trace=sched: the events up to the stuck test */
	ktest_finish();
}

/**
 * ktest_fake_interrupt - run @handler in hard-interrupt context, now
 * @handler: called from do_IRQ() like a device's handler
 *
 * For tests of what happens "in an interrupt": the handler is installed
 * on IRQ line KTEST_IRQ (no device uses it under QEMU) and `int` raises
 * that line's vector, which enters through the same stub, do_IRQ() and
 * irq_exit() as a device interrupt.  When this returns, the interrupt and
 * the softirqs it raised have run.
 * Context: process, interrupts on.
 */
void ktest_fake_interrupt(irq_handler_t handler)
{
	if (request_irq(KTEST_IRQ, handler, "ktest", NULL))
		panic("ktest_fake_interrupt: IRQ %d is taken", KTEST_IRQ);
	__asm__ __volatile__("int %0"
			     : : "i"(FIRST_EXTERNAL_VECTOR + KTEST_IRQ)
			     : "memory");
	free_irq(KTEST_IRQ, NULL);
}

/**
 * ktest_fail - record that the running test failed, and why
 * @file: source file of the check, or NULL for the runner's own findings
 * @line: its line
 * @fmt: reason, printf-style
 *
 * The first reason goes on the test's "not ok" line; each failure is
 * also printed as a "# " diagnostic line as it happens (the first
 * KTEST_MAX_REPORTS of a test).
 * Context: any.
 */
void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char reason[sizeof(ktest_current.reason)];
	unsigned long flags;
	va_list args;
	int n, nth;

	n = file ? scnprintf(reason, sizeof(reason), "%s:%d: ", file, line) :
		   0;
	va_start(args, fmt);
	vscnprintf(reason + n, sizeof(reason) - n, fmt, args);
	va_end(args);

	spin_lock_irqsave(&ktest_lock, flags);
	nth = ++ktest_current.failures;
	if (nth == 1)
		strlcpy(ktest_current.reason, reason,
			sizeof(ktest_current.reason));
	spin_unlock_irqrestore(&ktest_lock, flags);
	if (nth <= KTEST_MAX_REPORTS)
		printk(KERN_INFO "ktest: # %s\n", reason);
	else if (nth == KTEST_MAX_REPORTS + 1)
		printk(KERN_INFO "ktest: # (more failures not shown)\n");
}

/* Run the test's cleanup actions, last added first. */
static void ktest_run_actions(void)
{
	/* Popped before it runs: an action that fails ends only itself. */
	while (ktest_current.nr_actions > 0) {
		struct ktest_action *a =
			&ktest_current.actions[--ktest_current.nr_actions];

		a->fn(a->data);
	}
}

/**
 * ktest_abort - end the running test now (KTEST_ASSERT, KTEST_FAIL)
 *
 * In the test's own thread: run its cleanup actions and exit.  In a
 * thread the test started: that thread exits (its failure is recorded;
 * whoever waits for it sees exit code 1).  With preemption or interrupts
 * off nothing can be ended safely, so that is a kernel panic naming the
 * failure.
 * Context: process, preemptible.  Never returns.
 */
void ktest_abort(void)
{
	if (in_atomic() || irqs_disabled())
		panic("ktest: an assertion failed where the test cannot be "
		      "ended (preempt_count %#x, irqs %s): %s",
		      preempt_count(), irqs_disabled() ? "off" : "on",
		      ktest_current.reason);
	if (current == ktest_current.task)
		ktest_run_actions();
	do_exit(1);
}

/**
 * ktest_add_action - run @fn(@data) when the running test ends
 * @fn: the cleanup: stop a thread, release waiters, free, unuse an mm
 * @data: its argument
 *
 * The actions run in the test's thread, last added first, when the test
 * returns or an assertion ends it.  KTEST_MAX_ACTIONS at most: one more
 * runs at once and fails the test.
 * Context: the test's own thread.
 */
void ktest_add_action(void (*fn)(void *data), void *data)
{
	BUG_ON(current != ktest_current.task);
	if (ktest_current.nr_actions == KTEST_MAX_ACTIONS) {
		fn(data);
		KTEST_FAIL("more than %d cleanup actions", KTEST_MAX_ACTIONS);
	}
	ktest_current.actions[ktest_current.nr_actions++] =
		(struct ktest_action){ .fn = fn, .data = data };
}

/**
 * ktest_release_action - run a cleanup action now, and forget it
 * @fn: an action added with ktest_add_action()
 * @data: with this argument (the most recent such one is run)
 *
 * For a test that wants its cleanup at a point of its own choosing, in
 * order, while keeping it for the case where an assertion ends it.
 * Context: the test's own thread.
 */
void ktest_release_action(void (*fn)(void *data), void *data)
{
	BUG_ON(current != ktest_current.task);
	for (int i = ktest_current.nr_actions - 1; i >= 0; i--) {
		struct ktest_action *a = &ktest_current.actions[i];

		if (a->fn == fn && a->data == data) {
			memmove(a, a + 1, (ktest_current.nr_actions - i - 1) *
				sizeof(*a));
			ktest_current.nr_actions--;
			fn(data);
			return;
		}
	}
	KTEST_FAIL("no such cleanup action: %pS", fn);
}

/**
 * ktest_wait_sleeping - wait until @p sleeps in one of @states
 * @p: a task the caller holds (its child, or get_task_struct())
 * @states: TASK_INTERRUPTIBLE, TASK_UNINTERRUPTIBLE, TASK_DEAD...
 *
 * "Asleep" as the scheduler sees it (task_sleeping()): off the run queue
 * and off the CPU, so it is not half-way into schedule().  Looks once
 * per tick; the watchdog ends a test that waits for ever.
 * Context: process, may sleep.
 */
void ktest_wait_sleeping(struct task_struct *p, unsigned int states)
{
	while (!task_sleeping(p, states))
		schedule_timeout_uninterruptible(1);
}

static void ktest_allow_every_cpu(void *unused)
{
	set_cpus_allowed(current, CPU_MASK_ALL);
}

/**
 * ktest_stay_on_cpu - keep the test's thread, and what it forks, on @cpu
 * @cpu: an online CPU
 *
 * For a test about one CPU's behaviour (who preempts whom, the order in
 * which woken tasks run): on several CPUs its tasks would otherwise run
 * side by side.  The children inherit the mask; a cleanup action gives
 * the thread every CPU back.
 * Context: the test's thread.
 */
void ktest_stay_on_cpu(unsigned int cpu)
{
	set_cpus_allowed(current, cpumask_of_cpu(cpu));
	ktest_add_action(ktest_allow_every_cpu, NULL);
}

/**
 * ktest_kthread_stop - cleanup action: stop a kthread and wait until it is gone
 * @k: a kthread_create()d thread the test started, not yet stopped
 *
 * kthread_stop() returns once the thread's function has; the thread
 * leaves the task list (it reaps itself) a moment later, and its memory
 * goes at its last switch.  For ktest_add_action(ktest_kthread_stop, k).
 * Context: the test's thread.
 */
void ktest_kthread_stop(void *k)
{
	struct task_struct *p = k;

	get_task_struct(p);
	kthread_stop(p);
	ktest_wait_sleeping(p, TASK_DEAD);
	put_task_struct(p);
}

/**
 * ktest_wait_for_stop - a kthread that has done its work waits to be stopped
 *
 * kthread_stop()'s contract forbids a thread it may stop to return
 * before it is asked to.  The sleep is uninterruptible: a signal the
 * thread allowed, or the runner's SIGKILL, cannot turn it into a spin.
 * Context: a kthread_create()d thread.
 */
void ktest_wait_for_stop(void)
{
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}

/* Return: whether ktest= was given. */
bool ktest_requested(void)
{
	return ktest_list[0] != '\0';
}

/* The body of each test's thread. */
static int ktest_thread(void *arg)
{
	const struct ktest *t = arg;

	set_task_comm(current, "ktest");
	ktest_current.task = current;
	t->fn();
	ktest_run_actions();
	return 0;
}

/*
 * Is a task on its way out, not yet a zombie?  One stopped by
 * kthread_stop() is: kthread_stop() returns when its function has, not
 * when it is gone.
 */
static bool tasks_exiting(void)
{
	struct task_struct *p;
	unsigned long flags;
	bool exiting = false;

	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		exiting |= (p->flags & PF_EXITING) && !p->exit_state;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return exiting;
}

/**
 * ktest_wait_exits - wait until every exiting task has exited and is gone
 *
 * A task on its way out of do_exit() is still on the task list; one that
 * has been reaped keeps its task_struct and stack until its last switch
 * (nr_dead_tasks()).  Afterwards, tasks, pids and free pages can be
 * counted.  Looks once per tick.
 * Context: process, may sleep.
 */
void ktest_wait_exits(void)
{
	while (tasks_exiting() || nr_dead_tasks() > 0)
		schedule_timeout_uninterruptible(1);
}

/*
 * Bring the machine to a state that can be compared: tasks reaped by
 * someone are freed only after their last switch, the buffer cache holds
 * what tests read and wrote (written back, then dropped: a cache is not a
 * leak), the slab keeps empty slabs, and the runner, a kernel thread,
 * holds a reference on whichever mm it borrowed last.
 */
static void drop_borrowed_mm_work(struct work_struct *work)
{
	drop_borrowed_mm();
}

/*
 * The task running on each other CPU (its idle task, most often) may
 * still borrow an mm a test used there: the events/N thread of that CPU
 * takes it over when it switches in, and gives it back.
 */
static void drop_borrowed_mms(void)
{
	static struct work_struct works[NR_CPUS];
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		INIT_WORK(&works[cpu], drop_borrowed_mm_work);
		schedule_work_on(cpu, &works[cpu]);
	}
	flush_scheduled_work();
	drop_borrowed_mm();
}

static void ktest_settle(void)
{
	ktest_wait_exits();
	/* An I/O error is the business of the test that caused it. */
	(void)sync_all();
	drop_pagecache();
	drop_borrowed_mms();
	kmem_cache_shrink_all();
}

static void ktest_snapshot(struct ktest_snapshot *s)
{
	ktest_settle();
	s->tasks = nr_threads;
	s->free_pages = nr_free_pages();
	s->slab_objects = kmem_cache_active_objects();
	s->pids = nr_pids_in_use();
	s->cr3 = read_cr3();
	s->mm = current->mm;
}

static void remember_pids(void)
{
	struct task_struct *p;
	unsigned long flags;

	memset(pids_before, 0, sizeof(pids_before));
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p)
		set_bit(p->pid, pids_before);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static bool is_new(struct task_struct *p)
{
	return !test_bit(p->pid, pids_before);
}

/* Reap the runner's children that have died: orphans init adopted. */
static void reap_zombies(void)
{
	while (do_wait(-1, NULL, WNOHANG) > 0)
		;
}

/*
 * Tasks the test made that are alive after it: a failed assertion skipped
 * their stop, or the test forgot them.  Each is named, sent SIGKILL (which
 * ends a process and wakes an interruptible sleep) and given
 * KTEST_KILL_TICKS to go; the runner reaps those that were its children.
 * Return: how many there were.
 */
static int kill_leftovers(void)
{
	struct task_struct *left[KTEST_MAX_LEFTOVERS], *p;
	unsigned long flags;
	int n = 0, alive = 0;

	reap_zombies();
	spin_lock_irqsave(&tasklist_lock, flags);
	for_each_process(p) {
		if (!is_new(p) || p->exit_state)
			continue;
		alive++;
		if (n < KTEST_MAX_LEFTOVERS) {
			get_task_struct(p);
			left[n++] = p;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!alive)
		return 0;

	for (int i = 0; i < n; i++) {
		printk(KERN_INFO "ktest: # left behind: pid %d (%s) state %c\n",
		       left[i]->pid, left[i]->comm, task_state_char(left[i]));
		send_sig(SIGKILL, left[i]);
	}
	for (int ticks = 0; ticks < KTEST_KILL_TICKS; ticks++) {
		bool any = false;

		reap_zombies();
		for (int i = 0; i < n; i++)
			any |= !left[i]->exit_state;
		if (!any)
			break;
		schedule_timeout_uninterruptible(1);
	}
	for (int i = 0; i < n; i++) {
		if (!left[i]->exit_state)
			printk(KERN_INFO "ktest: # pid %d (%s) did not die\n",
			       left[i]->pid, left[i]->comm);
		put_task_struct(left[i]);
	}
	return alive;
}

/* Fail the test for each way @after differs from @before. */
static void check_leaks(const struct ktest_snapshot *before,
			const struct ktest_snapshot *after)
{
	if (after->tasks != before->tasks)
		ktest_fail(NULL, 0, "tasks: %d before, %d after",
			   before->tasks, after->tasks);
	if (after->pids != before->pids)
		ktest_fail(NULL, 0, "pids in use: %d before, %d after",
			   before->pids, after->pids);
	if (after->free_pages != before->free_pages)
		ktest_fail(NULL, 0, "free pages: %lu before, %lu after "
			   "(%ld leaked)", before->free_pages,
			   after->free_pages,
			   (long)(before->free_pages - after->free_pages));
	if (after->slab_objects != before->slab_objects)
		ktest_fail(NULL, 0, "slab objects: %lu before, %lu after "
			   "(%ld leaked)", before->slab_objects,
			   after->slab_objects,
			   (long)(after->slab_objects - before->slab_objects));
	/*
	 * A use_mm() the test forgot dies with its thread; the runner, a
	 * kernel thread, must be back on swapper_pg_dir with no mm.
	 */
	if (after->mm || after->cr3 != __pa(swapper_pg_dir))
		ktest_fail(NULL, 0, "the runner is left on mm %p, cr3 %#lx",
			   after->mm, after->cr3);
}

static void run_one(const struct ktest *t)
{
	struct ktest_snapshot before, after;
	int pid, left;

	nr_run++;
	ktest_current.test = t;
	ktest_current.task = NULL;
	ktest_current.failures = 0;
	ktest_current.nr_actions = 0;
	mod_timer(&ktest_watchdog, jiffies + ktest_timeout * HZ);

	ktest_snapshot(&before);
	remember_pids();
	pid = kernel_thread(ktest_thread, (void *)t, 0);
	if (pid < 0)
		ktest_fail(NULL, 0, "cannot start its thread: %d", pid);
	else if (do_wait(pid, NULL, 0) != pid)
		ktest_fail(NULL, 0, "its thread was not reaped");
	ktest_wait_exits();
	left = kill_leftovers();
	if (left)
		ktest_fail(NULL, 0, "left %d task%s running", left,
			   left == 1 ? "" : "s");
	ktest_snapshot(&after);
	check_leaks(&before, &after);
	del_timer_sync(&ktest_watchdog);

	if (ktest_current.failures) {
		printk(KERN_INFO "ktest: not ok %d - %s: %s\n", nr_run, t->name,
		       ktest_current.reason);
		nr_failed++;
	} else {
		printk(KERN_INFO "ktest: ok %d - %s\n", nr_run, t->name);
		nr_passed++;
	}
}

static const struct ktest *find_ktest(const char *name, size_t len)
{
	for (const struct ktest *t = __start_ktest; t < __stop_ktest; t++)
		if (strlen(t->name) == len && !strncmp(t->name, name, len))
			return t;
	return NULL;
}

/*
 * The tests to run, in order: every test but the KTEST_NAMED_ONLY ones
 * for ktest=all, else those named (a name with no test is reported at
 * once and not run).  Return: how many, in @tests (room for all).
 */
static int ktest_select(const struct ktest **tests)
{
	const char *p = ktest_list;
	int n = 0;

	if (!strcmp(ktest_list, "all")) {
		for (const struct ktest *t = __start_ktest; t < __stop_ktest; t++)
			if (!(t->flags & KTEST_EXPLICIT))
				tests[n++] = t;
		return n;
	}
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const struct ktest *t = find_ktest(p, len);

		if (t && n < __stop_ktest - __start_ktest) {
			tests[n++] = t;
		} else {
			nr_run++;
			nr_failed++;
			printk(KERN_INFO "ktest: not ok %d - %.*s: no such "
			       "test\n", nr_run, (int)len, p);
		}
		p += len + (end ? 1 : 0);
	}
	return n;
}

/* xorshift32: a seeded order that is the same on every run. */
static u32 ktest_random(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* Fisher-Yates: each order equally likely for a given seed. */
static void ktest_shuffle(const struct ktest **tests, int n, u32 seed)
{
	u32 state = seed;

	for (int i = n - 1; i > 0; i--) {
		int j = ktest_random(&state) % (i + 1);
		const struct ktest *t = tests[i];

		tests[i] = tests[j];
		tests[j] = t;
	}
}

/**
 * ktest_run - run the tests named by ktest= and leave QEMU
 *
 * Context: process (pid 1, a kernel thread), interrupts on, may sleep.
 * Does not return when QEMU has an isa-debug-exit device.
 */
void ktest_run(void)
{
	const struct ktest **tests;
	int total = 0, n;

	setup_timer(&ktest_watchdog, ktest_watchdog_fn, 0);
	tests = kmalloc((__stop_ktest - __start_ktest) * sizeof(*tests),
			GFP_KERNEL);
	if (!tests)
		panic("ktest_run: no memory for the list of tests");
	/* The plan first: one line will follow for each test counted here. */
	if (!strcmp(ktest_list, "all")) {
		for (const struct ktest *t = __start_ktest; t < __stop_ktest; t++)
			total += !(t->flags & KTEST_EXPLICIT);
	} else {
		total = 1;
		for (const char *c = ktest_list; *c; c++)
			total += *c == ',';
	}
	printk(KERN_INFO "ktest: 1..%d\n", total);
	n = ktest_select(tests);
	if (ktest_seed) {
		printk(KERN_INFO "ktest: order shuffled, ktest_seed=%lu\n",
		       ktest_seed);
		ktest_shuffle(tests, n, ktest_seed);
	}
	for (int i = 0; i < n; i++)
		run_one(tests[i]);
	kfree(tests);
	trace_dump();	/* trace=sched: the run's events, as at power-off */
	ktest_finish();
}
