// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/uaccess_test.c - what kernel threads cannot do: touch user
 * memory (they run in kernel mode only, on kernel addresses:
 * Understanding the Linux Kernel, 3rd ed., chapter 3, section "Kernel
 * Threads") or be killed by signals, unless they allow it.
 */
#include <asm/uaccess.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <timer.h>
#include <vsprintf.h>

#define USER_ADDRESS	((void *)0x08048000)	/* where programs start */

static unsigned long from_user_left, to_user_left, clear_user_left;
static long strncpy_result;
static char kernel_buf[16];

static int touch_user_memory(void *arg)
{
	/* A kernel thread has no user address space: refused, not a crash. */
	from_user_left = copy_from_user(kernel_buf, USER_ADDRESS,
					sizeof(kernel_buf));
	to_user_left = copy_to_user(USER_ADDRESS, kernel_buf,
				    sizeof(kernel_buf));
	clear_user_left = clear_user(USER_ADDRESS, sizeof(kernel_buf));
	strncpy_result = strncpy_from_user(kernel_buf, USER_ADDRESS,
					   sizeof(kernel_buf));
	/* kthread_stop()'s contract: do not return before being asked. */
	while (!kthread_should_stop())
		msleep(5);
	return 0;
}

/* Is "@what from kernel thread @comm (pid @pid): ..." in @log? */
static bool warned(const char *log, const char *what, const char *comm,
		   pid_t pid)
{
	char line[96];

	snprintf(line, sizeof(line), "%s from kernel thread %s (pid %d): it "
		 "has no user address space\n", what, comm, pid);
	return strstr(log, line);
}

/*
 * Each helper copies nothing and warns, naming itself and the thread.
 * The warning matters as much as the result: without the mm check,
 * copy_to_user() would still return 16 (the fault on the borrowed mm is
 * fixed up), having written through whatever mm the thread borrowed.
 */
KTEST(kernel_thread_user_access_fails_with_efault)
{
	static char log[4096];	/* the warnings and one WARN backtrace */
	unsigned long since = log_end, n;
	struct task_struct *k = kthread_run(touch_user_memory, NULL,
					    "ktest-uaccess");
	pid_t pid;

	KTEST_ASSERT(!IS_ERR(k));
	pid = k->pid;
	msleep(20);
	KTEST_EXPECT_EQ(kthread_stop(k), 0);
	KTEST_EXPECT_EQ(from_user_left, sizeof(kernel_buf));
	KTEST_EXPECT_EQ(to_user_left, sizeof(kernel_buf));
	KTEST_EXPECT_EQ(clear_user_left, sizeof(kernel_buf));
	KTEST_EXPECT_EQ(strncpy_result, -EFAULT);

	n = log_buf_copy(log, min(log_end - since, sizeof(log) - 1));
	log[n] = '\0';
	KTEST_ASSERT(warned(log, "copy_from_user", "ktest-uaccess", pid));
	KTEST_ASSERT(warned(log, "copy_to_user", "ktest-uaccess", pid));
	KTEST_ASSERT(warned(log, "clear_user", "ktest-uaccess", pid));
	KTEST_ASSERT(warned(log, "strncpy_from_user", "ktest-uaccess", pid));
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
