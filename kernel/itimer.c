// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/itimer.c - the real-time interval timer of a process:
 * alarm(2), setitimer(2) and getitimer(2) with ITIMER_REAL.
 *
 * Linux 2.6: kernel/itimer.c (it_real_fn(), do_setitimer(),
 * alarm_setitimer()); Understanding the Linux Kernel, 3rd ed., chapter 6,
 * section "The setitimer() and alarm() System Calls".
 * Each process has one kernel timer in its signal_struct (real_timer).
 * Arming it is mod_timer() at now + the value in jiffies; when it fires
 * (in the timer softirq, kernel/timer.c), it_real_fn() sends SIGALRM and,
 * for an interval timer, arms itself again.  Values are rounded up to
 * whole ticks, plus the tick under way, so that an alarm never comes
 * early.  A forked child starts without an alarm (signal_alloc() sets up
 * an idle timer); do_exit() stops the timer before the signal_struct can
 * go (exit_itimers()).  ITIMER_VIRTUAL and ITIMER_PROF (CPU-time timers)
 * are not kept: -EINVAL.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <signal.h>
#include <syscalls.h>
#include <timer.h>

#define USEC_PER_SEC	1000000L
#define USEC_PER_TICK	(USEC_PER_SEC / HZ)
/* The furthest a timer goes: within half the jiffies range, to compare. */
#define MAX_ITIMER_JIFFIES	((unsigned long)(~0UL >> 2))

/* The timer's function: SIGALRM, and again after the interval if one. */
static void it_real_fn(unsigned long data)
{
	struct task_struct *p = (struct task_struct *)data;
	struct signal_struct *sig = p->signal;

	send_sig(SIGALRM, p);
	if (READ_ONCE(sig->it_real_incr))
		mod_timer(&sig->real_timer, jiffies + sig->it_real_incr);
}

/**
 * it_real_init - set up a new process's (idle) real-time timer
 * @sig: its signal_struct
 *
 * Context: fork (signal_alloc()), boot (process 0's).
 */
void it_real_init(struct signal_struct *sig)
{
	setup_timer(&sig->real_timer, it_real_fn, 0);
	sig->it_real_incr = 0;
}

/**
 * exit_itimers - stop a dying process's timer, and wait for its function
 * @sig: the process's signal_struct
 *
 * Context: do_exit(), process.
 */
void exit_itimers(struct signal_struct *sig)
{
	del_timer_sync(&sig->real_timer);
}

/* Rounded up: a timer never fires before the time asked for. */
static unsigned long timeval_to_jiffies(const struct kt_timeval *tv)
{
	unsigned long long ticks = (unsigned long long)tv->tv_sec * HZ +
				   (tv->tv_usec + USEC_PER_TICK - 1) /
				   USEC_PER_TICK;

	return ticks > MAX_ITIMER_JIFFIES ? MAX_ITIMER_JIFFIES : ticks;
}

static void jiffies_to_timeval(unsigned long j, struct kt_timeval *tv)
{
	tv->tv_sec = j / HZ;
	tv->tv_usec = (j % HZ) * USEC_PER_TICK;
}

static bool timeval_valid(const struct kt_timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 &&
	       tv->tv_usec < USEC_PER_SEC;
}

/* ITIMER_REAL as it stands: the time left and the interval. */
static void get_real_timer(struct kt_itimerval *value)
{
	struct signal_struct *sig = current->signal;
	unsigned long left = 0;

	if (timer_pending(&sig->real_timer)) {
		left = sig->real_timer.expires - jiffies;
		/* Due but not run yet: a tick, not a negative time. */
		if ((long)left <= 0)
			left = 1;
	}
	jiffies_to_timeval(left, &value->it_value);
	jiffies_to_timeval(sig->it_real_incr, &value->it_interval);
}

static int do_setitimer(int which, const struct kt_itimerval *value,
			struct kt_itimerval *ovalue)
{
	struct signal_struct *sig = current->signal;
	struct timer_list *timer = &sig->real_timer;
	unsigned long expires;

	if (which != ITIMER_REAL)
		return -EINVAL;
	if (!timeval_valid(&value->it_value) ||
	    !timeval_valid(&value->it_interval))
		return -EINVAL;
	if (ovalue)
		get_real_timer(ovalue);
	/* Only this task arms it: once stopped, it stays stopped. */
	del_timer_sync(timer);
	expires = timeval_to_jiffies(&value->it_value);
	WRITE_ONCE(sig->it_real_incr,
		   expires ? timeval_to_jiffies(&value->it_interval) : 0);
	if (expires) {
		timer->data = (unsigned long)current;
		mod_timer(timer, jiffies + expires + 1);
	}
	return 0;
}

asmlinkage long sys_setitimer(int which, const struct kt_itimerval *value,
			      struct kt_itimerval *ovalue)
{
	struct kt_itimerval new = { 0 }, old;
	long ret;

	/* A NULL value disarms, as Linux 2.6 took it. */
	if (value && copy_from_user(&new, value, sizeof(new)))
		return -EFAULT;
	ret = do_setitimer(which, &new, ovalue ? &old : NULL);
	if (!ret && ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return ret;
}

asmlinkage long sys_getitimer(int which, struct kt_itimerval *value)
{
	struct kt_itimerval cur;

	if (which != ITIMER_REAL)
		return -EINVAL;
	get_real_timer(&cur);
	return copy_to_user(value, &cur, sizeof(cur)) ? -EFAULT : 0;
}

/*
 * alarm(2): SIGALRM in @seconds (0: cancel); the seconds that were left
 * of the previous alarm, rounded to the nearest, and at least 1 if any
 * time was left at all (Linux: alarm_setitimer()).
 */
asmlinkage long sys_alarm(unsigned int seconds)
{
	struct kt_itimerval it = { .it_value = { .tv_sec = seconds } }, old;

	if ((long)seconds < 0)
		it.it_value.tv_sec = __LONG_MAX__ / HZ;
	do_setitimer(ITIMER_REAL, &it, &old);
	if ((!old.it_value.tv_sec && old.it_value.tv_usec) ||
	    old.it_value.tv_usec >= USEC_PER_SEC / 2)
		old.it_value.tv_sec++;
	return old.it_value.tv_sec;
}
