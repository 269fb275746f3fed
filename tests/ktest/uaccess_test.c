// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/uaccess_test.c - what kernel threads cannot do: touch user
 * memory (seed 000) or be killed by signals, unless they allow it.
 */
#include <asm/uaccess.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <sched.h>
#include <signal.h>
#include <timer.h>

static unsigned long uncopied;
static long strncpy_result;

static int touch_user_memory(void *arg)
{
	char buf[16];

	/* A kernel thread has no user address space: refused, not a crash. */
	uncopied = copy_from_user(buf, (void *)0x08048000, sizeof(buf));
	strncpy_result = strncpy_from_user(buf, (void *)0x08048000,
					   sizeof(buf));
	/* kthread_stop()'s contract: do not return before being asked. */
	while (!kthread_should_stop())
		msleep(5);
	return 0;
}

KTEST(kernel_thread_user_access_fails_with_efault)
{
	struct task_struct *k = kthread_run(touch_user_memory, NULL,
					    "ktest-uaccess");

	KTEST_ASSERT(!IS_ERR(k));
	msleep(20);
	KTEST_EXPECT_EQ(kthread_stop(k), 0);
	KTEST_EXPECT_EQ(uncopied, 16);
	KTEST_EXPECT_EQ(strncpy_result, -EFAULT);
}

static int sleep_until_stopped(void *arg)
{
	while (!kthread_should_stop())
		msleep_interruptible(10);
	return 0;
}

static int sleep_until_signalled(void *arg)
{
	allow_signal(SIGTERM);
	while (!signal_pending(current) && !kthread_should_stop())
		msleep_interruptible(1000);
	*(bool *)arg = signal_pending(current);
	while (!kthread_should_stop())
		msleep(5);
	return 0;
}

KTEST(kernel_threads_ignore_signals_unless_allowed)
{
	static bool got_signal;
	struct task_struct *deaf, *listener;

	deaf = kthread_run(sleep_until_stopped, NULL, "ktest-deaf");
	listener = kthread_run(sleep_until_signalled, &got_signal,
			       "ktest-listen");
	KTEST_ASSERT(!IS_ERR(deaf) && !IS_ERR(listener));
	msleep(20);
	KTEST_EXPECT_EQ(send_sig(SIGKILL, deaf), 0);
	KTEST_EXPECT_EQ(send_sig(SIGTERM, deaf), 0);
	msleep(20);
	/* Ignored: nothing pending, still sleeping, still alive. */
	KTEST_ASSERT(!signal_pending(deaf));
	KTEST_EXPECT_EQ(task_state_char(deaf), 'S');

	got_signal = false;
	KTEST_EXPECT_EQ(send_sig(SIGTERM, listener), 0);
	msleep(20);
	/* allow_signal(): the thread was woken and saw it. */
	KTEST_ASSERT(got_signal);
	KTEST_EXPECT_EQ(kthread_stop(listener), 0);
	KTEST_EXPECT_EQ(kthread_stop(deaf), 0);
	/* kill(2) of process 0: there is no such target. */
	KTEST_EXPECT_EQ(kill_pid(0, SIGKILL), -EINVAL);
	KTEST_EXPECT_EQ(kill_pid(99999, SIGKILL), -ESRCH);
}
