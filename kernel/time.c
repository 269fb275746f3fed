// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time.c - the clocks user programs read: time(2),
 * gettimeofday(2), clock_gettime(2) and clock_getres(2) in their 32- and
 * 64-bit forms, nanosleep(2) and clock_nanosleep(2).
 *
 * Linux 2.6: kernel/time.c (sys_time, sys_gettimeofday),
 * kernel/posix-timers.c (sys_clock_gettime, sys_clock_getres,
 * sys_clock_nanosleep), kernel/timekeeping.c; the 64-bit forms
 * (clock_gettime64 = 403, ...) came with Linux 5.1 for the year 2038,
 * and glibc 2.34 and later try them first.
 * Two clocks underneath: sched_clock() (arch/x86/tsc.c), nanoseconds
 * since boot from the TSC, for CLOCK_MONOTONIC and CLOCK_BOOTTIME (no
 * suspend here, so they are the same); and the wall clock,
 * CLOCK_REALTIME, which is the CMOS clock read once at boot
 * (drivers/rtc.c, timekeeping_init()) plus sched_clock() since.  Nothing
 * sets it (no settimeofday) and nothing steers it (no NTP): it drifts as
 * the TSC does.  The "coarse" clocks are the same (Linux's are tick
 * based and cheaper); the CPU-time clocks count the caller's user and
 * system ticks.  Sleeping is schedule_timeout(), in ticks, until the
 * clock slept on says the time has come: at least as long as asked, on
 * that clock, and about a tick longer.
 */
#include <asm/uaccess.h>
#include <errno.h>
#include <fs.h>
#include <kernel.h>
#include <param.h>
#include <sched.h>
#include <syscalls.h>
#include <time.h>
#include <timer.h>

#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_USEC	1000ULL
#define TICK_NSEC	(NSEC_PER_SEC / HZ)

/* Wall-clock nanoseconds when sched_clock() read 0. */
static u64 realtime_base_ns;

/**
 * timekeeping_init - read the CMOS clock once, to set the wall clock
 *
 * Context: boot, after the TSC is calibrated (time_init()).
 */
void timekeeping_init(void)
{
	unsigned long secs = rtc_read_seconds();

	realtime_base_ns = secs * NSEC_PER_SEC - sched_clock();
	printk(KERN_INFO "time: %lu s since 1970 (UTC) from the CMOS "
	       "clock\n", secs);
}

/**
 * current_kernel_time - the wall clock now
 *
 * Linux 2.6: kernel/time/timekeeping.c: current_kernel_time().  What the
 * file systems stamp their inodes with (current_fs_time()).
 * Context: any.
 * Return: seconds and nanoseconds since 1970 (UTC).
 */
struct timespec current_kernel_time(void)
{
	u64 ns = realtime_base_ns + sched_clock();
	struct timespec now = {
		.tv_sec = (long)(ns / NSEC_PER_SEC),
		.tv_nsec = (long)(ns % NSEC_PER_SEC),
	};

	return now;
}

/* Return: the clock's time in ns, or -EINVAL in *err for a bad clock. */
static u64 clock_ns(int clockid, int *err)
{
	*err = 0;
	switch (clockid) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		return realtime_base_ns + sched_clock();
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		return sched_clock();
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return (u64)(current->utime + current->stime) * TICK_NSEC;
	default:
		*err = -EINVAL;
		return 0;
	}
}

static u64 clock_res_ns(int clockid, int *err)
{
	clock_ns(clockid, err);
	switch (clockid) {
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		return TICK_NSEC;
	default:
		return 1;	/* the TSC: finer than a nanosecond */
	}
}

/* Copy @ns out as a 32-bit (kt_timespec) or 64-bit timespec. */
static long put_timespec(void *uts, u64 ns, bool time64)
{
	if (time64) {
		struct __kernel_timespec ts = {
			.tv_sec = ns / NSEC_PER_SEC,
			.tv_nsec = ns % NSEC_PER_SEC,
		};

		return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
	} else {
		struct kt_timespec ts = {
			.tv_sec = ns / NSEC_PER_SEC,
			.tv_nsec = ns % NSEC_PER_SEC,
		};

		return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
	}
}

/* Read a timespec of either width as ns; -EINVAL if tv_nsec is bad. */
static long get_timespec(const void *uts, u64 *ns, bool time64)
{
	long long sec, nsec;

	if (time64) {
		struct __kernel_timespec ts;

		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = ts.tv_nsec;
	} else {
		struct kt_timespec ts;

		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		sec = ts.tv_sec;
		nsec = ts.tv_nsec;
	}
	if (sec < 0 || nsec < 0 || nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	/* A year of nanoseconds is plenty for a sleep; more saturates. */
	*ns = sec > 365LL * 24 * 3600 ? 365ULL * 24 * 3600 * NSEC_PER_SEC :
	      (u64)sec * NSEC_PER_SEC + nsec;
	return 0;
}

static long do_clock_gettime(int clockid, void *tp, bool time64)
{
	int err;
	u64 ns = clock_ns(clockid, &err);

	return err ? err : put_timespec(tp, ns, time64);
}

static long do_clock_getres(int clockid, void *tp, bool time64)
{
	int err;
	u64 ns = clock_res_ns(clockid, &err);

	if (err)
		return err;
	return tp ? put_timespec(tp, ns, time64) : 0;
}

/*
 * Sleep in ticks until the clock itself reaches the deadline.  The ticks
 * (the timer interrupt) and the clock (the TSC) are two clocks; when
 * they disagree -- a loaded host delays QEMU's ticks, then delivers them
 * in a burst -- enough ticks can pass before enough nanoseconds have, so
 * the sleep goes on for what is left.  Linux's hrtimers sleep on the
 * clock directly (kernel/hrtimer.c: do_nanosleep()).
 */
static long do_clock_nanosleep(int clockid, int flags, const void *rqtp,
			       void *rmtp, bool time64)
{
	u64 ns, now, deadline;
	long err;
	int cerr;

	if (clockid != CLOCK_REALTIME && clockid != CLOCK_MONOTONIC &&
	    clockid != CLOCK_BOOTTIME)
		return -EINVAL;
	err = get_timespec(rqtp, &ns, time64);
	if (err)
		return err;
	now = clock_ns(clockid, &cerr);
	deadline = flags & TIMER_ABSTIME ? ns : now + ns;
	while (now < deadline) {
		/* Rounded up, plus the tick already under way. */
		schedule_timeout_interruptible(
			DIV_ROUND_UP(deadline - now, TICK_NSEC) + 1);
		now = clock_ns(clockid, &cerr);
		if (signal_pending(current) && now < deadline) {
			if (rmtp && !(flags & TIMER_ABSTIME)) {
				err = put_timespec(rmtp, deadline - now,
						   time64);
				if (err)
					return err;
			}
			return -EINTR;
		}
	}
	return 0;
}

/**
 * sys_nanosleep - nanosleep(2): clock_nanosleep() on CLOCK_MONOTONIC
 * @rqtp: how long
 * @rmtp: what was left, if a signal cut the sleep short
 *
 * Context: process (a system call), sleeps.
 * Return: 0, -EINTR (a signal), -EINVAL, -EFAULT.
 */
asmlinkage long sys_nanosleep(const struct kt_timespec *rqtp,
			      struct kt_timespec *rmtp)
{
	return do_clock_nanosleep(CLOCK_MONOTONIC, 0, rqtp, rmtp, false);
}

/**
 * sys_time - time(2): seconds since 1970
 * @tloc: also stored here, unless NULL
 *
 * Context: process (a system call).
 * Return: the time, or -EFAULT.
 */
asmlinkage long sys_time(long *tloc)
{
	int err;
	long secs = clock_ns(CLOCK_REALTIME, &err) / NSEC_PER_SEC;

	if (tloc && copy_to_user(tloc, &secs, sizeof(secs)))
		return -EFAULT;
	return secs;
}

/**
 * sys_gettimeofday - gettimeofday(2)
 * @tv: seconds and microseconds since 1970, unless NULL
 * @tz: the time zone, unless NULL: UTC (two zero ints)
 *
 * Context: process (a system call).
 * Return: 0, or -EFAULT.
 */
asmlinkage long sys_gettimeofday(struct kt_timeval *tv, int *tz)
{
	int err;

	if (tv) {
		u64 ns = clock_ns(CLOCK_REALTIME, &err);
		struct kt_timeval t = {
			.tv_sec = ns / NSEC_PER_SEC,
			.tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC,
		};

		if (copy_to_user(tv, &t, sizeof(t)))
			return -EFAULT;
	}
	if (tz) {
		int zone[2] = { 0, 0 };

		if (copy_to_user(tz, zone, sizeof(zone)))
			return -EFAULT;
	}
	return 0;
}

/**
 * sys_clock_gettime - clock_gettime(2), 32-bit seconds
 * @clockid: CLOCK_*
 * @tp: where the time goes
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL (an unknown clock), -EFAULT.
 */
asmlinkage long sys_clock_gettime(int clockid, struct kt_timespec *tp)
{
	return do_clock_gettime(clockid, tp, false);
}

/**
 * sys_clock_gettime64 - clock_gettime64(2), 64-bit seconds
 * @clockid: CLOCK_*
 * @tp: where the time goes
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL, -EFAULT.
 */
asmlinkage long sys_clock_gettime64(int clockid, struct __kernel_timespec *tp)
{
	return do_clock_gettime(clockid, tp, true);
}

/**
 * sys_clock_getres - clock_getres(2): the clock's resolution
 * @clockid: CLOCK_*
 * @tp: where it goes, unless NULL
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL, -EFAULT.
 */
asmlinkage long sys_clock_getres(int clockid, struct kt_timespec *tp)
{
	return do_clock_getres(clockid, tp, false);
}

/**
 * sys_clock_getres_time64 - clock_getres(2), 64-bit seconds
 * @clockid: CLOCK_*
 * @tp: where it goes, unless NULL
 *
 * Context: process (a system call).
 * Return: 0, -EINVAL, -EFAULT.
 */
asmlinkage long sys_clock_getres_time64(int clockid,
					struct __kernel_timespec *tp)
{
	return do_clock_getres(clockid, tp, true);
}

/**
 * sys_clock_nanosleep - clock_nanosleep(2), 32-bit seconds
 * @clockid: CLOCK_REALTIME, CLOCK_MONOTONIC or CLOCK_BOOTTIME
 * @flags: TIMER_ABSTIME: @rqtp is a time on that clock, not a duration
 * @rqtp: how long, or until when
 * @rmtp: what was left, if a signal cut the sleep short (relative only)
 *
 * Context: process (a system call), sleeps.
 * Return: 0, -EINTR (a signal), -EINVAL, -EFAULT.
 */
asmlinkage long sys_clock_nanosleep(int clockid, int flags,
				    const struct kt_timespec *rqtp,
				    struct kt_timespec *rmtp)
{
	return do_clock_nanosleep(clockid, flags, rqtp, rmtp, false);
}

/**
 * sys_clock_nanosleep_time64 - clock_nanosleep(2), 64-bit seconds
 * @clockid: CLOCK_REALTIME, CLOCK_MONOTONIC or CLOCK_BOOTTIME
 * @flags: TIMER_ABSTIME or 0
 * @rqtp: how long, or until when
 * @rmtp: what was left, if a signal cut the sleep short (relative only)
 *
 * Context: process (a system call), sleeps.
 * Return: 0, -EINTR, -EINVAL, -EFAULT.
 */
asmlinkage long sys_clock_nanosleep_time64(int clockid, int flags,
					   const struct __kernel_timespec *rqtp,
					   struct __kernel_timespec *rmtp)
{
	return do_clock_nanosleep(clockid, flags, rqtp, rmtp, true);
}
