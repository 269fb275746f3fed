// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/kthread_test.c - what a new kernel thread inherits of its
 * creator's scheduling: nothing.
 *
 * kthreadd (pid 2) forks every kthread_create()d thread, so fork copies
 * kthreadd's nice -5, policy and CPU mask into the child;
 * kthread_create() (kernel/kthread.c) puts them back to nice 0,
 * SCHED_NORMAL and every CPU, as Linux's kthread_create() does.  The test
 * gives kthreadd a real-time policy and a single CPU for the length of
 * one kthread_create() and checks that the new thread got none of it.
 */
#include <cpumask.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>

static int return_zero(void *unused)
{
	return 0;
}

KTEST(kthread_starts_at_nice_0_normal_on_every_cpu)
{
	struct task_struct *kd = kthreadd_task;
	int nice, rt, kd_nice, stopped;
	unsigned int policy;
	struct task_struct *k;
	cpumask_t cpus;

	KTEST_ASSERT(kd != NULL);
	KTEST_ASSERT(TASK_NICE(kd) == -5);
	KTEST_ASSERT(cpus_equal(kd->cpus_allowed, CPU_MASK_ALL));

	/* Something fork would copy besides the nice value. */
	KTEST_ASSERT(sched_setscheduler(kd, SCHED_FIFO, 1) == 0);
	set_cpus_allowed(kd, cpumask_of_cpu(0));
	k = kthread_create(return_zero, NULL, "ktest-inherit");
	sched_setscheduler(kd, SCHED_NORMAL, 0);
	set_cpus_allowed(kd, CPU_MASK_ALL);
	KTEST_ASSERT(!IS_ERR(k));

	/* Read, then stop the thread (never woken: -EINTR), then check. */
	nice = TASK_NICE(k);
	policy = k->policy;
	rt = rt_task(k);
	cpus = k->cpus_allowed;
	kd_nice = TASK_NICE(kd);
	stopped = kthread_stop(k);
	KTEST_EXPECT_EQ(stopped, -EINTR);
	KTEST_EXPECT_EQ(nice, 0);
	KTEST_EXPECT_EQ(policy, SCHED_NORMAL);
	KTEST_EXPECT_EQ(rt, 0);
	KTEST_ASSERT(cpus_equal(cpus, CPU_MASK_ALL));
	/* kthreadd keeps its own nice value. */
	KTEST_EXPECT_EQ(kd_nice, -5);
}

KTEST(fork_copies_cpus_allowed)
{
	struct task_struct *child;
	bool copied;
	int pid;

	/* Process 0 stays on its CPU; init, and so the tests, may move. */
	KTEST_ASSERT(cpus_equal(init_task.cpus_allowed, cpumask_of_cpu(0)));
	KTEST_ASSERT(cpus_equal(current->cpus_allowed, CPU_MASK_ALL));

	set_cpus_allowed(current, cpumask_of_cpu(0));
	pid = kernel_thread(return_zero, NULL, 0);
	set_cpus_allowed(current, CPU_MASK_ALL);
	KTEST_ASSERT(pid > 0);
	/* Our child: its task_struct stays until we reap it. */
	child = find_task_by_pid(pid);
	copied = child && cpus_equal(child->cpus_allowed, cpumask_of_cpu(0));
	KTEST_EXPECT_EQ(do_wait(pid, NULL, 0), pid);
	KTEST_ASSERT(copied);
}
