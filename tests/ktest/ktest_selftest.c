// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/ktest_selftest.c - tests of the test runner itself
 * (kernel/ktest.c).
 *
 * Each of these fails on purpose, in one way the runner must see and
 * report: an expectation that goes on, an assertion that ends the test
 * from a nested function while its cleanup actions still run, an
 * assertion in a thread the test started, a leaked page, slab object and
 * pid, a task left running.  They are
 * KTEST_NAMED_ONLY: tests/system/test_ktest_runner.py boots each one and
 * checks the exact lines the runner prints.  The passing ones are in
 * ktest=all and check the runner from the inside.
 */
#include <gfp.h>
#include <kernel.h>
#include <ktest.h>
#include <sched.h>
#include <signal.h>
#include <slab.h>
#include <string.h>
#include <timer.h>
#include <wait.h>

static void say_cleanup(void *what)
{
	printk(KERN_INFO "ktest: selftest cleanup %s\n", (const char *)what);
}

/* Two failed expectations: both reported, the test goes on to its end. */
KTEST_NAMED_ONLY(ktest_selftest_expect_goes_on)
{
	ktest_add_action(say_cleanup, "expect");
	KTEST_EXPECT_EQ(1 + 1, 3);
	KTEST_EXPECT(current->pid == 0);
	printk(KERN_INFO "ktest: selftest after two expectations\n");
}

static noinline void assert_deep_down(int depth)
{
	if (depth)
		assert_deep_down(depth - 1);
	KTEST_ASSERT(depth == 1);
	printk(KERN_INFO "ktest: selftest after the assertion\n");
}

/*
 * An assertion three calls down ends the test: neither the rest of the
 * nested function nor the test's next line runs, but both cleanup
 * actions do, last added first.
 */
KTEST_NAMED_ONLY(ktest_selftest_assert_ends_the_test)
{
	ktest_add_action(say_cleanup, "first");
	ktest_add_action(say_cleanup, "second");
	assert_deep_down(2);
	printk(KERN_INFO "ktest: selftest after the nested call\n");
}

/* A page, a slab object and a pid taken and never given back. */
KTEST_NAMED_ONLY(ktest_selftest_leaks)
{
	KTEST_ASSERT(__get_free_page(GFP_KERNEL));
	KTEST_ASSERT(kmalloc(100, GFP_KERNEL));
	KTEST_ASSERT(alloc_pidmap() > 0);
}

static int sleep_until_signalled(void *unused)
{
	static DECLARE_WAIT_QUEUE_HEAD(nobody);
	DEFINE_WAIT(wait);

	/* A kernel thread acts on no signal; this one looks for one. */
	allow_signal(SIGKILL);
	while (!signal_pending(current)) {
		prepare_to_wait(&nobody, &wait, TASK_INTERRUPTIBLE);
		if (!signal_pending(current))
			schedule();
		finish_wait(&nobody, &wait);
	}
	return 0;
}

/*
 * A child left asleep: the runner must name it, kill it (it sleeps
 * interruptibly, so SIGKILL wakes it), reap it, and fail the test.
 */
KTEST_NAMED_ONLY(ktest_selftest_leaves_a_task)
{
	int pid = kernel_thread(sleep_until_signalled, NULL, 0);

	KTEST_ASSERT(pid > 0);
	ktest_wait_sleeping(find_task_by_pid(pid), TASK_INTERRUPTIBLE);
	printk(KERN_INFO "ktest: selftest leaves pid %d asleep\n", pid);
}

static int run_and_assert(void *unused)
{
	KTEST_ASSERT(current->pid < 0);
	return 0;	/* not reached: the assertion ends this thread */
}

/* The child's assertion ends the child (exit code 1), not the test. */
KTEST_NAMED_ONLY(ktest_selftest_assert_in_a_child)
{
	long code = 0;
	int pid = kernel_thread(run_and_assert, NULL, 0);

	KTEST_ASSERT(pid > 0);
	KTEST_ASSERT_EQ(do_wait(pid, &code, 0), pid);
	printk(KERN_INFO "ktest: selftest child exit code %ld\n", code);
}

static int cleanups_run;

static void count_cleanup(void *unused)
{
	cleanups_run++;
}

/*
 * In ktest=all: each test runs in a thread of its own, a child of pid 1;
 * an action released early runs then, and not again at the end.
 */
KTEST(ktest_runs_each_test_in_its_own_thread)
{
	KTEST_EXPECT(current != child_reaper);
	KTEST_EXPECT(current->parent == child_reaper);
	KTEST_EXPECT(!strcmp(current->comm, "ktest"));

	cleanups_run = 0;
	ktest_add_action(count_cleanup, NULL);
	ktest_release_action(count_cleanup, NULL);
	KTEST_EXPECT_EQ(cleanups_run, 1);
}
