// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/long_test.c - reliability at scale: ten thousand
 * kernel_thread() forks and ten thousand kthread_create()/kthread_stop()
 * cycles while every 11th allocation fails, and afterwards not one page,
 * slab object, pid or task may be missing.
 *
 * Too long for ktest=all (the forks take a fraction of a second of guest
 * time, the kthreads 10 to 20 s, most of it printing kthread_create()'s
 * line on the serial port): both are KTEST_NAMED_ONLY, run by `make
 * test-long` (tests/long/test_long.py), which parses the "long: " lines
 * each prints and fails on a leak.  Fault injection (include/gfp.h) runs
 * with the task filter on, so only the allocations of marked tasks fail:
 * the test's own thread for the forks (its children inherit the mark,
 * and allocate nothing), kthreadd for the kthread_create() cycles, since
 * kthreadd forks the threads and its children, the new threads, inherit
 * the mark.  The runner, the daemons and interrupt handlers never see an
 * injected failure.  The marks and the injection are undone by cleanup
 * actions however a test ends.
 *
 * Each test measures the machine settled (reaped tasks freed, the slab's
 * empty slabs given back) before and after itself and reports the
 * difference; the runner (kernel/ktest.c) checks the same again around
 * the whole test.  Linux 2.6 had no such test; the fault injection is
 * that of Linux's lib/fault-inject.c.
 */
#include <completion.h>
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
#include <kthread.h>
#include <mm_types.h>
#include <sched.h>
#include <slab.h>
#include <timer.h>

#define LONG_CYCLES		10000
/*
 * Every 11th allocation fails: more than a fork makes (6), and more than
 * one that must first grow the cache of a large object (sighand and
 * signal, whose slab descriptor is itself an allocation: 8), so that
 * such a fork can work at all and the cache settle.
 */
#define LONG_FAIL_INTERVAL	11
#define LONG_MAX_POSITION	8	/* allocations of a fork counted */
#define LONG_PHASE_SEED		0x6b743236

/* What must be the same before and after. */
struct long_snapshot {
	int tasks;
	int pids;
	unsigned long free_pages;
	unsigned long slab_objects;
};

/* How the cycles went. */
struct long_counts {
	int created;			/* creations that worked */
	int enomem;			/* ... that failed with -ENOMEM */
	int eagain;			/* ... with -EAGAIN (no pid) */
	unsigned long injected;		/* allocations made to fail */
	unsigned long eligible;		/* allocations that counted */
	unsigned long start;		/* jiffies */
	int at[LONG_MAX_POSITION];	/* failures at each allocation */
	int at_other;			/* ... at none of those */
};

/*
 * The machine with every exiting task gone (a task's stack goes only
 * after its last switch), no borrowed mm held by this thread, and the
 * slab's empty slabs given back.
 */
static void long_snapshot(struct long_snapshot *s)
{
	ktest_wait_exits();
	drop_borrowed_mm();
	kmem_cache_shrink_all();
	s->tasks = nr_threads;
	s->pids = nr_pids_in_use();
	s->free_pages = nr_free_pages();
	s->slab_objects = kmem_cache_active_objects();
}

/* The "long: " lines the host parses, then the leak checks. */
static void long_report(const char *what, const struct long_counts *c,
			const struct long_snapshot *before)
{
	struct long_snapshot after;
	long pages, objects;

	long_snapshot(&after);
	pages = (long)before->free_pages - (long)after.free_pages;
	objects = (long)after.slab_objects - (long)before->slab_objects;
	printk(KERN_INFO "long: %s: %d cycles: %d created, %d -ENOMEM, "
	       "%d -EAGAIN; %lu of %lu allocations failed; leaked %ld pages, "
	       "%ld slab objects, %d pids, %d tasks; %lu ms\n", what,
	       LONG_CYCLES, c->created, c->enomem, c->eagain, c->injected,
	       c->eligible, pages, objects, after.pids - before->pids,
	       after.tasks - before->tasks,
	       (jiffies - c->start) * 1000 / HZ);
	printk(KERN_INFO "long: %s: failed creations by failing allocation: "
	       "1st %d, 2nd %d, 3rd %d, 4th %d, 5th %d, 6th %d, 7th %d, "
	       "8th %d, other %d\n", what, c->at[0], c->at[1], c->at[2],
	       c->at[3], c->at[4], c->at[5], c->at[6], c->at[7], c->at_other);
	KTEST_EXPECT_EQ(pages, 0);
	KTEST_EXPECT_EQ(objects, 0);
	KTEST_EXPECT_EQ(after.pids, before->pids);
	KTEST_EXPECT_EQ(after.tasks, before->tasks);
	KTEST_EXPECT_EQ(c->created + c->enomem + c->eagain, LONG_CYCLES);
	KTEST_EXPECT(c->created > 0);
	/*
	 * Every creation makes at least four allocations (task_struct,
	 * stack, sighand, signal): a failure of each must have been seen.
	 */
	for (int i = 0; i < 4; i++)
		KTEST_EXPECT(c->at[i] > 0);
}

static void stop_injecting(void *unused)
{
	fail_alloc_set(0, 0, false);
}

static void unmark_task(void *task)
{
	WRITE_ONCE(((struct task_struct *)task)->make_it_fail, 0);
}

/* Mark @task and start injecting; cleanup actions undo both. */
static void long_inject(struct task_struct *task, struct long_counts *c)
{
	WRITE_ONCE(task->make_it_fail, 1);
	ktest_add_action(unmark_task, task);
	fail_alloc_set(LONG_FAIL_INTERVAL, FAULT_TIMES_UNLIMITED, true);
	ktest_add_action(stop_injecting, NULL);
	c->start = jiffies;
}

static void long_inject_end(struct task_struct *task, struct long_counts *c)
{
	c->injected = fail_alloc_stats(&c->eligible);
	ktest_release_action(stop_injecting, NULL);
	ktest_release_action(unmark_task, task);
}

/* Count a failed creation; anything but -ENOMEM / -EAGAIN ends the test. */
static void long_count_error(struct long_counts *c, int i, long err)
{
	if (err == -ENOMEM)
		c->enomem++;
	else if (err == -EAGAIN)
		c->eagain++;
	else
		KTEST_FAIL("cycle %d: creation failed with %ld", i, err);
}

/*
 * A cycle that works makes a fixed number of allocations, so with a
 * fixed interval the failure would hit the same allocation of every
 * failing fork.  Before each cycle the marked test thread makes 0 to 10
 * allocations of its own (a fixed pseudo-random sequence), so that the
 * failure lands on each allocation of a fork in turn.
 */
static void long_shift_phase(u32 *state)
{
	u32 x = *state;
	int n;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	n = x % LONG_FAIL_INTERVAL;
	while (n--)
		kfree(kmalloc(16, GFP_KERNEL));	/* may fail: kfree(NULL) */
}

/*
 * Which allocation of a creation failed: @before is the count of
 * eligible allocations before it, so the difference is the position of
 * the one that failed (nothing allocates after a failure).
 */
static void long_count_position(struct long_counts *c, unsigned long before)
{
	unsigned long now, pos;

	fail_alloc_stats(&now);
	pos = now - before;
	if (pos >= 1 && pos <= LONG_MAX_POSITION)
		c->at[pos - 1]++;
	else
		c->at_other++;
}

static int return_arg(void *arg)
{
	return (int)(long)arg;
}

/*
 * kernel_thread(), do_wait(): the test's thread is marked, so its own
 * forks fail at every allocation position in turn (a fork makes about
 * seven allocations); a failed fork must give back all it took.
 */
KTEST_NAMED_ONLY(long_kernel_thread_cycles_with_failing_allocations)
{
	struct long_snapshot before;
	struct long_counts c = { 0 };
	u32 phase = LONG_PHASE_SEED;

	long_snapshot(&before);
	long_inject(current, &c);
	for (int i = 0; i < LONG_CYCLES; i++) {
		unsigned long allocs;
		long code = -1;
		int pid;

		long_shift_phase(&phase);
		fail_alloc_stats(&allocs);
		pid = kernel_thread(return_arg, (void *)(long)i, 0);
		if (pid < 0) {
			long_count_error(&c, i, pid);
			long_count_position(&c, allocs);
			continue;
		}
		c.created++;
		KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
		KTEST_ASSERT_EQ(code, i);
	}
	long_inject_end(current, &c);
	long_report("kernel_thread", &c, &before);
}

/*
 * The thread of one kthread cycle.  static: a thread must never see the
 * test's stack, which is gone if an assertion ends the test.
 */
static struct {
	struct task_struct *task;	/* created, not yet stopped */
	struct completion started;	/* its function runs */
	bool ran;
	int value;
} long_kthread;

static int long_kthread_fn(void *arg)
{
	/* Marked (kthreadd's child): this may fail too, harmlessly. */
	void *p = kmalloc(64, GFP_KERNEL);

	kfree(p);
	WRITE_ONCE(long_kthread.ran, true);
	complete(&long_kthread.started);
	ktest_wait_for_stop();
	return (int)(long)arg;
}

/* A cycle's thread still alive when the test ends is stopped here. */
static void stop_long_kthread(void *unused)
{
	if (long_kthread.task)
		kthread_stop(long_kthread.task);
	long_kthread.task = NULL;
}

/*
 * kthread_create(), kthread_stop(): kthreadd is marked, so its forks fail
 * (the creator must get ERR_PTR(-ENOMEM) and nothing may stay behind) and
 * the threads it makes inherit the mark.  Even cycles stop the thread
 * before it was ever woken (-EINTR, its function never runs); odd ones
 * start it, wait until its function runs, and stop it (its value).
 */
KTEST_NAMED_ONLY(long_kthread_cycles_with_failing_allocations)
{
	struct long_snapshot before;
	struct long_counts c = { 0 };
	int never_ran = 0, ran = 0;

	u32 phase = LONG_PHASE_SEED;

	long_snapshot(&before);
	KTEST_ASSERT(kthreadd_task != NULL);
	ktest_add_action(stop_long_kthread, NULL);
	/* This thread for long_shift_phase(), kthreadd for the forks. */
	WRITE_ONCE(current->make_it_fail, 1);
	ktest_add_action(unmark_task, current);
	long_inject(kthreadd_task, &c);
	for (int i = 0; i < LONG_CYCLES; i++) {
		struct task_struct *k;
		unsigned long allocs;
		int ret;

		init_completion(&long_kthread.started);
		long_kthread.ran = false;
		long_shift_phase(&phase);
		fail_alloc_stats(&allocs);
		k = kthread_create(long_kthread_fn, (void *)(long)i,
				   "long/%d", i);
		if (IS_ERR(k)) {
			long_count_error(&c, i, PTR_ERR(k));
			long_count_position(&c, allocs);
			continue;
		}
		KTEST_ASSERT(k != NULL);
		c.created++;
		long_kthread.task = k;
		if (i & 1) {
			wake_up_process(k);
			wait_for_completion(&long_kthread.started);
		}
		long_kthread.task = NULL;
		ret = kthread_stop(k);
		if (i & 1) {
			KTEST_ASSERT_EQ(ret, i);
			ran++;
		} else {
			KTEST_ASSERT_EQ(ret, -EINTR);
			KTEST_ASSERT(!READ_ONCE(long_kthread.ran));
			never_ran++;
		}
	}
	long_inject_end(kthreadd_task, &c);
	ktest_release_action(unmark_task, current);
	ktest_release_action(stop_long_kthread, NULL);
	printk(KERN_INFO "long: kthread: %d stopped before they ran (-EINTR), "
	       "%d ran and returned their value\n", never_ran, ran);
	long_report("kthread", &c, &before);
}
