// SPDX-License-Identifier: GPL-2.0
/*
 * tests/ktest/uaccess_test.c - what kernel threads cannot do: touch user
 * memory (they run in kernel mode only, on kernel addresses:
 * Understanding the Linux Kernel, 3rd ed., chapter 3, section "Kernel
 * Threads") or be killed by signals, unless they allow it.
 *
 * The tests start kernel threads with kthread_run() and stop them in a
 * cleanup action, so a failed check cannot leave one behind (kernel
 * threads ignore the runner's SIGKILL).  They wait for the events
 * themselves: a completion the thread completes once it has acted, the
 * thread seen asleep by the scheduler before a signal is sent to it.
 */
#include <asm/uaccess.h>
#include <completion.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <vsprintf.h>

#define USER_ADDRESS	((void *)0x08048000)	/* where programs start */

/*
 * How long to wait for a thread to do what takes it a tick or two: only
 * a broken kernel gets there, so it is generous enough for any host.
 */
#define EVENT_TIMEOUT	(10 * HZ)

static struct {
	unsigned long from_user_left, to_user_left, clear_user_left;
	long strncpy_result;
	char buf[16];
	struct completion done;		/* the four attempts are made */
} ua;

static int touch_user_memory(void *arg)
{
	/* A kernel thread has no user address space: refused, not a crash. */
	ua.from_user_left = copy_from_user(ua.buf, USER_ADDRESS,
					   sizeof(ua.buf));
	ua.to_user_left = copy_to_user(USER_ADDRESS, ua.buf, sizeof(ua.buf));
	ua.clear_user_left = clear_user(USER_ADDRESS, sizeof(ua.buf));
	ua.strncpy_result = strncpy_from_user(ua.buf, USER_ADDRESS,
					      sizeof(ua.buf));
	complete(&ua.done);
	ktest_wait_for_stop();
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
	struct task_struct *k;

	memset(&ua, 0, sizeof(ua));
	init_completion(&ua.done);
	k = kthread_run(touch_user_memory, NULL, "ktest-uaccess");
	KTEST_ASSERT(!IS_ERR(k));
	ktest_add_action(ktest_kthread_stop, k);
	KTEST_ASSERT(wait_for_completion_timeout(&ua.done, EVENT_TIMEOUT));
	KTEST_EXPECT_EQ(ua.from_user_left, sizeof(ua.buf));
	KTEST_EXPECT_EQ(ua.to_user_left, sizeof(ua.buf));
	KTEST_EXPECT_EQ(ua.clear_user_left, sizeof(ua.buf));
	KTEST_EXPECT_EQ(ua.strncpy_result, -EFAULT);

	n = log_buf_copy(log, min(log_end - since, sizeof(log) - 1));
	log[n] = '\0';
	KTEST_EXPECT(warned(log, "copy_from_user", "ktest-uaccess", k->pid));
	KTEST_EXPECT(warned(log, "copy_to_user", "ktest-uaccess", k->pid));
	KTEST_EXPECT(warned(log, "clear_user", "ktest-uaccess", k->pid));
	KTEST_EXPECT(warned(log, "strncpy_from_user", "ktest-uaccess",
			    k->pid));
}

/* A thread that sleeps interruptibly, woken by nothing but a stop. */
struct signal_target {
	int wakeups;			/* schedule() returned, not stopped */
	bool saw_signal;
	struct completion woken;	/* the listener saw its signal */
};

static int sleep_until_stopped(void *arg)
{
	struct signal_target *t = arg;

	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		/* Returns at once, without sleeping, if a signal is pending. */
		schedule();
		if (!kthread_should_stop())
			WRITE_ONCE(t->wakeups, t->wakeups + 1);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int sleep_until_signalled(void *arg)
{
	struct signal_target *t = arg;

	allow_signal(SIGTERM);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (signal_pending(current) || kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	t->saw_signal = signal_pending(current);
	complete(&t->woken);
	/* A kernel thread acts on its signals itself: this one is done. */
	flush_signals(current);
	ktest_wait_for_stop();
	return 0;
}

KTEST(kernel_threads_ignore_signals_unless_allowed)
{
	static struct signal_target deaf_t, listener_t;
	struct task_struct *deaf, *listener;

	memset(&deaf_t, 0, sizeof(deaf_t));
	memset(&listener_t, 0, sizeof(listener_t));
	init_completion(&listener_t.woken);
	deaf = kthread_run(sleep_until_stopped, &deaf_t, "ktest-deaf");
	KTEST_ASSERT(!IS_ERR(deaf));
	ktest_add_action(ktest_kthread_stop, deaf);
	listener = kthread_run(sleep_until_signalled, &listener_t,
			       "ktest-listen");
	KTEST_ASSERT(!IS_ERR(listener));
	ktest_add_action(ktest_kthread_stop, listener);
	/* Asleep in their loops: the listener has allowed SIGTERM. */
	ktest_wait_sleeping(deaf, TASK_INTERRUPTIBLE);
	ktest_wait_sleeping(listener, TASK_INTERRUPTIBLE);

	KTEST_EXPECT_EQ(send_sig(SIGKILL, deaf), 0);
	KTEST_EXPECT_EQ(send_sig(SIGTERM, deaf), 0);
	/*
	 * Ignored: nothing pending, and not even woken.  Had it been woken,
	 * it would be seen either not asleep (not yet back in its loop) or
	 * with a wake-up counted (back asleep): look in that order.
	 */
	KTEST_EXPECT(!signal_pending(deaf));
	KTEST_EXPECT(task_sleeping(deaf, TASK_INTERRUPTIBLE));
	KTEST_EXPECT_EQ(deaf_t.wakeups, 0);

	KTEST_EXPECT_EQ(send_sig(SIGTERM, listener), 0);
	/* allow_signal(): the thread is woken and sees it. */
	KTEST_EXPECT(wait_for_completion_timeout(&listener_t.woken,
						 EVENT_TIMEOUT));
	KTEST_EXPECT(listener_t.saw_signal);
	/* kill(2) of process 0: there is no such target. */
	KTEST_EXPECT_EQ(kill_pid(0, SIGKILL), -EINVAL);
	KTEST_EXPECT_EQ(kill_pid(99999, SIGKILL), -ESRCH);
}
